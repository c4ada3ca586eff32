"""The case schema, read from the kb, and case validation.

The kb's ``schema.pl`` is the one definition of every field, its type, range
and labels, and of the contradictions between findings. This module turns
that definition into :class:`Schema` and validates a case against it once,
before any engine sees it. Bad input is refused as a whole with a
:class:`CaseError` that names the field.
"""

from __future__ import annotations

import difflib
import json
import math
import numbers
import operator
import reprlib
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cached_property
from typing import Any

ROOT_FIELD = "$"
"""The field named in errors about the case document as a whole."""

MAX_CASE_BYTES = 1 << 20
"""The largest case document read (a file, standard input or a batch line), in bytes."""


class CaseError(ValueError):
    """A case, topic or value that the contract does not accept.

    ``field`` names the offending field (``"$"`` for the document itself,
    ``"topic"`` or ``"value"`` for a query argument).
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def __reduce__(self) -> tuple[type[CaseError], tuple[str, str]]:
        # Batch workers send errors back pickled.
        return (CaseError, (self.field, self.message))


@dataclass(frozen=True)
class Field:
    """One case field: its type, range and labels."""

    name: str
    kind: str  # bool | enum | number | integer
    meaning: str
    label_nl: str
    label_en: str
    values: tuple[str, ...] = ()
    minimum: float | None = None
    unknown_values: tuple[str, ...] = ()
    value_labels_nl: tuple[tuple[str, str], ...] = ()
    accepts: Callable[[Any], bool] = dataclass_field(init=False, repr=False, compare=False)
    """Whether a value is a known value of this field (a function made for the field's type)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "accepts", _acceptor(self.kind, self.values, self.minimum))

    def expected(self) -> str:
        """Describe the accepted values, for error messages and docs."""
        if self.kind == "bool":
            return "true, false or null"
        if self.kind == "enum":
            return "one of " + ", ".join(self.values) + " (or null)"
        noun = "an integer" if self.kind == "integer" else "a finite number"
        return f"{noun} >= {self.minimum:g} (or null)"


@dataclass(frozen=True)
class Test:
    """A condition on one field, as in the kb's condition language."""

    field: str
    op: str
    value: Any
    holds: Callable[[Mapping[str, Any]], bool] = dataclass_field(init=False, repr=False, compare=False)
    """Whether the known finding in a case satisfies the test (False if unknown)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "holds", _tester(self.field, self.op, self.value))


@dataclass(frozen=True)
class Contradiction:
    """Findings that cannot hold together."""

    id: str
    tests: tuple[Test, ...]
    explanation: str


@dataclass(frozen=True)
class Schema:
    """All case fields and contradictions, as the kb defines them."""

    fields: Mapping[str, Field]
    contradictions: tuple[Contradiction, ...]

    @classmethod
    def from_metadata(cls, meta: Mapping[str, Any]) -> Schema:
        """Build the schema from the kb metadata (see ``wervel_lp/prolog/bridge.pl``)."""
        fields = {}
        for f in meta["fields"]:
            t = f["type"]
            fields[f["field"]] = Field(
                name=f["field"],
                kind=t["kind"],
                meaning=f["meaning"],
                label_nl=f["label"]["nl"],
                label_en=f["label"]["en"],
                values=tuple(t.get("values", ())),
                minimum=t.get("minimum"),
                unknown_values=tuple(f["unknown_values"]),
                value_labels_nl=tuple((v["value"], v["nl"]) for v in f["value_labels"]),
            )
        contradictions = tuple(
            Contradiction(
                id=c["id"],
                tests=tuple(Test(t["field"], t["op"], t["value"]) for t in c["conditions"]),
                explanation=c["explanation"],
            )
            for c in meta["contradictions"]
        )
        return cls(fields=fields, contradictions=contradictions)

    def validate_fields(self, name: str, fields: object) -> tuple[str, ...]:
        """The case fields named in ``fields`` (an iterable of names), or raise :class:`CaseError` on ``name``."""
        if isinstance(fields, (str, bytes)) or not isinstance(fields, Iterable):
            raise CaseError(name, f"expected a list of case field names, got {_show(fields)}")
        names = tuple(fields)
        for f in names:
            if not isinstance(f, str) or f not in self.fields:
                raise CaseError(name, f"{_show(f)} is not a field of the case schema"
                                + (did_you_mean(f, self.fields) if isinstance(f, str) else ""))
        return names

    def validate_weights(self, weights: object) -> tuple[tuple[str, str, float], ...]:
        """``(field, value, weight)`` for a mapping ``{field: {value: weight}}`` of bool and enum fields.

        Each weight a finite number >= 0, each field's weights with a positive sum; else
        :class:`CaseError` naming ``weights.FIELD``.
        """
        if not isinstance(weights, Mapping):
            raise CaseError("weights", f"expected an object of fields, got {_show(weights)}")
        out: list[tuple[str, str, float]] = []
        for name, per_value in weights.items():
            spec = self.fields.get(name) if isinstance(name, str) else None
            where = f"weights.{name}"
            if spec is None or spec.kind not in ("bool", "enum"):
                raise CaseError(where, "weights are given for bool and enum case fields only")
            if not isinstance(per_value, Mapping) or not per_value:
                raise CaseError(where, f"expected an object of values and weights, got {_show(per_value)}")
            allowed: dict[Any, str] = {v: v for v in spec.values}
            if spec.kind == "bool":
                allowed = {True: "true", False: "false", "true": "true", "false": "false"}
            total = 0.0
            for value, weight in per_value.items():
                if value not in allowed or (spec.kind == "enum" and value in spec.unknown_values):
                    raise CaseError(where, f"{_show(value)} is not a value of {name}; expected " + spec.expected())
                if type(weight) not in (int, float) or not math.isfinite(weight) or weight < 0:
                    raise CaseError(where, f"a weight must be a finite number >= 0, got {_show(weight)}")
                total += weight
                out.append((name, allowed[value], float(weight)))
            if total <= 0:
                raise CaseError(where, "the weights of a field must not all be 0")
        return tuple(out)

    def validate(self, case: object) -> dict[str, Any]:
        """Return the known findings of ``case``, or raise :class:`CaseError`.

        Absent fields and ``None`` are unknown and left out of the result.
        The whole case is checked before anything is returned.
        """
        if not isinstance(case, Mapping):
            raise CaseError(ROOT_FIELD, f"a case must be a JSON object, got {_show(case)}")
        known: dict[str, Any] = {}
        fields = self.fields
        try:
            names = sorted(case)
        except TypeError:  # keys of several types; the first bad one is named below
            names = sorted(case, key=_sort_key)
        seen: set[str] = set()
        for key in names:
            value = case[key]
            spec = fields.get(key) if type(key) is str else None
            if spec is not None and type(value) in _PLAIN:  # the usual case: nothing to convert
                if value is not None:
                    if not spec.accepts(value):
                        raise self._refusal(spec, value)
                    known[key] = value
                continue
            # A str or number subclass is read by its value, once: what is validated is what the kb gets.
            name = str.__str__(key) if isinstance(key, str) else key
            spec = fields.get(name) if isinstance(name, str) else None
            if spec is None:
                raise CaseError(_field_name(name), "not a field of the case schema"
                                + (did_you_mean(name, fields) if isinstance(name, str) else ""))
            if name in seen or (type(key) is not str and any(type(other) is str and other == name for other in case)):
                # (a plain key is unique; another key of a str subclass can hold the same name)
                raise CaseError(name, "appears more than once in the case")
            seen.add(name)
            value = plain_value(value)
            if value is None:
                continue
            if not spec.accepts(value):
                raise self._refusal(spec, case[key])
            known[name] = value
        for contradiction in self.contradictions:
            for test in contradiction.tests:
                if not test.holds(known):
                    break
            else:
                together = " and ".join(t.field for t in contradiction.tests)
                raise CaseError(
                    contradiction.tests[0].field,
                    f"contradicts {together}: {contradiction.explanation} ({contradiction.id})",
                )
        self._check_implied(known)
        return known

    @staticmethod
    def _refusal(spec: Field, value: Any) -> CaseError:
        """The error for ``value``, which field ``spec`` does not accept."""
        plain = plain_value(value)
        hint = did_you_mean(plain, spec.values) if type(plain) is str else ""
        return CaseError(spec.name, f"expected {spec.expected()}, got {_show(value)}{hint}")

    def _check_implied(self, known: Mapping[str, Any]) -> None:
        """Refuse findings that contradict each other through what they imply.

        A finding's implications (the schema's contradictions read as
        implications: where one test holds, the other cannot) can force an
        unknown field's value, and that value can contradict a third finding
        (a lesion duration implies a lesion, which implies a deficit that the
        case denies). The engine applies the same implications as inferences.
        """
        steps = [step for step in self._implication_steps if step[2] not in known]  # (the others cannot fire)
        if not steps:
            return
        implied = dict(known)
        source: dict[str, str] = {}
        changed = True
        triggers = self._implication_triggers
        while changed:
            changed = False
            for trigger, holds, target, forced in steps:
                # (a test of an unknown field does not hold: the trigger is looked up first)
                if target not in implied and trigger in implied and holds(implied):
                    implied[target] = forced
                    source[target] = source.get(trigger, trigger)
                    changed = changed or target in triggers  # else no step can fire anew
        if not source:
            return
        # Only a contradiction that tests an implied finding can hold anew (the rest held on ``known``).
        by_field = self._contradictions_by_field
        for index in sorted({i for field in source for i in by_field.get(field, ())}):
            c = self.contradictions[index]
            if all(t.holds(implied) for t in c.tests):
                field = next(t.field for t in c.tests if t.field in source)
                together = " and ".join(t.field for t in c.tests)
                raise CaseError(source[field], f"implies {field} = {json.dumps(implied[field])}, which contradicts "
                                               f"{together}: {c.explanation} ({c.id})")

    @cached_property
    def _implications(self) -> tuple[tuple[Test, Test, Any], ...]:
        """(holds, other, value): where test ``holds`` holds, ``other`` fails, which leaves its field ``value``."""
        found = []
        for c in self.contradictions:
            if len(c.tests) != 2:
                continue
            for holds, other in (c.tests, c.tests[::-1]):
                forced = [v for v in self._values(other.field) if not other.holds({other.field: v})]
                if len(forced) == 1:
                    found.append((holds, other, forced[0]))
        return tuple(found)

    @cached_property
    def _implication_steps(self) -> tuple[tuple[str, Callable[[Mapping[str, Any]], bool], str, Any], ...]:
        """:attr:`_implications` as (field tested, its test, field forced, value), for the loop above."""
        return tuple((holds.field, holds.holds, other.field, forced) for holds, other, forced in self._implications)

    @cached_property
    def _contradictions_by_field(self) -> dict[str, tuple[int, ...]]:
        """Per field, the positions of the contradictions that test it."""
        found: dict[str, list[int]] = {}
        for index, c in enumerate(self.contradictions):
            for name in dict.fromkeys(t.field for t in c.tests):
                found.setdefault(name, []).append(index)
        return {name: tuple(indexes) for name, indexes in found.items()}

    @cached_property
    def _implication_triggers(self) -> frozenset[str]:
        """The fields whose tests can force another field's value."""
        return frozenset(trigger for trigger, _, _, _ in self._implication_steps)

    def _values(self, name: str) -> tuple[Any, ...]:
        """The known values of a bool or enum field (none for a number)."""
        return self.known_values[name]

    @cached_property
    def known_values(self) -> dict[str, tuple[Any, ...]]:
        """Per field, its known values: both for a bool, the listed ones for an enum, none for a number."""
        return {name: (True, False) if spec.kind == "bool"
                else tuple(v for v in spec.values if v not in spec.unknown_values)
                for name, spec in self.fields.items()}


_PLAIN = frozenset({bool, int, float, str, type(None)})
"""The types of values that validation reads as they are (plain_value gives them back unchanged)."""

_COMPARISONS = {"<": operator.lt, "=<": operator.le, ">": operator.gt, ">=": operator.ge}


def _acceptor(kind: str, values: tuple[str, ...], minimum: float | None) -> Callable[[Any], bool]:
    """The check of a field's values, made once per field (validation runs it on every finding)."""
    if kind == "bool":
        return lambda value: value is True or value is False
    if kind == "enum":
        allowed = frozenset(values)
        return lambda value: type(value) is str and value in allowed
    integer = kind == "integer"
    return lambda value: _is_number(value, integer=integer) and (minimum is None or value >= minimum)


def _tester(name: str, op: str, expected: Any) -> Callable[[Mapping[str, Any]], bool]:
    """The test ``name op expected`` on the known findings of a case, made once per test."""
    if op == "=":
        kind = type(expected)
        return lambda case: type(case.get(name)) is kind and case[name] == expected
    if op == "in":
        return lambda case: (actual := case.get(name)) is not None and actual in expected
    compare = _COMPARISONS[op]
    return lambda case: (actual := case.get(name)) is not None and bool(compare(actual, expected))


def plain_value(value: Any) -> Any:
    """``value`` as a plain ``bool``, ``int``, ``float`` or ``str`` where it is one by value; else as it is.

    A subclass (of int, float or str) gives the value it holds, whatever its
    methods say; numpy scalars and other registered numbers give their value
    (``numpy.bool_`` a bool, an integral number an int, a real one a float).
    """
    kind = type(value)
    if kind in (bool, int, float, str) or value is None:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_"):
        return value.__bool__()
    try:
        if isinstance(value, numbers.Integral):
            return operator.index(value)
        if isinstance(value, numbers.Real):
            return float(value)
    except (TypeError, ValueError, OverflowError):
        pass
    return value


def findings_text(findings: Mapping[str, Any]) -> str:
    """Findings as ``field=value`` pairs with JSON values (``back_pain=false``), for one-line reports."""
    return ", ".join(f"{name}={json.dumps(value, ensure_ascii=False)}" for name, value in findings.items())


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``" (did you mean NAME?)"`` for the choice closest to a misspelt ``word``, or ``""`` if none is close."""
    close = difflib.get_close_matches(word[:80], list(choices), n=1, cutoff=0.75)
    return f" (did you mean {close[0]}?)" if close else ""


def _sort_key(name: object) -> str:
    try:
        return str(name)
    except Exception:  # a key whose str() fails is named by its type
        return type(name).__name__


def _field_name(name: object) -> str:
    """An unknown key as it can be named in an error: quoted unless a plain identifier."""
    text = str(name)
    if text.isidentifier() and len(text) <= 80:
        return text
    return json.dumps(text[:80])


def _is_number(value: Any, *, integer: bool) -> bool:
    """A plain int (any int when ``integer``) or finite float, within the range of a float."""
    kind = type(value)
    if kind is int:
        return bool(-sys.float_info.max <= value <= sys.float_info.max)
    return not integer and kind is float and math.isfinite(value)


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 50


def _show(value: Any) -> str:
    """A short text of any value: never fails, however large or deeply nested."""
    try:
        text = _REPR.repr(value)
    except Exception:  # an int over 4,300 digits, a failing __repr__
        text = f"a {type(value).__name__}"
    return text if len(text) <= 60 else text[:57] + "..."


def case_from_json(data: bytes | str) -> Any:
    """The case document in JSON text ``data``, or :class:`CaseError` (field ``$`` or the duplicated key).

    Refuses a document over :data:`MAX_CASE_BYTES`, nested too deeply, or
    with a key twice in one object. An integer too long for Python's int
    (over 4,300 digits) is read as an infinite float, which validation then
    refuses naming its field.
    """
    if len(data) > MAX_CASE_BYTES:
        raise CaseError(ROOT_FIELD, f"the case is larger than {MAX_CASE_BYTES:,} bytes")
    try:
        return json.loads(data, object_pairs_hook=_unique_keys, parse_int=_parse_int)
    except CaseError:
        raise
    except UnicodeDecodeError:
        raise CaseError(ROOT_FIELD, "the case is not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise CaseError(ROOT_FIELD, f"not valid JSON: {e.msg} at line {e.lineno}") from None
    except RecursionError:
        raise CaseError(ROOT_FIELD, "nested too deeply") from None
    except ValueError as e:
        raise CaseError(ROOT_FIELD, f"not valid JSON: {e}") from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(pairs)
    if len(document) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise CaseError(_field_name(key), "appears more than once in the case")
            seen.add(key)
    return document


def _parse_int(text: str) -> int | float:
    return int(text) if len(text) <= 4000 else float(text)
