"""Text rendering of results, proofs and why-not reports, in Dutch or English.

Every word comes from :mod:`wervel_lp.labels`: the kb's labels of fields,
values, concepts, topics and decisions, and the frame's words
(:data:`~wervel_lp.labels.WORDS`). Guideline quotes stay Dutch; rule and
priority ids are shown as the references they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .knowledge import KnowledgeBase
from .labels import (
    OPERATORS,
    WORDS,
    concept_label,
    decision_label,
    field_label,
    finding_label,
    finding_test,
    topic_label,
    value_label,
)
from .result import Explanation, Question, Recommendation, Result, Undetermined, WhyNot

__all__ = [
    "WORDS",
    "answer_label",
    "field_list",
    "findings",
    "pathway_line",
    "question_lines",
    "render_explanation",
    "render_proof",
    "render_result",
    "render_why_not",
    "tree_text",
]

MARK = {True: "[x]", False: "[ ]", None: "[?]"}


def render_result(result: Result, kb: KnowledgeBase, lang: str) -> str:
    """The whole result: what is decided now, the next question and what its answers decide.

    Then each open topic's tree, the advice, inferred findings, the pathway and warnings.
    """
    w = WORDS[lang]
    decided = [rec for rec in result.recommendations if rec.topic != "advice"]
    lines = [w["decisions"]] if decided else [w["decided_none"]]
    for rec in decided:
        lines += _recommendation_lines(rec, kb, lang, "  ")
    if result.next_question is not None:
        lines += ["", *question_lines(result.next_question, kb, lang)]
    if result.undetermined:
        lines += ["", w["open_topics"] if result.next_question is not None else w["undetermined"]]
        waiting: dict[str, list[Undetermined]] = {}
        for u in result.undetermined:
            if u.waiting_for is None:
                lines += _undetermined_lines(u, kb, lang, "  ")
            else:
                waiting.setdefault(u.waiting_for, []).append(u)
        for step, topics in waiting.items():
            asked = field_list(kb, topics[0].step_ask, lang)
            lines.append("  " + w["waiting"].format(step=kb.steps[step][lang], fields=asked) + " "
                         + ", ".join(topic_label(kb, u.topic, lang) for u in topics))
    advice = [r for r in result.recommendations if r.topic == "advice"]
    if advice:
        lines += ["", w["advice"]]
        lines += [f"  - {r.text[lang]}  [{r.rule}]" for r in advice]
    if result.inferred:
        lines += ["", w["inferred"]]
        lines += [f"  {field_label(kb, i.field, lang)}: {value_label(kb, i.field, i.value, lang)}"
                  f"   ({w['because']}: {field_label(kb, i.source, lang)})" for i in result.inferred]
    lines += ["", pathway_line(findings(result), kb, lang)]
    if result.warnings:
        lines += ["", w["warnings"]]
        for x in result.warnings:
            fields = ", ".join(field_label(kb, f, lang) for f in x.unknown_fields)
            lines.append(f"  {topic_label(kb, x.topic, lang)}: {decision_label(kb, x.topic, x.decision, lang)} "
                         + w["stands"].format(rule=x.rule, value=decision_label(kb, x.topic, x.value, lang))
                         + f": {fields}")
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
    lines = [topic_label(kb, expl.topic, lang)]
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
        lines.append(f"  ! {decision_label(kb, x.topic, x.decision, lang)} "
                     + w["stands"].format(rule=x.rule, value=decision_label(kb, x.topic, x.value, lang))
                     + ": " + ", ".join(field_label(kb, f, lang) for f in x.unknown_fields))
    return "\n".join(lines) + "\n"


def render_why_not(report: WhyNot, kb: KnowledgeBase, lang: str) -> str:
    """Per rule that could conclude the value: what failed, what is unknown, what beat it."""
    w = WORDS[lang]
    key = "concluded" if report.concluded else "not_concluded"
    value = decision_label(kb, report.topic, report.value, lang)
    lines = [w[key].format(topic=topic_label(kb, report.topic, lang), value=value)]
    if not report.rules:
        lines.append(w["no_rule"])
    for r in report.rules:
        lines.append(f"  {MARK[r.holds]} {w['rule']} {r.rule}")
        for holds, word in ((False, "failed"), (None, "open")):
            lines += [f"      {w[word]}: {_leaf_text(leaf, kb, lang)}" for leaf in _leaves(r.proof, holds)]
        lines += ["      " + _beaten_text("beaten", b, report.topic, kb, lang) for b in r.beaten_by]
    if report.smallest_change is not None and not report.concluded:
        items = ", ".join(_change_text(c, kb, lang) for c in report.smallest_change) or w["none"]
        lines.append(w["change"].format(value=value) + f": {items}")
    return "\n".join(lines) + "\n"


def _change_text(change: Mapping[str, Any], kb: KnowledgeBase, lang: str) -> str:
    """One finding of the smallest change, its current value in brackets; or a decision it needs."""
    w = WORDS[lang]
    decided = re.fullmatch(r"decided\((\w+), (\w+)\)", change["field"])
    if decided:
        topic, value = decided.groups()
        text = f"{topic_label(kb, topic, lang)}: {decision_label(kb, topic, value, lang)}"
        return text if change["value"] else f"{w['not']} {text}"
    field, current = change["field"], change["current"]
    return (f"{field_label(kb, field, lang)}: {value_label(kb, field, change['value'], lang)} "
            f"({w['unknown'] if current is None else value_label(kb, field, current, lang)})")


def _leaves(node: Mapping[str, Any], holds: bool | None,
            found: list[Mapping[str, Any]] | None = None) -> list[Mapping[str, Any]]:
    """The finding nodes with status ``holds`` on the paths that keep ``node`` from holding."""
    found = [] if found is None else found
    if node["holds"] is True:
        return found
    if "satisfied_by" in node:
        if node["holds"] is holds and node not in found:
            found.append(node)
        return found
    for child in node.get("conditions") or node.get("proof") or []:
        _leaves(child, holds, found)
    return found


def _leaf_text(node: Mapping[str, Any], kb: KnowledgeBase, lang: str) -> str:
    """A finding test of a proof (a node with ``satisfied_by``) as the kb's labels say it."""
    return finding_label(kb, node["satisfied_by"]["field"], node["test"]["op"], node["test"]["value"], lang)


def _beaten_text(key: str, b: Mapping[str, str], topic: str, kb: KnowledgeBase, lang: str) -> str:
    """``overrides`` or ``beaten``: a rule, the decision it gives, and the priority that decides."""
    return WORDS[lang][key].format(rule=b["rule"], value=decision_label(kb, topic, b["value"], lang),
                                   priority=b["priority"])


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
    lines = [pad + WORDS[lang]["case_split"].format(field=field_label(kb, field, lang))]
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
    label = field_label(kb, field, lang)
    if isinstance(cell, Mapping):
        return f"{label} " + " ".join(f"{OPERATORS.get(op, op)} {bound}"
                                      for op, bound in sorted(cell.items(), reverse=True))
    return f"{label} = {value_label(kb, field, cell, lang)}"


def _undetermined_lines(u: Undetermined, kb: KnowledgeBase, lang: str, pad: str) -> list[str]:
    """An undetermined topic: its residual tree (what each answer decides) and any provisional value."""
    w = WORDS[lang]
    topic = topic_label(kb, u.topic, lang)
    if u.waiting_for is not None:
        return [f"{pad}{topic}: " + w["waiting"].format(step=kb.steps[u.waiting_for][lang],
                                                        fields=field_list(kb, u.step_ask, lang))]
    if u.reason != "missing_findings":
        return [f"{pad}{topic}: {w['conflict']}: " + ", ".join(decision_label(kb, u.topic, v, lang) for v in u.values)]
    if u.tree is not None:
        lines = [f"{pad}{topic}: {tree_text(u.topic, u.tree, kb, lang)}"]
    else:
        possible = ", ".join(outcome_label(kb, u.topic, v, lang) for v in u.possible)
        lines = [f"{pad}{topic}: {w['possible']}: {possible}",
                 f"{pad}  {w['ask']}: " + field_list(kb, u.ask, lang)]
    if u.provisional is not None:
        lines.append(f"{pad}  " + w["provisional"].format(value=decision_label(kb, u.topic, u.provisional, lang),
                                                          fields=field_list(kb, u.ask, lang)))
    return lines


TEXT_TREE_DEPTH = 3
"""The questions deep a topic's tree is shown in text; below, the number of further questions."""


def question_lines(question: Question, kb: KnowledgeBase, lang: str) -> list[str]:
    """The next question, what each of its answers settles, and why it is asked now."""
    w = WORDS[lang]
    step = kb.finding_steps[question.step][lang]
    lines = [f"{w['next_question']} ({w['step']}: {step}): {field_label(kb, question.field, lang)}?"]
    for answer in question.answers:
        settles = "; ".join(f"{topic_label(kb, t, lang)}: {outcome_label(kb, t, v, lang)}"
                            for t, v in answer.settles.items())
        lines.append(f"  {answer_label(kb, question.field, answer.cell or answer.value, lang)} -> "
                     f"{settles or w['settles_nothing']}")
    return lines


def answer_label(kb: KnowledgeBase, field: str, value: Any, lang: str) -> str:
    """An answer to a question on ``field``: a value's label, or a range of numbers (``> 3 < 6``)."""
    if isinstance(value, Mapping):
        return " ".join(f"{OPERATORS.get(op, op)} {bound:g}" for op, bound in sorted(value.items(), reverse=True))
    return value_label(kb, field, value, lang)


def tree_text(topic: str, tree: Any, kb: KnowledgeBase, lang: str, depth: int = TEXT_TREE_DEPTH) -> str:
    """A topic's residual tree on one line: ``question? answer -> outcome; answer -> (question? ...)``.

    Cut at ``depth`` questions, with the number of further questions.
    """
    w = WORDS[lang]
    if not isinstance(tree, Mapping):
        return outcome_label(kb, topic, tree, lang)
    if "open" in tree:
        return f"{w['still_open']} ({w['further'].format(n=tree['further_questions'])})"
    if depth == 0:
        return f"{w['still_open']} ({w['further'].format(n=_questions(tree))})"
    branches = []
    for branch in tree["branches"]:
        values = "/".join(answer_label(kb, tree["field"], v, lang) for v in branch["values"])
        sub = tree_text(topic, branch["then"], kb, lang, depth - 1)
        nested = isinstance(branch["then"], Mapping) and "field" in branch["then"] and depth > 1
        branches.append(f"{values} -> {'(' + sub + ')' if nested else sub}")
    return f"{field_label(kb, tree['field'], lang)}? " + "; ".join(branches)


def _questions(tree: Any) -> int:
    """The number of different questions in a tree, the further questions of its cuts included."""
    fields: set[str] = set()
    cut = 0

    def visit(node: Any) -> None:
        nonlocal cut
        if isinstance(node, Mapping) and "field" in node:
            fields.add(node["field"])
            for branch in node["branches"]:
                visit(branch["then"])
        elif isinstance(node, Mapping):
            cut = max(cut, node["further_questions"])
    visit(tree)
    return len(fields) + cut


def outcome_label(kb: KnowledgeBase, topic: str, value: str | None, lang: str) -> str:
    """A topic's outcome as text: the decision's label, or no decision for None."""
    return WORDS[lang]["no_decision"] if value is None else decision_label(kb, topic, value, lang)


FIELD_LIST_MAX = 5
"""The most fields a text lists; more are counted."""


def field_list(kb: KnowledgeBase, fields: Sequence[str], lang: str) -> str:
    """Field labels joined by commas, at most FIELD_LIST_MAX of them and the number of the rest."""
    shown = ", ".join(field_label(kb, f, lang) for f in fields[:FIELD_LIST_MAX])
    rest = len(fields) - FIELD_LIST_MAX
    return shown + (" " + WORDS[lang]["more"].format(n=rest) if rest > 0 else "")


def _condition_lines(cond: Mapping[str, Any], kb: KnowledgeBase, lang: str, depth: int) -> list[str]:
    pad = "  " * depth
    mark = MARK[cond["holds"]]
    if "satisfied_by" in cond:
        found = cond["satisfied_by"]
        label = field_label(kb, found["field"], lang)
        value = WORDS[lang]["unknown"] if found["value"] is None else value_label(
            kb, found["field"], found["value"], lang)
        test = cond["test"]
        shown = f"   ({finding_test(kb, found['field'], test['op'], test['value'], lang)})" if test["op"] != "=" else ""
        return [f"{pad}{mark} {label}: {value}{shown}"]
    if "concept" in cond:
        text = concept_label(kb, cond["concept"], lang)
        lines = [f"{pad}{mark} {text}"]
        for rule in cond["proof"]:
            quote = _short(rule.get("quote", ""))
            lines.append(f"{pad}    <- {WORDS[lang]['rule']} {rule['rule']}: \"{quote}\"")
            lines += render_proof(rule, kb, lang, depth + 3)
        return lines
    if "negated" in cond:
        return [f"{pad}{mark} {WORDS[lang]['not']}", *_condition_lines(cond["negated"], kb, lang, depth + 1)]
    if "decision" in cond:
        d = cond["decision"]
        return [f"{pad}{mark} {topic_label(kb, d['topic'], lang)}: {decision_label(kb, d['topic'], d['value'], lang)}"]
    lines = [f"{pad}{mark} {WORDS[lang][cond['condition']]}"]
    for child in cond["conditions"]:
        lines += _condition_lines(child, kb, lang, depth + 1)
    return lines


def _recommendation_lines(rec: Recommendation, kb: KnowledgeBase, lang: str, pad: str) -> list[str]:
    lines = [f"{pad}{topic_label(kb, rec.topic, lang)}: {decision_label(kb, rec.topic, rec.value, lang)}",
             f"{pad}  {rec.text[lang]}",
             f"{pad}  {WORDS[lang]['rule']} {rec.rule}; {WORDS[lang]['section']}: {rec.section_title}",
             f"{pad}  \"{rec.quote}\""]
    lines += [f"{pad}  " + _beaten_text("overrides", o, rec.topic, kb, lang) for o in rec.overrides]
    return lines


def _short(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
