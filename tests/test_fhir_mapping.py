"""FHIR R4 Conditions and Observations read into case findings by the one mapping table."""

import pytest

pytest.importorskip("fhir.resources")

from test_service import bundle, condition, observation

from wervel_lp import CaseError
from wervel_lp.service.fhir_mapping import MAPPING, findings_from_prefetch


def test_every_mapped_finding_is_a_valid_case_field_value(kb):
    for code in MAPPING:
        assert kb.schema.validate(code.findings) == code.findings
    assert len({(c.system, c.code) for c in MAPPING}) == len(MAPPING)


@pytest.mark.parametrize(("resource", "findings"), [
    (condition("161891005"), {"back_pain": True}),
    (condition("161891005", clinical="resolved"), {}),  # back pain now: only an active Condition says so
    (condition("161891005", verification="refuted"), {"back_pain": False}),
    (condition("161891005", verification="provisional"), {}),
    (condition("161891005", verification="entered-in-error"), {}),
    (condition("13200003", clinical="resolved"), {"peptic_ulcer_history": True}),
    (condition("399068003", clinical="remission"), {"known_primary_malignancy": True, "tumour_type": "prostate"}),
    (condition("363346000"), {"known_primary_malignancy": True}),
    (condition("254837009", verification="refuted"), {}),
    (condition("38341003"), {}),  # hypertension: not mapped
    (observation("161891005", valueBoolean=False), {"back_pain": False}),
    (observation("161891005", valueCodeableConcept={"coding": [
        {"system": "http://snomed.info/sct", "code": "373066001"}]}), {"back_pain": True}),
    (observation("161891005", valueString="yes"), {}),
    ({**observation("161891005", valueBoolean=True), "status": "preliminary"}, {}),
    (observation("254837009", valueBoolean=True), {}),  # a diagnosis is a Condition
])
def test_a_resource_gives_the_findings_of_its_code(resource, findings):
    key = "conditions" if resource["resourceType"] == "Condition" else "observations"
    assert findings_from_prefetch({key: bundle(resource)}) == findings
    assert findings_from_prefetch({key: resource}) == findings


def test_resources_that_disagree_leave_the_finding_unknown():
    prefetch = {"conditions": bundle(condition("254837009"), condition("399068003")),
                "observations": None}
    assert findings_from_prefetch(prefetch) == {"known_primary_malignancy": True}


def test_invalid_fhir_is_refused_naming_the_element():
    with pytest.raises(CaseError) as e:
        findings_from_prefetch({"conditions": bundle({**condition("161891005"), "onsetDateTime": "yesterday"})})
    assert e.value.field.startswith("prefetch.conditions.entry[0].resource")
