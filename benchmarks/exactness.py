"""How exact the decisions of partial cases are: the two figures of issue 12, against the ASP oracle.

    .venv/bin/python benchmarks/exactness.py            # 1,000 cases (under a minute)
    .venv/bin/python benchmarks/exactness.py --cases 200

For random partial cases (tests/generate.py, 30-70 % of the fields unknown, every seed its own run),
each topic of ``recommend(case)`` is set against what the oracle (wervel_lp/completions.py, the
completions enumerated by clingo) finds over all completions of the case:

- a decided value is *overturned* when some completion gives the topic another outcome;
- an open topic (undetermined for missing findings) is *settled alike* when every completion gives it
  the same outcome, so that nothing the case leaves unknown could change it;
- a topic left without a decision (neither decided nor open) is *decided by a completion* when some
  completion gives it a value.

All three must be 0, and so must the cases where ``decide(case)``, which reads the decisions off the
decision diagrams alone, differs from ``recommend(case).decisions``. Beside them, the same figures for
the three-valued evaluation alone, as the engine decided before exact decisions (issue 12): a value the
rules conclude with every undefeated rule known or provisional (``kb.statuses_and_decisions``, no
inferences), and topics it leaves without one that every completion decides alike. Prints one table
and appends it to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from generate import field_values, random_cases  # noqa: E402

from wervel_lp import decide, recommend  # noqa: E402
from wervel_lp.checker import Solver  # noqa: E402
from wervel_lp.completions import Completions  # noqa: E402
from wervel_lp.knowledge import knowledge_base  # noqa: E402

FRACTIONS = (0.3, 0.4, 0.5, 0.6, 0.7)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000, help="random partial cases, spread over 30-70 %% unknown")
    parser.add_argument("--seed", type=int, default=50, help="the first seed (one per fraction unknown)")
    args = parser.parse_args()
    kb = knowledge_base()
    oracle = Completions.for_kb(kb)
    values = field_values(Solver.for_kb(kb))
    topics = [t for t, info in kb.topics.items() if info.policy != "collect"]
    rows = []
    totals = [0] * 11
    for i, unknown in enumerate(FRACTIONS):
        decided = overturned = open_topics = settled = none = reached = 0
        kleene = kleene_overturned = kleene_open = kleene_settled = differ = 0
        cases = list(random_cases(kb.schema, values, args.cases // len(FRACTIONS), seed=args.seed + i,
                                  unknown=unknown))
        for n, case in enumerate(cases, 1):
            result = recommend(case)
            differ += decide(case) != result.decisions
            exact = oracle.exact(case, removing=False)
            three_valued = dict(kb.statuses_and_decisions(kb.schema.validate(case))[1])
            reasons = {u.topic: u.reason for u in result.undetermined}
            for topic in topics:
                possible = exact[topic].possible
                if topic in result.decisions:
                    decided += 1
                    overturned += possible != {result.decisions[topic]}
                elif reasons.get(topic) == "missing_findings":
                    open_topics += 1
                    settled += len(possible) == 1
                elif topic not in reasons:
                    none += 1
                    reached += possible != {None}
                if topic in three_valued:
                    kleene += 1
                    kleene_overturned += possible != {three_valued[topic]}
                elif possible != {None}:
                    kleene_open += 1
                    kleene_settled += len(possible) == 1
            print(f"\r{unknown:.0%} unknown: {n}/{len(cases)} cases", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        rows.append(f"| {unknown:.0%} | {len(cases):,} | {overturned} of {decided:,} | {settled} of {open_topics:,} "
                    f"| {reached} of {none:,} | {kleene_overturned} of {kleene:,} "
                    f"| {kleene_settled} of {kleene_open:,} | {differ} |")
        for j, x in enumerate((decided, overturned, open_topics, settled, none, reached,
                               kleene, kleene_overturned, kleene_open, kleene_settled, differ)):
            totals[j] += x
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=ROOT).stdout.strip()
    (decided, overturned, open_topics, settled, none, reached, kleene, kleene_overturned, kleene_open, kleene_settled,
     differ) = totals
    lines = [f"## {date.today()} {commit}: exactness of partial cases (benchmarks/exactness.py)", "",
             "Every topic of recommend() against the completions the ASP oracle enumerates "
             f"(seeds {args.seed}-{args.seed + len(FRACTIONS) - 1}).", "",
             "| unknown | cases | decided values overturned by a completion | open topics every completion "
             "settles alike | topics without a decision that a completion decides | three-valued alone: decided "
             "values overturned | three-valued alone: topics without a decision every completion decides alike "
             "| cases where decide() differs from recommend().decisions |",
             "|---|---|---|---|---|---|---|---|", *rows,
             f"| all | {args.cases // len(FRACTIONS) * len(FRACTIONS):,} | {overturned} of {decided:,} "
             f"| {settled} of {open_topics:,} | {reached} of {none:,} | {kleene_overturned} of {kleene:,} "
             f"| {kleene_settled} of {kleene_open:,} | {differ} |", ""]
    print("\n".join(lines))
    with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    if overturned or settled or reached or differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
