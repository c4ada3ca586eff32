"""Valid cases over the whole schema: random ones and a pairwise covering set.

Values come from the ASP input domain (every equivalence class the rules can
tell apart) plus, for numbers, values between the thresholds; unknown
(None) is a value of every field. A case that hits a contradiction of the
schema is repaired by making the first contradicting field unknown.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator, Mapping
from typing import Any

from wervel_lp.checker import Solver, _value
from wervel_lp.schema import CaseError, Schema


def field_values(solver: Solver) -> dict[str, list[Any]]:
    """Every field's domain values of the ASP program, with None for unknown."""
    values: dict[str, list[Any]] = {}
    for f, d in solver.facts("dom", 2):
        values.setdefault(str(f), [None]).append(_value(d))
    for f, cuts in solver.thresholds.items():
        values[f] += [c + 0.5 for c in cuts] + [c - 0.25 for c in cuts if c - 0.25 >= 0]
    return values


def repair(schema: Schema, case: dict[str, Any]) -> dict[str, Any] | None:
    """The case made valid by dropping contradicting fields (None if impossible)."""
    for _ in range(len(case)):
        try:
            schema.validate(case)
            return case
        except CaseError as e:
            if e.field not in case:
                return None
            case = {k: v for k, v in case.items() if k != e.field}
    return None


def random_cases(schema: Schema, values: Mapping[str, list[Any]], n: int, seed: int = 7,
                 unknown: float = 0.35) -> Iterator[dict[str, Any]]:
    """``n`` random valid cases; each field is unknown with probability ``unknown``."""
    rng = random.Random(seed)
    made = 0
    while made < n:
        case = {f: rng.choice(vs[1:]) for f, vs in values.items() if rng.random() > unknown}
        case = {f: (int(v) if schema.fields[f].kind == "integer" and v is not None else v)
                for f, v in case.items()}
        fixed = repair(schema, case)
        if fixed is not None:
            made += 1
            yield fixed


def pairwise_cases(schema: Schema, values: Mapping[str, list[Any]], seed: int = 11,
                   candidates: int = 30) -> list[dict[str, Any]]:
    """A greedy covering set: every valid pair of values of two fields occurs in some case."""
    rng = random.Random(seed)
    fields = sorted(values)
    domain = {f: [v for v in values[f] if not (schema.fields[f].kind == "integer"
                                               and isinstance(v, float))] for f in fields}
    uncovered = set()
    for a, b in itertools.combinations(fields, 2):
        for va in domain[a]:
            for vb in domain[b]:
                pair = {a: va, b: vb}
                if repair(schema, {k: v for k, v in pair.items() if v is not None}) == {
                        k: v for k, v in pair.items() if v is not None}:
                    uncovered.add((a, _key(va), b, _key(vb)))
    cases: list[dict[str, Any]] = []
    while uncovered:
        a, va, b, vb = next(iter(uncovered))
        best, best_gain = None, -1
        for _ in range(candidates):
            full = {f: rng.choice(domain[f]) for f in fields}
            full[a], full[b] = _unkey(va), _unkey(vb)
            case = repair(schema, {k: v for k, v in full.items() if v is not None})
            if case is None:
                continue
            gain = sum(1 for p in _pairs(case, fields) if p in uncovered)
            if gain > best_gain:
                best, best_gain = case, gain
        if best is None or best_gain == 0:
            uncovered.discard((a, va, b, vb))  # only repairable away: not jointly valid
            continue
        uncovered -= set(_pairs(best, fields))
        cases.append(best)
    return cases


def _key(v: Any) -> Any:
    return ("b", v) if isinstance(v, bool) else v


def _unkey(k: Any) -> Any:
    return k[1] if isinstance(k, tuple) else k


def _pairs(case: Mapping[str, Any], fields: list[str]) -> Iterator[tuple[str, Any, str, Any]]:
    for a, b in itertools.combinations(fields, 2):
        yield (a, _key(case.get(a)), b, _key(case.get(b)))
