"""The clinical review page (docs/review.md) and the entries it is made of
(docs/interpretations.md): every named interpretation and acknowledged anomaly has its
quotes, the reading taken, the alternative and a distinguishing case, and the kb's
outcome on that case is the outcome stated for the reading taken.
"""

import re
from pathlib import Path

import pytest
from cases import FULL

from wervel_lp.docs import review_entries, review_outcome

ROOT = Path(__file__).parent.parent
TEXT = (ROOT / "docs" / "interpretations.md").read_text(encoding="utf-8")
BASE, ENTRIES = review_entries(TEXT)
INTERPRETATIONS = [e for e in ENTRIES if e.kind == "interpretation"]
GUIDELINE = re.sub(r"\s+", " ", (ROOT / "docs" / "guideline" / "wervelmetastasen-beslisboom.md")
                   .read_text(encoding="utf-8"))


def test_the_base_case_is_the_full_case_of_the_tests():
    assert BASE == FULL


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_the_kb_gives_the_outcome_stated_for_the_reading_taken(entry):
    """The distinguishing case pins the reading: the kb's outcome is the one stated for the
    reading taken, and the alternative reading would give another.
    """
    assert review_outcome(BASE, entry) == entry.stated("taken")
    assert entry.stated("alternative") != entry.stated("taken")


@pytest.mark.parametrize("entry", INTERPRETATIONS, ids=lambda e: e.id)
def test_an_interpretation_states_where_its_quotes_and_both_readings(entry):
    assert {"where", "reading", "alternative", "case", "topic"} <= set(entry.fields)
    assert entry.quotes
    for quote in entry.quotes:
        for fragment in quote.split(" [...] "):
            assert re.sub(r"\s+", " ", fragment).strip() in GUIDELINE, fragment


def test_every_interpretation_cited_in_the_kb_has_an_entry():
    cited = set()
    for path in (ROOT / "kb").glob("*.pl"):
        cited |= set(re.findall(r"\bI-[a-z0-9]+(?:-[a-z0-9]+)*", path.read_text(encoding="utf-8")))
    assert cited <= {e.id for e in INTERPRETATIONS}


def test_every_acknowledged_anomaly_has_an_entry(kb):
    assert {a["id"] for a in kb.metadata["acknowledged"]} == {e.id for e in ENTRIES if e.kind == "anomaly"}


def test_the_review_page_has_every_entry_with_a_sign_off_line():
    page = (ROOT / "docs" / "review.md").read_text(encoding="utf-8")
    for entry in ENTRIES:
        section = page.split(f"### {entry.id}\n", 1)[1].split("\n### ", 1)[0]
        assert "- [ ] signed off" in section
        assert f"| alternative | `{entry.stated('alternative')}` |" in section
