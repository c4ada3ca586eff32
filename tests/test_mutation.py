"""Mutation testing: mutants of the kb (a dropped condition, a moved threshold, a swapped
value, a flipped finding, a deleted rule or priority) must each be caught by the
consistency check or by the rule and decision tests. Reports the mutation score.
"""

import json
import os
import random
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).parent.parent
SAMPLE = 60
TARGET = 0.95


def generate(kb_dir: Path) -> list[dict]:
    out = subprocess.run(
        ["swipl", "-q", "-g", f"mutants('{kb_dir}')", "-t", "halt",
         str(kb_dir / "load.pl"), str(ROOT / "tests" / "mutants.pl")],
        capture_output=True, text=True, check=True, timeout=120)
    return [json.loads(line) for line in out.stdout.splitlines()]


def sample(mutants: list[dict]) -> list[dict]:
    """Every priority deletion and moved threshold, the rest drawn with a fixed seed."""
    always = [m for m in mutants if m["operator"] in ("delete_priority", "move_threshold")]
    rest = [m for m in mutants if m not in always]
    return always + random.Random(2026).sample(rest, SAMPLE - len(always))


def apply(mutant: dict, kb_dir: Path) -> None:
    path = kb_dir / f"{mutant['file']}.pl"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: mutant["start"]] + mutant["text"] + text[mutant["end"]:], encoding="utf-8")


def caught(mutant: dict, tmp: Path) -> bool:
    """Whether `wervel-lp check`, or failing that the rule and decision tests, catch it."""
    kb_dir = tmp / "kb"
    shutil.copytree(ROOT / "kb", kb_dir)
    apply(mutant, kb_dir)
    env = {**os.environ, "WERVEL_LP_KB": str(kb_dir)}
    check = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "check"], env=env,
                           capture_output=True, timeout=300)
    if check.returncode != 0:
        return True
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
         str(ROOT / "tests" / "test_rules.py"), str(ROOT / "tests" / "test_decisions.py"),
         str(ROOT / "tests" / "test_faithful.py")],
        env=env, capture_output=True, timeout=600, cwd=ROOT)
    return tests.returncode != 0


def test_mutation_score(tmp_path, capsys):
    mutants = sample(generate(ROOT / "kb"))
    assert len(mutants) >= 40
    dirs = [tmp_path / str(i) for i in range(len(mutants))]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(caught, mutants, dirs))
    survivors = [f"{m['operator']} {m['target']}" for m, ok in zip(mutants, results, strict=True) if not ok]
    score = 1 - len(survivors) / len(mutants)
    with capsys.disabled():
        print(f"\nmutation score: {len(mutants) - len(survivors)}/{len(mutants)} = {score:.1%}"
              + (f"; survivors: {', '.join(survivors)}" if survivors else ""))
    assert score >= TARGET, survivors
