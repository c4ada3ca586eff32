"""The consistency check of the rule set, in ASP (clingo).

The ASP program is the kb's own translation (``wervel_lp/prolog/asp_export.pl``) plus the
generic encodings ``resolve.lp`` and ``check.lp``. It is grounded once over the whole input
domain; then each anomaly target is asked for with an assumption, and the
optimal model (fewest known findings) is the minimal example case.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import clingo

from .knowledge import KnowledgeBase

_UNKNOWN = object()


class TranslationError(RuntimeError):
    """The generated ASP program refers to an atom nothing defines: a translation bug."""


@dataclass(frozen=True)
class Anomaly:
    """One finding of the check, with a minimal example case where there is one."""

    kind: str
    subject: str
    topic: str | None
    rules: tuple[str, ...]
    example_case: Mapping[str, Any] | None
    acknowledged: bool
    note: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"kind": self.kind, "subject": self.subject, "topic": self.topic,
                "rules": list(self.rules), "example_case": self.example_case,
                "acknowledged": self.acknowledged, "note": self.note}


@dataclass(frozen=True)
class CheckReport:
    """All anomalies of the rule set and what the check cost."""

    anomalies: tuple[Anomaly, ...]
    rules: int
    classes: int
    seconds: float
    solves: int

    @property
    def unacknowledged(self) -> tuple[Anomaly, ...]:
        """The anomalies not in the kb's register: each one fails the check."""
        return tuple(a for a in self.anomalies if not a.acknowledged)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{anomalies, stats}``."""
        return {"anomalies": [a.to_dict() for a in self.anomalies],
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
        self.atoms = self.ctl.symbolic_atoms
        self.thresholds: dict[str, list[int]] = {}
        for f, c in self.facts("threshold", 2):
            self.thresholds.setdefault(str(f), []).append(c.number)
        self.vals = [(a.symbol, str(a.symbol.arguments[0]), _value(a.symbol.arguments[1]))
                     for a in self.atoms.by_signature("val", 2)]
        self.minimum: dict[str, int] = {}
        for f, d in self.facts("dom", 2):
            if d.type == clingo.SymbolType.Number:
                self.minimum[str(f)] = min(d.number, self.minimum.get(str(f), d.number))

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
        return optimal_model(self.ctl, [(target, True), *fixed])


def encoding(*names: str) -> str:
    """The text of the package's generic ASP encodings ``names`` (``resolve.lp``, ``check.lp``, ...)."""
    return "\n".join(files("wervel_lp").joinpath(n).read_text(encoding="utf-8") for n in names)


def optimal_model(ctl: clingo.Control,
                  assumptions: Sequence[tuple[clingo.Symbol, bool]]) -> list[clingo.Symbol] | None:
    """The shown atoms of the last (optimal) model under ``assumptions``, or None."""
    best: list[clingo.Symbol] | None = None

    def on_model(model: clingo.Model) -> None:
        nonlocal best
        best = list(model.symbols(shown=True))

    ctl.solve(assumptions=list(assumptions), on_model=on_model)
    return best


def check(kb: KnowledgeBase) -> CheckReport:
    """Run every check over the whole input domain of ``kb``."""
    start = time.perf_counter()
    solver = Solver.for_kb(kb)
    register = {(a["kind"], a["subject"]): a for a in kb.metadata["acknowledged"]}
    found: list[Anomaly] = []

    def report(kind: str, subject: str, topic: str | None, rules: Sequence[str],
               model: list[clingo.Symbol] | None) -> None:
        entry = register.get((kind, subject))
        found.append(Anomaly(
            kind=kind, subject=subject, topic=topic, rules=tuple(rules),
            example_case=None if model is None else example_case(model),
            acknowledged=entry is not None,
            note=entry["explanation"] if entry else _unregistered_note(kind)))

    for topic, t in kb.topics.items():
        kind = {"unique": "conflict", "priority": "unresolved_overlap"}.get(t.policy)
        if kind:
            model = solver.example(_target(kind, topic))
            if model is not None:
                report(kind, topic, topic, _winners(model, topic), model)
    for req in kb.metadata["requirements"]:
        kind = "gap" if req["kind"] == "obligation" else req["kind"]
        model = solver.example(_target(kind, req["id"]))
        if model is not None:
            topic = req["topic"]
            rules = [r.id for r in kb.rules.values() if r.topic == topic] if topic else _winners(model)
            report(kind, req["id"], topic, rules, model)
    for pid, prio in kb.priorities.items():
        if solver.example(_target("cofire", pid)) is None:
            report("unused_priority", pid, prio["topic"], sorted({r for pair in prio["beats"] for r in pair}),
                   None)
    for rule in kb.rules.values():
        if solver.example(_target("reach", rule.id)) is None:
            report("unreachable", rule.id, rule.topic, [rule.id], None)
            continue
        if solver.example(_target("sole", rule.id)) is None:
            twins = [r.id for r in kb.rules.values() if r.id != rule.id
                     and (r.topic, r.value, r.concept) == (rule.topic, rule.value, rule.concept)]
            report("redundant", rule.id, rule.topic, [rule.id, *twins], None)
    return CheckReport(anomalies=tuple(found), rules=len(kb.rules), classes=_classes(solver),
                       seconds=time.perf_counter() - start, solves=solver.solves)


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


def render_report(report: CheckReport) -> str:
    """The check report as text for people."""
    lines = [f"wervel-lp check: {report.rules} rules, {report.classes:.3e} case classes, "
             f"{report.solves} solves, {report.seconds:.2f} s"]
    for a in report.anomalies:
        status = "acknowledged" if a.acknowledged else "NEW"
        lines.append(f"[{status}] {a.kind}: {a.subject}" + (f" (topic {a.topic})" if a.topic else ""))
        if a.rules:
            lines.append("    rules: " + ", ".join(a.rules))
        if a.example_case is not None:
            lines.append("    example: " + ", ".join(f"{k}={v}" for k, v in a.example_case.items()))
        lines.append(f"    {a.note}")
    new = len(report.unacknowledged)
    lines.append(f"{len(report.anomalies)} anomalies, {new} not acknowledged"
                 + (": the check fails" if new else ""))
    return "\n".join(lines) + "\n"
