"""Benchmarks of wervel-lp: prints one table (median, min-max over repeated runs).

    .venv/bin/python benchmarks/run.py

Targets (issue 6): warm recommend with full proofs median <= 0.5 ms; the whole
consistency check <= 10 s. Results are appended to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from wervel_lp import recommend
from wervel_lp.checker import check
from wervel_lp.knowledge import knowledge_base

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [json.loads(p.read_text()) for p in sorted((ROOT / "examples").glob("*.json"))]


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def row(name: str, seconds: list[float], unit: float, unit_name: str, target: str) -> str:
    med, lo, hi = statistics.median(seconds) / unit, min(seconds) / unit, max(seconds) / unit
    return f"| {name} | {med:.3f} {unit_name} | {lo:.3f}-{hi:.3f} | {target} |"


def main() -> None:
    kb = knowledge_base()
    for case in EXAMPLES:
        recommend(case).to_json()
    per_case = [t for case in EXAMPLES for t in timed(lambda c=case: recommend(c).to_json(), 20)]
    checks = timed(lambda: check(kb), 5)
    demo = str(ROOT / "examples" / "mescc_deficit_breast.json")
    cli = timed(lambda: subprocess.run(
        [sys.executable, "-m", "wervel_lp.cli", "recommend", demo, "--format", "json"],
        capture_output=True, check=True), 5)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=ROOT).stdout.strip()
    lines = [f"## {date.today()} {commit}", "",
             "| benchmark | median | min-max | target |", "|---|---|---|---|",
             row("recommend(case).to_json(), examples", per_case, 1e-3, "ms", "<= 0.5 ms"),
             row("wervel-lp check (in process)", checks, 1, "s", "<= 10 s"),
             row("wervel-lp recommend --format json (cold)", cli, 1, "s", "<= 0.8 s"), ""]
    print("\n".join(lines))
    with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
