"""The knowledge base as Python sees it: rules, topics, concepts and schema.

Everything here is read from the kb once (``kb_metadata_json``); nothing
clinical is defined in Python.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import Any

from .engine import Engine, KbError, engine, kb_stamp, once
from .schema import CaseError, Schema, did_you_mean


@dataclass(frozen=True)
class Rule:
    """A guideline rule: its conclusion, source and the sentence it encodes."""

    id: str
    topic: str | None  # None for concept rules
    value: str | None
    concept: str | None
    conditions: Mapping[str, Any]
    section: str
    section_title: str
    strength: str
    quote: str
    text_nl: str
    text_en: str
    source: str


@dataclass(frozen=True)
class Topic:
    """A decision topic: hit policy, values and labels."""

    name: str
    policy: str
    values: tuple[str, ...]
    label_nl: str
    label_en: str


class KnowledgeBase:
    """The loaded kb: metadata plus the engine that evaluates cases."""

    def __init__(self, prolog: Engine) -> None:
        """Read the kb's metadata through ``prolog``."""
        self.engine = prolog
        meta = prolog.call_json("kb_metadata_json")
        self.metadata: Mapping[str, Any] = meta
        self.schema = Schema.from_metadata(meta)
        sections = {s["section"]: s["title"] for s in meta["sections"]}
        self.rules: dict[str, Rule] = {}
        for r in meta["rules"]:
            c = r["conclusion"]
            src = r["source"]
            self.rules[r["id"]] = Rule(
                id=r["id"], topic=c.get("topic"), value=c.get("value"), concept=c.get("concept"),
                conditions=r["conditions"], section=r["section"],
                section_title=sections.get(r["section"], r["section"]),
                strength=r["strength"], quote=r["quote"],
                text_nl=r["text"]["nl"], text_en=r["text"]["en"],
                source=f"kb/{src['file']}:{src['line']}" if src else "",
            )
        self.topics: dict[str, Topic] = {
            t["topic"]: Topic(t["topic"], t["policy"], tuple(t["values"]),
                              t["label"]["nl"], t["label"]["en"])
            for t in meta["topics"]
        }
        self.value_labels: dict[tuple[str, Any], Mapping[str, str]] = {
            (f["field"], v["value"]): {"nl": v["nl"], "en": v["en"]}
            for f in meta["fields"] for v in f["value_labels"]}
        """Per (field, value), its Dutch and English label (kb/schema.pl, ``value_label/4``)."""
        self.decision_labels: dict[tuple[str, str], Mapping[str, str]] = {
            (t["topic"], v["value"]): {"nl": v["nl"], "en": v["en"]}
            for t in meta["topics"] for v in t["value_labels"]}
        """Per (topic, value), its Dutch and English label (kb/topics.pl, ``topic_value_label/4``)."""
        self.urgency: dict[tuple[str, str], str] = {
            (t["topic"], v["value"]): v["urgency"] for t in meta["topics"] for v in t["value_labels"]}
        """Per (topic, value): critical, warning or info (kb/topics.pl, ``value_urgency/3``)."""
        self.concepts: dict[str, Mapping[str, str]] = {
            c["concept"]: c["text"] for c in meta["concepts"]
        }
        self.priorities: dict[str, Mapping[str, Any]] = {p["id"]: p for p in meta["priorities"]}
        self.steps: dict[str, Mapping[str, str]] = {s["step"]: s["label"] for s in meta["steps"]}
        """The steps of the pathway a topic can wait for, with their Dutch and English names."""
        self.step_reached: dict[str, Mapping[str, Any]] = {s["step"]: s["reached"] for s in meta["steps"]}
        """Per step, in pathway order, the finding condition (as JSON) that says it has been taken."""
        self.step_topics: dict[str, tuple[str, ...]] = {s["step"]: tuple(s["topics"]) for s in meta["steps"]}
        """Per step, the topics decided on the pathway after it (``topic_step/2``)."""
        self.finding_steps: dict[str, Mapping[str, str]] = {
            s["step"]: s["label"] for s in sorted(meta["finding_steps"], key=lambda s: s["order"])}
        """The steps at which findings become known, in pathway order, with their Dutch and English names."""
        self.field_steps: dict[str, str] = dict(meta["field_steps"])
        """Per case field, the step at which it becomes known (kb/schema.pl, ``field_step/2``)."""
        self.step_ends: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
            s["step"]: tuple((e["topic"], frozenset(e["values"])) for e in s["ends"]) for s in meta["steps"]}
        """Per step, the (topic, values) no longer decided once it is taken (``step_ends/3``)."""
        # Per field, in the kb's order, the character of each value (wervel_lp/prolog/case_text.pl);
        # None for a number field.
        self._value_chars: list[tuple[str, dict[Any, str] | None]] = [
            (f.name, {True: "1", False: "2"} if f.kind == "bool"
             else {v: chr(ord("1") + i) for i, v in enumerate(f.values)} if f.kind == "enum"
             else None)
            for f in self.schema.fields.values()
        ]

    @cached_property
    def version(self) -> str:
        """The version of this kb: the package version and a digest of the kb's files.

        Two kbs that decide alike on every case may still differ here (a comment changed);
        two kbs with the same version are the same files.
        """
        try:
            package = metadata.version("wervel-lp")
        except metadata.PackageNotFoundError:
            package = "?"
        return f"wervel-lp {package}, kb stamp {kb_stamp(Path(self.engine.kb_dir))}"

    def check_topic_value(self, topic: str, value: str | None = None) -> None:
        """Raise :class:`CaseError` unless ``topic`` (and ``value``) are declared."""
        topic = _text("topic", topic)
        if value is not None:
            value = _text("value", value)
        if topic not in self.topics:
            raise CaseError("topic", f"unknown topic {topic[:80]!r}{did_you_mean(topic, self.topics)}; "
                            "expected one of " + ", ".join(self.topics))
        values = self.topics[topic].values
        if value is not None and value not in values:
            raise CaseError("value", f"unknown value {value[:80]!r} for {topic}{did_you_mean(value, values)}; "
                            "expected one of " + ", ".join(values))

    def evaluate(self, known: Mapping[str, Any]) -> str:
        """The result object, as JSON text, for the validated findings ``known``.

        Raises :class:`KbError` if the kb fails on the case.
        """
        return self.engine.call_text("recommend_json", self._case_text(known))

    def interview(self, known: Mapping[str, Any], unanswerable: Sequence[str] = (),
                  weights: Sequence[tuple[str, str, float]] = ()) -> dict[str, Any]:
        """``{"next_question": ..., "trees": {...}}`` for the validated ``known`` (contract section 1).

        ``unanswerable`` and ``weights`` validated by the schema (``validate_fields``, ``validate_weights``).
        """
        lines = "\n".join(f"{f}\t{v}\t{w!r}" for f, v, w in weights)
        data: dict[str, Any] = json.loads(self.engine.call_text(
            "next_question_json", self._case_text(known), ",".join(unanswerable), lines))
        return data

    def decisions(self, known: Mapping[str, Any]) -> str:
        """``{"decisions": {...}}`` as JSON text for the validated ``known``, read off the topic diagrams."""
        return self.engine.call_text("decisions_json", self._case_text(known))

    def decisions_many(self, knowns: Sequence[Mapping[str, Any]]) -> list[str]:
        """:meth:`decisions` for each of the validated ``knowns``, in one call to the kb."""
        if not knowns:
            return []
        answers = self.engine.call_text(
            "decisions_lines_json", "\n".join([self._case_text(known) for known in knowns])).split("\n")
        for answer in answers:
            if answer.startswith('{"error":'):
                raise KbError(f"decisions_lines_json: {json.loads(answer)['error']}")
        return answers

    def _case_text(self, known: Mapping[str, Any]) -> str:
        """The validated case as the bridge reads it (wervel_lp/prolog/case_text.pl).

        One character per field, in the kb's order: ``0`` unknown, ``1``/``2``
        true/false, ``1``, ``2``, ... an enum's first, second, ... value, ``1``
        a known number; then ``|`` and each known number.
        """
        chars: list[str] = []
        numbers: list[str] = []
        for name, value_chars in self._value_chars:
            value = known.get(name)
            if value is None:
                chars.append("0")
            elif value_chars is None:
                chars.append("1")
                numbers.append("|" + _number_text(value))
            else:
                chars.append(value_chars[value])
        return "".join(chars) + "".join(numbers)

    def rule_statuses(self, known: Mapping[str, Any]) -> dict[str, bool | None]:
        """Every rule's status for the validated findings ``known`` (None: unknown)."""
        statuses: dict[str, bool | None] = self.statuses_and_decisions(known)[0]
        return statuses

    def statuses_and_decisions(
            self, known: Mapping[str, Any]) -> tuple[dict[str, bool | None], set[tuple[str, str]]]:
        """Rule statuses and decided (topic, value) pairs, advice included, without proofs."""
        answer = self.engine.call_json("rule_statuses_json", self._case_text(known))
        return answer["rules"], {(t, v) for t, v in answer["decided"]}

    def query(self, goal: str, seconds: float = 5.0, max_solutions: int = 100) -> dict[str, Any]:
        """Run a read-only Prolog query on this kb, in a process of its own (see :mod:`wervel_lp.query`).

        Raises :class:`CaseError` (field ``goal``) for a syntax error, a goal
        that is refused, or a run over the time limit.
        """
        from .query import run_queries

        return run_queries(self.engine.kb_dir, [goal], seconds, max_solutions)[0]

    def why_not(self, known: Mapping[str, Any], topic: str, value: str) -> dict[str, Any]:
        """Full proofs of the rules concluding ``topic = value`` for ``known``."""
        topic, value = _text("topic", topic), _text("value", value)
        self.check_topic_value(topic, value)
        answer: dict[str, Any] = self.engine.call_json(
            "why_not_json", self._case_text(known), topic, value)
        return answer


def _text(field: str, value: object) -> str:
    """``value`` as a plain str (a subclass by its value), or :class:`CaseError` naming ``field``."""
    if not isinstance(value, str):
        raise CaseError(field, f"expected a name (text), got {type(value).__name__}")
    return str.__str__(value)


def _number_text(value: Any) -> str:
    """A finite number as Prolog's number_string/2 reads it (``1e-05`` as ``1.0e-05``)."""
    if isinstance(value, float):
        text = repr(value)
        return text.replace("e", ".0e") if "e" in text and "." not in text else text
    return str(value)


@once
def knowledge_base() -> KnowledgeBase:
    """The process-wide knowledge base, loaded on first use (with a one-time warning if the walks are slow)."""
    from .doctor import warn_if_slow

    kb = KnowledgeBase(engine())
    warn_if_slow(kb.metadata["walks"])
    return kb
