"""CDS Hooks 2.0: the service's discovery entry, the request it reads and the cards it returns.

Hook ``patient-view``: the advice belongs to the patient's situation (the
findings), not to an order being placed, so it is shown when the chart is
opened (docs/service.md says more). The case comes as our case JSON in
``context.case``, as FHIR R4 Conditions and Observations in ``prefetch``
(see :mod:`.fhir_mapping`), or both; ``context.case`` wins where they differ.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from ..knowledge import KnowledgeBase
from ..render import render_explanation
from ..result import Recommendation, Result, recommend
from ..schema import ROOT_FIELD, CaseError
from .fhir_mapping import PREFETCH_KEYS, findings_from_prefetch
from .views import WORDS, decided, field_label, open_topics, possible_text, provisional_text, topic_label

SERVICE_ID = "wervelmetastasen"
HOOK = "patient-view"
PREFETCH = {key: f"{kind.__name__}?patient={{{{context.patientId}}}}" for key, kind in PREFETCH_KEYS.items()}
SUMMARY_LIMIT = 140  # CDS Hooks: "SHALL be less than 140 characters"
_CARD_IDS = uuid.UUID("6f1d3c52-4a59-4d2e-9a51-0b7e2f1c9a10")


def discovery() -> dict[str, Any]:
    """The response of ``GET /cds-services``."""
    return {"services": [{
        "hook": HOOK, "id": SERVICE_ID,
        "title": "Wervelmetastasen (spinal metastases)",
        "description": ("Decisions of the Dutch guideline Wervelmetastasen for the patient's findings, "
                        "each with its rule, guideline quote and proof, and what to ask to decide the rest. "
                        "The case comes as the wervel-lp case JSON in context.case, or as FHIR Conditions and "
                        "Observations in prefetch."),
        "prefetch": PREFETCH,
    }]}


def case_from_request(request: Any) -> dict[str, Any]:
    """The case of a CDS Hooks request: the prefetch's findings, overridden by ``context.case``.

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
    given = context.get("case", {})
    if not isinstance(given, Mapping):
        raise CaseError("context.case", "a case must be a JSON object")
    return {**findings_from_prefetch(prefetch), **given}


def recommend_for(request: Any) -> Result:
    """The result for the case of a CDS Hooks request.

    Raises :class:`CaseError` naming the request member that is wrong, a case
    field by its place in the request (``context.case.back_pain``).
    """
    case = case_from_request(request)
    try:
        return recommend(case)
    except CaseError as e:
        where = "context.case" if e.field == ROOT_FIELD else f"context.case.{e.field}"
        raise CaseError(where, e.message) from None


def cards(result: Result, kb: KnowledgeBase, lang: str, case_url: str) -> list[dict[str, Any]]:
    """One card per decided topic, and one for the open topics with what to ask."""
    found = [_decision_card(recs, result, kb, lang, case_url) for _, _, recs in decided(result)]
    topics = open_topics(result)
    if topics:
        w = WORDS[lang]
        lines = []
        for t in topics:
            label = f"**{topic_label(kb, t.topic, lang)}**"
            if t.ask:
                lines.append(f"- {label}: {w['ask']} " + ", ".join(field_label(kb, f, lang) for f in t.ask))
            else:
                lines.append(f"- {label}: {w['conflict']}: " + ", ".join(t.values))
            if t.possible is not None:
                lines.append(f"  - {w['possible']}: {possible_text(kb, t.topic, t.possible, lang)}")
            if t.provisional is not None:
                lines.append(f"  - {w['provisional']}: {provisional_text(kb, t.topic, t.provisional, lang)}")
        summary = w["open_summary"].format(n=len(topics), topics=", ".join(
            topic_label(kb, t.topic, lang) for t in topics))
        found.append({
            "uuid": _card_id("open", *(t.topic for t in topics)),
            "summary": _short(summary), "indicator": "warning", "detail": "\n".join(lines),
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
        "uuid": _card_id(rec.topic, rec.value, rec.rule),
        "summary": _short(f"{topic_label(kb, rec.topic, lang)}: {rec.text[lang]}"),
        "indicator": "warning" if explanation.warnings else "info",
        "detail": detail,
        "source": {"label": f"{rec.section_title}: “{rec.quote}”"},
        "links": [_link(case_url, lang)],
    }


def _link(case_url: str, lang: str) -> dict[str, str]:
    return {"label": WORDS[lang]["open_case"], "url": case_url, "type": "absolute"}


def _card_id(*parts: str) -> str:
    """The same card for the same conclusion, in any process: the service keeps no state."""
    return str(uuid.uuid5(_CARD_IDS, "/".join(parts)))


def _short(text: str) -> str:
    return text if len(text) < SUMMARY_LIMIT else text[: SUMMARY_LIMIT - 2] + "…"
