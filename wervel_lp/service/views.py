"""What the case page and the CDS cards show, read from the kb and a result.

The words of the frame are in :data:`WORDS` (Dutch and English, on top of
the CLI renderer's); every clinical word is a kb label or template.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..knowledge import KnowledgeBase
from ..labels import WORDS as RENDER_WORDS
from ..labels import decision_label, field_label, topic_label, value_label
from ..pictures import condition_inputs
from ..result import Recommendation, Result
from ..schema import Field

LANGUAGES = ("nl", "en")
ADVICE = "advice"

_PAGE_WORDS: Mapping[str, Mapping[str, str]] = {
    "nl": {
        "title": "Wervelmetastasen: beslisondersteuning",
        "intro": "Vul in wat bekend is; elk veld is standaard onbekend. "
                 "De beslissingen volgen de richtlijn Wervelmetastasen en worden direct bijgewerkt.",
        "step": "Stap", "other_fields": "Overige gegevens",
        "open_topics": "Nog te beslissen", "ask": "vraag naar", "possible": "mogelijke uitkomsten",
        "provisional": "voorlopig", "no_decision": "geen beslissing", "proof": "Onderbouwing",
        "nothing_decided": "Nog geen beslissing: vul gegevens in.", "invalid": "Ongeldige invoer",
        "reset": "Alles onbekend", "language": "Language: English", "open_case": "Open de casus",
        "open_summary": "Nog te beslissen ({n}): {topics}", "could_change": "kan nog veranderen door",
        "guideline": "Richtlijn Wervelmetastasen",
        "now": "Nu doen", "next_question": "Volgende vraag", "version": "Versie",
        "disclaimer": "Beslisondersteuning volgens de richtlijn Wervelmetastasen (beslisboom, Pallialine, 2015); "
                      "het vervangt het oordeel van de behandelaar niet.",
    },
    "en": {
        "title": "Spinal metastases: decision support",
        "intro": "Fill in what is known; every field is unknown by default. "
                 "The decisions follow the Dutch guideline Wervelmetastasen and update as you type.",
        "step": "Step", "other_fields": "Other findings",
        "open_topics": "Still to decide", "ask": "ask for", "possible": "possible outcomes",
        "provisional": "provisional", "no_decision": "no decision", "proof": "Proof",
        "nothing_decided": "Nothing decided yet: fill in findings.", "invalid": "Invalid input",
        "reset": "All unknown", "language": "Taal: Nederlands", "open_case": "Open the case",
        "open_summary": "Still to decide ({n}): {topics}", "could_change": "could still change by",
        "guideline": "Guideline Wervelmetastasen",
        "now": "Do now", "next_question": "Next question", "version": "Version",
        "disclaimer": "Decision support following the Dutch guideline Wervelmetastasen (decision tree, Pallialine, "
                      "2015); it does not replace the clinician's judgement.",
    },
}
WORDS: Mapping[str, Mapping[str, str]] = {lang: {**RENDER_WORDS[lang], **_PAGE_WORDS[lang]} for lang in LANGUAGES}
"""The frame's words, per language: the CLI renderer's and the page's own."""


@dataclass(frozen=True)
class Step:
    """A group of the form: the fields a guideline chapter reads first, and the topics it decides."""

    module: str
    topics: tuple[str, ...]
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class OpenTopic:
    """An undetermined topic, read generically from the result's JSON.

    ``ask`` is the result's ``ask`` (most informative first) where it has one,
    else its ``missing``; ``possible`` and ``provisional`` are shown when present.
    """

    topic: str
    reason: str
    ask: tuple[str, ...]
    possible: tuple[Any, ...] | None
    provisional: Any
    values: tuple[str, ...]


def decided(result: Result) -> list[tuple[str, str, list[Recommendation]]]:
    """Each decided topic, its value and the recommendations (one or more rules) that conclude it."""
    found: dict[str, list[Recommendation]] = {}
    for rec in result.recommendations:
        if rec.topic != ADVICE:
            found.setdefault(rec.topic, []).append(rec)
    return [(topic, recs[0].value, recs) for topic, recs in found.items()]


def form_steps(kb: KnowledgeBase) -> list[Step]:
    """The case fields grouped by the guideline's steps (chapters), in the kb's order.

    A field belongs to the first chapter whose rules read it; fields that no
    rule reads come last, in a group of their own (module ``""``).
    """
    modules: dict[str, tuple[set[str], list[str]]] = {}
    first: dict[str, str] = {}
    for rule in kb.metadata["rules"]:
        topics, _ = modules.setdefault(rule["module"], (set(), []))
        topic = rule["conclusion"].get("topic")
        if topic is not None and topic != ADVICE:
            topics.add(topic)
        for kind, name in condition_inputs(rule["conditions"]):
            if kind == "field":
                first.setdefault(name, rule["module"])
    for name in kb.schema.fields:
        modules.setdefault(first.get(name, ""), (set(), []))[1].append(name)
    order = list(kb.topics)
    return [Step(module, tuple(sorted(topics, key=order.index)),
                 tuple(kb.schema.fields[name] for name in names))
            for module, (topics, names) in modules.items() if names]


def step_title(kb: KnowledgeBase, step: Step, number: int, lang: str) -> str:
    """A step's heading: its number and the labels of the topics it decides."""
    if not step.module:
        return WORDS[lang]["other_fields"]
    return f"{WORDS[lang]['step']} {number}: " + ", ".join(topic_label(kb, t, lang) for t in step.topics)


def open_topics(result: Result) -> list[OpenTopic]:
    """The result's undetermined topics, whatever members their entries have."""
    found = []
    for entry in result.to_dict()["undetermined"]:
        ask = entry.get("ask") or entry.get("missing") or []
        possible = entry.get("possible")
        found.append(OpenTopic(
            topic=entry["topic"], reason=entry.get("reason", ""), ask=tuple(ask),
            possible=None if possible is None else tuple(possible),
            provisional=entry.get("provisional"), values=tuple(entry.get("values") or ())))
    return found


def provisional_text(kb: KnowledgeBase, topic: str, provisional: Any, lang: str) -> str:
    """A provisional value of ``topic`` (a value, or an object with ``value`` and the fields that could overturn it)."""
    if isinstance(provisional, Mapping):
        text = decision_label(kb, topic, str(provisional.get("value")), lang)
        fields = provisional.get("fields") or provisional.get("overturned_by") or []
        if fields:
            text += f" ({WORDS[lang]['could_change']} " + ", ".join(field_label(kb, f, lang) for f in fields) + ")"
        return text
    return decision_label(kb, topic, str(provisional), lang)


def possible_text(kb: KnowledgeBase, topic: str, possible: Sequence[Any], lang: str) -> str:
    """The possible outcomes of an open topic, ``null`` as "no decision"."""
    return ", ".join(WORDS[lang]["no_decision"] if v is None else decision_label(kb, topic, str(v), lang)
                     for v in possible)


__all__ = ["WORDS", "decision_label", "field_label", "topic_label", "value_label"]


def case_link(base_url: str, case: Mapping[str, Any], lang: str) -> str:
    """The case page with ``case`` filled in.

    The findings travel in the URL's fragment, which a browser never sends
    to a server: no server (this one included) sees or logs them.
    """
    text = json.dumps(dict(case), separators=(",", ":"), sort_keys=True)
    return f"{base_url.rstrip('/')}/?lang={lang}#case={quote(text, safe='')}"
