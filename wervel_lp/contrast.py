"""Contrastive explanation for why-not.

The smallest set of findings that would have to change for a value to be
concluded.

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
Change = frozenset[str]


def smallest_change(candidates: Iterable[tuple[Node, Sequence[Node]]],
                    case: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    """The smallest change that makes one of ``candidates`` conclude the value.

    ``candidates`` are pairs (rule proof, proofs of the firing rules that beat
    it). Returns ``{field, current}`` items, or ``None`` if no rule concludes
    the value at all.
    """
    best: Change | None = None
    for proof, beaters in candidates:
        change = _make(proof, True).union(*(_make(b, False) for b in beaters))
        if best is None or (len(change), sorted(change)) < (len(best), sorted(best)):
            best = change
    if best is None:
        return None
    return [{"field": f, "current": case.get(f)} for f in sorted(best)]


def _make(node: Node, goal: bool) -> Change:
    """Findings to change so that ``node`` holds (goal True) or fails (goal False)."""
    if node.get("holds") is goal:
        return frozenset()
    if "satisfied_by" in node:
        return frozenset({node["satisfied_by"]["field"]})
    if "negated" in node:
        return _make(node["negated"], not goal)
    if "decision" in node:
        d = node["decision"]
        return frozenset({f"decided({d['topic']}, {d['value']})"})
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
    return min(parts, key=lambda p: (len(p), sorted(p)))
