"""FHIR R4 resources to case findings: the one mapping table, and the reader that applies it.

Only codes whose meaning is a case field one to one are mapped: a code whose
fit is not certain is left out (docs/service.md lists what is left out and
why). Condition and Observation resources are parsed with the
``fhir.resources`` models (R4B, which keeps R4's Condition and Observation).
Anything unmapped is ignored, so the findings it could give stay unknown.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.observation import Observation
from pydantic import ValidationError

from ..schema import CaseError

SNOMED = "http://snomed.info/sct"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"


@dataclass(frozen=True)
class Code:
    """One mapped code and the findings it gives.

    ``history``: the finding holds for a Condition whatever its clinical
    status (a cancer in remission is still a known primary malignancy); else
    only an active Condition gives it.
    """

    system: str
    code: str
    display: str
    findings: Mapping[str, Any]
    history: bool


def _cancer(code: str, display: str, tumour_type: str | None) -> Code:
    findings: dict[str, Any] = {"known_primary_malignancy": True}
    if tumour_type is not None:
        findings["tumour_type"] = tumour_type
    return Code(SNOMED, code, display, findings, history=True)


MAPPING: tuple[Code, ...] = (
    Code(SNOMED, "161891005", "Backache (finding)", {"back_pain": True}, history=False),
    Code(SNOMED, "13200003", "Peptic ulcer (disorder)", {"peptic_ulcer_history": True}, history=True),
    _cancer("363346000", "Malignant neoplastic disease (disorder)", None),
    _cancer("254837009", "Malignant neoplasm of breast (disorder)", "breast"),
    _cancer("399068003", "Malignant tumor of prostate (disorder)", "prostate"),
    _cancer("363358000", "Malignant tumor of lung (disorder)", "lung"),
    _cancer("363518003", "Malignant tumor of kidney (disorder)", "kidney"),
    _cancer("363478007", "Malignant tumor of thyroid gland (disorder)", "thyroid"),
    _cancer("372244006", "Malignant melanoma (disorder)", "melanoma"),
    _cancer("109989006", "Multiple myeloma (disorder)", "multiple_myeloma"),
    _cancer("118599009", "Hodgkin's disease (disorder)", "hodgkin_lymphoma"),
)
"""The mapping table: SNOMED CT codes of Conditions and Observations, and the findings they give."""

ANSWERS: Mapping[tuple[str, str], bool] = {(SNOMED, "373066001"): True, (SNOMED, "373067005"): False}
"""An Observation's coded answer: SNOMED CT Yes (qualifier value) and No (qualifier value)."""

ACTIVE = frozenset({"active", "recurrence", "relapse"})
OBSERVATION_DONE = frozenset({"final", "amended", "corrected"})
PREFETCH_KEYS: Mapping[str, type[Condition] | type[Observation]] = {
    "conditions": Condition, "observations": Observation}
"""The prefetch keys this service reads, and the resource type each holds."""

_BY_CODE = {(c.system, c.code): c for c in MAPPING}


def findings_from_prefetch(prefetch: Mapping[str, Any]) -> dict[str, Any]:
    """The findings that the FHIR resources of a CDS Hooks ``prefetch`` give.

    Each of ``prefetch["conditions"]`` and ``prefetch["observations"]`` may
    be a searchset Bundle, a single resource, or null (the EHR could not
    fetch it). A finding on which resources disagree stays unknown. Raises
    :class:`CaseError` naming the element for a resource that is not valid FHIR.
    """
    found: dict[str, set[Any]] = {}
    for key, kind in PREFETCH_KEYS.items():
        data = prefetch.get(key)
        if data is None:
            continue
        for resource in _resources(data, kind, f"prefetch.{key}"):
            for name, value in _resource_findings(resource):
                found.setdefault(name, set()).add(value)
    return {name: values.pop() for name, values in found.items() if len(values) == 1}


def _resources(data: Any, kind: type[Condition] | type[Observation],
               where: str) -> Iterator[Condition | Observation]:
    """The resources of type ``kind`` in a Bundle, or the single resource ``data``."""
    if not isinstance(data, Mapping):
        raise CaseError(where, f"expected a FHIR Bundle or {kind.__name__} resource (a JSON object)")
    if data.get("resourceType") == "Bundle":
        bundle = _parse(Bundle, data, where)
        for entry in bundle.entry or []:
            if isinstance(entry.resource, kind):
                yield entry.resource
    elif data.get("resourceType") == kind.__name__:
        yield _parse(kind, data, where)
    else:
        raise CaseError(f"{where}.resourceType", f"expected Bundle or {kind.__name__}")


def _parse(model: Any, data: Mapping[str, Any], where: str) -> Any:
    """``data`` read as the FHIR ``model``; CaseError naming the first bad element."""
    try:
        return model.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
        raise CaseError(where + path, f"not valid FHIR R4: {first['msg']}") from None


def _resource_findings(resource: Condition | Observation) -> Iterator[tuple[str, Any]]:
    """The findings one resource gives, by the mapping table."""
    code = next((_BY_CODE[c] for c in _codings(resource.code) if c in _BY_CODE), None)
    if code is None:
        return
    if isinstance(resource, Condition):
        verification = _status(resource.verificationStatus, CONDITION_VERIFICATION)
        if verification == "refuted" and len(code.findings) == 1:
            for name, value in code.findings.items():
                if value is True:
                    yield name, False
            return
        if verification not in (None, "confirmed"):
            return  # unconfirmed, provisional, differential, entered-in-error: not known
        clinical = _status(resource.clinicalStatus, CONDITION_CLINICAL)
        if code.history or clinical in ACTIVE:
            yield from code.findings.items()
        return
    if resource.status not in OBSERVATION_DONE or len(code.findings) != 1:
        return
    answer = _observation_answer(resource)
    if answer is not None:
        for name, value in code.findings.items():
            if value is True:
                yield name, answer


def _observation_answer(observation: Observation) -> bool | None:
    """Whether the Observation says the coded finding is present (None: it does not say)."""
    if isinstance(observation.valueBoolean, bool):
        return observation.valueBoolean
    for coding in _codings(observation.valueCodeableConcept):
        if coding in ANSWERS:
            return ANSWERS[coding]
    return None


def _codings(concept: CodeableConcept | None) -> Iterator[tuple[str, str]]:
    if concept is None:
        return
    for coding in concept.coding or []:
        if coding.system and coding.code:
            yield str(coding.system), str(coding.code)


def _status(concept: CodeableConcept | None, system: str) -> str | None:
    return next((code for s, code in _codings(concept) if s == system), None)


def _json(value: Any) -> str:
    return "true" if value is True else "false" if value is False else str(value)


def mapping_markdown() -> str:
    """The mapping table as Markdown, for docs/service.md (a test keeps the two equal)."""
    rows = ["| system | code | display | findings | clinical status |", "|---|---|---|---|---|"]
    for c in MAPPING:
        findings = ", ".join(f"`{name}: {_json(value)}`" for name, value in c.findings.items())
        rows.append(f"| SNOMED CT | `{c.code}` | {c.display} | {findings} | "
                    f"{'any' if c.history else 'active'} |")
    return "\n".join(rows) + "\n"
