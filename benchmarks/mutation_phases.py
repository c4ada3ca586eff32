"""Where the mutation test's time goes: the phases of judging a sample of mutants (issue 31).

    .venv/bin/python benchmarks/mutation_phases.py [--sample 40]

Judges every k-th mutant of tests/mutants.pl as ``make mutation`` does (tests/mutation.py's
``judge``, a fresh process each), timing its phases: the worker's start, the kb load, the
check's gate and the clinical tests. Prints a table of the seconds per phase and verdict, and
the projection to all mutants at two jobs.
"""

from __future__ import annotations

import argparse
import collections
import functools
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import mutation  # noqa: E402
import pytest  # noqa: E402

import wervel_lp.checker  # noqa: E402
import wervel_lp.knowledge  # noqa: E402

PHASES: dict[str, float] = {}


def timed(name: str, fn: Any) -> Any:
    """``fn``, its seconds added to PHASES[name] (in the worker)."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            PHASES[name] = PHASES.get(name, 0.0) + time.perf_counter() - start
    return wrapper


def judge(mutant: dict[str, Any], cache: str, forked: float) -> tuple[str, dict[str, float]]:
    """mutation.judge, with the seconds of each phase."""
    PHASES["worker start"] = time.time() - forked
    start = time.perf_counter()
    verdict = mutation.judge(mutant, cache)
    PHASES["total"] = time.perf_counter() - start + PHASES["worker start"]
    return verdict, dict(PHASES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=40)
    args = parser.parse_args()
    wervel_lp.knowledge.knowledge_base = timed("kb load", wervel_lp.knowledge.knowledge_base)
    wervel_lp.checker.check = timed("check (gate, no regions)", wervel_lp.checker.check)
    pytest.main = timed("clinical tests (pytest)", pytest.main)
    mutants = mutation.generate()
    sample = mutants[:: max(1, len(mutants) // args.sample)][: args.sample]
    ctx = multiprocessing.get_context("fork")
    rows: list[tuple[str, dict[str, float]]] = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as cache, ctx.Pool(1, maxtasksperchild=1) as pool:
        for m in sample:
            rows.append(pool.apply(judge, (m, cache, time.time())))
    wall = time.perf_counter() - start
    print(f"{len(sample)} of {len(mutants)} mutants, {wall:.1f} s wall ({wall / len(sample):.2f} s a mutant, "
          "one at a time); projected for all at 2 jobs: {wall / len(sample) * len(mutants) / 2 / 60:.1f} min\n")
    names = ["worker start", "kb load", "check (gate, no regions)", "clinical tests (pytest)", "total"]
    print("| verdict | mutants | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 2) + "|")
    by_verdict = collections.defaultdict(list)
    for verdict, phases in rows:
        by_verdict[verdict].append(phases)
    for verdict, runs in sorted(by_verdict.items()):
        cells = [f"{statistics.mean(r.get(n, 0.0) for r in runs):.3f}" for n in names]
        print(f"| {verdict} | {len(runs)} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
