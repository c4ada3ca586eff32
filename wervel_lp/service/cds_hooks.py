"""CDS Hooks 2.0: the service's discovery entry, the request it reads and the cards it returns.

Hook ``patient-view``: the advice belongs to the patient's situation (the
findings), not to an order being placed, so it is shown when the chart is
opened (docs/service.md says more). The case comes as our case JSON in
``extension["nl.wervel-lp.case"]`` (the spec's place for data of its own;
the project's older ``context.case`` still works), as FHIR R4 Conditions and
Observations in ``prefetch`` (see :mod:`.fhir_mapping`), or both; the case
JSON wins where they differ, the extension over ``context.case``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from ..knowledge import KnowledgeBase
from ..render import field_list, render_explanation
from ..result import Recommendation, Result, recommend
from ..schema import ROOT_FIELD, CaseError
from .fhir_mapping import PREFETCH_KEYS, findings_from_prefetch
from .page import question_view
from .views import WORDS, decided, field_label, open_topics, possible_text, provisional_text, topic_label

SERVICE_ID = "wervelmetastasen"
HOOK = "patient-view"
PREFETCH = {key: f"{kind.__name__}?patient={{{{context.patientId}}}}" for key, kind in PREFETCH_KEYS.items()}
SUMMARY_LIMIT = 140  # CDS Hooks: "SHALL be less than 140 characters"
CASE_EXTENSION = "nl.wervel-lp.case"
SCREENING_TOPIC = "mri"
"""The pathway's first decision: while it is settled with no decision and nothing else is decided,
the findings raise no suspicion of spinal metastases and the service returns no card."""
INDICATOR_ORDER = ("info", "warning", "critical")
SECTION_SYSTEM = "urn:wervel-lp:section"
"""The code system of a card's ``source.topic``: the kb's section ids (``section/2``)."""


def discovery() -> dict[str, Any]:
    """The response of ``GET /cds-services``."""
    return {"services": [{
        "hook": HOOK, "id": SERVICE_ID,
        "title": "Wervelmetastasen (spinal metastases)",
        "description": ("Decisions of the Dutch guideline Wervelmetastasen for the patient's findings, "
                        "each with its rule, guideline quote and proof, and what to ask to decide the rest. "
                        "The case comes as the wervel-lp case JSON in extension[\"nl.wervel-lp.case\"] "
                        "(or context.case), or as FHIR Conditions and Observations in prefetch."),
        "prefetch": PREFETCH,
    }]}


def case_from_request(request: Any) -> dict[str, Any]:
    """The case of a CDS Hooks request: the prefetch's findings, overridden by the case JSON.

    Raises :class:`CaseError` naming the request member that is wrong. The
    case itself is validated afterwards, once, by :func:`wervel_lp.recommend`.
    """
    if not isinstance(request, Mapping):
        raise CaseError(ROOT_FIELD, "a CDS Hooks request must be a JSON object")
    if request.get("hook") != HOOK:
        raise CaseError("hook", f"this service answers the {HOOK!r} hook")
    if not isinstance(request.get("hookInstance"), str):
        raise CaseError("hookInstance", "expected a string (a UUID)")
    context = request.get("context")
    if not isinstance(context, Mapping):
        raise CaseError("context", "expected a JSON object")
    prefetch = request.get("prefetch")
    if prefetch is None:
        prefetch = {}
    elif not isinstance(prefetch, Mapping):
        raise CaseError("prefetch", "expected a JSON object")
    extension = request.get("extension", {})
    if not isinstance(extension, Mapping):
        raise CaseError("extension", "expected a JSON object")
    case = findings_from_prefetch(prefetch)
    for where, given in (("context.case", context.get("case", {})),
                         (f"extension.{CASE_EXTENSION}", extension.get(CASE_EXTENSION, {}))):
        if not isinstance(given, Mapping):
            raise CaseError(where, "a case must be a JSON object")
        case.update(given)
    return case


def recommend_for(request: Any) -> Result:
    """The result for the case of a CDS Hooks request.

    Raises :class:`CaseError` naming the request member that is wrong, a case
    field by its place in the request (``context.case.back_pain``).
    """
    case = case_from_request(request)
    try:
        return recommend(case)
    except CaseError as e:
        raise CaseError(_where(request, e.field), e.message) from None


def _where(request: Mapping[str, Any], field: str) -> str:
    """The request member a refused case field came from: the extension's case, else ``context.case``."""
    given = request.get("extension", {}).get(CASE_EXTENSION)
    place = f"extension.{CASE_EXTENSION}" if isinstance(given, Mapping) and (
        field in given or field == ROOT_FIELD) else "context.case"
    return place if field == ROOT_FIELD else f"{place}.{field}"


def cards(result: Result, kb: KnowledgeBase, lang: str, case_url: str) -> list[dict[str, Any]]:
    """One card per decided topic, and one for the open topics with what to ask; none without suspicion."""
    if not result.decisions and all(u.topic != SCREENING_TOPIC for u in result.undetermined):
        return []
    found = [_decision_card(recs, result, kb, lang, case_url) for _, _, recs in decided(result)]
    topics = open_topics(result)
    if topics:
        w = WORDS[lang]
        lines = []
        question = result.next_question
        if question is not None:
            view = question_view(question, kb, lang)
            lines.append(f"**{w['next_question']}**: {view['label']}")
            lines += [f"- {a['label']}: " + ("; ".join(a["settles"]) or "–") for a in view["answers"]]
        for t in topics:
            label = f"**{topic_label(kb, t.topic, lang)}**"
            if t.ask:
                lines.append(f"- {label}: {w['ask']} " + field_list(kb, t.ask, lang))
            else:
                lines.append(f"- {label}: {w['conflict']}: " + ", ".join(t.values))
            if t.possible is not None:
                lines.append(f"  - {w['possible']}: {possible_text(kb, t.topic, t.possible, lang)}")
            if t.provisional is not None:
                lines.append(f"  - {w['provisional']}: {provisional_text(kb, t.topic, t.provisional, lang)}")
        summary = w["open_summary"].format(n=len(topics), topics=", ".join(
            topic_label(kb, t.topic, lang) for t in topics))
        if question is not None:
            summary = f"{w['next_question']}: {field_label(kb, question.field, lang)}?"
        found.append({
            "uuid": str(uuid.uuid4()),
            "summary": _short(summary), "indicator": "info", "detail": "\n".join(lines),
            "source": {"label": "wervel-lp: " + w["open_topics"]},
            "links": [_link(case_url, lang)],
        })
    return found


def _decision_card(recs: list[Recommendation], result: Result, kb: KnowledgeBase, lang: str,
                   case_url: str) -> dict[str, Any]:
    """The card of a decided topic: the first rule's text and source; the detail explains every rule."""
    rec = recs[0]
    explanation = result.explain(rec.topic)
    detail = (f"{rec.text[lang]}\n\n> {rec.quote}\n\n"
              f"```text\n{render_explanation(explanation, kb, lang)}```")
    return {
        "uuid": str(uuid.uuid4()),
        "summary": _short(f"{topic_label(kb, rec.topic, lang)}: {rec.text[lang]}"),
        "indicator": indicator(kb, recs, bool(explanation.warnings)),
        "detail": detail,
        "source": {"label": _short(f"{WORDS[lang]['guideline']}: {_chapter(rec.section_title)}"),
                   "topic": {"code": rec.section, "display": _chapter(rec.section_title),
                             "system": SECTION_SYSTEM}},
        "links": [_link(case_url, lang)],
    }


def _link(case_url: str, lang: str) -> dict[str, str]:
    return {"label": WORDS[lang]["open_case"], "url": case_url, "type": "absolute"}


def indicator(kb: KnowledgeBase, recs: list[Recommendation], warned: bool) -> str:
    """The card's indicator: the most urgent of its values in the kb's table, at least warning if warned."""
    levels = [INDICATOR_ORDER.index(kb.urgency[(r.topic, r.value)]) for r in recs]
    return INDICATOR_ORDER[max([*levels, 1 if warned else 0])]


def _chapter(title: str) -> str:
    """The chapter of a section title: its last part (``A — B — C`` gives ``C``)."""
    return title.replace(" - ", " — ").split(" — ")[-1].strip()


def _short(text: str) -> str:
    return text if len(text) < SUMMARY_LIMIT else text[: SUMMARY_LIMIT - 2] + "…"
