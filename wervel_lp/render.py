"""Text rendering of results, proofs and why-not reports, in Dutch or English.

Labels of fields, values, concepts and topics come from the kb; the few
words of the frame are in :data:`WORDS`. Guideline quotes stay Dutch.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .knowledge import KnowledgeBase
from .result import Explanation, Recommendation, Result, Undetermined, WhyNot

WORDS: Mapping[str, Mapping[str, str]] = {
    "nl": {
        "decisions": "Beslissingen", "advice": "Overige adviezen",
        "undetermined": "Niet te beslissen", "warnings": "Waarschuwingen",
        "missing": "ontbrekende gegevens", "conflict": "tegenstrijdige regels",
        "rule": "regel", "section": "sectie", "unknown": "onbekend",
        "stands": "is voorlopig: regel {rule} ({value}) kan nog gelden als bekend wordt",
        "not_applicable": "niet van toepassing op deze casus",
        "overrides": "gaat voor regel {rule} ({value}) volgens {priority}",
        "concluded": "{topic} = {value} is geconcludeerd.",
        "not_concluded": "{topic} = {value} is niet geconcludeerd.",
        "no_rule": "Geen regel concludeert deze waarde.",
        "failed": "niet vervuld", "open": "onbekend",
        "beaten": "verslagen door regel {rule} ({value}) volgens {priority}",
        "change": "Kleinste verandering die {value} oplevert",
        "none": "geen",
        "possible": "mogelijk", "ask": "vraag eerst", "no_decision": "geen beslissing",
        "provisional": "voorlopig {value}, tenzij {fields} dit verandert",
        "inferred": "Afgeleide bevindingen", "because": "afgeleid uit",
        "case_split": "in elk geval, naar {field}:", "when": "als",
        "exhaustive": "in elke aanvulling van de onbekende gegevens (beslisdiagram):",
        "waiting": "wacht op de stap '{step}' (vraag eerst: {fields}):",
        "pathway": "Traject", "waits": "wacht op de stap '{step}'",
    },
    "en": {
        "decisions": "Decisions", "advice": "Further advice",
        "undetermined": "Undetermined", "warnings": "Warnings",
        "missing": "missing findings", "conflict": "conflicting rules",
        "rule": "rule", "section": "section", "unknown": "unknown",
        "stands": "is provisional: rule {rule} ({value}) may still apply once known",
        "not_applicable": "not applicable to this case",
        "overrides": "overrides rule {rule} ({value}) by {priority}",
        "concluded": "{topic} = {value} was concluded.",
        "not_concluded": "{topic} = {value} was not concluded.",
        "no_rule": "No rule concludes this value.",
        "failed": "failed", "open": "unknown",
        "beaten": "beaten by rule {rule} ({value}) by {priority}",
        "change": "Smallest change that gives {value}",
        "none": "none",
        "possible": "possible", "ask": "ask first", "no_decision": "no decision",
        "provisional": "provisionally {value}, unless {fields} change it",
        "inferred": "Inferred findings", "because": "follows from",
        "case_split": "in every case, by {field}:", "when": "if",
        "exhaustive": "in every completion of the unknown findings (decision diagram):",
        "waiting": "waiting for the step '{step}' (ask first: {fields}):",
        "pathway": "Pathway", "waits": "waiting for the step '{step}'",
    },
}
MARK = {True: "[x]", False: "[ ]", None: "[?]"}


def render_result(result: Result, kb: KnowledgeBase, lang: str) -> str:
    """The whole result: decisions with their rules, advice, undetermined, warnings."""
    w = WORDS[lang]
    lines = [w["decisions"]]
    for rec in result.recommendations:
        if rec.topic != "advice":
            lines += _recommendation_lines(rec, kb, lang, "  ")
    advice = [r for r in result.recommendations if r.topic == "advice"]
    if advice:
        lines += ["", w["advice"]]
        lines += [f"  - {r.text[lang]}  [{r.rule}]" for r in advice]
    if result.inferred:
        lines += ["", w["inferred"]]
        lines += [f"  {_field_label(kb, i.field, lang)}: {_value_label(kb, i.field, i.value, lang)}"
                  f"   ({w['because']}: {_field_label(kb, i.source, lang)})" for i in result.inferred]
    lines += ["", pathway_line(findings(result), kb, lang)]
    if result.undetermined:
        lines += ["", w["undetermined"]]
        waiting: dict[str, list[Undetermined]] = {}
        for u in result.undetermined:
            if u.waiting_for is None:
                lines += _undetermined_lines(u, kb, lang, "  ")
            else:
                waiting.setdefault(u.waiting_for, []).append(u)
        for step, topics in waiting.items():
            asked = ", ".join(_field_label(kb, f, lang) for f in topics[0].step_ask)
            lines.append("  " + w["waiting"].format(step=kb.steps[step][lang], fields=asked) + " "
                         + ", ".join(_topic_label(kb, u.topic, lang) for u in topics))
    if result.warnings:
        lines += ["", w["warnings"]]
        for x in result.warnings:
            fields = ", ".join(_field_label(kb, f, lang) for f in x.unknown_fields)
            lines.append(f"  {_topic_label(kb, x.topic, lang)} = {x.decision} "
                         + w["stands"].format(rule=x.rule, value=x.value) + f": {fields}")
    return "\n".join(lines) + "\n"


def findings(result: Result) -> dict[str, Any]:
    """The case's findings with those it implies (``result.findings``)."""
    return dict(result.findings)


def pathway_line(case: Mapping[str, Any], kb: KnowledgeBase, lang: str) -> str:
    """Where the case stands on the pathway, from its findings.

    Each step of the kb (``step/4``, in pathway order): taken ``[x]``, not taken ``[ ]``, or
    not known ``[?]``.
    """
    steps = "; ".join(f"{MARK[_step_taken(cond, case)]} {kb.steps[step][lang]}"
                      for step, cond in kb.step_reached.items())
    return f"{WORDS[lang]['pathway']}: {steps}"


def _step_not_taken(topic: str, case: Mapping[str, Any], kb: KnowledgeBase) -> str | None:
    """The first step of the pathway that ``topic`` follows and the case has not taken."""
    return next((step for step, cond in kb.step_reached.items()
                 if topic in kb.step_topics[step] and _step_taken(cond, case) is False), None)


def _step_taken(cond: Mapping[str, Any], case: Mapping[str, Any]) -> bool | None:
    """A step's finding condition in three-valued logic: None where a finding it needs is unknown."""
    if "all" in cond or "any" in cond:
        conjunction = "all" in cond
        parts = [_step_taken(c, case) for c in cond["all" if conjunction else "any"]]
        if (not conjunction) in parts:
            return not conjunction
        return None if None in parts else conjunction
    if "not" in cond:
        inner = _step_taken(cond["not"], case)
        return None if inner is None else not inner
    value = case.get(cond.get("field", ""))
    if value is None:
        return None
    op, arg = cond["op"], cond["value"]
    if op in ("=", "in"):
        return bool(value in arg) if op == "in" else bool(value == arg)
    return bool({"<": value < arg, "=<": value <= arg, ">": value > arg, ">=": value >= arg}[op])


def render_explanation(expl: Explanation, kb: KnowledgeBase, lang: str,
                       case: Mapping[str, Any] | None = None) -> str:
    """The proof tree of a topic's decision, or why there is none.

    With the findings ``case`` (see :func:`findings`), it shows where the patient stands on the
    pathway, and names the step a topic waits for.
    """
    w = WORDS[lang]
    lines = [f"{_topic_label(kb, expl.topic, lang)} ({expl.topic})"]
    if case is not None:
        lines.append("  " + pathway_line(case, kb, lang))
    for rec in expl.recommendations:
        lines += _recommendation_lines(rec, kb, lang, "  ")
        lines += render_proof(rec.proof, kb, lang, depth=2)
    if expl.undetermined:
        lines += _undetermined_lines(expl.undetermined, kb, lang, "  ")
    elif expl.status == "not_applicable":
        step = _step_not_taken(expl.topic, case, kb) if case is not None else None
        lines.append("  " + (w["waits"].format(step=kb.steps[step][lang]) if step else w["not_applicable"]))
    for x in expl.warnings:
        lines.append(f"  ! {x.decision} " + w["stands"].format(rule=x.rule, value=x.value)
                     + ": " + ", ".join(x.unknown_fields))
    return "\n".join(lines) + "\n"


def render_why_not(report: WhyNot, kb: KnowledgeBase, lang: str) -> str:
    """Per rule that could conclude the value: what failed, what is unknown, what beat it."""
    w = WORDS[lang]
    key = "concluded" if report.concluded else "not_concluded"
    lines = [w[key].format(topic=report.topic, value=report.value)]
    if not report.rules:
        lines.append(w["no_rule"])
    for r in report.rules:
        lines.append(f"  {MARK[r.holds]} {w['rule']} {r.rule}")
        lines += [f"      {w['failed']}: {c}" for c in r.failed]
        lines += [f"      {w['open']}: {c}" for c in r.unknown]
        lines += ["      " + w["beaten"].format(**b) for b in r.beaten_by]
    if report.smallest_change is not None and not report.concluded:
        items = ", ".join(f"{c['field']} = {json.dumps(c['value'])} "
                          f"({w['unknown'] if c['current'] is None else json.dumps(c['current'])})"
                          for c in report.smallest_change) or w["none"]
        lines.append(w["change"].format(value=report.value) + f": {items}")
    return "\n".join(lines) + "\n"


def render_proof(node: Mapping[str, Any], kb: KnowledgeBase, lang: str, depth: int) -> list[str]:
    """The conditions of a proof node as an indented tree (a case split as its branches)."""
    if "case_split" in node:
        return _split_lines(node["case_split"], kb, lang, depth)
    if "exhaustive" in node:
        lines = ["  " * depth + WORDS[lang]["exhaustive"]]
        for rule in node["exhaustive"]["rules"]:
            lines.append("  " * (depth + 1) + f"{WORDS[lang]['rule']} {rule['rule']}: \"{_short(rule['quote'])}\"")
            lines += render_proof(rule, kb, lang, depth + 2)
        return lines
    lines = []
    for cond in node.get("conditions", []):
        lines += _condition_lines(cond, kb, lang, depth)
    return lines


def _split_lines(split: Mapping[str, Any], kb: KnowledgeBase, lang: str, depth: int) -> list[str]:
    """A decision that every value of an unknown finding gives: one branch per value."""
    pad = "  " * depth
    field = split["field"]
    lines = [pad + WORDS[lang]["case_split"].format(field=_field_label(kb, field, lang))]
    for branch in split["branches"]:
        lines.append(f"{pad}  {WORDS[lang]['when']} {_cell_text(kb, field, branch['cell'], lang)}:")
        for node in branch["proof"]:
            if "case_split" in node:
                lines += _split_lines(node["case_split"], kb, lang, depth + 2)
            else:
                lines.append(f"{pad}    {WORDS[lang]['rule']} {node['rule']}: \"{_short(node['quote'])}\"")
                lines += render_proof(node, kb, lang, depth + 3)
    return lines


def _cell_text(kb: KnowledgeBase, field: str, cell: Any, lang: str) -> str:
    """A value of ``field``, or a range of its numbers, as text."""
    label = _field_label(kb, field, lang)
    if isinstance(cell, Mapping):
        return f"{label} " + (" ".join(f"{op} {bound}" for op, bound in sorted(cell.items(), reverse=True))
                              if cell else "")
    return f"{label} = {_value_label(kb, field, cell, lang)}"


def _undetermined_lines(u: Undetermined, kb: KnowledgeBase, lang: str, pad: str) -> list[str]:
    """An undetermined topic: what is possible, what to ask first, and any provisional value."""
    w = WORDS[lang]
    topic = _topic_label(kb, u.topic, lang)
    if u.waiting_for is not None:
        asked = ", ".join(_field_label(kb, f, lang) for f in u.step_ask)
        return [f"{pad}{topic}: " + w["waiting"].format(step=kb.steps[u.waiting_for][lang], fields=asked)]
    if u.reason != "missing_findings":
        return [f"{pad}{topic}: {w['conflict']}: {', '.join(u.values)}"]
    possible = ", ".join(w["no_decision"] if v is None else v for v in u.possible)
    lines = [f"{pad}{topic}: {w['possible']}: {possible}",
             f"{pad}  {w['ask']}: " + ", ".join(_field_label(kb, f, lang) for f in u.ask)]
    if u.provisional is not None:
        fields = ", ".join(_field_label(kb, f, lang) for f in u.missing)
        lines.append(f"{pad}  " + w["provisional"].format(value=u.provisional, fields=fields))
    return lines


def _condition_lines(cond: Mapping[str, Any], kb: KnowledgeBase, lang: str, depth: int) -> list[str]:
    pad = "  " * depth
    mark = MARK[cond["holds"]]
    if "satisfied_by" in cond:
        found = cond["satisfied_by"]
        label = _field_label(kb, found["field"], lang)
        value = WORDS[lang]["unknown"] if found["value"] is None else _value_label(
            kb, found["field"], found["value"], lang)
        return [f"{pad}{mark} {label}: {value}   ({cond['condition']})"]
    if "concept" in cond:
        text = kb.concepts[cond["concept"]][lang]
        lines = [f"{pad}{mark} {text}"]
        for rule in cond["proof"]:
            quote = _short(rule.get("quote", ""))
            lines.append(f"{pad}    <- {WORDS[lang]['rule']} {rule['rule']}: \"{quote}\"")
            lines += render_proof(rule, kb, lang, depth + 3)
        return lines
    if "negated" in cond:
        prefix = "niet:" if lang == "nl" else "not:"
        return [f"{pad}{mark} {prefix}", *_condition_lines(cond["negated"], kb, lang, depth + 1)]
    if "decision" in cond:
        d = cond["decision"]
        return [f"{pad}{mark} {_topic_label(kb, d['topic'], lang)} = {d['value']}"]
    head = {"all": {"nl": "alle:", "en": "all of:"}, "any": {"nl": "een van:", "en": "any of:"}}
    lines = [f"{pad}{mark} {head[cond['condition']][lang]}"]
    for child in cond["conditions"]:
        lines += _condition_lines(child, kb, lang, depth + 1)
    return lines


def _recommendation_lines(rec: Recommendation, kb: KnowledgeBase, lang: str, pad: str) -> list[str]:
    lines = [f"{pad}{_topic_label(kb, rec.topic, lang)}: {rec.value}",
             f"{pad}  {rec.text[lang]}",
             f"{pad}  {WORDS[lang]['rule']} {rec.rule}; {WORDS[lang]['section']}: {rec.section_title}",
             f"{pad}  \"{rec.quote}\""]
    lines += [f"{pad}  " + WORDS[lang]["overrides"].format(**o) for o in rec.overrides]
    return lines


def _topic_label(kb: KnowledgeBase, topic: str, lang: str) -> str:
    t = kb.topics[topic]
    return t.label_nl if lang == "nl" else t.label_en


def _field_label(kb: KnowledgeBase, name: str, lang: str) -> str:
    f = kb.schema.fields.get(name)
    if f is None:
        return name
    return f.label_nl if lang == "nl" else f.label_en


def _value_label(kb: KnowledgeBase, name: str, value: Any, lang: str) -> str:
    if lang == "en":
        return {True: "yes", False: "no"}.get(value, str(value)) if isinstance(value, bool) else str(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    labels = dict(kb.schema.fields[name].value_labels_nl)
    return labels.get(str(value), str(value))


def _short(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
