"""The case page: a form generated from the kb's schema, and the result shown with it.

Server-rendered HTML from the Jinja2 templates in ``templates/`` (autoescaped);
``static/page.js`` sends the form's case to ``POST /page/result`` on every
change and shows the fragment it gets back. This module only gathers what the
templates show, from the kb and a result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..knowledge import KnowledgeBase
from ..pictures import proof_tree_html
from ..render import answer_label, outcome_label
from ..result import Question, Recommendation, Result
from ..schema import CaseError, Field
from .views import (
    ADVICE,
    LANGUAGES,
    WORDS,
    OpenTopic,
    decided,
    decision_label,
    field_label,
    form_steps,
    open_topics,
    possible_text,
    provisional_text,
    step_title,
    topic_label,
    value_label,
)

_TEMPLATES = Environment(loader=PackageLoader("wervel_lp.service", "templates"),
                         autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
URGENT = ("critical", "warning")
"""The urgencies (kb/topics.pl, ``value_urgency/3``) the "Nu doen" block leads with, most urgent first."""


def page_html(kb: KnowledgeBase, lang: str) -> str:
    """The whole page in ``lang``: the form, every field unknown, and an empty result."""
    steps = [{"module": step.module, "title": step_title(kb, step, number, lang),
              "fields": [_field(kb, f, lang) for f in step.fields]}
             for number, step in enumerate(form_steps(kb), start=1)]
    return _TEMPLATES.get_template("page.html").render(
        lang=lang, w=WORDS[lang], other=next(x for x in LANGUAGES if x != lang), steps=steps,
        version=kb.version)


def _field(kb: KnowledgeBase, f: Field, lang: str) -> dict[str, Any]:
    options = None
    if f.kind in ("bool", "enum"):
        values: list[Any] = [True, False] if f.kind == "bool" else [v for v in f.values
                                                                     if v not in f.unknown_values]
        options = [(_json_value(v), value_label(kb, f.name, v, lang)) for v in values]
    return {"name": f.name, "kind": f.kind, "label": field_label(kb, f.name, lang), "options": options,
            "step": "1" if f.kind == "integer" else "any",
            "minimum": None if f.minimum is None else f"{f.minimum:g}"}


def result_html(result: Result, kb: KnowledgeBase, lang: str,
                next_question: Mapping[str, Any] | None = None) -> str:
    """The urgent actions, the decisions with their proofs, the further advice and the open topics.

    ``next_question`` (the guided interview's question: field, label, reason, answers) is shown
    first among the questions where given.
    """
    if next_question is None and result.next_question is not None:
        next_question = question_view(result.next_question, kb, lang)
    decisions = [_decision(recs, result, kb, lang) for _, _, recs in decided(result)]
    now = sorted((d for d in decisions if d["urgency"] in URGENT), key=lambda d: URGENT.index(d["urgency"]))
    return _TEMPLATES.get_template("result.html").render(
        w=WORDS[lang], decisions=decisions, now=now, next_question=next_question,
        open_topics=[_open_topic(t, kb, lang) for t in open_topics(result)],
        advice=[_proof(r, kb, lang) for r in result.recommendations if r.topic == ADVICE])


def question_view(question: Question, kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    """The next question as templates/next_question.html shows it, in ``lang``.

    Its label, why it is asked now, and per answer what that answer would settle.
    """
    return {"field": question.field, "label": field_label(kb, question.field, lang) + "?",
            "reason": question.reason[lang],
            "answers": [{"label": answer_label(kb, question.field, a.cell or a.value, lang),
                         "settles": [f"{topic_label(kb, t, lang)}: {outcome_label(kb, t, v, lang)}"
                                     for t, v in a.settles.items()]}
                        for a in question.answers]}


def _decision(recs: list[Recommendation], result: Result, kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    w = WORDS[lang]
    rec = recs[0]
    order = ("info", *reversed(URGENT))
    return {
        "topic": rec.topic, "value": rec.value, "topic_label": topic_label(kb, rec.topic, lang),
        "value_label": decision_label(kb, rec.topic, rec.value, lang), "text": rec.text[lang],
        "urgency": max((kb.urgency[(r.topic, r.value)] for r in recs), key=order.index),
        "warnings": [w["stands"].format(rule=x.rule, value=decision_label(kb, x.topic, x.value, lang)) + ": "
                     + ", ".join(field_label(kb, f, lang) for f in x.unknown_fields)
                     for x in result.warnings if x.topic == rec.topic],
        "proofs": [_proof(r, kb, lang) for r in recs],
    }


def _proof(rec: Recommendation, kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    return {"rule": rec.rule, "value": rec.value, "text": rec.text[lang], "section_title": rec.section_title,
            "quote": rec.quote, "tree": Markup(proof_tree_html(rec.proof, kb, lang))}  # the tree is escaped HTML


def _open_topic(t: OpenTopic, kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    return {"topic": t.topic, "label": topic_label(kb, t.topic, lang),
            "ask": [(f, field_label(kb, f, lang)) for f in t.ask],
            "conflict": ", ".join(decision_label(kb, t.topic, v, lang) for v in t.values),
            "possible": None if t.possible is None else possible_text(kb, t.topic, t.possible, lang),
            "provisional": None if t.provisional is None else provisional_text(kb, t.topic, t.provisional, lang)}


def error_html(error: CaseError, kb: KnowledgeBase, lang: str) -> str:
    """The message for a case the schema refuses, naming the field."""
    name = field_label(kb, error.field, lang) if error.field in kb.schema.fields else error.field
    return _TEMPLATES.get_template("error.html").render(w=WORDS[lang], field=error.field, name=name,
                                                        message=error.message)


def _json_value(value: Any) -> str:
    return "true" if value is True else "false" if value is False else str(value)
