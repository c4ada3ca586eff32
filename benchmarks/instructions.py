"""Instructions per case, counted by valgrind's callgrind: speed that the machine's load does not move.

The shared machine's speed changes by up to twice from hour to hour (benchmarks/RESULTS.md),
so wall-clock medians compare two commits only when run side by side, and even then loosely.
The number of instructions a call executes is the same on every run, to a fraction of a
percent. This script counts them per case for ``recommend(case).to_json()``, ``decide(case)``
and the validation alone, on complete and on partial cases (30-70% of fields unknown), and
prints a table. Give it another checkout to compare:

    .venv/bin/python benchmarks/instructions.py                 # this checkout
    .venv/bin/python benchmarks/instructions.py --tree ../old   # another one, on the same cases

Needs valgrind and a C compiler (`make bench-instructions` installs both). About 5 minutes.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOGGLE_C = "#include <valgrind/callgrind.h>\nvoid toggle(void) { CALLGRIND_TOGGLE_COLLECT; }\n"
WARM = 200
ENTRIES = ("recommend().to_json()", "decide()", "validation")


def child(entry: str, cases_file: str, toggle_lib: str, count: int) -> None:
    """Run ``entry`` on the cases under callgrind, counting only the measured calls."""
    from wervel_lp import decide, recommend
    from wervel_lp.knowledge import knowledge_base

    kb = knowledge_base()
    fields = set(kb.schema.fields)  # another checkout's schema may lack newer fields
    cases = [{k: v for k, v in c.items() if k in fields} for c in json.loads(Path(cases_file).read_text())]
    call = {"recommend().to_json()": lambda c: recommend(c).to_json(), "decide()": decide,
            "validation": kb.schema.validate}[entry]
    for case in cases[:WARM]:
        recommend(case).to_json()
        decide(case)
    toggle = ctypes.CDLL(toggle_lib).toggle
    measured = cases[WARM:WARM + count]
    toggle()
    for case in measured:
        call(case)
    toggle()


def count(tree: Path, entry: str, cases_file: str, toggle_lib: str, cases: int, work: str) -> int:
    """Instructions per case of ``entry`` with the wervel_lp of ``tree``."""
    out = Path(work) / f"callgrind.{abs(hash((entry, cases_file)))}.out"
    subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no", f"--callgrind-out-file={out}",
                    sys.executable, __file__, "--child", entry, cases_file, toggle_lib, str(cases)],
                   cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)}, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for line in out.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1]) // cases
    raise RuntimeError(f"no totals in {out}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose wervel_lp is measured")
    parser.add_argument("--cases", type=int, default=300, help="measured cases per set (after 200 to warm up)")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        entry, cases_file, toggle_lib, n = args.child
        child(entry, cases_file, toggle_lib, int(n))
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from generate import field_values, random_cases

    from wervel_lp.checker import Solver
    from wervel_lp.knowledge import knowledge_base

    kb = knowledge_base()
    values = field_values(Solver.for_kb(kb))
    n = WARM + args.cases
    sets = {
        "complete": list(random_cases(kb.schema, values, n, seed=4, unknown=0.0)),
        "partial, 30-70% unknown": [c for i, u in enumerate((0.3, 0.4, 0.5, 0.6, 0.7))
                                    for c in random_cases(kb.schema, values, n // 5 + 1, seed=10 + i, unknown=u)],
    }
    sets["partial, 30-70% unknown"].sort(key=lambda c: json.dumps(c, sort_keys=True))  # mixed, not by share
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "toggle.c"
        source.write_text(TOGGLE_C)
        toggle_lib = str(Path(work) / "toggle.so")
        subprocess.run(["gcc", "-shared", "-fPIC", "-O2", "-o", toggle_lib, str(source)], check=True)
        files = {}
        for name, cases in sets.items():
            files[name] = str(Path(work) / f"{name.split(',')[0]}.json")
            Path(files[name]).write_text(json.dumps(cases[:n]))
        jobs = [(entry, name) for name in sets for entry in ENTRIES]
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            counts = list(pool.map(lambda job: count(args.tree.resolve(), job[0], files[job[1]], toggle_lib,
                                                     args.cases, work), jobs))
    print(f"Instructions per case (callgrind), {args.cases} cases a set, wervel_lp of {args.tree.resolve()}\n")
    print("| entry point | cases | instructions per case |")
    print("|---|---|---|")
    for (entry, name), instructions in zip(jobs, counts, strict=True):
        print(f"| {entry} | {name} | {instructions / 1e6:.2f} M |")


if __name__ == "__main__":
    main()
