"""Start-up benchmarks of wervel-lp (issue 31): whole CLI processes against their targets.

    .venv/bin/python benchmarks/startup.py           # the CLI rows (about a minute)
    .venv/bin/python benchmarks/startup.py --loop    # also make quick (minutes)

Each row: wall time (median and min-max of the runs) and the CPU time of the process
(user + system, median), which the other engineers' load on this shared machine moves less.
The floor is Python, pyswip and SWI-Prolog started (nothing of wervel-lp).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEMO = str(ROOT / "examples" / "mescc_deficit_breast.json")


def run(cmd: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``repeat`` runs of ``cmd`` (each must succeed or exit 1)."""
    walls, cpus = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed")
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--loop", action="store_true", help="also time make quick")
    args = parser.parse_args()
    cli = [str(BIN / "wervel-lp")]
    floor = run([sys.executable, "-c", "import pyswip.core"], args.repeat)
    floor_wall = statistics.median(floor[0])
    rows = [("floor: python + pyswip + SWI-Prolog", floor, "-"),
            ("cold `wervel-lp recommend` (demo case)", run([*cli, "recommend", DEMO], args.repeat),
             f"<= 2x floor ({2 * floor_wall:.2f} s)"),
            ("`wervel-lp --version`", run([*cli, "--version"], args.repeat), "-"),
            ("`wervel-lp check`", run([*cli, "check"], max(3, args.repeat // 2)), "< 0.5 s")]
    if args.loop:
        rows.append(("`make quick`", run(["make", "-s", "quick"], 1), "<= 10 s"))
    print(f"startup benchmarks, {time.strftime('%Y-%m-%d %H:%M')}, load {os.getloadavg()[0]:.2f}\n")
    print("| what | wall median | wall min-max | CPU median | x floor | target |")
    print("|---|---|---|---|---|---|")
    for name, (walls, cpus), target in rows:
        med = statistics.median(walls)
        print(f"| {name} | {med:.3f} s | {min(walls):.3f}-{max(walls):.3f} | {statistics.median(cpus):.3f} s "
              f"| {med / floor_wall:.1f} | {target} |")


if __name__ == "__main__":
    main()
