"""Benchmarks of wervel-lp: prints one table and appends it to benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/run.py            # the table (a few minutes)
    .venv/bin/python benchmarks/run.py --long     # also 100,000 recommend() calls and their memory

Each row: median, min-max over repeated runs, and the target (issues 5 and 6).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from generate import field_values, random_cases  # noqa: E402

from wervel_lp import decide, decide_many, recommend, recommend_many  # noqa: E402
from wervel_lp.checker import Solver, check  # noqa: E402
from wervel_lp.knowledge import knowledge_base  # noqa: E402

EXAMPLES = [json.loads(p.read_text()) for p in sorted((ROOT / "examples").glob("*.json"))]
DEMO = str(ROOT / "examples" / "mescc_deficit_breast.json")


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def row(name: str, values: list[float], unit: str, target: str, scale: float = 1.0) -> str:
    med = statistics.median(values) * scale
    return f"| {name} | {med:.3g} {unit} | {min(values) * scale:.3g}-{max(values) * scale:.3g} | {target} |"


def cli(*args: str, stdin: str | None = None) -> None:
    subprocess.run([sys.executable, "-m", "wervel_lp.cli", *args], input=stdin, capture_output=True,
                   text=True, check=True)


def peak_mb(*args: str, stdin: str | None = None) -> float:
    """Peak resident memory of one CLI run, measured from a small parent process.

    (This process's own RUSAGE_CHILDREN would count its size into every child it forks.)
    """
    probe = ("import resource, subprocess, sys; "
             "subprocess.run(sys.argv[1:], input=sys.stdin.read(), capture_output=True, text=True, check=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "wervel_lp.cli", *args],
                         input=stdin or "", capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024


def batch_rates(lines: list[str], jobs: int, *flags: str, small: int = 200,
                repeat: int = 3) -> tuple[list[float], float]:
    """Cases/s of ``--batch`` runs over ``lines``, process start included, and per case after start-up.

    The second number is the marginal rate: the extra lines over the extra time
    of a run of all ``lines`` against a run of the first ``small`` (medians).
    """
    def run(chunk: list[str]) -> list[float]:
        text = "".join(chunk)
        return timed(lambda: cli("recommend", "--batch", "-", "--jobs", str(jobs), *flags, stdin=text), repeat)

    full, start = run(lines), run(lines[:small])
    rate = (len(lines) - small) / (statistics.median(full) - statistics.median(start))
    return [len(lines) / t for t in full], rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--long", action="store_true", help="also run 100,000 calls (about 10 minutes)")
    parser.add_argument("--cases", type=int, default=10_000, help="generated cases for the warm timings")
    parser.add_argument("--batch", type=int, default=5000, help="JSON Lines for the batch timings")
    args = parser.parse_args()
    kb = knowledge_base()
    values = field_values(Solver.for_kb(kb))
    cases = EXAMPLES + list(random_cases(kb.schema, values, args.cases, seed=3))
    complete = list(random_cases(kb.schema, values, args.cases // 5, seed=4, unknown=0.0))
    partial = [c for i, unknown in enumerate((0.3, 0.4, 0.5, 0.6, 0.7))
               for c in random_cases(kb.schema, values, args.cases // 5, seed=10 + i, unknown=unknown)]
    for case in cases[:50]:
        recommend(case).to_json()
    full_known = [t for case in complete for t in timed(lambda c=case: recommend(c).to_json(), 1)]
    partial_warm = sorted(t for case in partial for t in timed(lambda c=case: recommend(c).to_json(), 1))
    partial_bare = [t for case in partial for t in timed(lambda c=case: decide(c), 1)]

    warm = [t for case in cases for t in timed(lambda c=case: recommend(c).to_json(), 1)]
    bare = [t for case in cases for t in timed(lambda c=case: decide(c), 1)]
    p99 = sorted(warm)[int(len(warm) * 0.99)]
    n_batch = min(args.batch, len(cases))
    lines = [json.dumps(c) + "\n" for c in cases[:n_batch]]
    lines_in = "".join(lines)
    many = [len(cases) / t for t in timed(lambda: [r.to_json() for r in recommend_many(cases)], 3)]
    many_decided = [len(cases) / t for t in timed(lambda: list(decide_many(cases)), 3)]
    batch = {(jobs, flags): batch_rates(lines, jobs, *flags)
             for jobs in (1, 2) for flags in ((), ("--decisions-only",))}
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = timed(lambda: list(pool.map(lambda c: recommend(c).to_json(), cases[:400])), 3)
    serial = timed(lambda: [recommend(c).to_json() for c in cases[:400]], 3)
    checks = timed(lambda: check(kb), 5)
    cold = timed(lambda: cli("recommend", DEMO, "--format", "json"), 5)
    peak_single = peak_mb("recommend", DEMO, "--format", "json")
    peak_batch = peak_mb("recommend", "--batch", "-", stdin=lines_in)

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=ROOT).stdout.strip()
    lines = [f"## {date.today()} {commit}", "",
             f"{len(cases)} cases: {len(EXAMPLES)} examples and {args.cases} generated.", "",
             "| benchmark | median | min-max | target |", "|---|---|---|---|",
             row("cold start: wervel-lp recommend --format json", cold, "s", "<= 0.8 s"),
             row("warm recommend(case).to_json(), full proofs", warm, "ms", "<= 0.5 ms", 1e3),
             f"| warm p99 | {p99 * 1e3:.3g} ms | | <= 2 ms |",
             row("decide(case): decisions only, read off the decision diagrams", bare, "ms", "", 1e3),
             row(f"complete cases ({len(complete):,}, every applicable field known): recommend().to_json()",
                 full_known, "ms", "about 0.25 ms", 1e3),
             row(f"partial cases ({len(partial):,}, 30-70% of fields unknown): recommend().to_json()",
                 partial_warm, "ms", "<= 1 ms", 1e3),
             f"| partial cases p99 | {partial_warm[int(len(partial_warm) * 0.99)] * 1e3:.3g} ms | | <= 5 ms |",
             row("partial cases: decide(case)", partial_bare, "ms", "<= 0.3 ms", 1e3),
             f"| price of proofs (median ratio) | {statistics.median(warm) / statistics.median(bare):.2f}x | "
             f"| <= 3x |",
             row("recommend_many(cases), to_json() of each", many, "cases/s", ">= 5,000/s"),
             row("decide_many(cases)", many_decided, "cases/s", ">= 5,000/s"),
             *batch_rows(batch, n_batch),
             row("8 threads x 400 cases / serial 400 cases",
                 [t / s for t, s in zip(threaded, serial, strict=True)], "x", "correct; cost measured"),
             row("wervel-lp check (in process)", checks, "s", "<= 10 s"),
             f"| peak memory of a CLI run | {peak_single:.0f} MB | | <= 150 MB |",
             f"| peak memory of a CLI batch run ({n_batch:,} cases) | {peak_batch:.0f} MB | | <= 150 MB |"]
    if args.long:
        lines.append(long_run(cases))
    lines.append("")
    print("\n".join(lines))
    with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def batch_rows(batch: dict[tuple[int, tuple[str, ...]], tuple[list[float], float]], n: int) -> list[str]:
    """The batch rows: per output kind, 1 and 2 jobs, with process start and after start-up."""
    rows = []
    for flags, kind in (((), "full results"), (("--decisions-only",), "--decisions-only")):
        one, two = batch[(1, flags)], batch[(2, flags)]
        rows += [row(f"batch {kind}, --jobs 1 ({n:,} cases, with process start)", one[0], "cases/s", ""),
                 f"| batch {kind}, --jobs 1, per case after start-up | {one[1]:,.0f} cases/s | | >= 5,000/s |",
                 row(f"batch {kind}, --jobs 2 ({n:,} cases, with process start)", two[0], "cases/s", ""),
                 f"| batch {kind}, --jobs 2, per case after start-up | {two[1]:,.0f} cases/s "
                 f"({two[1] / one[1]:.2f}x) | | scales to 2 cores |"]
    return rows


def long_run(cases: list[dict[str, Any]], n: int = 100_000) -> str:
    """N recommend() calls; resident memory growth after the first 1,000."""
    def rss_mb() -> float:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    start = time.perf_counter()
    base = 0.0
    for i in range(n):
        recommend(cases[i % len(cases)])
        if i == 1000:
            base = rss_mb()
    grown = rss_mb() - base
    return (f"| {n:,} recommend() calls | {time.perf_counter() - start:.0f} s, RSS +{grown:.1f} MB | "
            f"| no failure, < 20 MB |")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory():
        main()
