"""The generated documents are current, and the coverage matrix leaves no guideline
statement out silently.
"""

from wervel_lp.docs import coverage, documents, encoding_rules, statements
from wervel_lp.engine import kb_directory

DOCS = kb_directory().parent / "docs"


def test_generated_docs_are_current(kb):
    for name, text in documents(kb).items():
        assert (DOCS / name).read_text(encoding="utf-8") == text, (
            f"docs/{name} is stale: run python -m wervel_lp.docs")


def test_every_guideline_statement_is_encoded_or_explained(kb):
    _, missing = coverage(kb)
    assert missing == []


def test_every_reason_for_not_encoding_names_an_unencoded_statement(kb):
    guideline = (DOCS / "guideline" / "wervelmetastasen-beslisboom.md").read_text(encoding="utf-8")
    unencoded = [s.text for s in statements(guideline) if not encoding_rules(kb, s, guideline)]
    for entry in kb.metadata["not_encoded"]:
        assert any(s.startswith(entry["start"]) for s in unencoded), entry["start"]


def _encoders(kb, start):
    guideline = (DOCS / "guideline" / "wervelmetastasen-beslisboom.md").read_text(encoding="utf-8")
    (statement,) = [s for s in statements(guideline) if s.text.startswith(start)]
    return encoding_rules(kb, statement, guideline)


def test_a_statement_is_credited_only_to_the_rules_that_encode_it(kb):
    """The alarm symptom "een matige conditie" is encoded by the alarm-symptom rule; the
    radiotherapy rule quotes "in een matige conditie" from another sentence and does not
    encode it.
    """
    assert _encoders(kb, "een matige conditie") == ["alarm_symptoms_with_back_pain"]
    assert "radiotherapy_deficit_moderate_condition_or_short_life" in _encoders(
        kb, "Bij patiënten met neurologische uitvalsverschijnselen die in een matige conditie zijn")


def test_a_statement_repeated_on_several_pages_is_credited_where_a_rule_quotes_it(kb):
    """The surgical conditions stand on two pages; the rule's quote matches both places."""
    assert "contiguous_involvement_condition" in _encoders(
        kb, "er is een aaneengesloten gebied van aantasting")
