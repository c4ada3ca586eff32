"""Pictures: proof trees as DOT and collapsible HTML, chapter structures as DOT."""

import html
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wervel_lp import recommend
from wervel_lp.pictures import chapter_dot, proof_dot, proof_html

CASE = Path(__file__).parent.parent / "examples" / "mescc_deficit_breast.json"


def explanation(topic):
    import json
    return recommend(json.loads(CASE.read_text())).explain(topic)


def test_proof_dot_has_the_decision_at_the_root_and_every_node_linked(kb):
    dot = proof_dot(explanation("treatment"), kb)
    assert dot.startswith("digraph proof {") and dot.rstrip().endswith("}")
    assert "treatment = radiotherapy\\nradiotherapy_first_choice" in dot
    nodes = dot.count("[label=")
    assert dot.count(" -> ") == nodes - 1  # a tree


def test_proof_html_is_collapsible_and_quotes_every_rule(kb):
    page = proof_html(explanation("radiotherapy_schedule"), kb, "nl")
    assert page.count("<details") == page.count("</details>") > 3
    for rule in ("radiotherapy_deficit_moderate_condition_or_short_life", "radiotherapy_decided"):
        assert f'<blockquote id="{rule}"' in page
    quote = kb.rules["radiotherapy_deficit_moderate_condition_or_short_life"].quote
    assert html.escape(quote, quote=True) in page


def test_chapter_dot_shows_rules_inputs_conclusions_and_priorities(kb):
    dot = chapter_dot(kb, "radiotherapy")
    for rule_id, rule in kb.rules.items():
        if rule.source.startswith("kb/radiotherapy.pl"):
            assert f'label="{rule_id}"' in dot
    assert "style=dashed" in dot and 'label="bone_metastases_count"' in dot


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_explain_svg_through_graphviz():
    out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "explain", str(CASE), "treatment",
                          "--format", "svg"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "<svg" in out.stdout
