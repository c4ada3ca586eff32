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
    unencoded = [s.text for s in statements(guideline) if not encoding_rules(kb, s.text)]
    for entry in kb.metadata["not_encoded"]:
        assert any(s.startswith(entry["start"]) for s in unencoded), entry["start"]
