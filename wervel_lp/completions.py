"""The exact semantics over completions, computed with clingo: the oracle of the differential test.

A second implementation of what the Prolog engine computes with decision
diagrams (``wervel_lp/prolog/exact.pl``), written independently from the
same generated program: for a partial case, the outcomes some completion of
its unknown findings gives each topic (``possible``), and the unknown fields
whose value alone can change an outcome, or some value of which removes an
outcome from the possible ones (``missing``). All are brave consequences: of
``outcome/2`` over the completions, of ``relevant/2`` over pairs of
completions that differ in one flipped field, and of ``outcome_with/4``, an
outcome with the value of an unknown field that gives it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import clingo
from clingo.ast import ASTType, parse_string

from .checker import _sym, _text, _value, encoding, representative
from .diff import _Rename
from .knowledge import KnowledgeBase

_COMPLETE = "1 { cell(F, V) : dom(F, V) } 1 :- field(F).\n"
_WITH = """
outcome_with(T, O, F, V) :- outcome(T, O), cell(F, V), not known(F).
#show outcome_with/4.
"""
_TWIN = """
:- known(F), inapplicable_2(F).
1 { flip(F) : field(F), not known(F) } 1.
cell_2(F, V) :- cell(F, V), not flip(F).
1 { cell_2(F, V) : dom(F, V), not cell(F, V) } 1 :- flip(F).
relevant(T, F) :- flip(F), outcome(T, O), not outcome_2(T, O).
#show relevant/2.
"""


@dataclass(frozen=True)
class Exact:
    """A topic's outcomes over the completions of a case (``None``: no decision) and its missing fields."""

    possible: frozenset[str | None]
    missing: frozenset[str]


class Completions:
    """The kb's ASP translation grounded once, asked about the completions of one case at a time."""

    def __init__(self, program: str) -> None:
        """Ground the single and the twin program for ``program``, a kb's ASP translation."""
        derived = program + encoding("resolve.lp", "exact.lp")
        self.single = clingo.Control(["--enum-mode=brave", "--models=0"])
        self.single.add("base", [], derived + _COMPLETE + "#show outcome/2.")
        self.single.ground([("base", [])])
        self.with_cell = clingo.Control(["--enum-mode=brave", "--models=0"])
        self.with_cell.add("base", [], derived + _COMPLETE + _WITH + "#show outcome/2.")
        self.with_cell.ground([("base", [])])
        self.twin = clingo.Control(["--enum-mode=brave", "--models=0"])
        self.twin.add("base", [], derived + _COMPLETE + _renamed(derived, "_2") + _TWIN)
        self.twin.ground([("base", [])])
        self.thresholds: dict[str, list[int]] = {}
        for atom in self.single.symbolic_atoms.by_signature("threshold", 2):
            f, c = atom.symbol.arguments
            self.thresholds.setdefault(str(f), []).append(c.number)
        self.minimum: dict[str, int] = {}
        self.fields = [str(a.symbol.arguments[0]) for a in self.single.symbolic_atoms.by_signature("field", 1)]
        for atom in self.single.symbolic_atoms.by_signature("dom", 2):
            f, d = atom.symbol.arguments
            if d.type == clingo.SymbolType.Number:
                self.minimum[str(f)] = min(d.number, self.minimum.get(str(f), d.number))

    @classmethod
    def for_kb(cls, kb: KnowledgeBase) -> Completions:
        """The completions of cases for ``kb``."""
        return cls(kb.engine.call_json("asp_program_json")["program"])

    def _cells(self, case: Mapping[str, Any]) -> list[tuple[clingo.Symbol, bool]]:
        """The case as assumptions: the cell of each known finding."""
        fixed = []
        for name, value in case.items():
            if value is None:
                continue
            if name in self.minimum:
                sym = clingo.Number(representative(self.thresholds.get(name, []), self.minimum[name], value))
            elif isinstance(value, bool):
                sym = clingo.Function("true" if value else "false")
            else:
                sym = _sym(value)
            fixed.append((clingo.Function("cell", [clingo.Function(name), sym]), True))
        return fixed

    def exact(self, case: Mapping[str, Any], removing: bool = True) -> dict[str, Exact]:
        """Per topic (``advice:VALUE`` per value of a collect topic): possible outcomes and missing fields.

        Without ``removing``, the missing fields are only those whose value alone changes an outcome
        (the flips), found many times faster: for the differential tests over thousands of cases.
        """
        known = [(clingo.Function("known", [clingo.Function(f)]), f in case and case[f] is not None)
                 for f in self.fields]
        cells = self._cells(case) + known
        possible: dict[str, set[str | None]] = {}
        with_cell: dict[tuple[str, str, str], set[str | None]] = {}
        for sym in _brave(self.with_cell if removing else self.single, cells):
            if sym.match("outcome", 2):
                possible.setdefault(_key(sym.arguments[0]), set()).add(_outcome(sym.arguments[1]))
            else:
                t, o, f, v = sym.arguments
                with_cell.setdefault((_key(t), str(f), str(v)), set()).add(_outcome(o))
        missing: dict[str, set[str]] = {k: set() for k in possible}
        if any(not k for _, k in known):
            for sym in _brave(self.twin, cells):
                missing[_key(sym.arguments[0])].add(str(sym.arguments[1]))
        # a field some value of which removes an outcome from the possible ones (implications included)
        for (topic, name, _), outcomes in with_cell.items():
            if outcomes != possible[topic]:
                missing[topic].add(name)
        return {k: Exact(frozenset(v), frozenset(missing[k])) for k, v in possible.items()}


    def witness(self, case: Mapping[str, Any], topic: str, outcome: str | None) -> dict[str, Any] | None:
        """A completion of ``case`` (every applicable field known) on which ``topic`` resolves to ``outcome``."""
        target = clingo.Function("outcome", [_sym(topic), _sym("none" if outcome is None else outcome)])
        known = [(clingo.Function("known", [clingo.Function(f)]), f in case and case[f] is not None)
                 for f in self.fields]
        found: list[clingo.Symbol] = []
        config: Any = self.single.configuration.solve
        config.enum_mode, config.models = "auto", "1"
        try:
            self.single.solve(assumptions=[*self._cells(case), *known, (target, True)],
                              on_model=lambda m: found.extend(m.symbols(atoms=True)))
        finally:
            config.enum_mode, config.models = "brave", "0"
        if not found:
            return None
        return {str(s.arguments[0]): _value(s.arguments[1]) for s in found if s.match("val", 2)}


def _renamed(program: str, suffix: str) -> str:
    """``program`` with every predicate renamed (``p`` to ``p_2``): a second, independent copy."""
    rename = _Rename(suffix, shared=set())
    parts: list[str] = []
    parse_string(program, lambda stm: parts.append(str(rename(stm)))
                 if stm.ast_type != ASTType.ShowSignature else None)
    return "\n".join(parts) + "\n"


def _brave(ctl: clingo.Control, assumptions: list[tuple[clingo.Symbol, bool]]) -> list[clingo.Symbol]:
    """The brave consequences (shown atoms true in some model) under ``assumptions``."""
    last: list[clingo.Symbol] = []

    def on_model(model: clingo.Model) -> None:
        last[:] = model.symbols(shown=True)

    ctl.solve(assumptions=assumptions, on_model=on_model)
    return last


def _key(sym: clingo.Symbol) -> str:
    if sym.match("c", 2):
        return f"{_text(sym.arguments[0])}:{_text(sym.arguments[1])}"
    return _text(sym)


def _outcome(sym: clingo.Symbol) -> str | None:
    text = _text(sym)
    if text == "none":
        return None
    value = _value(sym)
    return str(value).lower() if isinstance(value, bool) else text
