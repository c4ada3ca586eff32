"""Every rule fires on a case built from its guideline sentence, and does not
fire on a case that differs in what that sentence is about.
"""

import re
from pathlib import Path

import pytest
from cases import RULE_CASES

GUIDELINE = Path(__file__).parent.parent / "docs" / "guideline" / "wervelmetastasen-beslisboom.md"


def test_every_rule_has_a_firing_and_a_non_firing_case(kb):
    assert set(RULE_CASES) == set(kb.rules)


@pytest.mark.parametrize("rule_id", sorted(RULE_CASES))
def test_rule_fires_on_its_case(kb, rule_id):
    fires, _ = RULE_CASES[rule_id]
    assert kb.rule_statuses(kb.schema.validate(fires))[rule_id] is True


@pytest.mark.parametrize("rule_id", sorted(RULE_CASES))
def test_rule_does_not_fire_on_its_counter_case(kb, rule_id):
    _, fails = RULE_CASES[rule_id]
    assert kb.rule_statuses(kb.schema.validate(fails))[rule_id] is False


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("rule_id", sorted(RULE_CASES))
def test_rule_quote_is_verbatim_from_the_guideline(kb, rule_id):
    guideline = _normalise(GUIDELINE.read_text(encoding="utf-8"))
    for fragment in kb.rules[rule_id].quote.split(" [...] "):
        assert _normalise(fragment) in guideline, fragment


def test_every_rule_names_a_section_of_the_guideline(kb):
    titles = {line[3:].strip() for line in GUIDELINE.read_text(encoding="utf-8").splitlines()
              if line.startswith("## ")}
    for rule in kb.rules.values():
        assert rule.section_title in titles, (rule.id, rule.section_title)
