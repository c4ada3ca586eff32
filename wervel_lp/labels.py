"""The words a user sees, in Dutch (``nl``) or English (``en``).

Every clinical word comes from the kb's label tables (``field_label/3`` and
``value_label/4`` in kb/schema.pl, ``topic_label/3`` and
``topic_value_label/4`` in kb/topics.pl, the concepts' templates); the few
words of the frame ("decisions", "ask first", "any of") are in :data:`WORDS`.
The text renderer, the pictures and the service all write with these.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .knowledge import KnowledgeBase

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
        "all": "alle:", "any": "een van:", "not": "niet:", "or": "of", "and": "en",
        "findings": "Bevindingen van de casus", "kb_version": "versie van de kennisbank",
        "proof": "onderbouwing", "result": "Advies volgens de richtlijn Wervelmetastasen",
        "explanation": "Onderbouwing: {topic}",
        "decided_none": "Beslissingen: nog geen", "next_question": "Volgende vraag",
        "settles_nothing": "beslist nog niets", "open_topics": "Open beslissingen (wat elk antwoord beslist)",
        "further": "nog {n} vraag/vragen", "still_open": "nog open", "step": "stap", "more": "en {n} meer",
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
        "all": "all of:", "any": "any of:", "not": "not:", "or": "or", "and": "and",
        "findings": "Findings of the case", "kb_version": "knowledge base version",
        "proof": "proof", "result": "Advice by the Dutch guideline Wervelmetastasen",
        "explanation": "Proof: {topic}",
        "decided_none": "Decisions: none yet", "next_question": "Next question",
        "settles_nothing": "settles nothing yet", "open_topics": "Open decisions (what each answer decides)",
        "further": "{n} more question(s)", "still_open": "still open", "step": "step", "more": "and {n} more",
    },
}
"""The frame's words, per language (the same keys in each)."""

OPERATORS = {"<": "<", "=<": "≤", ">": ">", ">=": "≥"}
"""A numeric test's operator as a clinician writes it."""


def field_label(kb: KnowledgeBase, name: str, lang: str) -> str:
    """The label of case field ``name`` (``"rugpijn"``); the name itself if it is no field."""
    f = kb.schema.fields.get(name)
    if f is None:
        return name
    return f.label_nl if lang == "nl" else f.label_en


def value_label(kb: KnowledgeBase, name: str, value: Any, lang: str) -> str:
    """The label of ``value`` of case field ``name`` (``True`` as ``"ja"``); a number as it is."""
    if not isinstance(value, (str, bool)):  # a number (True == 1 must not find "ja")
        return f"{value:g}" if isinstance(value, float) else str(value)
    label = kb.value_labels.get((name, value))
    return str(value) if label is None else label[lang]


def topic_label(kb: KnowledgeBase, topic: str, lang: str) -> str:
    """The label of decision topic ``topic`` (``"Behandeling"``)."""
    t = kb.topics[topic]
    return t.label_nl if lang == "nl" else t.label_en


def decision_label(kb: KnowledgeBase, topic: str, value: str, lang: str) -> str:
    """The label of the decision ``topic = value`` (``"radiotherapie"``), advice included."""
    label = kb.decision_labels.get((topic, value))
    return value if label is None else label[lang]


def concept_label(kb: KnowledgeBase, concept: str, lang: str) -> str:
    """The kb's template of a derived concept (``"klinische verdenking op wervelmetastasen"``)."""
    return str(kb.concepts[concept][lang])


def finding_label(kb: KnowledgeBase, name: str, op: str, value: Any, lang: str) -> str:
    """A test of a finding, as a clinician reads it.

    ``rugpijn`` (a yes/no finding that holds), ``rugpijn: nee``, ``radiculaire pijn:
    eenzijdig of bilateraal``, ``levensverwachting (maanden) ≥ 3``.
    """
    label = field_label(kb, name, lang)
    if op in OPERATORS:
        return f"{label} {finding_test(kb, name, op, value, lang)}"
    if value is True:
        return label
    return f"{label}: {finding_test(kb, name, op, value, lang)}"


def finding_test(kb: KnowledgeBase, name: str, op: str, value: Any, lang: str) -> str:
    """A finding's test without the finding: ``≥ 3``, ``ja``, ``eenzijdig of bilateraal``."""
    if op in OPERATORS:
        return f"{OPERATORS[op]} {value}"
    values = value if isinstance(value, list) else [value]
    return f" {WORDS[lang]['or']} ".join(value_label(kb, name, v, lang) for v in values)
