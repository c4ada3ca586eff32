"""The HTTP service (wervel-lp serve), driven over HTTP against a live uvicorn on 127.0.0.1.

CDS Hooks 2.0 discovery and calls (with our case JSON and with FHIR R4
resources), the JSON API, the case page's HTML, and how bad input is refused.
"""

import html
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from wervel_lp import decide, recommend
from wervel_lp.service.cds_hooks import SUMMARY_LIMIT, indicator
from wervel_lp.service.fhir_mapping import mapping_markdown
from wervel_lp.service.local import LocalService

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
CASE = json.loads((ROOT / "examples" / "mescc_deficit_breast.json").read_text())


@pytest.fixture(scope="module")
def service():
    with LocalService() as running:
        yield running


def call(service, path, body=None, *, raw=None, headers=None):
    """(status, body text) of a GET (no body) or a POST of ``body`` as JSON (or ``raw`` bytes)."""
    data = raw if raw is not None else None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(service.url + path, data=data, headers={
        "Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def hook_request(case=None, prefetch=None):
    request = {"hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
               "context": {"userId": "Practitioner/1", "patientId": "1"}}
    if case is not None:
        request["context"]["case"] = case
    if prefetch is not None:
        request["prefetch"] = prefetch
    return request


def cards_for(service, request, lang="en"):
    status, text = call(service, f"/cds-services/wervelmetastasen?lang={lang}", request)
    assert status == 200, text
    return json.loads(text)["cards"]


def without_uuids(cards):
    """The cards without their uuids, which are fresh for every card instance."""
    return [{**c, "uuid": None} for c in cards]


def linked_case(card):
    """The case a card's link opens the case page with (in the URL's fragment)."""
    fragment = urllib.parse.urlsplit(card["links"][0]["url"]).fragment
    assert fragment.startswith("case=")
    return json.loads(urllib.parse.unquote(fragment[len("case="):]))


def test_discovery_lists_one_patient_view_service_with_fhir_prefetch(service):
    status, text = call(service, "/cds-services")
    assert status == 200
    (entry,) = json.loads(text)["services"]
    assert entry["hook"] == "patient-view" and entry["id"] == "wervelmetastasen" and entry["description"]
    assert entry["prefetch"] == {"conditions": "Condition?patient={{context.patientId}}",
                                 "observations": "Observation?patient={{context.patientId}}"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_cards_are_one_per_decided_topic_plus_the_open_topics(service, path, kb):
    case = json.loads(path.read_text())
    result = recommend(case)
    cards = cards_for(service, hook_request(case), lang="nl")
    open_topics = [u["topic"] for u in result.to_dict()["undetermined"]]
    assert len(cards) == len(result.decisions) + (1 if open_topics else 0)
    firsts = {}
    for rec in result.recommendations:
        if rec.topic != "advice":
            firsts.setdefault(rec.topic, rec)
    for card, rec in zip(cards, firsts.values(), strict=False):
        assert card["summary"].startswith(kb.topics[rec.topic].label_nl + ": ")
        assert len(card["summary"]) < SUMMARY_LIMIT
        recs = [r for r in result.recommendations if r.topic == rec.topic]
        assert card["indicator"] == indicator(kb, recs, bool(result.explain(rec.topic).warnings))
        assert len(card["source"]["label"]) < SUMMARY_LIMIT and rec.quote not in card["source"]["label"]
        assert card["source"]["topic"]["code"] == rec.section
        assert rec.quote in card["detail"] and rec.rule in card["detail"]
        assert card["links"][0]["type"] == "absolute" and linked_case(card) == case
    if open_topics:
        card = cards[-1]
        assert card["indicator"] == "info"
        for topic in open_topics:
            assert kb.topics[topic].label_nl in card["detail"]


def test_open_topics_card_names_the_fields_to_ask_for(service, kb):
    case = {"known_primary_malignancy": True, "back_pain": True, "night_pain": True}
    result = recommend(case)
    card = cards_for(service, hook_request(case))[-1]
    for entry in result.to_dict()["undetermined"]:
        fields = entry.get("ask") or entry["missing"]
        assert kb.schema.fields[fields[0]].label_en in card["detail"]


def test_the_same_case_gives_the_same_cards_each_a_fresh_uuid(service):
    first, second = cards_for(service, hook_request(CASE)), cards_for(service, hook_request(CASE))
    assert without_uuids(first) == without_uuids(second)
    uuids = [c["uuid"] for c in first + second]
    assert len(set(uuids)) == len(uuids) and all(uuid.UUID(u).version == 4 for u in uuids)


def test_hour_deadlines_and_the_dexamethasone_bolus_are_critical_days_warning(kb):
    """The urgency table (kb/topics.pl value_urgency/3) against the values' own guideline wording."""
    for (topic, value), urgency in kb.urgency.items():
        label = kb.decision_labels[(topic, value)]["nl"]
        deadline = re.search(r"binnen \d+ (uur|dag|dagen|week|weken)\b", label)
        if (deadline and deadline.group(1) == "uur") or "10 mg" in label:
            assert urgency == "critical", (topic, value, label)
        elif deadline:
            assert urgency == "warning", (topic, value, label)
        elif "spoed" not in label:  # a minimum interval ("minimaal 3-4 weken") is no deadline
            assert urgency == "info", (topic, value, label)
    assert set(kb.urgency) == {(t, v) for t, topic in kb.topics.items() for v in topic.values}


def test_mescc_cards_lead_with_critical_mri_and_dexamethasone(service):
    """"binnen 12 uur, bij klinische verdenking op MESMC" and "direct te starten met een bolus"."""
    indicators = {c["summary"].split(":")[0]: c["indicator"] for c in cards_for(service, hook_request(CASE))}
    assert indicators["MRI urgency"] == "critical" and indicators["Corticosteroids"] == "critical"


def test_no_suspicion_and_nothing_decided_gives_no_cards(service):
    assert cards_for(service, hook_request({"known_primary_malignancy": False, "back_pain": False})) == []
    assert cards_for(service, hook_request({"back_pain": True}))  # suspicion still open: what to ask


def test_the_case_comes_in_the_extension_and_wins_over_context_case(service):
    request = hook_request({"back_pain": True})
    request["extension"] = {"nl.wervel-lp.case": {"known_primary_malignancy": False, "back_pain": False}}
    assert cards_for(service, request) == []
    request["extension"] = {"nl.wervel-lp.case": CASE}
    del request["context"]["case"]
    assert linked_case(cards_for(service, request)[0]) == CASE
    request["extension"] = {"nl.wervel-lp.case": {"back_pain": "yes"}}
    status, text = call(service, "/cds-services/wervelmetastasen", request)
    assert status == 400 and json.loads(text)["field"] == "extension.nl.wervel-lp.case.back_pain"


def test_a_browser_preflight_from_the_sandbox_is_allowed(service):
    request = urllib.request.Request(service.url + "/cds-services/wervelmetastasen", method="OPTIONS", headers={
        "Origin": "https://sandbox.cds-hooks.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,authorization"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        allowed = answer.headers["Access-Control-Allow-Origin"]
        assert answer.status == 200 and allowed in ("*", "https://sandbox.cds-hooks.org")
    status, _ = call(service, "/cds-services", headers={"Origin": "https://sandbox.cds-hooks.org"})
    assert status == 200


def test_cards_follow_accept_language(service):
    status, text = call(service, "/cds-services/wervelmetastasen", hook_request(CASE),
                        headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert status == 200 and json.loads(text)["cards"][0]["summary"].startswith("MRI: Make an MRI")
    status, text = call(service, "/cds-services/wervelmetastasen", hook_request(CASE))
    assert json.loads(text)["cards"][0]["links"][0]["label"] == "Open de casus"


def bundle(*resources):
    return {"resourceType": "Bundle", "type": "searchset",
            "entry": [{"resource": r} for r in resources]}


def condition(code, clinical="active", verification="confirmed"):
    return {"resourceType": "Condition", "subject": {"reference": "Patient/1"},
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": code}]},
            "clinicalStatus": {"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": clinical}]},
            "verificationStatus": {"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": verification}]}}


def observation(code, **value):
    return {"resourceType": "Observation", "status": "final", "subject": {"reference": "Patient/1"},
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": code}]}, **value}


def test_fhir_prefetch_gives_findings_and_context_case_wins(service):
    prefetch = {
        "conditions": bundle(condition("254837009", clinical="remission"), condition("161891005")),
        "observations": bundle(observation("13200003", valueBoolean=True)),
    }
    cards = cards_for(service, hook_request({"night_pain": True}, prefetch))
    assert linked_case(cards[0]) == {"known_primary_malignancy": True, "tumour_type": "breast",
                                     "back_pain": True, "peptic_ulcer_history": True, "night_pain": True}
    cards = cards_for(service, hook_request({"back_pain": False}, prefetch))
    assert linked_case(cards[0])["back_pain"] is False


@pytest.mark.parametrize(("request_", "field"), [
    ({"hook": "order-select", "hookInstance": "x", "context": {}}, "hook"),
    ({"hook": "patient-view", "context": {}}, "hookInstance"),
    ({"hook": "patient-view", "hookInstance": "x", "context": []}, "context"),
    (hook_request({"back_pain": "yes"}), "context.case.back_pain"),
    (hook_request({"not_a_field": True}), "context.case.not_a_field"),
    (hook_request([1, 2]), "context.case"),
    (hook_request({"complete_cord_lesion": True, "neurological_deficit": False}), "context.case.complete_cord_lesion"),
    (hook_request(prefetch={"observations": bundle(observation("161891005", valueBoolean="perhaps"))}),
     "prefetch.observations.entry[0].resource.valueBoolean"),
    (hook_request(prefetch={"conditions": {"resourceType": "Patient"}}), "prefetch.conditions.resourceType"),
    (hook_request(prefetch=[]), "prefetch"),
], ids=lambda x: x if isinstance(x, str) else "")
def test_bad_cds_requests_are_400_naming_the_field(service, request_, field):
    status, text = call(service, "/cds-services/wervelmetastasen", request_)
    assert status == 400, text
    answer = json.loads(text)
    assert answer["field"] == field and answer["error"] == "invalid_input" and "Traceback" not in text


@pytest.mark.parametrize("raw", [b"{", b"\xff\xfe", b"[]", b"null"])
def test_documents_that_are_not_a_request_are_400(service, raw):
    for path in ("/cds-services/wervelmetastasen", "/recommend", "/decide", "/explain", "/why-not"):
        status, text = call(service, path, raw=raw)
        assert status == 400 and json.loads(text)["field"] == "$", (path, text)


@pytest.mark.parametrize("path", EXAMPLES[:5], ids=lambda p: p.stem)
def test_json_api_answers_as_the_python_api(service, path):
    case = json.loads(path.read_text())
    result = recommend(case)
    assert call(service, "/recommend", case) == (200, result.to_json())
    status, text = call(service, "/decide", case)
    assert status == 200 and json.loads(text) == {"decisions": decide(case)}
    status, text = call(service, "/explain", {"case": case, "topic": "treatment"})
    assert status == 200 and json.loads(text) == result.explain("treatment").to_dict()
    status, text = call(service, "/why-not", {"case": case, "topic": "treatment", "value": "surgery"})
    why_not = result.why_not("treatment", "surgery").to_dict()
    assert status == 200 and json.loads(text) == json.loads(json.dumps(why_not))


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/recommend", {"back_pain": 1}, "back_pain"),
    ("/decide", {"life_expectancy_months": -1}, "life_expectancy_months"),
    ("/explain", {"case": {}, "topic": "nonsense"}, "topic"),
    ("/explain", {"case": {}}, "topic"),
    ("/why-not", {"case": {}, "topic": "treatment", "value": "nonsense"}, "value"),
    ("/why-not", {"case": {"x": 1}, "topic": "treatment", "value": "surgery"}, "x"),
    ("/?lang=fr", None, "lang"),
])
def test_json_api_refuses_bad_input_naming_the_field(service, path, body, field):
    status, text = call(service, path, body)
    assert status == 400 and json.loads(text)["field"] == field, text


def test_openapi_documents_every_endpoint(service):
    _, text = call(service, "/openapi.json")
    paths = json.loads(text)["paths"]
    for path in ("/cds-services", "/cds-services/wervelmetastasen", "/recommend", "/decide", "/explain",
                 "/why-not", "/", "/page/result"):
        assert path in paths
    schema = paths["/recommend"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert schema["properties"]["tumour_type"]["enum"][-1] is None and schema["additionalProperties"] is False


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_page_has_every_field_once_and_unknown_by_default(service, kb, lang):
    status, page = call(service, f"/?lang={lang}")
    assert status == 200 and f'<html lang="{lang}">' in page
    for name, field in kb.schema.fields.items():
        assert page.count(f'name="{name}"') == 1
        assert (field.label_nl if lang == "nl" else field.label_en) in html.unescape(page)
    assert page.count("<option value=\"\" selected>") == sum(
        f.kind in ("bool", "enum") for f in kb.schema.fields.values())
    assert "value=" not in page.split("<input", 1)[1].split(">", 1)[0]


def test_page_result_fragment_shows_decisions_and_refusals(service, kb):
    status, text = call(service, "/page/result?lang=en", CASE)
    assert status == 200
    for topic, value in recommend(CASE).decisions.items():
        assert f'data-topic="{topic}" data-value="{value}"' in text
    status, text = call(service, "/page/result?lang=en", {"back_pain": "often"})
    assert status == 400 and 'data-field="back_pain"' in text and kb.schema.fields["back_pain"].label_en in text


def test_the_service_logs_no_findings(service):
    call(service, "/cds-services/wervelmetastasen", hook_request(CASE))
    call(service, "/recommend", {"lhermitte_sign": "wrong"})
    log = service.log()
    assert "POST /recommend" in log
    for name in CASE:
        assert name not in log
    assert "lhermitte" not in log and "Traceback" not in log


def test_docs_list_the_fhir_mapping_table():
    assert mapping_markdown() in (ROOT / "docs" / "service.md").read_text()


def test_two_workers_answer_as_one():
    """The service keeps no state, so any worker gives the same answer."""
    with LocalService(workers=2) as two:
        answers = {json.dumps(without_uuids(json.loads(call(two, "/cds-services/wervelmetastasen",
                                                            hook_request(CASE))[1])["cards"]))
                   for _ in range(6)}
    assert len(answers) == 1 and json.loads(answers.pop())


def test_the_open_questions_as_a_questionnaire_and_its_response_back_as_the_case(service, kb):
    """Every field an undetermined topic asks for is an item once, in the result's order; answers map back."""
    case = {"known_primary_malignancy": True, "back_pain": True}
    status, text = call(service, "/questionnaire?lang=nl", case)
    assert status == 200
    items = json.loads(text)["item"]
    asked = list(dict.fromkeys(f for u in recommend(case).undetermined for f in u.ask))
    assert [i["linkId"] for i in items] == asked
    for item in items:
        field = kb.schema.fields[item["linkId"]]
        assert item["text"] == field.label_nl
        if field.kind == "enum":
            assert [o["valueCoding"]["code"] for o in item["answerOption"]] == [
                v for v in field.values if v not in field.unknown_values]
    answers = {"night_pain": {"valueBoolean": True}, "radicular_pain": {"valueCoding": {"code": "bilateral"}}}
    response = {"resourceType": "QuestionnaireResponse", "status": "completed",
                "item": [{"linkId": k, "answer": [v]} for k, v in answers.items()]}
    status, text = call(service, "/questionnaire-response", response)
    full = {"night_pain": True, "radicular_pain": "bilateral"}
    assert status == 200 and json.loads(text)["decisions"] == recommend(full).decisions
    response["item"][0]["answer"] = [{"valueString": "ja"}]
    status, text = call(service, "/questionnaire-response", response)
    assert status == 400 and json.loads(text)["field"] == "item.night_pain"
    response["item"][0] = {"linkId": "not_a_field", "answer": [{"valueBoolean": True}]}
    status, text = call(service, "/questionnaire-response", response)
    assert status == 400 and json.loads(text)["field"] == "item.not_a_field"
