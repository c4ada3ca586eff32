"""The consistency check of the rule set, in ASP (clingo).

The ASP program is the kb's own translation (``wervel_lp/prolog/asp_export.pl``) plus the
generic encodings ``resolve.lp`` and ``check.lp``. It is grounded once over the whole input
domain; then each anomaly target is asked for with an assumption, and the
optimal model (fewest known findings) is the minimal example case.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import clingo

from .knowledge import KnowledgeBase
from .schema import findings_text

_UNKNOWN = object()


class TranslationError(RuntimeError):
    """The generated ASP program refers to an atom nothing defines: a translation bug."""


REGIONAL = ("conflict", "unresolved_overlap", "gap", "incompatible", "safety")
"""The anomaly kinds that hold on regions of cases; the register acknowledges them by region."""

REGION_LIMIT = 5
"""By default at most this many regions are enumerated per anomaly (``check --regions N``); the
gate itself, whether any anomaly case lies outside the register, is one solve and exact."""


@dataclass(frozen=True)
class Region:
    """A box of cases on which an anomaly holds in every case.

    ``box`` maps each constrained field to its allowed values (numbers as
    intervals such as ``"(7, 14)"``; ``None`` for unknown); every other field
    is free. ``size`` is the number of case classes in the box (contradictions
    not subtracted); ``example_case`` one with the fewest known findings.
    """

    box: Mapping[str, tuple[Any, ...]]
    example_case: Mapping[str, Any]
    size: int
    acknowledged_by: tuple[str, ...]
    acknowledged: bool
    condition: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"box": {f: list(vs) for f, vs in self.box.items()}, "example_case": self.example_case,
                "size": self.size, "acknowledged_by": list(self.acknowledged_by),
                "acknowledged": self.acknowledged, "condition": self.condition}


@dataclass(frozen=True)
class Anomaly:
    """One finding of the check, with a minimal example case where there is one.

    An anomaly of a kind in :data:`REGIONAL` lists every region of cases it
    holds on; it is acknowledged when every one of its cases lies in a region
    of the register. ``locations`` are the kb file:line of the rules,
    requirement, priority or register entry involved.
    """

    kind: str
    subject: str
    topic: str | None
    rules: tuple[str, ...]
    example_case: Mapping[str, Any] | None
    acknowledged: bool
    note: str
    regions: tuple[Region, ...] = ()
    locations: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"kind": self.kind, "subject": self.subject, "topic": self.topic,
                "rules": list(self.rules), "example_case": self.example_case,
                "acknowledged": self.acknowledged, "note": self.note,
                "regions": [r.to_dict() for r in self.regions], "locations": list(self.locations)}


@dataclass(frozen=True)
class StaleEntry:
    """A region of the register that holds no anomaly case any more."""

    id: str
    region: int
    kind: str
    subject: str
    location: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"id": self.id, "region": self.region, "kind": self.kind, "subject": self.subject,
                "location": self.location}


@dataclass(frozen=True)
class CheckReport:
    """All anomalies of the rule set and what the check cost."""

    anomalies: tuple[Anomaly, ...]
    rules: int
    classes: int
    seconds: float
    solves: int
    stale: tuple[StaleEntry, ...] = ()
    gate_example: Mapping[str, Any] | None = None
    """A case outside every acknowledged region on which an anomaly holds (the gate's one solve)."""
    timings: tuple[tuple[str, float], ...] = ()
    """Seconds per phase of the check (``wervel-lp check --timings``), in the order they ran."""

    @property
    def unacknowledged(self) -> tuple[Anomaly, ...]:
        """The anomalies not (wholly) in the kb's register: each one fails the check."""
        return tuple(a for a in self.anomalies if not a.acknowledged)

    @property
    def passed(self) -> bool:
        """No unacknowledged anomaly and no stale register entry."""
        return not self.unacknowledged and not self.stale and self.gate_example is None

    def summary(self) -> dict[str, Any]:
        """The counts a CI job shows."""
        return {"passed": self.passed, "anomalies": len(self.anomalies),
                "regions": sum(len(a.regions) for a in self.anomalies),
                "unacknowledged": len(self.unacknowledged), "stale": len(self.stale),
                "rules": self.rules, "seconds": round(self.seconds, 3)}

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{summary, anomalies, stale, gate_example, stats}``."""
        return {"summary": self.summary(),
                "anomalies": [a.to_dict() for a in self.anomalies],
                "stale": [s.to_dict() for s in self.stale], "gate_example": self.gate_example,
                "stats": {"rules": self.rules, "classes": self.classes,
                          "seconds": round(self.seconds, 3), "solves": self.solves}}


class Solver:
    """The grounded check program, asked one target at a time."""

    def __init__(self, program: str) -> None:
        """Ground ``program`` with ``resolve.lp`` and ``check.lp``; "atom undefined" warnings are errors."""
        self.undefined: list[str] = []
        self.solves = 0
        self.ctl = clingo.Control(["--opt-mode=opt"], logger=self._log, message_limit=100)
        self.ctl.add("base", [], program)
        self.ctl.add("base", [], encoding("resolve.lp", "check.lp"))
        self.ctl.ground([("base", [])])
        if self.undefined:
            raise TranslationError("; ".join(self.undefined))
        self._index()

    @classmethod
    def from_control(cls, ctl: clingo.Control) -> Solver:
        """A solver over a grounded control that holds check.lp (as ``wervel-lp diff`` builds one)."""
        solver = cls.__new__(cls)
        solver.undefined, solver.solves, solver.ctl = [], 0, ctl
        solver._index()
        return solver

    def _index(self) -> None:
        """Read the domain and the box externals from the grounded program."""
        self.atoms = self.ctl.symbolic_atoms
        self.thresholds: dict[str, list[int]] = {}
        for f, c in self.facts("threshold", 2):
            self.thresholds.setdefault(str(f), []).append(c.number)
        self.vals = [(a.symbol, str(a.symbol.arguments[0]), _value(a.symbol.arguments[1]))
                     for a in self.atoms.by_signature("val", 2)]
        self.minimum: dict[str, int] = {}
        self.doms: dict[str, list[clingo.Symbol]] = {}
        for f, d in self.facts("dom", 2):
            self.doms.setdefault(str(f), []).append(d)
            if d.type == clingo.SymbolType.Number:
                self.minimum[str(f)] = min(d.number, self.minimum.get(str(f), d.number))
        self.fields = [str(f) for (f,) in self.facts("field", 1)]
        # The externals of check.lp's box, free atoms fixed by assumptions (as program literals) in every solve.
        self._literals = {a.symbol: a.literal for name, arity in (("box", 1), ("allow", 2), ("allow_unknown", 1))
                          for a in self.atoms.by_signature(name, arity)}
        for sym in self._literals:
            self.ctl.assign_external(sym, None)
        self._box_lit = {str(s.arguments[0]): lit for s, lit in self._literals.items() if s.name == "box"}
        self._unknown_lit = {str(s.arguments[0]): lit for s, lit in self._literals.items()
                             if s.name == "allow_unknown"}
        self._allow_lit = {(str(s.arguments[0]), s.arguments[1]): lit for s, lit in self._literals.items()
                           if s.name == "allow"}
        self.context: list[int] = []
        self._regions = 0
        self._excluded: list[int] = []
        self._set_box(None, set())

    @classmethod
    def for_kb(cls, kb: KnowledgeBase) -> Solver:
        """The solver for the ASP translation of ``kb``."""
        return cls(kb.engine.call_json("asp_program_json")["program"])

    def _log(self, code: clingo.MessageCode, message: str) -> None:
        if code == clingo.MessageCode.AtomUndefined:
            self.undefined.append(" ".join(message.split()))

    def facts(self, name: str, arity: int) -> Iterator[tuple[clingo.Symbol, ...]]:
        """The arguments of every fact ``name/arity`` of the program."""
        for atom in self.atoms.by_signature(name, arity):
            if atom.is_fact:
                yield tuple(atom.symbol.arguments)

    def evaluate(self, case: Mapping[str, Any]) -> list[clingo.Symbol]:
        """The model of one validated case: every val/2 fixed by assumptions."""
        chosen = {}
        for name, value in case.items():
            if name in self.minimum and value is not None:
                value = representative(self.thresholds.get(name, []), self.minimum[name], value)
            chosen[name] = value
        fixed = [(symbol, dom == chosen.get(name, _UNKNOWN) and type(dom) is type(chosen[name]))
                 for symbol, name, dom in self.vals]
        model: list[clingo.Symbol] = []

        def on_model(m: clingo.Model) -> None:
            model[:] = m.symbols(shown=True)

        result = self.ctl.solve(assumptions=fixed, on_model=on_model)
        if not result.satisfiable:
            raise ValueError("the case violates a contradiction of the schema")
        return model

    def example(self, target: clingo.Symbol,
                fixed: Sequence[tuple[clingo.Symbol, bool]] = ()) -> list[clingo.Symbol] | None:
        """An optimal model in which ``target`` holds (and the ``fixed`` literals), or None."""
        if target not in self.atoms:
            return None
        self.solves += 1
        return optimal_model(self.ctl, [(target, True), *fixed], self.context)


    def acknowledged_regions(self) -> list[tuple[str, int, clingo.Symbol]]:
        """Every region of the register: (entry id, region number, anomaly target)."""
        return [(_text(i), k.number, x) for i, k, x, _ in self.facts("ack_region", 4)]

    def _set_box(self, box: Mapping[str, set[clingo.Symbol]] | None, unknown_ok: set[str],
                 excluded: Sequence[int] = ()) -> None:
        """Fix the externals of check.lp to the box (None: no box) and the excluded regions."""
        true = set(excluded)
        for f, allowed in (box or {}).items():
            true.add(self._box_lit[f])
            true.update(self._allow_lit[(f, v)] for v in allowed)
            if f in unknown_ok:
                true.add(self._unknown_lit[f])
        self.context = [lit if lit in true else -lit for lit in (*self._literals.values(), *self._excluded)]

    def holds(self, literals: Sequence[tuple[clingo.Symbol, bool]]) -> bool:
        """Whether some valid case satisfies ``literals`` (no optimisation)."""
        if any(s not in self.atoms and v for s, v in literals):
            return False
        self.solves += 1
        solve_config: Any = self.ctl.configuration.solve
        solve_config.opt_mode = "ignore"
        try:
            return bool(self.ctl.solve(
                assumptions=[*self.context, *((s, v) for s, v in literals if s in self.atoms)]).satisfiable)
        finally:
            solve_config.opt_mode = "opt"

    def _all_in_box(self, target: clingo.Symbol) -> bool:
        """Whether every valid case in the current box has ``target``."""
        return not self.holds([(clingo.Function("inbox"), True), (target, False)])

    def generalize(self, target: clingo.Symbol,
                   model: Sequence[clingo.Symbol]) -> tuple[dict[str, set[clingo.Symbol]], set[str]]:
        """The box around a model's case on which ``target`` holds in every case.

        Starts from the case's known findings (other fields free; or, if that
        box holds a case without the target, every other field unknown) and
        widens each known field value by value, keeping a value when the
        target still holds on the whole box.
        """
        known = {str(s.arguments[0]): s.arguments[1] for s in model if s.match("val", 2)}
        box: dict[str, set[clingo.Symbol]] = {f: {v} for f, v in known.items()}
        unknown_ok: set[str] = set()
        self._set_box(box, unknown_ok)
        if not self._all_in_box(target):
            box.update({f: set() for f in self.fields if f not in known})
            unknown_ok = {f for f in self.fields if f not in known}
            self._set_box(box, unknown_ok)
        for f in [f for f in self.fields if f in known]:
            box[f] = set(self.doms[f])
            self._set_box(box, unknown_ok)
            if self._all_in_box(target):
                values: list[clingo.Symbol] = []
            else:
                box[f] = {known[f]}
                values = self.doms[f]
            for v in values:
                if v in box[f]:
                    continue
                box[f].add(v)
                self._set_box(box, unknown_ok)
                if not self._all_in_box(target):
                    box[f].discard(v)
            unknown_ok.add(f)
            self._set_box(box, unknown_ok)
            if not self._all_in_box(target):
                unknown_ok.discard(f)
            if f in unknown_ok and len(box[f]) == len(self.doms[f]):
                del box[f]
                unknown_ok.discard(f)
        self._set_box(box, unknown_ok)
        return box, unknown_ok

    def exclude(self, box: Mapping[str, set[clingo.Symbol]], unknown_ok: set[str]) -> int:
        """Add the box as region K of the program; ``excluded(K)`` (an external) excludes it."""
        self._regions += 1
        k = self._regions
        lines = [f"#external excluded({k}).", f":- in_region({k}), excluded({k})."]
        oks = []
        for i, (f, allowed) in enumerate(sorted(box.items())):
            oks.append(f"ok({k}, {i})")
            lines += [f"ok({k}, {i}) :- val({_sym(f)}, {v})." for v in allowed]
            if f in unknown_ok:
                lines.append(f"ok({k}, {i}) :- not known({_sym(f)}).")
        lines.append(f"in_region({k})" + (" :- " + ", ".join(oks) if oks else "") + ".")
        self.ctl.add(f"region{k}", [], "\n".join(lines))
        self.ctl.ground([(f"region{k}", [])])
        sym = clingo.Function("excluded", [clingo.Number(k)])
        self.ctl.assign_external(sym, None)
        atom = self.ctl.symbolic_atoms[sym]
        assert atom is not None, sym
        lit = int(atom.literal)
        self._excluded.append(lit)
        return lit

    def regions(self, target: clingo.Symbol, limit: int = REGION_LIMIT
                ) -> list[tuple[dict[str, set[clingo.Symbol]], set[str], list[clingo.Symbol]]]:
        """Every distinct region of cases with ``target``: (box, unknown allowed, minimal model)."""
        found: list[tuple[dict[str, set[clingo.Symbol]], set[str], list[clingo.Symbol]]] = []
        excluded: list[int] = []
        try:
            while len(found) < limit:
                self._set_box(None, set(), excluded)
                model = self.example(target)
                if model is None:
                    break
                box, unknown_ok = self.generalize(target, model)
                found.append((box, unknown_ok, model))
                excluded.append(self.exclude(box, unknown_ok))
        finally:
            self._set_box(None, set())
        return found

    def region_acknowledged(self, target: clingo.Symbol,
                            box: Mapping[str, set[clingo.Symbol]], unknown_ok: set[str]) -> bool:
        """Whether every case of the box lies in an acknowledged region of the register."""
        self._set_box(box, unknown_ok)
        try:
            outside = clingo.Function("target", [clingo.Function("unacknowledged", [target.arguments[0]])])
            return not self.holds([(clingo.Function("inbox"), True), (outside, True)])
        finally:
            self._set_box(None, set())


def encoding(*names: str) -> str:
    """The text of the package's generic ASP encodings ``names`` (``resolve.lp``, ``check.lp``, ...)."""
    return "\n".join(files("wervel_lp").joinpath(n).read_text(encoding="utf-8") for n in names)


def optimal_model(ctl: clingo.Control, assumptions: Sequence[tuple[clingo.Symbol, bool]],
                  literals: Sequence[int] = ()) -> list[clingo.Symbol] | None:
    """The shown atoms of the last (optimal) model under ``assumptions``, or None."""
    best: list[clingo.Symbol] | None = None

    def on_model(model: clingo.Model) -> None:
        nonlocal best
        best = list(model.symbols(shown=True))

    ctl.solve(assumptions=[*literals, *assumptions], on_model=on_model)
    return best


def check(kb: KnowledgeBase, region_limit: int = REGION_LIMIT) -> CheckReport:
    """Run every check over the whole input domain of ``kb``.

    The gate is one solve for an anomaly case outside every acknowledged
    region; each anomaly then has its regions enumerated, and each region of
    the register is checked to still hold an anomaly case.
    """
    start = time.perf_counter()
    phases = _Phases()
    with phases("ASP translation and grounding"):
        solver = Solver.for_kb(kb)
    where = Locator(kb)
    register: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for a in kb.metadata["acknowledged"]:
        register.setdefault((a["kind"], a["subject"]), []).append(a)
    found: list[Anomaly] = []

    def report(kind: str, subject: str, topic: str | None, rules: Sequence[str],
               model: list[clingo.Symbol] | None, locations: Sequence[str]) -> None:
        entries = register.get((kind, subject), [])
        regions: tuple[Region, ...] = ()
        acknowledged = bool(entries)
        if kind in REGIONAL:
            target = _target(kind, subject)
            unacknowledged = clingo.Function("target", [clingo.Function("unacknowledged", [target.arguments[0]])])
            acknowledged = not solver.holds([(unacknowledged, True)])
            with phases("region enumeration"):
                # The regions outside the register first: those are what the author must act on.
                found_regions = [] if acknowledged else [
                    _region(solver, target, box, unknown_ok, m)
                    for box, unknown_ok, m in solver.regions(unacknowledged, region_limit)]
                found_regions += [r for r in (_region(solver, target, box, unknown_ok, m)
                                              for box, unknown_ok, m in solver.regions(target, region_limit))
                                  if r.acknowledged or acknowledged][:max(0, region_limit - len(found_regions))]
            regions = tuple(found_regions)
            if regions:
                model = None
        note = " ".join(e["explanation"] for e in entries) if entries else _unregistered_note(kind)
        example = regions[0].example_case if regions else None if model is None else example_case(model)
        found.append(Anomaly(
            kind=kind, subject=subject, topic=topic, rules=tuple(rules), example_case=example,
            acknowledged=acknowledged, note=note, regions=regions,
            locations=tuple(dict.fromkeys([*locations, *(where.entry(e["id"]) for e in entries)]))))

    with phases("gate (one solve)"):
        gate = solver.example(clingo.Function("target", [clingo.Function("unacknowledged")]))
    search = time.perf_counter()
    for topic, t in kb.topics.items():
        kind = {"unique": "conflict", "priority": "unresolved_overlap"}.get(t.policy)
        if kind:
            model = solver.example(_target(kind, topic))
            if model is not None:
                rules = _winners(model, topic)
                report(kind, topic, topic, rules, model, [where.rule(r) for r in rules])
    for req in kb.metadata["requirements"]:
        kind = "gap" if req["kind"] == "obligation" else req["kind"]
        model = solver.example(_target(kind, req["id"]))
        if model is not None:
            topic = req["topic"]
            rules = [r.id for r in kb.rules.values() if r.topic == topic] if topic else _winners(model)
            report(kind, req["id"], topic, rules, model,
                   [where.term(req["kind"], req["id"]), *(where.rule(r) for r in rules)])
    for pid, prio in kb.priorities.items():
        if solver.example(_target("cofire", pid)) is None:
            report("unused_priority", pid, prio["topic"], sorted({r for pair in prio["beats"] for r in pair}),
                   None, [where.term("priority", pid)])
    for rule in kb.rules.values():
        if solver.example(_target("reach", rule.id)) is None:
            report("unreachable", rule.id, rule.topic, [rule.id], None, [where.rule(rule.id)])
            continue
        if solver.example(_target("sole", rule.id)) is None:
            twins = [r.id for r in kb.rules.values() if r.id != rule.id
                     and (r.topic, r.value, r.concept) == (rule.topic, rule.value, rule.concept)]
            report("redundant", rule.id, rule.topic, [rule.id, *twins], None,
                   [where.rule(r) for r in (rule.id, *twins)])
    phases.add("anomaly search", time.perf_counter() - search - phases.seconds("region enumeration"))
    stale = []
    stale_start = time.perf_counter()
    for id_, k, target in solver.acknowledged_regions():
        if not solver.holds([(clingo.Function("target", [clingo.Function(
                "ack_holds", [_sym(id_), clingo.Number(k)])]), True)]):
            stale.append(StaleEntry(id_, k, target.name, _text(target.arguments[0]), where.entry(id_)))
    for a in kb.metadata["acknowledged"]:
        if a["kind"] not in REGIONAL and not any(
                (x.kind, x.subject) == (a["kind"], a["subject"]) for x in found):
            stale.append(StaleEntry(a["id"], 0, a["kind"], a["subject"], where.entry(a["id"])))
    phases.add("register (stale regions)", time.perf_counter() - stale_start)
    return CheckReport(anomalies=tuple(found), rules=len(kb.rules), classes=_classes(solver),
                       seconds=time.perf_counter() - start, solves=solver.solves, stale=tuple(stale),
                       gate_example=None if gate is None else example_case(gate), timings=phases.items())


class _Phases:
    """Seconds spent per named phase, summed over its runs (``with phases(name): ...``)."""

    def __init__(self) -> None:
        self._seconds: dict[str, float] = {}

    def add(self, name: str, seconds: float) -> None:
        """Count ``seconds`` more for phase ``name``."""
        self._seconds[name] = self._seconds.get(name, 0.0) + seconds

    def seconds(self, name: str) -> float:
        """The seconds counted so far for ``name``."""
        return self._seconds.get(name, 0.0)

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start)

    def items(self) -> tuple[tuple[str, float], ...]:
        """Every phase and its seconds, in the order the phases first ran."""
        return tuple(self._seconds.items())


def _region(solver: Solver, target: clingo.Symbol, box: Mapping[str, set[clingo.Symbol]],
            unknown_ok: set[str], model: Sequence[clingo.Symbol]) -> Region:
    """A region found by the solver, in contract terms."""
    shown: dict[str, tuple[Any, ...]] = {}
    size = 1
    conditions: list[str] = []
    known: list[str] = []
    for f in solver.fields:
        classes = _classes_of(solver, f, solver.doms[f])
        if f not in box:
            size *= len(classes) + 1
            continue
        allowed = _classes_of(solver, f, box[f])
        size *= len(allowed) + (f in unknown_ok)
        values, condition = _describe(solver, f, box[f])
        shown[f] = (*values, *([None] if f in unknown_ok else []))
        if allowed == classes and f not in unknown_ok:
            known.append(f)
        elif condition:
            conditions.append(condition + (" (or unknown)" if f in unknown_ok else ""))
        elif f not in unknown_ok:
            conditions.append(f"{f} unknown")
    hits = tuple(sorted({f"{_text(s.arguments[0])}#{s.arguments[1]}" for s in model
                         if s.match("ack_hit", 3) and s.arguments[2] == target.arguments[0]}))
    return Region(box=shown, example_case=example_case(model), size=size, acknowledged_by=hits,
                  acknowledged=solver.region_acknowledged(target, box, unknown_ok),
                  condition="[" + ", ".join(conditions) + "]" + (
                      f" with {', '.join(known)} known" if known else ""))


def _classes_of(solver: Solver, field: str, values: Iterable[clingo.Symbol]) -> set[Any]:
    """The distinct case classes of ``values`` of ``field`` (numbers by their interval)."""
    return {_interval(solver, field, v.number) if v.type == clingo.SymbolType.Number else v for v in values}


Interval = tuple[float, bool, float, bool]


def _interval(solver: Solver, field: str, rep: int) -> Interval:
    """The numbers the domain value ``rep`` stands for: (low, low included, high, high included)."""
    cuts = sorted(solver.thresholds.get(field, []))
    if rep in cuts:
        return (rep, True, rep, True)
    below = [c for c in cuts if c < rep]
    above = [c for c in cuts if c > rep]
    low, low_in = (max(below), False) if below else (solver.minimum[field], True)
    high, high_in = (min(above), False) if above else (math.inf, False)
    return (low, low_in, high, high_in)


def _describe(solver: Solver, field: str, values: set[clingo.Symbol]) -> tuple[list[Any], str]:
    """The allowed values of a field as contract values (intervals as text) and as a condition."""
    if not values:
        return [], ""
    if next(iter(values)).type != clingo.SymbolType.Number:
        vals = sorted(_value(v) for v in values) if all(
            v.type != clingo.SymbolType.Function or v.name not in ("true", "false") for v in values
        ) else sorted((_value(v) for v in values), key=str)
        shown = [str(v).lower() if isinstance(v, bool) else v for v in vals]
        if len(vals) == 1:
            return vals, f"{field} = {shown[0]}"
        return vals, f"{field} in [{', '.join(map(str, shown))}]"
    merged: list[list[Any]] = []
    for lo, lo_in, hi, hi_in in sorted(_classes_of(solver, field, values)):
        if merged and merged[-1][2] == lo and (merged[-1][3] or lo_in):
            merged[-1][2:] = [hi, hi_in]
        else:
            merged.append([lo, lo_in, hi, hi_in])
    texts, conds = [], []
    for lo, lo_in, hi, hi_in in merged:
        if lo == hi:
            texts.append(f"{lo}")
            conds.append(f"{field} = {lo}")
            continue
        texts.append(f"{'[' if lo_in else '('}{lo}, {'inf' if hi == math.inf else hi}{']' if hi_in else ')'}")
        parts = []
        if not (lo_in and lo == solver.minimum[field]):
            parts.append(f"{field} {'>=' if lo_in else '>'} {lo}")
        if hi != math.inf:
            parts.append(f"{field} {'=<' if hi_in else '<'} {hi}")
        conds.append(", ".join(parts) if len(parts) < 2 else f"all([{', '.join(parts)}])")
        if not parts:
            conds[-1] = f"{field} >= {lo}"
    return texts, conds[0] if len(conds) == 1 else f"any([{', '.join(conds)}])"


class Locator:
    """The kb file:line of rules, requirements, priorities and register entries."""

    def __init__(self, kb: KnowledgeBase) -> None:
        """Index the kb's chapter files."""
        from .engine import kb_directory

        self.kb = kb
        self.heads: dict[tuple[str, str], str] = {}
        directory = kb_directory()
        for path in sorted(directory.glob("*.pl")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                m = re.match(r"(\w+)\(\s*'?(\w+)", line)
                if m:
                    self.heads.setdefault((m.group(1), m.group(2)), f"kb/{path.name}:{n}")

    def rule(self, rule_id: str) -> str:
        """Where rule ``rule_id`` is written."""
        rule = self.kb.rules.get(rule_id)
        return rule.source if rule and rule.source else self.term("rule", rule_id)

    def term(self, functor: str, id_: str) -> str:
        """Where the term ``functor(id_, ...)`` is written (``kb/`` if not found)."""
        return self.heads.get((functor, id_), "kb/")

    def entry(self, id_: str) -> str:
        """Where register entry ``id_`` is written."""
        return self.term("acknowledged", id_)


def minimal_case(kb: KnowledgeBase, topic: str, value: str) -> dict[str, Any] | None:
    """A case with the fewest known findings on which ``value`` is decided on ``topic``."""
    kb.check_topic_value(topic, value)
    solver = Solver.for_kb(kb)
    model = solver.example(_target("decision", topic, value))
    return None if model is None else example_case(model)


def example_case(model: Sequence[clingo.Symbol]) -> dict[str, Any]:
    """The case of a model: its val/2 atoms as contract JSON values."""
    return {str(s.arguments[0]): _value(s.arguments[1]) for s in sorted(model)
            if s.match("val", 2)}


def representative(cuts: Sequence[int], minimum: int, value: float) -> int:
    """The domain value of asp_export.pl that stands for ``value``.

    It behaves like ``value`` in every comparison with the thresholds
    ``cuts``: the threshold itself, or the value just above the nearest
    threshold below (just below the lowest).
    """
    if value in cuts:
        return int(value)
    below = [c for c in cuts if c < value]
    if below:
        return max(below) + 1
    return max(minimum, min(cuts) - 1) if cuts else minimum


def _value(sym: clingo.Symbol) -> Any:
    if sym.type == clingo.SymbolType.Number:
        return sym.number
    if sym.type == clingo.SymbolType.String:
        return sym.string
    return {"true": True, "false": False}.get(sym.name, sym.name)


def _target(kind: str, *names: str) -> clingo.Symbol:
    """The check.lp atom ``target(kind(names...))``."""
    return clingo.Function("target", [clingo.Function(kind, [_sym(n) for n in names])])


def _sym(name: str) -> clingo.Symbol:
    """A kb name as the ASP term asp_export.pl writes for it."""
    if name[:1].islower() and name.replace("_", "").isalnum():
        return clingo.Function(name)
    return clingo.String(name)


def _winners(model: Sequence[clingo.Symbol], topic: str | None = None) -> list[str]:
    return sorted({_text(s.arguments[2]) for s in model if s.match("winner", 3)
                   and (topic is None or _text(s.arguments[0]) == topic)})


def _text(sym: clingo.Symbol) -> str:
    return sym.string if sym.type == clingo.SymbolType.String else str(sym)


def _classes(solver: Solver) -> int:
    """The number of equivalence classes of cases: every field's values plus unknown."""
    sizes: dict[str, int] = {}
    for (f, _v) in solver.facts("dom", 2):
        sizes[str(f)] = sizes.get(str(f), 1) + 1
    return math.prod(sizes.values())


def _unregistered_note(kind: str) -> str:
    return f"not in the register of acknowledged anomalies (kb/anomalies.pl); {kind} needs review"


def render_report(report: CheckReport, verbose: bool = False) -> str:
    """The check report as text for people: one line when it passes (unless ``verbose``)."""
    s = report.summary()
    head = (f"wervel-lp check: {'passed' if report.passed else 'FAILED'}: {report.rules} rules, "
            f"{s['anomalies']} anomalies in {s['regions']} regions, {s['unacknowledged']} not acknowledged, "
            f"{s['stale']} stale register regions ({report.seconds:.2f} s, {report.solves} solves)")
    if report.passed and not verbose:
        return head + "\n"
    lines = [head]
    for a in report.anomalies:
        if a.acknowledged and not verbose:
            continue
        status = "acknowledged" if a.acknowledged else "NEW"
        lines.append(f"[{status}] {a.kind}: {a.subject}" + (f" (topic {a.topic})" if a.topic else ""))
        if a.locations:
            lines.append("    at: " + ", ".join(a.locations[:6]) + (" ..." if len(a.locations) > 6 else ""))
        if a.rules:
            lines.append("    rules: " + ", ".join(a.rules))
        for r in a.regions:
            if r.acknowledged and not verbose:
                continue
            mark = f"acknowledged by {', '.join(r.acknowledged_by)}" if r.acknowledged else "NOT acknowledged"
            lines.append(f"    region ({r.size:.2e} case classes; {mark}): region({r.condition})")
            lines.append("      example: " + findings_text(r.example_case))
        if not a.regions and a.example_case is not None:
            lines.append("    example: " + findings_text(a.example_case))
        lines.append(f"    {a.note}")
    for st in report.stale:
        lines.append(f"[STALE] {st.location}: region {st.region} of {st.id} ({st.kind} on {st.subject}) "
                     "holds no anomaly case any more: remove it or the entry")
    if report.gate_example is not None:
        lines.append("a case outside every acknowledged region: "
                     + findings_text(report.gate_example))
    return "\n".join(lines) + "\n"


def _location(where: str) -> dict[str, Any]:
    """A SARIF location of ``kb/file.pl:line`` (relative to the repository root, as GitHub reads it)."""
    path, _, line = where.partition(":")
    physical: dict[str, Any] = {"artifactLocation": {"uri": path}}
    if line.isdigit():
        physical["region"] = {"startLine": int(line)}
    return {"physicalLocation": physical}


_KIND_TEXT = {
    "conflict": "two values for a topic with the unique hit policy",
    "unresolved_overlap": "two winning values for a priority topic: add a priority",
    "gap": "an obligation holds, every finding of its topic is known, yet the topic is not decided",
    "incompatible": "declared incompatible decisions hold together",
    "safety": "a safety constraint is broken",
    "unreachable": "a rule that can never fire",
    "redundant": "a rule that never fires alone with its conclusion",
    "unused_priority": "a priority whose rules never fire together",
    "stale_region": "a region of the register that holds no anomaly case any more",
}


def render_sarif(report: CheckReport) -> dict[str, Any]:
    """The check report as SARIF 2.1.0 (GitHub code scanning), one result per anomaly and stale region.

    An unacknowledged anomaly is an error; an acknowledged one a note, suppressed with the register's reason.
    """
    results: list[dict[str, Any]] = []
    for a in report.anomalies:
        regions = [r for r in a.regions if not r.acknowledged] or list(a.regions[:1])
        example = regions[0].example_case if regions else a.example_case
        text = f"{a.kind} on {a.subject}" + (f" (topic {a.topic})" if a.topic else "")
        if example is not None:
            text += "; example case: " + json.dumps(example, ensure_ascii=False, sort_keys=True)
        if regions and not a.acknowledged:
            text += f"; region to register: region({regions[0].condition})"
        result: dict[str, Any] = {
            "ruleId": a.kind, "level": "note" if a.acknowledged else "error",
            "message": {"text": text + ". " + a.note},
            "locations": [_location(w) for w in (a.locations or ("kb/",))][:10],
            "partialFingerprints": {"anomaly": f"{a.kind}/{a.subject}"}}
        if a.acknowledged:
            result["suppressions"] = [{"kind": "inSource", "justification": a.note}]
        results.append(result)
    for st in report.stale:
        results.append({"ruleId": "stale_region", "level": "error",
                        "message": {"text": f"region {st.region} of {st.id} ({st.kind} on {st.subject}) holds "
                                            "no anomaly case any more: remove it, or the entry"},
                        "locations": [_location(st.location)],
                        "partialFingerprints": {"anomaly": f"stale/{st.id}/{st.region}"}})
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
            "runs": [{"tool": {"driver": {
                "name": "wervel-lp check",
                "rules": [{"id": k, "shortDescription": {"text": v}} for k, v in _KIND_TEXT.items()]}},
                "results": results,
                "properties": {"summary": report.summary()}}]}
