"""The two rooms: kb/ holds knowledge only; the engine in wervel_lp/prolog/ judges any kb."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from wervel_lp.engine import PROLOG_DIR

ROOT = Path(__file__).parent.parent
KNOWLEDGE = {"schema", "topics", "requirements", "anomalies", "coverage", "load", "diagnostics",
             "corticosteroids", "additional_diagnostics", "treatment_indication", "radiotherapy",
             "timing", "follow_up"}


def swipl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["swipl", "-q", *args], capture_output=True, text=True, timeout=120)


def test_kb_holds_no_engine_module() -> None:
    engine_modules = {p.stem for p in PROLOG_DIR.glob("*.pl")}
    assert {p.stem for p in (ROOT / "kb").glob("*.pl")} <= KNOWLEDGE
    assert not engine_modules & KNOWLEDGE


def test_a_kb_elsewhere_is_judged_by_the_engine_it_is_given(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(ROOT / "kb", kb)
    goal = "module_property(engine, file(F)), write(F)"
    alone = swipl("-g", goal, "-t", "halt", str(kb / "load.pl"))
    assert alone.returncode != 0 and "no wervel_lp/prolog engine beside the kb" in alone.stderr
    given = swipl("-p", f"wervel_lp={PROLOG_DIR}", "-g", goal, "-t", "halt", str(kb / "load.pl"))
    assert given.returncode == 0, given.stderr
    assert Path(given.stdout).resolve() == (PROLOG_DIR / "engine.pl").resolve()


def test_the_source_tree_kb_finds_the_engine_beside_it() -> None:
    out = swipl("-g", "case_decisions([back_pain-true, night_pain-true, known_primary_malignancy-true, "
                "adequate_imaging_available-false], Ds), memberchk(mri-V, Ds), write(V)",
                "-t", "halt", str(ROOT / "kb" / "load.pl"))
    assert out.returncode == 0, out.stderr
    assert out.stdout == "indicated"
