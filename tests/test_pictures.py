"""Pictures: proof trees as DOT and collapsible HTML, the whole result as a page, and per chapter
a decision tree in the guideline's terms beside the engineer's dependency map, drawn by Graphviz.
"""

import html
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from wervel_lp import recommend
from wervel_lp.docs import CHAPTERS, documents, stale_svgs
from wervel_lp.engine import kb_directory
from wervel_lp.labels import decision_label, field_label, topic_label
from wervel_lp.pictures import chapter_dot, chapter_tree_dot, proof_dot, proof_html, result_page, to_svg

CASE = Path(__file__).parent.parent / "examples" / "mescc_deficit_breast.json"
GRAPHVIZ = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed (make graphviz)")


def result():
    return recommend(json.loads(CASE.read_text()))


def test_proof_dot_has_the_decision_at_the_root_and_every_node_linked(kb):
    dot = proof_dot(result().explain("treatment"), kb, "nl")
    assert dot.startswith('digraph "') and dot.rstrip().endswith("}")
    assert 'label="Behandeling: radiotherapie\\nradiotherapy_first_choice"' in dot
    nodes = re.findall(r"^  (n\d+) \[label=", dot, re.M)
    edges = re.findall(r"^  (n\d+) -> (n\d+);", dot, re.M)
    assert len(edges) == len(nodes) - 1 and {b for _, b in edges} == set(nodes[1:])  # a tree
    assert "cluster_legend" in dot


def test_proof_html_is_collapsible_and_quotes_every_rule(kb):
    page = proof_html(result().explain("radiotherapy_schedule"), kb, "nl")
    assert page.count("<details") == page.count("</details>") > 3
    for rule in ("radiotherapy_deficit_moderate_condition_or_short_life", "radiotherapy_decided"):
        assert f'<blockquote id="{rule}"' in page
    quote = kb.rules["radiotherapy_deficit_moderate_condition_or_short_life"].quote
    assert html.escape(quote, quote=True) in page


def test_result_page_shows_the_whole_result(kb):
    """Findings, every decision with its proof, overrides, open topics with what to ask, the kb version."""
    r = result()
    page = result_page(r, kb, "nl", topic="treatment")
    assert page.count("<details") == page.count("</details>")
    for name in r.case:
        assert html.escape(field_label(kb, name, "nl")) in page
    for topic, value in r.decisions.items():
        block = re.search(rf'<details class="decision" id="topic-{topic}"( open)?><summary>(.*?)</summary>', page)
        assert block is not None, topic
        assert html.escape(decision_label(kb, topic, value, "nl")) in block.group(2)
        assert (block.group(1) is not None) == (topic == "treatment")
    overridden = [o for rec in r.recommendations for o in rec.overrides]
    assert overridden and all(o["priority"] in page for o in overridden)
    assert r.undetermined
    for u in r.undetermined:
        assert html.escape(topic_label(kb, u.topic, "nl")) in page
        if u.tree is not None and isinstance(u.tree, dict) and "field" in u.tree:   # what each answer decides
            assert html.escape(field_label(kb, u.tree["field"], "nl")) in page
        elif u.waiting_for is None and u.tree is None:
            assert all(html.escape(field_label(kb, f, "nl")) in page for f in u.ask)
    assert kb.version in page and kb.version.startswith("wervel-lp ")


def test_result_page_lists_warnings_when_there_are_any(kb):
    case = json.loads(CASE.read_text())
    candidates = [recommend({k: v for k, v in case.items() if k != drop}) for drop in case]
    with_warning = next((r for r in candidates if r.warnings), None)
    if with_warning is None:
        pytest.skip("no example variant has a warning")
    assert '<section id="warnings">' in result_page(with_warning, kb, "en")


def test_chapter_dot_shows_rules_inputs_conclusions_and_priorities(kb):
    dot = chapter_dot(kb, "radiotherapy")
    for rule_id, rule in kb.rules.items():
        if rule.source.startswith("kb/radiotherapy.pl"):
            assert f'label="{rule_id}"' in dot
    assert "style=dashed" in dot and 'label="bone_metastases_count"' in dot and "cluster_legend" in dot


def alternatives(dot):
    """Per rule id, the number of its alternative in the tree (None for an unordered one)."""
    found = re.findall(r'label=<(\d+\. |• ).*?<font point-size="7" color="#666666">(\w+)</font>>', dot)
    return {rule: int(n[:-2]) if n[0].isdigit() else None for n, rule in found}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_tree_orders_alternatives_by_priority(kb, chapter):
    """Priorities are ordered alternatives: a winner is numbered before every rule it beats."""
    dot = chapter_tree_dot(kb, chapter, "nl")
    numbers = alternatives(dot)
    chapter_rules = {r["id"] for r in kb.metadata["rules"] if r["module"] == chapter}
    assert set(numbers) == chapter_rules
    for prio in kb.priorities.values():
        for winner, loser in prio["beats"]:
            if winner in chapter_rules and loser in chapter_rules:
                assert numbers[winner] is not None and numbers[winner] < numbers[loser], prio["id"]
    assert "constraint=false" not in dot  # no priority edge across the picture
    assert "cluster_legend" in dot


def test_chapter_tree_puts_thresholds_on_edges_and_and_or_nodes(kb):
    """"een levensverwachting van minstens drie maanden" and "minder dan 1 jaar" as edge labels."""
    dot = chapter_tree_dot(kb, "treatment_indication", "nl")
    assert re.search(r'-> n\d+ \[label="≥ 3"\]', dot)
    assert re.search(r'n\d+ \[label="levensverwachting \(maanden\)"', dot)
    assert 'label="EN", shape=circle' in dot and 'label="OF", shape=circle' in dot
    assert 'label="NIET", shape=circle' in dot
    radiotherapy = chapter_tree_dot(kb, "radiotherapy", "en")
    assert re.search(r'-> n\d+ \[label="< 12"\]', radiotherapy)  # life expectancy under 1 year, in months
    assert 'label="AND", shape=circle' in radiotherapy


def test_docs_pictures_are_the_trees_and_maps_and_their_svgs_are_current(kb):
    docs = documents(kb)
    for m in CHAPTERS:
        assert docs[f"pictures/{m}.dot"] == chapter_tree_dot(kb, m, "nl")
        assert docs[f"pictures/{m}.map.dot"] == chapter_dot(kb, m)
    assert stale_svgs(docs, kb_directory().parent / "docs") == []


def test_a_stale_svg_is_found(kb, tmp_path):
    docs = {"pictures/x.dot": "digraph { a -> b }\n"}
    (tmp_path / "pictures").mkdir()
    assert stale_svgs(docs, tmp_path) == ["pictures/x.svg"]
    (tmp_path / "pictures" / "x.svg").write_text('<?xml version="1.0"?>\n<!-- dot source sha256: 00 -->\n<svg/>')
    assert stale_svgs(docs, tmp_path) == ["pictures/x.svg"]


@GRAPHVIZ
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_pictures_render_as_svg(kb, chapter):
    for dot in (chapter_tree_dot(kb, chapter, "nl"), chapter_dot(kb, chapter)):
        svg = to_svg(dot)
        root = ET.fromstring(svg.encode())
        assert root.tag.endswith("svg")
    assert stale_svgs({"pictures/x.dot": "digraph { a }\n"}, Path("/nonexistent")) == ["pictures/x.svg"]


@GRAPHVIZ
def test_explain_svg_through_graphviz():
    out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "explain", str(CASE), "treatment",
                          "--format", "svg", "--lang", "nl"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "<svg" in out.stdout and "Behandeling: radiotherapie" in out.stdout
