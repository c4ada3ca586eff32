"""The case page: a form generated from the kb's schema, and the result shown beside it.

Server-rendered HTML; ``static/page.js`` sends the form's case to
``POST /page/result`` on every change and shows the fragment it gets back.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..knowledge import KnowledgeBase
from ..pictures import proof_tree_html
from ..result import Recommendation, Result
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


def page_html(kb: KnowledgeBase, lang: str) -> str:
    """The whole page in ``lang``: the form, every field unknown, and an empty result."""
    w = WORDS[lang]
    other = next(x for x in LANGUAGES if x != lang)
    steps = []
    for number, step in enumerate(form_steps(kb), start=1):
        rows = "\n".join(_field_row(kb, f, lang) for f in step.fields)
        steps.append(f'<fieldset class="step" data-module="{_h(step.module)}">'
                     f"<legend>{_h(step_title(kb, step, number, lang))}</legend>\n{rows}\n</fieldset>")
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_h(w['title'])}</title><link rel="stylesheet" href="static/page.css"></head>
<body>
<header><h1>{_h(w['title'])}</h1>
<nav><a class="lang" id="other-language" href="?lang={other}" hreflang="{other}">{_h(w['language'])}</a></nav>
<p>{_h(w['intro'])}</p></header>
<main>
<form id="case-form" autocomplete="off">
{chr(10).join(steps)}
<p><button type="reset" id="reset">{_h(w['reset'])}</button></p>
</form>
<section id="result" aria-live="polite" data-busy="0"></section>
</main>
<script src="static/page.js"></script>
</body>
</html>
"""


def _field_row(kb: KnowledgeBase, f: Field, lang: str) -> str:
    unknown = WORDS[lang]["unknown"]
    attrs = f'id="field-{f.name}" name="{f.name}" data-kind="{f.kind}"'
    if f.kind in ("bool", "enum"):
        values: list[Any] = [True, False] if f.kind == "bool" else [v for v in f.values
                                                                     if v not in f.unknown_values]
        options = [f'<option value="" selected>{_h(unknown)}</option>']
        options += [f'<option value="{_h(_json_value(v))}">{_h(value_label(kb, f.name, v, lang))}</option>'
                    for v in values]
        control = f"<select {attrs}>{''.join(options)}</select>"
    else:
        step = "1" if f.kind == "integer" else "any"
        low = "" if f.minimum is None else f' min="{f.minimum:g}"'
        control = f'<input type="number" {attrs} step="{step}"{low} placeholder="{_h(unknown)}">'
    return (f'<div class="field"><label for="field-{f.name}">{_h(field_label(kb, f.name, lang))}</label>'
            f"{control}</div>")


def result_html(result: Result, kb: KnowledgeBase, lang: str) -> str:
    """The decisions with their proofs, the further advice, the open topics and the warnings."""
    w = WORDS[lang]
    decisions = decided(result)
    advice = [r for r in result.recommendations if r.topic == ADVICE]
    parts = [f'<section id="decisions"><h2>{_h(w["decisions"])}</h2>']
    if decisions:
        parts.append("<ul>" + "".join(_decision_html(recs, result, kb, lang) for _, _, recs in decisions)
                     + "</ul>")
    else:
        parts.append(f'<p class="empty">{_h(w["nothing_decided"])}</p>')
    parts.append("</section>")
    topics = open_topics(result)
    if topics:
        parts.append(f'<section id="open-topics"><h2>{_h(w["open_topics"])}</h2><ul>'
                     + "".join(_open_topic_html(t, kb, lang) for t in topics) + "</ul></section>")
    if advice:
        parts.append(f'<section id="advice"><h2>{_h(w["advice"])}</h2><ul>'
                     + "".join(f'<li class="advice" data-value="{_h(r.value)}">{_h(r.text[lang])}'
                               f"{_proof_html(r, kb, lang)}</li>" for r in advice)
                     + "</ul></section>")
    return "\n".join(parts)


def _decision_html(recs: list[Recommendation], result: Result, kb: KnowledgeBase, lang: str) -> str:
    w = WORDS[lang]
    rec = recs[0]
    warnings = "".join(
        f'<p class="warning">! '
        f'{_h(w["stands"].format(rule=x.rule, value=decision_label(kb, x.topic, x.value, lang)))}: '
        + _h(", ".join(field_label(kb, f, lang) for f in x.unknown_fields)) + "</p>"
        for x in result.warnings if x.topic == rec.topic)
    return (f'<li class="decision" data-topic="{_h(rec.topic)}" data-value="{_h(rec.value)}">'
            f'<div class="head"><span class="topic">{_h(topic_label(kb, rec.topic, lang))}</span>: '
            f'<b class="value">{_h(decision_label(kb, rec.topic, rec.value, lang))}</b></div>'
            f'<p class="text">{_h(rec.text[lang])}</p>'
            f"{warnings}{''.join(_proof_html(r, kb, lang) for r in recs)}</li>")


def _proof_html(rec: Recommendation, kb: KnowledgeBase, lang: str) -> str:
    w = WORDS[lang]
    return (f'<details class="proof" data-rule="{_h(rec.rule)}"><summary>{_h(w["proof"])}: {_h(w["rule"])} '
            f"{_h(rec.rule)} · {_h(rec.section_title)}</summary>"
            f'<blockquote class="quote" lang="nl">{_h(rec.quote)}</blockquote>'
            f'<div class="tree">{proof_tree_html(rec.proof, kb, lang)}</div></details>')


def _open_topic_html(t: OpenTopic, kb: KnowledgeBase, lang: str) -> str:
    w = WORDS[lang]
    head = f'<span class="topic">{_h(topic_label(kb, t.topic, lang))}</span>'
    if t.ask:
        asks = "".join(f'<li data-field="{_h(f)}"><a href="#field-{_h(f)}">{_h(field_label(kb, f, lang))}</a></li>'
                       for f in t.ask)
        body = f'{_h(w["ask"])}: <ol class="ask">{asks}</ol>'
    else:
        body = f'{_h(w["conflict"])}: {_h(", ".join(decision_label(kb, t.topic, v, lang) for v in t.values))}'
    extra = ""
    if t.possible is not None:
        extra += f'<p class="possible">{_h(w["possible"])}: {_h(possible_text(kb, t.topic, t.possible, lang))}</p>'
    if t.provisional is not None:
        provisional = provisional_text(kb, t.topic, t.provisional, lang)
        extra += f'<p class="provisional">{_h(w["provisional"])}: {_h(provisional)}</p>'
    return f'<li class="open-topic" data-topic="{_h(t.topic)}">{head} — {body}{extra}</li>'


def error_html(error: CaseError, kb: KnowledgeBase, lang: str) -> str:
    """The message for a case the schema refuses, naming the field."""
    name = field_label(kb, error.field, lang) if error.field in kb.schema.fields else error.field
    return (f'<p class="error" data-field="{_h(error.field)}"><b>{_h(WORDS[lang]["invalid"])}</b>: '
            f"{_h(name)}: {_h(error.message)}</p>")


def _json_value(value: Any) -> str:
    return "true" if value is True else "false" if value is False else str(value)


def _h(text: str) -> str:
    return escape(text, quote=True)
