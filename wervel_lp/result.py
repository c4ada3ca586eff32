"""Results of a recommendation, and the explain and why-not queries on them.

A result holds the decisions, the recommendations with their proofs, the
undetermined topics and the warnings. :class:`Explanation`, :class:`WhyNot`
and :class:`Undetermined` print as text (``str(x)``, or ``x.text("nl")``),
with the kb's labels.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from .case import Case
from .contrast import smallest_change
from .knowledge import KnowledgeBase, knowledge_base

Proof = Mapping[str, Any]

Lang = Literal["nl", "en"]
"""A language of the texts: Dutch or English."""


@dataclass(frozen=True)
class Recommendation:
    """One concluded value (a decision or further advice) and the rule behind it."""

    rule: str
    topic: str
    value: str
    text: Mapping[str, str]
    section: str
    section_title: str
    strength: str
    quote: str
    proof: Proof
    overrides: tuple[Mapping[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the recommendation."""
        return {
            "rule": self.rule, "topic": self.topic, "value": self.value,
            "text": dict(self.text), "section": self.section,
            "section_title": self.section_title, "strength": self.strength,
            "quote": self.quote, "proof": self.proof,
            "overrides": [dict(o) for o in self.overrides],
        }


@dataclass(frozen=True)
class Undetermined:
    """A topic the case cannot decide: some completions of its unknown findings differ, or rules conflict.

    ``possible`` are the values some completion gives (``None``: no decision);
    ``missing`` the unknown fields whose value can change the outcome; ``ask`` a
    smallest set of them whose answers settle the topic, in the order to ask
    them; ``provisional`` the value the rules give once every unknown override
    is assumed absent (never a decision), which the ``missing`` fields could
    overturn.
    """

    topic: str
    reason: str  # missing_findings | conflict
    missing: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    possible: tuple[str | None, ...] = ()
    ask: tuple[str, ...] = ()
    provisional: str | None = None
    waiting_for: str | None = None
    """The earlier step of the pathway the topic waits for (``imaging_shows_metastases``, ...)."""
    step_ask: tuple[str, ...] = ()
    """The fields that settle whether the case has taken that step."""
    tree: Any = None
    """The residual decision tree under the known findings, in the interview's order (contract section 1):
    ``{"field": F, "branches": [{"values": [...], "then": VALUE | None | TREE}]}``; where it is cut,
    ``{"open": [...], "further_questions": N}``."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        data: dict[str, Any] = {"topic": self.topic, "reason": self.reason, "missing": list(self.missing),
                                "values": list(self.values), "possible": list(self.possible),
                                "ask": list(self.ask)}
        if self.provisional is not None:
            data["provisional"] = {"value": self.provisional, "overturned_by": list(self.missing)}
        if self.waiting_for is not None:
            data["waiting_for"] = {"step": self.waiting_for, "ask": list(self.step_ask)}
        if self.tree is not None:
            data["tree"] = self.tree
        return data

    def text(self, lang: Lang = "en") -> str:
        """What is possible, what to ask first and any provisional value, as text in ``lang``."""
        from .render import _undetermined_lines

        return "\n".join(_undetermined_lines(self, knowledge_base(), lang, "")) + "\n"

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class Answer:
    """One allowed answer to a question: a value (bool, enum) or a cell of a number, and what it settles.

    ``settles`` maps each open topic that this answer settles to its value (None: no decision).
    """

    value: Any = None
    cell: Mapping[str, float] | None = None
    settles: Mapping[str, str | None] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"value": V, "settles": {...}}`` or ``{"cell": {op: bound}, "settles": {...}}``."""
        head: dict[str, Any] = {"cell": dict(self.cell)} if self.cell is not None else {"value": self.value}
        return {**head, "settles": dict(self.settles)}

    def holds(self, value: Any) -> bool:
        """Whether ``value`` is this answer: equal to its value, or inside its cell."""
        if self.cell is None:
            return bool(value == self.value)
        checks = {"<": lambda b: value < b, "=": lambda b: value == b, ">": lambda b: value > b}
        return all(checks[op](bound) for op, bound in self.cell.items())


@dataclass(frozen=True)
class Question:
    """The next question of an open case (contract section 1, "The next question").

    ``field`` is the one unknown field to ask now, of pathway ``step``; ``topics`` the open topics its
    answer bears on; ``answers`` one per allowed value (or cell of a number) with the topics it would
    settle; ``reason`` why this question, in ``nl`` and ``en``; ``information`` the expected
    information of the answer in bits, summed over the open topics.
    """

    field: str
    step: str
    topics: tuple[str, ...]
    answers: tuple[Answer, ...]
    reason: Mapping[str, str]
    information: float

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Question:
        """The question of the JSON form."""
        return cls(data["field"], data["step"], tuple(data["topics"]),
                   tuple(Answer(a.get("value"), a.get("cell"), dict(a["settles"])) for a in data["answers"]),
                   dict(data["reason"]), float(data["information"]))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (the result's ``next_question``)."""
        return {"field": self.field, "step": self.step, "topics": list(self.topics),
                "answers": [a.to_dict() for a in self.answers], "reason": dict(self.reason),
                "information": self.information}

    def answer_for(self, value: Any) -> Answer | None:
        """The answer that ``value`` gives, if it is one of the allowed answers."""
        return next((a for a in self.answers if a.holds(value)), None)


@dataclass(frozen=True)
class Inferred:
    """A finding the case implies by a definitional implication of the schema."""

    field: str
    value: Any
    source: str  # the known field it follows from
    implication: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"field": self.field, "value": self.value, "from": self.source, "implication": self.implication}


@dataclass(frozen=True)
class ResultWarning:
    """A provisional value that a higher-priority rule with unknown conditions could still overturn."""

    topic: str
    decision: str
    rule: str
    value: str
    priority: str
    unknown_fields: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"topic": self.topic, "decision": self.decision, "rule": self.rule,
                "value": self.value, "priority": self.priority,
                "unknown_fields": list(self.unknown_fields)}


@dataclass(frozen=True)
class Explanation:
    """Why a topic came out as it did for a case.

    ``findings`` are the case's findings with those it implies (as in
    ``Result.findings``), from which the text shows where the patient stands
    on the pathway.
    """

    topic: str
    status: str  # decided | undetermined | conflict | not_applicable
    recommendations: tuple[Recommendation, ...]
    undetermined: Undetermined | None
    warnings: tuple[ResultWarning, ...]
    findings: Mapping[str, Any] | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"topic": self.topic, "status": self.status,
                "recommendations": [r.to_dict() for r in self.recommendations],
                "undetermined": self.undetermined.to_dict() if self.undetermined else None,
                "warnings": [w.to_dict() for w in self.warnings]}

    def text(self, lang: Lang = "en") -> str:
        """The proof tree of the decision, or why there is none, as text in ``lang`` (``wervel-lp explain``)."""
        from .render import render_explanation

        return render_explanation(self, knowledge_base(), lang, self.findings)

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class RuleReport:
    """For why-not: one rule that could conclude the value, and what stopped it."""

    rule: str
    holds: bool | None
    failed: tuple[str, ...]
    unknown: tuple[str, ...]
    beaten_by: tuple[Mapping[str, str], ...]
    proof: Proof

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"rule": self.rule, "holds": self.holds, "failed": list(self.failed),
                "unknown": list(self.unknown), "beaten_by": [dict(b) for b in self.beaten_by],
                "proof": self.proof}


@dataclass(frozen=True)
class WhyNot:
    """Why ``topic = value`` was (not) concluded, and the smallest change that would."""

    topic: str
    value: str
    concluded: bool
    rules: tuple[RuleReport, ...]
    smallest_change: tuple[Mapping[str, Any], ...] | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"topic": self.topic, "value": self.value, "concluded": self.concluded,
                "rules": [r.to_dict() for r in self.rules],
                "smallest_change": None if self.smallest_change is None
                else [dict(c) for c in self.smallest_change]}

    def text(self, lang: Lang = "en") -> str:
        """Per rule, what failed, what is unknown and what beat it, as text in ``lang`` (``wervel-lp why-not``)."""
        from .render import render_why_not

        return render_why_not(self, knowledge_base(), lang)

    def __str__(self) -> str:
        return self.text()


class Result:
    """The decisions for one case, with their recommendations and proofs.

    A value is decided only when every completion of the case's unknown
    findings gives it (docs/contract.md, section 1); every other topic the
    case touches is undetermined, with what is possible and what to ask.

    A result comes from :func:`~wervel_lp.recommend` (or
    :func:`~wervel_lp.recommend_many`); it is not constructed directly.

    It holds the kb's JSON answer and reads it on first use: ``to_json()``
    hands the answer on as it is, so a caller that only passes results on
    never pays for turning them into Python objects.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Not public: a result comes from ``recommend(case)``."""
        raise TypeError("a Result comes from wervel_lp.recommend(case); it is not constructed directly")

    @classmethod
    def _from_answer(cls, kb: KnowledgeBase, case: Mapping[str, Any], text: str) -> Result:
        """A result for the validated ``case`` from the kb's answer ``text``."""
        result = cls.__new__(cls)
        result._hold(kb, case, text)
        return result

    def _hold(self, kb: KnowledgeBase, case: Mapping[str, Any], text: str) -> None:
        self._kb = kb
        self._case = case
        self._text = text

    @property
    def case(self) -> Mapping[str, Any]:
        """The case's known findings, as validated (unknown fields left out)."""
        return self._case

    def __repr__(self) -> str:
        return f"Result(decisions={self.decisions!r})"

    @cached_property
    def _data(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self._text)
        return data

    @cached_property
    def decisions(self) -> dict[str, str]:
        """The decided value of every decided topic (further advice excluded)."""
        return dict(self._data["decisions"])

    @cached_property
    def recommendations(self) -> tuple[Recommendation, ...]:
        """One per decided topic and further advice, with its rule and proof."""
        return tuple(Recommendation(
            rule=r["rule"], topic=r["topic"], value=r["value"], text=r["text"], section=r["section"],
            section_title=r["section_title"], strength=r["strength"], quote=r["quote"],
            proof=r["proof"], overrides=tuple(r["overrides"]))
            for r in self._data["recommendations"])

    @cached_property
    def undetermined(self) -> tuple[Undetermined, ...]:
        """The topics the case cannot decide: what is possible, and what to ask next."""
        return tuple(Undetermined(u["topic"], u["reason"], tuple(u["missing"]), tuple(u["values"]),
                                  tuple(u["possible"]), tuple(u["ask"]),
                                  u["provisional"]["value"] if "provisional" in u else None,
                                  u["waiting_for"]["step"] if "waiting_for" in u else None,
                                  tuple(u["waiting_for"]["ask"]) if "waiting_for" in u else (),
                                  u.get("tree"))
                     for u in self._data["undetermined"])

    @cached_property
    def next_question(self) -> Question | None:
        """The one question to ask now and what each answer would settle (contract section 1), or None."""
        return Question.from_dict(self._data["next_question"]) if self._data.get("next_question") else None

    @cached_property
    def inferred(self) -> tuple[Inferred, ...]:
        """The findings the case implies (night pain is back pain, ...), added before deciding."""
        return tuple(Inferred(i["field"], i["value"], i["from"], i["implication"]) for i in self._data["inferred"])

    @cached_property
    def warnings(self) -> tuple[ResultWarning, ...]:
        """Provisional values that a higher-priority rule with unknown conditions could overturn."""
        return tuple(ResultWarning(w["topic"], w["decision"], w["rule"], w["value"], w["priority"],
                             tuple(w["unknown_fields"]))
                     for w in self._data["warnings"])

    @cached_property
    def findings(self) -> dict[str, Any]:
        """The case's known findings with those it implies (``inferred``)."""
        return {**{k: v for k, v in self.case.items() if v is not None},
                **{i.field: i.value for i in self.inferred}}

    def to_dict(self, compact: bool = False) -> dict[str, Any]:
        """The contract's JSON result object (a fresh copy).

        With ``compact``, the recommendations without their proof trees
        (rule ids, texts, sections and quotes stay); everything else as in
        the full result.
        """
        data: dict[str, Any] = json.loads(self._text)
        if compact:
            for recommendation in data["recommendations"]:
                del recommendation["proof"]
        return data

    def to_json(self, indent: int | None = None, compact: bool = False) -> str:
        """The result as JSON text; the same case always gives the same bytes.

        Without ``indent``, on one line in ASCII with sorted keys (the full
        result as the kb wrote it); ``indent`` for people (UTF-8 text,
        indented). ``compact`` leaves out the proof trees (see
        :meth:`to_dict`): about a third of the size, or less.
        """
        if indent is None and not compact:
            return self._text
        data = self.to_dict(compact) if compact else self._data
        if indent is None:
            return json.dumps(data, separators=(",", ":"), sort_keys=True)
        return json.dumps(data, indent=indent, ensure_ascii=False, sort_keys=True)

    def explain(self, topic: str) -> Explanation:
        """The proof of the decision on ``topic`` (or why it is undetermined).

        Raises:
            CaseError: ``topic`` is not a topic of the kb (``field`` is ``"topic"``).
        """
        self._kb.check_topic_value(topic)
        recommendations = tuple(r for r in self.recommendations if r.topic == topic)
        undetermined = next((u for u in self.undetermined if u.topic == topic), None)
        if recommendations:
            status = "decided"
        elif undetermined:
            status = "undetermined" if undetermined.reason == "missing_findings" else "conflict"
        else:
            status = "not_applicable"
        return Explanation(
            topic=topic, status=status, recommendations=recommendations, undetermined=undetermined,
            warnings=tuple(w for w in self.warnings if w.topic == topic), findings=self.findings,
        )

    def why_not(self, topic: str, value: str) -> WhyNot:
        """Why ``value`` was not concluded on ``topic``.

        Per rule that could conclude it: the failed and unknown conditions and
        the rules that beat it; and the smallest set of findings that would
        have to change.

        Raises:
            CaseError: ``topic`` is not a topic of the kb, or ``value`` not one of
                its values (``field`` is ``"topic"`` or ``"value"``).
        """
        raw = self._kb.why_not(self.case, topic, value)
        reports = []
        candidates = []
        for r in raw["rules"]:
            proof = r["proof"]
            beaten = tuple({"rule": b["rule"], "value": b["value"], "priority": b["priority"]}
                           for b in r["beaten_by"])
            reports.append(RuleReport(
                rule=proof["rule"], holds=proof["holds"],
                failed=tuple(_leaves(proof, False)), unknown=tuple(_leaves(proof, None)),
                beaten_by=beaten, proof=proof))
            candidates.append((proof, [b["proof"] for b in r["beaten_by"]]))
        change = smallest_change(candidates, self.case, self._kb.schema.known_values)
        return WhyNot(topic=topic, value=value, concluded=raw["concluded"],
                      rules=tuple(reports),
                      smallest_change=None if change is None else tuple(change))


def recommend(case: Case | Mapping[str, Any]) -> Result:
    """Decide every topic of the guideline for ``case``.

    Annotate a case as :class:`~wervel_lp.Case` to have a type checker check
    its field names and values.

    Raises:
        CaseError: the contract does not accept the case (``field`` names the
            field); nothing is evaluated then.
        KbError: the kb does not load, or fails on the case.
    """
    kb = knowledge_base()
    known = kb.schema.validate(case)
    return Result._from_answer(kb, known, kb.evaluate(known))


def next_question(case: Case | Mapping[str, Any], unanswerable: Iterable[str] = (),
                  weights: Mapping[str, Mapping[Any, float]] | None = None) -> Question | None:
    """The one unknown field to ask now for ``case``, with what each answer would settle; None when done.

    None when no open topic has a missing field that is neither known, nor in ``unanswerable`` (the
    fields the user could not answer), nor inapplicable under the known findings. Among the fields of
    the earliest step of the pathway that still has one, the field whose answer gives the most
    information over the valid completions: uniform, or a product of ``weights`` (per bool or enum
    field, a weight per value; a field left out keeps equal weights) conditioned on validity.

    Raises:
        CaseError: the case, a name in ``unanswerable`` or a weight is not valid (``field`` names it).
    """
    kb = knowledge_base()
    known = kb.schema.validate(case)
    data = kb.interview(known, kb.schema.validate_fields("unanswerable", unanswerable),
                        kb.schema.validate_weights(weights or {}))
    return Question.from_dict(data["next_question"]) if data["next_question"] else None


def decide(case: Case | Mapping[str, Any]) -> dict[str, str]:
    """The decisions for ``case`` alone: ``recommend(case).decisions``, without proofs.

    Reads each topic off its decision diagram, compiled from the same rules,
    without evaluating them or building proofs: for callers that need only
    the decided values (some three times as fast on a partial case).

    Raises:
        CaseError: as :func:`recommend`.
        KbError: as :func:`recommend`.
    """
    kb = knowledge_base()
    decisions: dict[str, str] = json.loads(kb.decisions(kb.schema.validate(case)))["decisions"]
    return decisions


def _leaves(node: Mapping[str, Any], holds: bool | None, found: list[str] | None = None) -> list[str]:
    """The findings with status ``holds`` on the paths that keep ``node`` from holding."""
    found = [] if found is None else found
    if node["holds"] is True:
        return found
    if "satisfied_by" in node:
        if node["holds"] is holds and node["condition"] not in found:
            found.append(node["condition"])
        return found
    for child in node.get("conditions") or node.get("proof") or []:
        _leaves(child, holds, found)
    return found
