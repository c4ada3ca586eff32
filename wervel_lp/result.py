"""Results of a recommendation, and the explain and why-not queries on them.

A result holds the decisions, the recommendations with their proofs, the
undetermined topics and the warnings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .contrast import smallest_change
from .knowledge import KnowledgeBase, knowledge_base

Proof = Mapping[str, Any]


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
    """A topic the case cannot decide: findings are missing, or rules conflict."""

    topic: str
    reason: str  # missing_findings | conflict
    missing: tuple[str, ...] = ()
    values: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"topic": self.topic, "reason": self.reason,
                "missing": list(self.missing), "values": list(self.values)}


@dataclass(frozen=True)
class Warning:
    """A decision that stands although a higher-priority rule could still apply."""

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
    """Why a topic came out as it did for a case."""

    topic: str
    status: str  # decided | undetermined | conflict | not_applicable
    recommendations: tuple[Recommendation, ...]
    undetermined: Undetermined | None
    warnings: tuple[Warning, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"topic": self.topic, "status": self.status,
                "recommendations": [r.to_dict() for r in self.recommendations],
                "undetermined": self.undetermined.to_dict() if self.undetermined else None,
                "warnings": [w.to_dict() for w in self.warnings]}


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


@dataclass(frozen=True)
class Result:
    """The decisions for one case, with their recommendations and proofs."""

    case: Mapping[str, Any]
    decisions: dict[str, str]
    recommendations: tuple[Recommendation, ...]
    undetermined: tuple[Undetermined, ...]
    warnings: tuple[Warning, ...]
    _topics: Mapping[str, Mapping[str, Any]] = field(repr=False, compare=False)
    _kb: KnowledgeBase = field(repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON result object."""
        return {
            "decisions": dict(self.decisions),
            "recommendations": [r.to_dict() for r in self.recommendations],
            "undetermined": [u.to_dict() for u in self.undetermined],
            "warnings": [w.to_dict() for w in self.warnings],
        }

    def to_json(self, indent: int | None = None) -> str:
        """The result as JSON text; the same case always gives the same bytes.

        Compact by default (the fast C encoder); ``indent`` for people.
        """
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, sort_keys=True)

    def explain(self, topic: str) -> Explanation:
        """The proof of the decision on ``topic`` (or why it is undetermined)."""
        self._kb.check_topic_value(topic)
        raw = self._topics[topic]
        return Explanation(
            topic=topic, status=raw["status"],
            recommendations=tuple(r for r in self.recommendations if r.topic == topic),
            undetermined=next((u for u in self.undetermined if u.topic == topic), None),
            warnings=tuple(w for w in self.warnings if w.topic == topic),
        )

    def why_not(self, topic: str, value: str) -> WhyNot:
        """Why ``value`` was not concluded on ``topic``.

        Per rule that could conclude it: the failed and unknown conditions and
        the rules that beat it; and the smallest set of findings that would
        have to change.
        """
        raw = self._kb.why_not(self.case, topic, value)
        reports = []
        candidates = []
        for r in raw["rules"]:
            proof = _Enricher(self._kb, {})(r["proof"])
            beaten = tuple({"rule": b["rule"], "value": b["value"], "priority": b["priority"]}
                           for b in r["beaten_by"])
            reports.append(RuleReport(
                rule=proof["rule"], holds=proof["holds"],
                failed=tuple(_leaves(proof, False)), unknown=tuple(_leaves(proof, None)),
                beaten_by=beaten, proof=proof))
            candidates.append((proof, [b["proof"] for b in r["beaten_by"]]))
        change = smallest_change(candidates, self.case)
        return WhyNot(topic=topic, value=value, concluded=raw["concluded"],
                      rules=tuple(reports),
                      smallest_change=None if change is None else tuple(change))


def recommend(case: Mapping[str, Any]) -> Result:
    """Decide every topic of the guideline for ``case``.

    Raises :class:`~wervel_lp.CaseError` (naming the field) for a case the
    contract does not accept; nothing is evaluated then.
    """
    kb = knowledge_base()
    known = kb.schema.validate(case)
    return build_result(kb, known, kb.evaluate(known))


def build_result(kb: KnowledgeBase, known: Mapping[str, Any], answer: Mapping[str, Any]) -> Result:
    """Turn the kb's per-topic resolutions (see ``KnowledgeBase.evaluate``) into a :class:`Result`."""
    topics = answer["topics"]
    enrich = _Enricher(kb, answer["concepts"])
    decisions: dict[str, str] = {}
    recommendations: list[Recommendation] = []
    undetermined: list[Undetermined] = []
    warnings: list[Warning] = []
    for t in topics:
        topic, status, values = t["topic"], t["status"], t["values"]
        if status == "decided" and kb.topics[topic].policy != "collect":
            decisions[topic] = values[0]
        if status == "decided":
            recommendations.extend(_recommendation(kb, topic, w, enrich) for w in t["winners"])
        if status == "undetermined":
            undetermined.append(Undetermined(topic, "missing_findings", tuple(t["missing"])))
        elif status == "conflict":
            undetermined.append(Undetermined(topic, "conflict", values=tuple(values)))
        for w in t["warnings"]:
            warnings.append(Warning(topic, w["instead_of"]["value"], w["rule"], w["value"],
                                    w["priority"], tuple(w["unknown_fields"])))
    return Result(case=dict(known), decisions=decisions,
                  recommendations=tuple(recommendations), undetermined=tuple(undetermined),
                  warnings=tuple(warnings), _topics={t["topic"]: t for t in topics}, _kb=kb)


def _recommendation(kb: KnowledgeBase, topic: str, winner: Mapping[str, Any],
                    enrich: _Enricher) -> Recommendation:
    rule = kb.rules[winner["rule"]]
    return Recommendation(
        rule=rule.id, topic=topic, value=winner["value"],
        text={"nl": rule.text_nl, "en": rule.text_en},
        section=rule.section, section_title=rule.section_title, strength=rule.strength,
        quote=rule.quote, proof=enrich(winner["proof"]),
        overrides=tuple(winner["overrides"]),
    )


class _Enricher:
    """Makes proofs read on their own.

    Each rule node gets its conclusion and quote, and each concept node its
    rule proofs (given once per result by the kb).
    """

    def __init__(self, kb: KnowledgeBase, concepts: Mapping[str, list[Mapping[str, Any]]]) -> None:
        self.kb = kb
        self.concepts = concepts
        self.done: dict[str, list[dict[str, Any]]] = {}

    def __call__(self, node: Mapping[str, Any]) -> dict[str, Any]:
        out = dict(node)
        if "rule" in node and node["rule"] in self.kb.rules:
            rule = self.kb.rules[node["rule"]]
            out["conclusion"] = ({"concept": rule.concept} if rule.concept
                                 else {"topic": rule.topic, "value": rule.value})
            out["quote"] = rule.quote
            out["section"] = rule.section
        if "concept" in node and "proof" not in node and node["concept"] in self.concepts:
            name = node["concept"]
            if name not in self.done:
                self.done[name] = [self(rule) for rule in self.concepts[name]]
            out["proof"] = self.done[name]
        for key in ("conditions", "proof"):
            if isinstance(node.get(key), list):
                out[key] = [self(child) for child in node[key]]
        if isinstance(node.get("negated"), Mapping):
            out["negated"] = self(node["negated"])
        return out


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
