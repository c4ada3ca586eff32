"""Dutch throughout: every word a user sees comes from the kb's label tables in both languages,
and ``--lang nl`` output (text, HTML, DOT) holds no English label or English frame word.
"""

import html
import json
import re
from pathlib import Path

import pytest
from generate import field_values, random_cases

from wervel_lp import recommend
from wervel_lp.checker import Solver
from wervel_lp.docs import CHAPTERS
from wervel_lp.labels import WORDS, decision_label, field_label, finding_label, topic_label, value_label
from wervel_lp.pictures import chapter_tree_dot, proof_dot, result_page
from wervel_lp.render import findings, render_explanation, render_result, render_why_not

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))


def test_every_topic_value_has_a_label_in_both_languages(kb):
    for topic in kb.topics.values():
        for value in topic.values:
            labels = kb.decision_labels.get((topic.name, value))
            assert labels is not None and labels["nl"] and labels["en"], f"{topic.name} = {value} has no label"


def test_every_value_of_a_yes_no_or_enum_field_has_a_label_in_both_languages(kb):
    for f in kb.schema.fields.values():
        values = [True, False] if f.kind == "bool" else list(f.values) if f.kind == "enum" else []
        for value in values:
            labels = kb.value_labels.get((f.name, value))
            assert labels is not None and labels["nl"] and labels["en"], f"{f.name} = {value} has no label"


def test_a_decision_reads_in_the_guidelines_words(kb):
    """"zo spoedig mogelijk, maar in elk geval binnen 12 uur, bij klinische verdenking op MESMC"."""
    assert decision_label(kb, "treatment", "radiotherapy", "nl") == "radiotherapie"
    assert decision_label(kb, "mri_urgency", "within_12_hours", "nl").startswith("zo spoedig mogelijk")
    assert topic_label(kb, "treatment", "nl") == "Behandeling"


def test_a_number_is_never_read_as_yes():
    """True == 1 in Python: a field's number must not find the label of ``true``."""
    from wervel_lp.knowledge import knowledge_base

    kb = knowledge_base()
    assert value_label(kb, "life_expectancy_months", 1, "nl") == "1"
    assert value_label(kb, "life_expectancy_months", 2.5, "en") == "2.5"
    assert value_label(kb, "back_pain", True, "nl") == "ja"


def test_a_finding_test_shows_its_threshold_and_values(kb):
    assert finding_label(kb, "life_expectancy_months", ">=", 3, "nl") == "levensverwachting (maanden) ≥ 3"
    assert finding_label(kb, "radicular_pain", "in", ["unilateral", "bilateral"], "nl") == (
        "radiculaire pijn: eenzijdig of bilateraal")
    assert finding_label(kb, "back_pain", "=", True, "en") == field_label(kb, "back_pain", "en")


def english_words(kb):
    """Every English label of the kb and every English frame word that differs from its Dutch one."""
    pairs = [(f.label_en, f.label_nl) for f in kb.schema.fields.values()]
    pairs += [(t.label_en, t.label_nl) for t in kb.topics.values()]
    pairs += [(v["en"], v["nl"]) for v in [*kb.value_labels.values(), *kb.decision_labels.values()]]
    pairs += [(c["en"], c["nl"]) for c in kb.concepts.values()]
    pairs += [(s["en"], s["nl"]) for s in kb.steps.values()]
    pairs += [(rule.text_en, rule.text_nl) for rule in kb.rules.values()]
    for key, en in WORDS["en"].items():
        # a frame word with placeholders: the words between them
        pairs += [(part.strip(" :'(),."), WORDS["nl"][key]) for part in re.split(r"\{\w+\}", en)]
    return sorted({en for en, nl in pairs if len(en) > 1 and en != nl and en not in nl}, key=len, reverse=True)


def strip_quotes(kb, text):
    """The text without the guideline's own (Dutch) quotes, which may hold an English term ('pain flare')."""
    for rule in kb.rules.values():
        for quote in (rule.quote, html.escape(rule.quote, quote=True)):
            text = text.replace(quote, "")
    return text


def english_in(kb, text, words):
    """The English words in what a reader sees of ``text`` (not in HTML tags)."""
    text = strip_quotes(kb, html.unescape(re.sub(r"<[^<>\n]+>", " ", text)))
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


def dutch_outputs(kb, case):
    """Every --lang nl output of a case: the text, the HTML page, each topic's proof as text and DOT."""
    result = recommend(case)
    yield "text", render_result(result, kb, "nl")
    yield "html", result_page(result, kb, "nl")
    topics = sorted({*result.decisions, *(u.topic for u in result.undetermined)})
    for topic in topics:
        expl = result.explain(topic)
        yield f"explain {topic}", render_explanation(expl, kb, "nl", findings(result))
        yield f"dot {topic}", proof_dot(expl, kb, "nl")
    for topic in topics[:2]:
        value = kb.topics[topic].values[-1]
        yield f"why-not {topic}={value}", render_why_not(result.why_not(topic, value), kb, "nl")


@pytest.fixture(scope="module")
def words(kb):
    found = english_words(kb)
    assert "radiotherapy" in found and "Treatment" in found and "ask first" in found  # the check can fail
    return found


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_dutch_output_of_an_example_holds_no_english(kb, words, example):
    case = json.loads(example.read_text())
    for kind, text in dutch_outputs(kb, case):
        assert english_in(kb, text, words) == [], f"{example.stem}, {kind}"


def test_dutch_output_of_generated_cases_holds_no_english(kb, words):
    values = field_values(Solver.for_kb(kb))
    for case in random_cases(kb.schema, values, 12, seed=16):
        for kind, text in dutch_outputs(kb, case):
            assert english_in(kb, text, words) == [], f"{case}, {kind}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_dutch_chapter_picture_holds_no_english(kb, words, chapter):
    dot = chapter_tree_dot(kb, chapter, "nl")
    # rule ids are references (in the small grey font) and tooltips hold the quotes
    dot = re.sub(r'<font point-size="7"[^>]*>.*?</font>|tooltip="(?:[^"\\]|\\.)*"', "", dot)
    assert english_in(kb, dot, words) == []


def test_the_english_check_finds_english(kb, words):
    result = recommend(json.loads(EXAMPLES[0].read_text()))
    assert english_in(kb, render_result(result, kb, "en"), words) != []
