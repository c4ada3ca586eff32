"""Contrastive explanation for why-not.

The smallest set of findings that would have to change for a value to be
concluded, as ``field = value`` assignments: each names the value the
finding would need (JSON true/false for a yes/no finding, a number just past
a threshold, another enum value).

Works on full proof trees (``why_not_json``). A finding that holds needs no
change; a finding that fails or is unknown must change (or be given). A
conjunction needs all its parts, a disjunction its cheapest part; to switch
a condition off is the dual. The sets are exact for tree-shaped proofs and an
upper bound where sub-proofs share findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Node = Mapping[str, Any]
Constraint = tuple[str, str, Any, bool]
"""(field, op, value, goal): the test ``field op value`` must hold (goal True) or fail."""
Change = frozenset[Constraint]


def smallest_change(candidates: Iterable[tuple[Node, Sequence[Node]]], case: Mapping[str, Any],
                    values: Mapping[str, Sequence[Any]]) -> list[dict[str, Any]] | None:
    """The smallest change that makes one of ``candidates`` conclude the value.

    ``candidates`` are pairs (rule proof, proofs of the firing rules that beat
    it); ``values`` the known values of every bool and enum field. Returns
    ``{field, current, value, rule}`` items (``rule``: the rule the change
    makes fire), or ``None`` if no rule concludes the value at all.
    """
    best: tuple[Change, str] | None = None
    for proof, beaters in candidates:
        change = _make(proof, True).union(*(_make(b, False) for b in beaters))
        if best is None or _cost(change) < _cost(best[0]):
            best = (change, proof["rule"])
    if best is None:
        return None
    fields = sorted({c[0] for c in best[0]})
    constraints = sorted(best[0], key=repr)
    return [{"field": f, "current": case.get(f), "rule": best[1],
             "value": _value_for([c for c in constraints if c[0] == f], values.get(f, ()))} for f in fields]


def _cost(change: Change) -> tuple[int, list[str], list[str]]:
    """Fewest fields first; ties broken by the fields and tests, so every process picks the same change."""
    fields = sorted({c[0] for c in change})
    return len(fields), fields, sorted(map(repr, change))


def _make(node: Node, goal: bool) -> Change:
    """Tests of findings that must hold or fail so that ``node`` holds (goal True) or fails."""
    if node.get("holds") is goal:
        return frozenset()
    if "satisfied_by" in node:
        test = node["test"]
        value = tuple(test["value"]) if isinstance(test["value"], list) else test["value"]
        return frozenset({(node["satisfied_by"]["field"], test["op"], value, goal)})
    if "negated" in node:
        return _make(node["negated"], not goal)
    if "decision" in node:
        d = node["decision"]
        return frozenset({(f"decided({d['topic']}, {d['value']})", "=", True, goal)})
    if "rule" in node:  # a rule holds when all its conditions hold
        return _combine(node["conditions"], goal, conjunction=True)
    if "concept" in node:  # a concept holds when any of its rules holds
        return _combine(node["proof"], goal, conjunction=False)
    return _combine(node["conditions"], goal, conjunction=node["condition"] == "all")


def _combine(children: Sequence[Node], goal: bool, *, conjunction: bool) -> Change:
    parts = [_make(child, goal) for child in children]
    if not parts:
        return frozenset()
    if conjunction == goal:  # all parts needed: make a conjunction true, a disjunction false
        return frozenset().union(*parts)
    return min(parts, key=_cost)


def _value_for(constraints: Sequence[Constraint], known: Sequence[Any]) -> Any:
    """A value that meets every constraint on one field (the first candidate that does)."""
    candidates: list[Any] = [*known]
    for _, op, arg, _goal in constraints:
        if op in ("=", "in"):
            candidates += list(arg) if isinstance(arg, tuple) else [arg]
        else:
            candidates += [arg - 1, arg, arg + 1]
    return next((v for v in candidates if all(_holds(op, v, arg) == goal for _, op, arg, goal in constraints)),
                candidates[0] if candidates else None)


def _holds(op: str, value: Any, arg: Any) -> bool:
    if op == "=":
        return bool(value == arg and type(value) is type(arg))
    if op == "in":
        return bool(value in arg)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return bool({"<": value < arg, "=<": value <= arg, ">": value > arg, ">=": value >= arg}[op])
