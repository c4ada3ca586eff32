"""Batch use: recommend_many and `wervel-lp recommend --batch` (JSON Lines)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wervel_lp import CaseError, decide, decide_many, recommend, recommend_many

EXAMPLES = [json.loads(p.read_text()) for p in sorted((Path(__file__).parent.parent / "examples").glob("*.json"))]


def test_recommend_many_gives_the_single_results_in_order():
    many = [r.to_json() for r in recommend_many(EXAMPLES)]
    assert many == [recommend(c).to_json() for c in EXAMPLES]


def test_recommend_many_raises_or_returns_errors():
    cases = [EXAMPLES[0], {"back_pain": "yes"}, EXAMPLES[1]]
    with pytest.raises(CaseError):
        list(recommend_many(cases))
    out = list(recommend_many(cases, errors="return"))
    assert isinstance(out[1], CaseError) and out[1].field == "back_pain"
    assert out[2].to_json() == recommend(EXAMPLES[1]).to_json()


def test_decide_many_gives_the_decisions_of_each_case_in_order():
    cases = EXAMPLES * 10  # more than one block
    assert list(decide_many(cases)) == [recommend(c).decisions for c in cases]


def test_decide_many_raises_after_the_cases_before_or_returns_errors():
    cases = [EXAMPLES[0], {"back_pain": "yes"}, EXAMPLES[1]]
    decided = decide_many(cases)
    assert next(decided) == decide(EXAMPLES[0])
    with pytest.raises(CaseError):
        next(decided)
    out = list(decide_many(cases, errors="return"))
    assert isinstance(out[1], CaseError) and out[1].field == "back_pain"
    assert out[0] == decide(EXAMPLES[0]) and out[2] == decide(EXAMPLES[1])


def batch(tmp_path, lines, *args):
    source = tmp_path / "cases.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "wervel_lp.cli", "recommend", "--batch", str(source), *args],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_skips_bad_lines_with_their_number_and_keeps_order(tmp_path, jobs):
    lines = [json.dumps(c) for c in EXAMPLES[:4]] + ['{"back_pain": "yes"}', "{not json"] + [json.dumps(EXAMPLES[4])]
    out = batch(tmp_path, lines, "--on-error", "skip", "--jobs", jobs)
    assert out.returncode == 0
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["line"] for r in records] == [1, 2, 3, 4, 5, 6, 7]
    assert records[4]["error"]["field"] == "back_pain" and records[5]["error"]["field"] == "$"
    assert records[6]["decisions"] == recommend(EXAMPLES[4]).decisions
    assert "line 5: back_pain:" in out.stderr and "line 6:" in out.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_decisions_only_writes_the_decisions_of_each_case(tmp_path, jobs):
    cases = [json.dumps(c) for c in EXAMPLES]
    out = batch(tmp_path, [*cases[:3], '{"back_pain": "yes"}', *cases[3:]],
                "--decisions-only", "--on-error", "skip", "--jobs", jobs)
    assert out.returncode == 0
    records = [json.loads(line) for line in out.stdout.splitlines()]
    bad = records.pop(3)
    assert bad["line"] == 4 and bad["error"]["field"] == "back_pain"
    assert records == [{"line": n + (n > 3), "decisions": recommend(c).decisions}
                       for n, c in enumerate(EXAMPLES, 1)]


def test_decisions_only_goes_with_batch():
    out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "recommend", "--decisions-only",
                          str(Path(__file__).parent.parent / "examples" / "oligometastatic_pain.json")],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 2 and "decisions-only" in out.stderr


def test_batch_stops_at_a_bad_line_by_default(tmp_path):
    out = batch(tmp_path, [json.dumps(EXAMPLES[0]), '{"shoe_size": 42}', json.dumps(EXAMPLES[1])])
    assert out.returncode == 2
    assert len(out.stdout.splitlines()) == 1 and "line 2: shoe_size" in out.stderr


@pytest.mark.parametrize("args", [("--decisions-only",), ("--compact",), ()])
def test_batch_error_lines_are_written_as_result_lines_are(tmp_path, args):
    """Line number first, then the keys in sorted order, no spaces: one format for every output line."""
    out = batch(tmp_path, [json.dumps(EXAMPLES[0]), '{"shoe_size": 42}'], "--on-error", "skip", *args)
    assert out.returncode == 0, out.stderr
    for line in out.stdout.splitlines():
        record = json.loads(line)
        assert line.startswith(f'{{"line":{record["line"]},"')
        assert list(record) == ["line", *sorted(k for k in record if k != "line")]
        assert line == json.dumps(record, separators=(",", ":"))
    assert out.stderr.startswith("wervel-lp: invalid input: line 2: shoe_size: not a field")


def test_batch_compact_results_have_no_proofs(tmp_path):
    out = batch(tmp_path, [json.dumps(c) for c in EXAMPLES[:3]], "--compact")
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["decisions"] for r in records] == [recommend(c).decisions for c in EXAMPLES[:3]]
    assert all("proof" not in rec for r in records for rec in r["recommendations"])


@pytest.mark.parametrize(("args", "named"), [
    (("--format", "text"), "format"),
    (("--compact", "--decisions-only"), "compact"),
])
def test_batch_refuses_options_that_do_not_apply(tmp_path, args, named):
    out = batch(tmp_path, [json.dumps(EXAMPLES[0])], *args)
    assert out.returncode == 2 and out.stdout == ""
    assert len(out.stderr.splitlines()) == 1 and f"invalid input: {named}:" in out.stderr
