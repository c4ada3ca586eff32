"""The open questions as an SDC (FHIR R4) Questionnaire, and a QuestionnaireResponse read back as a case.

The items are the fields the undetermined topics ask for (their ``ask``, in
the result's order, each once), labelled from the kb in the page's language
with the other language as a FHIR translation; the answer options are the
enum's values (the kb's value labels). Both resources are checked with the
``fhir.resources`` models (R4B: Questionnaire as in R4).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pydantic import ValidationError

from ..knowledge import KnowledgeBase
from ..result import Result
from ..schema import ROOT_FIELD, CaseError, Field
from .views import LANGUAGES, field_label, value_label

VALUE_SYSTEM = "urn:wervel-lp:value"
"""The code system of the answer options: the kb's enum values (``value_label/4``), per field."""
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
SDC_PROFILE = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"
_TYPES = {"bool": "boolean", "enum": "choice", "integer": "integer", "number": "decimal"}


def questionnaire(result: Result, kb: KnowledgeBase, lang: str, version: str) -> dict[str, Any]:
    """The fields the result's undetermined topics ask for, as a Questionnaire in ``lang``."""
    fields = list(dict.fromkeys(f for u in result.undetermined for f in u.ask))
    resource = {
        "resourceType": "Questionnaire", "status": "active", "language": lang, "version": version,
        "meta": {"profile": [SDC_PROFILE]}, "name": "WervelmetastasenOpenQuestions",
        "title": "Wervelmetastasen: open vragen" if lang == "nl" else "Wervelmetastasen: open questions",
        "item": [_item(kb.schema.fields[f], kb, lang) for f in fields],
    }
    return Questionnaire.model_validate(resource).model_dump(mode="json", exclude_none=True)


def _item(f: Field, kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    other = next(x for x in LANGUAGES if x != lang)
    item: dict[str, Any] = {"linkId": f.name, "type": _TYPES[f.kind], "text": field_label(kb, f.name, lang),
                            "_text": _translation(other, field_label(kb, f.name, other))}
    if f.kind == "enum":
        item["answerOption"] = [
            {"valueCoding": {"system": VALUE_SYSTEM, "code": v, "display": value_label(kb, f.name, v, lang)}}
            for v in f.values if v not in f.unknown_values]
    return item


def _translation(lang: str, text: str) -> dict[str, Any]:
    return {"extension": [{"url": TRANSLATION, "extension": [
        {"url": "lang", "valueCode": lang}, {"url": "content", "valueString": text}]}]}


def case_from_response(data: Any, kb: KnowledgeBase) -> dict[str, Any]:
    """The findings a QuestionnaireResponse answers, by linkId; CaseError naming what is wrong.

    The case is validated afterwards, once, by :func:`wervel_lp.recommend`.
    """
    if not isinstance(data, Mapping) or data.get("resourceType") != "QuestionnaireResponse":
        raise CaseError(ROOT_FIELD, "expected a FHIR QuestionnaireResponse")
    try:
        response = QuestionnaireResponse.model_validate(data)
    except ValidationError as e:
        raise CaseError(ROOT_FIELD, f"not a valid QuestionnaireResponse ({e.error_count()} errors)") from None
    case: dict[str, Any] = {}
    for item in response.item or []:
        field = kb.schema.fields.get(item.linkId or "")
        if field is None:
            raise CaseError(f"item.{item.linkId}", "not a question of this questionnaire")
        if not item.answer:
            continue
        if len(item.answer) != 1:
            raise CaseError(f"item.{item.linkId}", "expected one answer")
        answer = item.answer[0]
        value = {"bool": answer.valueBoolean, "integer": answer.valueInteger, "number": answer.valueDecimal,
                 "enum": answer.valueCoding.code if answer.valueCoding else None}[field.kind]
        if value is None:
            raise CaseError(f"item.{item.linkId}", f"expected an answer of type {_TYPES[field.kind]}")
        case[field.name] = float(value) if field.kind == "number" else value
    return case
