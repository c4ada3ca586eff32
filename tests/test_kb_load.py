"""The kb loads whole or not at all: each defect below made a kb that loaded silently (exit 0)
or reported itself badly. Now it is refused with exit 3 and one line naming the file and line.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
CASE = str(ROOT / "examples" / "mescc_deficit_breast.json")


def kb_copy(tmp_path: Path) -> Path:
    kb = tmp_path / "kb"
    shutil.copytree(ROOT / "kb", kb)
    return kb


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def recommend_with(kb: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wervel_lp.cli", "recommend", CASE, "--format", "json"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "WERVEL_LP_KB": str(kb), **env})


def assert_refused(out: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert out.returncode == 3, out.stderr
    assert out.stdout == ""
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("wervel-lp: knowledge base error:"), out.stderr
    for text in expected:
        assert text in lines[0]


def break_rule_arity(kb: Path) -> None:
    append(kb / "timing.pl", "\nrule(x, treatment = surgery, all([]), [], extra).\n")


def empty_chapter(kb: Path) -> None:
    (kb / "follow_up.pl").write_text("", encoding="utf-8")


def drop_chapter(kb: Path) -> None:
    load = kb / "load.pl"
    load.write_text(load.read_text(encoding="utf-8").replace(":- use_module(follow_up).\n", ""),
                    encoding="utf-8")


def variable_conclusion(kb: Path) -> None:
    path = kb / "diagnostics.pl"
    path.write_text(path.read_text(encoding="utf-8").replace("mri_urgency = within_1_week,", "mri_urgency = _V,",
                                                             1), encoding="utf-8")


def printing_directive(kb: Path) -> None:
    append(kb / "timing.pl", '\n:- format("hello~n").\n')


def duplicate_rule(kb: Path) -> None:
    path = kb / "timing.pl"
    text = path.read_text(encoding="utf-8")
    start = text.index("\nrule(")
    append(path, text[start:text.index("\n\n", start + 1)] + "\n")


def concept_cycle(kb: Path) -> None:
    path = kb / "treatment_indication.pl"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "all([combined_procedure = false, life_expectancy_months >= 3]),",
        "all([combined_procedure = false, life_expectancy_months >= 3, surgical_conditions_met]),"),
        encoding="utf-8")


def missing_chapter_file(kb: Path) -> None:
    (kb / "follow_up.pl").unlink()


def syntax_error(kb: Path) -> None:
    append(kb / "timing.pl", "\nfoo(.\n")


@pytest.mark.parametrize(("defect", "expected"), [
    (break_rule_arity, [r"timing\.pl:\d+: rule/5 is not a term of the rule language"]),
    (empty_chapter, ["no rule concludes advice = follow_up_imaging_only_on_complaints"]),
    (drop_chapter, ["no rule concludes advice = mobilise_guided_by_pain", "chapter missing from load.pl"]),
    (variable_conclusion, [r"diagnostics\.pl:\d+: rule mri_within_1_week_unilateral_radicular_pain: a variable"]),
    (printing_directive, [r"load\.pl: loading the kb printed to standard output"]),
    (duplicate_rule, [r"rule id \w+ is used more than once: \S+/timing\.pl:\d+, \S+/timing\.pl:\d+"]),
    (concept_cycle, [r"cycle: concept surgical_conditions_met "
                     r"\(rule surgical_conditions, \S+treatment_indication\.pl:\d+\) uses",
                     r"\(rule life_expectancy_at_least_3_months, \S+treatment_indication\.pl:\d+\) uses concept "
                     r"surgical_conditions_met"]),
    (missing_chapter_file, [r"load\.pl:\d+: source_sink `follow_up' does not exist"]),
    (syntax_error, [r"timing\.pl:\d+:\d+: Syntax error"]),
], ids=lambda d: d.__name__ if callable(d) else "")
def test_a_defective_kb_is_refused_naming_file_and_line(tmp_path, defect, expected):
    kb = kb_copy(tmp_path)
    defect(kb)
    out = recommend_with(kb)
    assert_refused(out)
    for pattern in expected:
        assert re.search(pattern, out.stderr), out.stderr
    assert "_" + "9" not in out.stderr and not re.search(r"\b_\d+:", out.stderr)
    # each problem names its place once, and a failed directive's echo is not a problem of its own
    assert not re.search(r"(\S+\.pl:\d+:) \1", out.stderr) and "Initialization goal failed" not in out.stderr


def test_a_directive_that_does_not_end_fails_the_load_in_time(tmp_path):
    kb = kb_copy(tmp_path)
    append(kb / "timing.pl", "\n:- repeat, fail.\n")
    out = recommend_with(kb, WERVEL_LP_LOAD_TIMEOUT="3")
    assert_refused(out, "did not load within 3 s")


def test_defects_also_fail_plain_swipl(tmp_path):
    """The knowledge engineer's own load (`swipl kb/load.pl`, make kb-check) reports them too."""
    kb = kb_copy(tmp_path)
    break_rule_arity(kb)
    drop_chapter(kb)
    out = subprocess.run(["swipl", "-q", "--on-warning=status", "--on-error=status", "-p",
                          f"wervel_lp={ROOT / 'wervel_lp' / 'prolog'}", "-l", str(kb / "load.pl"), "-g", "halt"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert "rule/5 is not a term of the rule language" in out.stderr
    assert "no rule concludes advice" in out.stderr


def test_the_kb_loads_in_the_c_locale():
    """Every kb file with non-ASCII text declares its encoding, so LC_ALL=C loads it."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    check = subprocess.run(["swipl", "-q", "--on-warning=status", "--on-error=status", "-l", "kb/load.pl",
                            "-g", "check", "-t", "halt"], capture_output=True, text=True, cwd=ROOT, env=env,
                           timeout=120)
    assert (check.returncode, check.stderr) == (0, "")
    out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "explain", CASE, "treatment", "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Bij patiënten" in out.stdout or "é" in out.stdout or "ë" in out.stdout
    for path in sorted((ROOT / "kb").glob("*.pl")):
        text = path.read_text(encoding="utf-8")
        if not text.isascii():
            assert text.startswith(":- encoding(utf8).\n"), path.name
