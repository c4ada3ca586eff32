"""The ready-made queries in queries/: each runs through `wervel-lp query --file` and
gives its expected answer (queries/*.expected; regenerate with --regen-golden); they
also run in plain swipl through run_queries/1.
"""

import subprocess
import sys
from pathlib import Path

import pytest

QUERIES = sorted((Path(__file__).parent.parent / "queries").glob("*.pl"))
ROOT = Path(__file__).parent.parent


def test_there_are_at_least_twelve_queries():
    assert len(QUERIES) >= 12


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_query_gives_its_expected_answer(request, query):
    out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "query", "--file", str(query)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    expected = query.with_suffix(".expected")
    if request.config.getoption("--regen-golden"):
        expected.write_text(out.stdout, encoding="utf-8")
    assert out.stdout == expected.read_text(encoding="utf-8")


def test_queries_run_in_swipl():
    out = subprocess.run(["swipl", "-q", "-g", "run_queries('queries/rules_for_topic.pl')", "-t", "halt",
                          "kb/load.pl"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0
    assert "mri_within_12_hours_mescc_or_bilateral" in out.stdout


@pytest.mark.parametrize("goal", [
    "shell('touch /tmp/wervel-lp-pwned')", "halt", "assertz(rulebase:rule(a, b, c, d))",
    "retract(rulebase:rule(instruct_patient, _, _, _))", "open('/tmp/x', write, _)",
    "consult('/tmp/x.pl')", "call(shell, 'ls')", "X = f(", "repeat, fail",
])
def test_unsafe_or_bad_queries_are_refused(goal):
    out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "query", goal, "--timeout", "1"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
    assert not Path("/tmp/wervel-lp-pwned").exists()
