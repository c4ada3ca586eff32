"""How short the guided interview is (issue 27): questions until nothing is left to ask.

    .venv/bin/python benchmarks/interview.py               # 60 true patients, the examples
    .venv/bin/python benchmarks/interview.py --patients 200

True patients are drawn uniformly from the valid complete cases: each field a uniformly drawn
value of one of its cells (the values of tests/generate.py's ``field_values``), redrawn until the
schema accepts the whole case (rejection sampling, so uniform over the valid ones, as the diagrams'
uniform measure). Beside them, the example cases (examples/*.json) with their unknown fields
answered "not known". From nothing known, each policy asks one field at a time, answered from the
patient, until no open topic has a missing field that is neither known nor unanswerable:

  (a) the first field of the first open topic's ``missing`` (what ``ask`` was before issue 27);
  (b) one-step lookahead: the field whose answer settles the most open topics on average over its
      answers (ignoring the pathway's order);
  (c) ``next_question``: the pathway's earliest step, then the most expected information;
  (d) the optimum where the rest is small: once (c)'s candidates are at most --small fields, the
      fewest questions an adaptive search needs from there, on average over the answers (each
      allowed answer equally likely; exhaustive), added to (c)'s questions so far; set against (c)
      from the same point, averaged over the same answers.

and the certificate: the fewest of the patient's findings, among those (c) asked, that give the same
decisions (found by removing fields while the decisions stay, so at least the true minimum). Every
interview must end with exactly the patient's decisions. Targets: mean (c) <= 0.65 x (a) and <= (b),
(c) within 1.3 x (d) where (d) is computed; ``next_question`` <= 5 ms on a partial case.
Prints one table and appends it to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from generate import field_values  # noqa: E402

from wervel_lp import CaseError, next_question, recommend  # noqa: E402
from wervel_lp.checker import Solver  # noqa: E402
from wervel_lp.knowledge import knowledge_base  # noqa: E402

KB = knowledge_base()
VALUES = field_values(Solver.for_kb(KB))
Policy = Callable[[dict[str, Any], list[str]], "str | None"]


def _valid(case: Mapping[str, Any]) -> bool:
    try:
        KB.schema.validate(case)
        return True
    except CaseError:
        return False


def _value(f: str, v: Any) -> Any:
    return int(v) if KB.schema.fields[f].kind == "integer" and v is not None else v


@lru_cache(maxsize=1)
def covering_fields() -> frozenset[str]:
    """The fields that some finding leaves no value (onset days without a deficit).

    Every value of such a field contradicts that finding.
    """
    found = set()
    for f, vs in VALUES.items():
        for g, ws in VALUES.items():
            if g != f and any(all(not _valid({f: _value(f, v), g: _value(g, w)}) for v in vs[1:]) for w in ws[1:]):
                found.add(f)
                break
    return frozenset(found)


def draw_patient(rng: random.Random) -> dict[str, Any]:
    """A valid complete case, uniform over the valid ones (rejection sampling over the cells).

    A field that the other findings leave no value (covering_fields) is left out where so.
    """
    cover = covering_fields()
    while True:
        case = {f: _value(f, rng.choice(vs[1:])) for f, vs in VALUES.items() if f not in cover}
        if not _valid(case):
            continue
        for f in sorted(cover):
            v = _value(f, rng.choice(VALUES[f][1:]))
            if _valid({**case, f: v}):
                case[f] = v
        return case


def _open(case: Mapping[str, Any], unanswerable: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The open topics and their missing fields that are not unanswerable."""
    return [(u.topic, tuple(f for f in u.missing if f not in unanswerable))
            for u in recommend(case).undetermined if u.reason == "missing_findings"]


def first_missing(case: dict[str, Any], unanswerable: list[str]) -> str | None:
    """(a): the first field of the first open topic's missing fields (diagram order)."""
    return next((fs[0] for _, fs in _open(case, unanswerable) if fs), None)


def lookahead(case: dict[str, Any], unanswerable: list[str]) -> str | None:
    """(b): the field whose answer settles the most open topics, on average over its answers."""
    candidates = sorted({f for _, fs in _open(case, unanswerable) for f in fs})
    if not candidates or next_question(case, unanswerable) is None:
        return None
    before = len(_open(case, unanswerable))
    best, best_score = None, -1.0
    for f in candidates:
        scores = []
        for v in VALUES[f][1:]:
            answered = {**case, f: _value(f, v)}
            if _valid(answered):
                scores.append(before - len(_open(answered, unanswerable)))
        if scores and statistics.mean(scores) > best_score:
            best, best_score = f, statistics.mean(scores)
    return best


def KB_decisions(case: Mapping[str, Any]) -> dict[str, str]:
    decisions: dict[str, str] = json.loads(KB.decisions(KB.schema.validate(case)))["decisions"]
    return decisions


def ours(case: dict[str, Any], unanswerable: list[str]) -> str | None:
    """(c): ``next_question``."""
    q = next_question(case, unanswerable)
    return None if q is None else q.field


def interview(policy: Policy, patient: Mapping[str, Any], answerable: set[str],
              stop: Callable[[dict[str, Any], list[str]], bool] | None = None
              ) -> tuple[int, dict[str, Any], list[str]]:
    """Ask ``policy``'s fields, answered from ``patient`` (a field outside ``answerable`` is "not known")."""
    case: dict[str, Any] = {}
    unanswerable: list[str] = []
    asked = 0
    for _ in range(2 * len(VALUES)):
        if stop is not None and stop(case, unanswerable):
            break
        f = policy(case, unanswerable)
        if f is None:
            break
        asked += 1
        if f in answerable:
            case[f] = patient[f]
        else:
            unanswerable.append(f)
    return asked, case, unanswerable


def optimum_rest(case: dict[str, Any], unanswerable: list[str], patient: Mapping[str, Any],
                 answerable: set[str]) -> float:
    """The fewest questions, on average over the answers, an adaptive search needs from ``case``."""

    @cache
    def cost(known: tuple[tuple[str, Any], ...], gone: tuple[str, ...]) -> float:
        state = {**case, **dict(known)}
        if next_question(state, [*unanswerable, *gone]) is None:
            return 0.0
        candidates = sorted({f for _, fs in _open(state, [*unanswerable, *gone]) for f in fs})
        best = float("inf")
        for f in candidates:
            outcomes = []
            if f not in answerable:
                outcomes.append(cost(known, tuple(sorted((*gone, f)))))
            else:
                for v in VALUES[f][1:]:
                    v = int(v) if KB.schema.fields[f].kind == "integer" else v
                    try:
                        KB.schema.validate({**state, f: v})
                    except CaseError:
                        continue
                    outcomes.append(cost(tuple(sorted((*known, (f, v)), key=str)), gone))
            if outcomes:
                best = min(best, 1 + statistics.mean(outcomes))
        return best if best < float("inf") else 0.0

    return cost((), ())


def certificate(patient: Mapping[str, Any], asked: Mapping[str, Any]) -> int:
    """The fewest of the asked findings that give the patient's decisions (greedy removal)."""
    target = KB_decisions(patient)
    kept = dict(asked)
    for f in sorted(asked, key=lambda f: list(VALUES).index(f), reverse=True):
        trial = {k: v for k, v in kept.items() if k != f}
        if KB_decisions(trial) == target:
            kept = trial
    return len(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=60)
    parser.add_argument("--seed", type=int, default=None, help="default: a new seed each run, printed")
    parser.add_argument("--examples", type=int, default=None, help="the first N example cases (default: all)")
    parser.add_argument("--small", type=int, default=4, help="(d) where (c)'s candidates are at most this many")
    parser.add_argument("--no-record", action="store_true", help="do not append to benchmarks/RESULTS.md")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    patients = [(p, set(p)) for p in (draw_patient(rng) for _ in range(args.patients))]
    for path in sorted((ROOT / "examples").glob("*.json"))[:args.examples]:
        example = json.loads(path.read_text())
        patients.append((example, {f for f, v in example.items() if v is not None}))
    counts: dict[str, list[float]] = {"a": [], "b": [], "c": [], "d": [], "c_at_d": [], "cert": []}
    wrong = 0
    started = time.perf_counter()
    for i, (patient, answerable) in enumerate(patients, 1):
        truth = KB_decisions({f: patient[f] for f in answerable})
        for name, policy in (("a", first_missing), ("b", lookahead), ("c", ours)):
            asked, case, _ = interview(policy, patient, answerable)
            counts[name].append(asked)
            if KB_decisions(case) != truth:
                wrong += 1
                print(f"\n({name}) ended with other decisions than the patient's: {json.dumps(patient)}",
                      file=sys.stderr)
            if name == "c":
                counts["cert"].append(certificate({f: patient[f] for f in answerable}, case))
        # (d): (c) until its candidates are few, then the exhaustive optimum
        def small(case: dict[str, Any], gone: list[str]) -> bool:
            return len({f for _, fs in _open(case, gone) for f in fs}) <= args.small
        asked, case, gone = interview(ours, patient, answerable, stop=small)
        if next_question(case, gone) is not None:
            rest_c, _, _ = _continue(case, gone, patient, answerable)
            counts["d"].append(asked + optimum_rest(case, gone, patient, answerable))
            counts["c_at_d"].append(asked + rest_c)
        print(f"\r{i}/{len(patients)} patients, {time.perf_counter() - started:.0f} s", end="", file=sys.stderr)
    print(file=sys.stderr)
    timing = next_question_ms()
    mean = {k: statistics.mean(v) if v else float("nan") for k, v in counts.items()}
    rows = [
        ("(a) first field of the first missing", mean["a"], max(counts["a"]), ""),
        ("(b) one-step lookahead", mean["b"], max(counts["b"]), ""),
        ("(c) next_question", mean["c"], max(counts["c"]), "<= 0.65 x (a), <= (b)"),
        ("(c) / (a)", mean["c"] / mean["a"], "", "<= 0.65"),
        ("(c) / (b)", mean["c"] / mean["b"], "", "<= 1"),
        (f"(d) optimum where <= {args.small} fields are left ({len(counts['d'])} patients)", mean["d"], "", ""),
        ("(c) on the same patients, expected over the answers", mean["c_at_d"], "", "<= 1.3 x (d)"),
        ("(c) / (d)", mean["c_at_d"] / mean["d"] if counts["d"] else float("nan"), "", "<= 1.3"),
        ("certificate (greedy, >= the minimum)", mean["cert"], max(counts["cert"]), "floor"),
        ("interviews not ending with the patient's decisions", wrong, "", "0"),
        ("next_question on the early case (median of 200)", f"{timing:.2f} ms", "", "<= 5 ms"),
    ]
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
    lines = [f"## {date.today()} {head.strip()} interview", "",
             f"{args.patients} true patients (seed {seed}) and {len(patients) - args.patients} examples.", "",
             "| measure | mean | max | target |", "|---|---|---|---|"]
    lines += [f"| {name} | {value if isinstance(value, str) else f'{value:.3g}'} | {top} | {target} |"
              for name, value, top, target in rows]
    table = "\n".join(lines) + "\n"
    print(table)
    if not args.no_record:
        with open(ROOT / "benchmarks" / "RESULTS.md", "a", encoding="utf-8") as f:
            f.write("\n" + table)


def _continue(case: dict[str, Any], gone: list[str], patient: Mapping[str, Any],
              answerable: set[str]) -> tuple[float, dict[str, Any], list[str]]:
    """(c)'s questions from ``case`` on, on average over the answers (each equally likely)."""

    @cache
    def cost(known: tuple[tuple[str, Any], ...], lost: tuple[str, ...]) -> float:
        state = {**case, **dict(known)}
        q = next_question(state, [*gone, *lost])
        if q is None:
            return 0.0
        if q.field not in answerable:
            return 1 + cost(known, tuple(sorted((*lost, q.field))))
        outcomes = []
        for v in VALUES[q.field][1:]:
            v = int(v) if KB.schema.fields[q.field].kind == "integer" else v
            try:
                KB.schema.validate({**state, q.field: v})
            except CaseError:
                continue
            outcomes.append(cost(tuple(sorted((*known, (q.field, v)), key=str)), lost))
        return 1 + statistics.mean(outcomes) if outcomes else 0.0

    return cost((), ()), case, gone


def next_question_ms() -> float:
    early = {"known_primary_malignancy": True, "tumour_type": "breast", "back_pain": True,
             "night_pain": True, "radicular_pain": "unilateral"}
    next_question(early)
    times = []
    for _ in range(200):
        t = time.perf_counter()
        next_question(early, unanswerable=["adequate_imaging_available"])
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    main()
