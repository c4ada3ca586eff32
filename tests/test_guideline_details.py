"""Clinical expectations from the guideline text that kill survivors of the mutation test
(tests/mutation.py): each one pins a detail no other test pinned.
"""

import pytest
from cases import (
    ASYMPTOMATIC_MESCC_TO_TREAT,
    COMPLETE_LESION,
    FULL,
    MESCC_DEFICIT,
    NO_BACK_PAIN,
    OPERATED,
    UNKNOWN_ORIGIN,
    UNSTABLE,
    full,
)

from wervel_lp import recommend

NO_ALARM = {**FULL, "night_pain": False, "progressive_pain": False, "new_local_pain": False,
            "spinal_tenderness": False, "general_condition": "good", "adequate_imaging_available": False}
NO_ALARM = {k: v for k, v in NO_ALARM.items() if k != "metastases_on_imaging"}


@pytest.mark.parametrize("symptom", ["night_pain", "progressive_pain", "new_local_pain", "spinal_tenderness"])
def test_each_alarm_symptom_alone_with_back_pain_indicates_an_mri(symptom):
    """"Alarmsymptomen bij rugpijn die kunnen wijzen op wervelmetastasen zijn: - nachtelijke rugpijn -
    progressieve rugpijn - nieuwe lokale rugpijn - druk-/kloppijn over de wervelkolom - een matige conditie":
    each symptom on its own makes back pain suspect, so the MRI is indicated.
    """
    assert "mri" not in recommend(NO_ALARM).decisions
    assert recommend({**NO_ALARM, symptom: True}).decisions["mri"] == "indicated"


NO_SUSPICION = {**NO_ALARM, "back_pain": False}


@pytest.mark.parametrize("changes", [{"general_condition": "moderate"}, {"general_condition": "poor"},
                                     {"spinal_tenderness": True}])
def test_an_alarm_symptom_without_back_pain_raises_no_suspicion(changes):
    """"Alarmsymptomen bij rugpijn die kunnen wijzen op wervelmetastasen zijn: [...] druk-/kloppijn over de
    wervelkolom - een matige conditie": they are alarm symptoms *with back pain*; a moderate condition or
    tenderness without back pain (and without other suspect pain or neurological signs) indicates no MRI.
    """
    assert "mri" not in recommend({**NO_SUSPICION, **changes}).decisions
    assert recommend({**NO_SUSPICION, **changes, "back_pain": True}).decisions["mri"] == "indicated"


@pytest.mark.parametrize("symptom", ["severe_pain_all_positions", "interscapular_pain"])
def test_severe_or_interscapular_pain_alone_indicates_an_mri(symptom):
    """"Ook hevige pijn in alle houdingen en pijn tussen de schouderbladen is verdacht.": each on its own,
    without back pain, is a suspicion, so a patient with a known primary gets an MRI.
    """
    assert "mri" not in recommend(NO_SUSPICION).decisions
    assert recommend({**NO_SUSPICION, symptom: True}).decisions["mri"] == "indicated"


@pytest.mark.parametrize(("changes", "urgency"), [
    ({"radicular_pain": "unilateral"}, "within_1_week"),
    ({"radicular_pain": "bilateral"}, "within_12_hours"),
    ({"radicular_deficit": "unilateral", "neurological_deficit": True, "deficit_progressive": True,
      "deficit_onset_days": 3}, "within_24_hours"),
    ({"radicular_deficit": "bilateral", "neurological_deficit": True}, "within_12_hours"),
    ({"mescc_suspected": True}, "within_12_hours"),
    ({"lhermitte_sign": True}, "within_12_hours"),
    ({"neurological_deficit": True}, None),  # the list gives no deadline (anomaly a1)
])
def test_each_neurological_sign_alone_indicates_an_mri_with_its_deadline(changes, urgency):
    """"Er wordt geadviseerd om bij een patiënt met verdenking op wervelmetastasen de MRI te maken: [...]
    binnen 1 week bij eenzijdige radiculaire pijn. [...] binnen 24 uur bij eenzijdige radiculaire uitval
    die binnen 7 dagen ontstaan en progressief is. [...] binnen 12 uur, bij klinische verdenking op MESMC
    of het symptoom van Lhermitte [...] of bij bilaterale radiculaire pijn en/of uitval": each of these
    signs, without back pain, makes the patient one with suspected spinal metastases
    (I-suspicion-from-neurological-signs), so the MRI is indicated, with that sign's deadline.
    """
    decisions = recommend({**NO_SUSPICION, **changes}).decisions
    assert decisions["mri"] == "indicated"
    assert decisions.get("mri_urgency") == urgency


DEFICIT = {**NO_SUSPICION, "neurological_deficit": True}


@pytest.mark.parametrize(("changes", "urgency"), [
    ({"radicular_deficit": "unilateral", "deficit_progressive": True, "deficit_onset_days": 7}, "within_24_hours"),
    ({"radicular_deficit": "unilateral", "deficit_progressive": True, "deficit_onset_days": 8}, "within_48_hours"),
    # not progressive: neither sentence applies (anomaly a1)
    ({"radicular_deficit": "unilateral", "deficit_progressive": False, "deficit_onset_days": 3}, None),
    ({"radicular_deficit": "unilateral", "deficit_progressive": False, "deficit_onset_days": 10}, None),
    # progressive, but not a radicular deficit: neither sentence applies (anomaly a1)
    ({"radicular_deficit": "none", "deficit_progressive": True, "deficit_onset_days": 3}, None),
    ({"radicular_deficit": "none", "deficit_progressive": True, "deficit_onset_days": 10}, None),
])
def test_the_24_and_48_hour_deadlines_are_for_a_progressive_unilateral_radicular_deficit(changes, urgency):
    """"binnen 48 uur bij eenzijdige radiculaire uitval die over meer dan 7 dagen ontstaan en progressief is.
    binnen 24 uur bij eenzijdige radiculaire uitval die binnen 7 dagen ontstaan en progressief is.": both need
    a unilateral radicular deficit that is progressive; 7 days is "binnen 7 dagen", 8 days "meer dan 7 dagen".
    """
    decisions = recommend({**DEFICIT, **changes}).decisions
    assert decisions["mri"] == "indicated"
    assert decisions.get("mri_urgency") == urgency


@pytest.mark.parametrize(("changes", "urgency"), [
    ({"mescc_suspected": True, "radicular_pain": "unilateral"}, "within_12_hours"),
    ({"lhermitte_sign": True, "radicular_deficit": "unilateral", "neurological_deficit": True,
      "deficit_progressive": True, "deficit_onset_days": 3}, "within_12_hours"),
    ({"radicular_pain": "unilateral", "radicular_deficit": "unilateral", "neurological_deficit": True,
      "deficit_progressive": True, "deficit_onset_days": 10}, "within_48_hours"),
])
def test_with_two_deadlines_the_mri_is_made_within_the_shorter(changes, urgency):
    """"binnen 1 week bij eenzijdige radiculaire pijn. binnen 48 uur bij eenzijdige radiculaire uitval die over
    meer dan 7 dagen ontstaan en progressief is. [...] zo spoedig mogelijk, maar in elk geval binnen 12 uur, bij
    klinische verdenking op MESMC of het symptoom van Lhermitte": a patient with findings of two lines gets the
    MRI within the shorter deadline, which meets both.
    """
    assert recommend(full(**changes)).decisions["mri_urgency"] == urgency


DEXAMETHASONE = "dexamethasone_10mg_iv_then_8_16mg_daily"


def test_mescc_with_a_deficit_and_no_pain_is_symptomatic_and_gets_dexamethasone():
    """"Er wordt geadviseerd om bij patiënten met symptomatische MESMC of wortelcompressie ten gevolge van
    wervelmetastasen die geopereerd en/of bestraald gaan worden direct te starten met een bolus van 10 mg
    dexamethason i.v.": MESCC with a neurological deficit is symptomatic ("met pijn en/of neurologische
    uitval") without any pain.
    """
    case = full(NO_BACK_PAIN, mescc_on_imaging=True, neurological_deficit=True, deficit_progressive=False,
                deficit_onset_days=10)
    decisions = recommend(case).decisions
    assert decisions["treatment"] == "radiotherapy"
    assert decisions["corticosteroids"] == DEXAMETHASONE


def test_a_radicular_deficit_without_pain_or_mescc_is_root_compression_and_gets_dexamethasone():
    """"symptomatische MESMC of wortelcompressie ten gevolge van wervelmetastasen die geopereerd en/of bestraald
    gaan worden": a radicular deficit with spinal metastases on imaging is root compression (I-root-compression),
    without radicular pain and without MESCC.
    """
    case = full(NO_BACK_PAIN, radicular_deficit="unilateral", neurological_deficit=True, deficit_progressive=False,
                deficit_onset_days=10)
    decisions = recommend(case).decisions
    assert decisions["treatment"] == "radiotherapy"
    assert decisions["corticosteroids"] == DEXAMETHASONE


def test_asymptomatic_metastases_without_mescc_are_not_treated_like_mescc():
    """"patiënten met - bij toeval gevonden - asymptomatische MESMC laagdrempelig dezelfde behandeling moeten
    krijgen als patiënten met symptomatische MESMC, indien: - neurologische uitval, door de uitgebreidheid van
    werveldestructie, op korte termijn te verwachten is": the sentence is about MESCC; spinal metastases on
    imaging without MESCC, pain or deficit get no treatment from it.
    """
    assert recommend(full(ASYMPTOMATIC_MESCC_TO_TREAT)).decisions["treatment"] == "radiotherapy"
    assert "treatment" not in recommend(full(ASYMPTOMATIC_MESCC_TO_TREAT, mescc_on_imaging=False)).decisions


def test_clinically_suspected_mescc_is_not_the_incidental_asymptomatic_mescc():
    """"De werkgroep heeft geen consensus bereikt over het wel of niet geven van dexamethason bij patiënten met
    asymptomatische MESMC ten gevolge van wervelmetastasen die bestraald gaan worden." and "patiënten met - bij
    toeval gevonden - asymptomatische MESMC": MESCC that was clinically suspected was not found by chance, so
    the no-consensus sentence does not apply to it.
    """
    assert recommend(full(ASYMPTOMATIC_MESCC_TO_TREAT)).decisions["corticosteroids"] == "no_consensus"
    decisions = recommend(full(ASYMPTOMATIC_MESCC_TO_TREAT, mescc_suspected=True)).decisions
    assert decisions.get("corticosteroids") != "no_consensus"


@pytest.mark.parametrize("risk", ["peptic_ulcer_history", "nsaid_use", "anticoagulant_use"])
def test_each_risk_factor_alone_adds_a_proton_pump_inhibitor_to_dexamethasone(risk):
    """"Bij risicofactoren (maagulcus in de voorgeschiedenis, gebruik van NSAID's of anticoagulantia) wordt een
    protonpompremmer bij gegeven.": each risk factor on its own.
    """
    case = full(mescc_on_imaging=True)
    assert recommend(case).decisions["corticosteroids"] == DEXAMETHASONE
    assert "proton_pump_inhibitor" not in recommend(case).decisions
    assert recommend({**case, risk: True}).decisions["proton_pump_inhibitor"] == "add"


@pytest.mark.parametrize("changes", [NO_BACK_PAIN, {"metastases_on_imaging": False, "bone_metastases_count": 0}])
def test_the_unknown_origin_work_up_needs_clinical_and_radiological_suspicion(changes):
    """"Er wordt geadviseerd om bij een patiënt met klinische en radiologische verdenking op wervelmetastasen van
    onbekende origine: met spoed een CT- of PET-CT van thorax, abdomen en bekken te maken [...] binnen 1 week [...]
    weefsel voor histologisch [...] onderzoek te verkrijgen": without the clinical suspicion, or without metastases
    on imaging, neither the urgent CT nor the biopsy.
    """
    decisions = recommend(full(UNKNOWN_ORIGIN)).decisions
    assert (decisions["staging_ct"], decisions["biopsy"]) == ("urgent_ct_thorax_abdomen_pelvis", "within_1_week")
    decisions = recommend(full(UNKNOWN_ORIGIN, changes)).decisions
    assert "staging_ct" not in decisions
    assert "biopsy" not in decisions


def test_no_treatment_choice_with_a_known_primary_before_imaging_shows_the_metastases():
    """"De werkgroep is van mening dat de behandeling na het stellen van de definitieve diagnose
    wervelmetastasen bij patiënten:": a known primary and clinically suspected MESCC with a deficit are not yet
    the definitive diagnosis; the treatment is chosen once imaging shows the metastases (here a sensitive
    tumour with a vital indication for chemotherapy).
    """
    case = full(MESCC_DEFICIT, mescc_on_imaging=False, metastases_on_imaging=False,
                systemic_therapy_sensitive=True, vital_indication_systemic_therapy=True)
    assert "treatment" not in recommend(case).decisions
    assert recommend({**case, "metastases_on_imaging": True}).decisions["treatment"] == "systemic_therapy"


@pytest.mark.parametrize(("changes", "staging_ct"), [
    (UNSTABLE, "ct_thorax_abdomen_with_volume_scan"),   # surgery indicated, fit for it
    ({}, None),                                          # radiotherapy, surgery not considered
    ({**UNSTABLE, "fit_for_surgery": False}, None),      # surgery indicated, but not fit for it
])
def test_the_staging_ct_is_for_a_potential_surgical_candidate_only(changes, staging_ct):
    """"De werkgroep is van mening dat een recente (PET)-CT-thorax/abdomen noodzakelijk is indien patiënt
    eventueel in aanmerking komt voor een operatieve ingreep [...] Indien er geen recente (PET)-CT-
    thorax/abdomen is, dan zal deze nog gemaakt moeten worden.": without a recent CT, only a patient who may
    qualify for an operation gets one.
    """
    assert recommend(full(changes, recent_staging_ct=False)).decisions.get("staging_ct") == staging_ct


def _advice(case):
    return {r.value for r in recommend(case).recommendations if r.topic == "advice"}


@pytest.mark.parametrize("changes", [
    {"known_primary_malignancy": True, "tumour_type": "breast", "histology_obtained": True},  # not of unknown origin
    {"deficit_progressive": False},                                                           # not progressive
])
def test_decompressive_surgery_advice_is_for_a_progressive_deficit_of_unknown_origin(changes):
    """"Er wordt geadviseerd om bij een patiënt met klinische en radiologische verdenking op wervelmetastasen van
    onbekende origine: [...] direct een decomprimerende operatie te overwegen, indien patiënt progressief uitval
    heeft ondanks corticosteroïden en daarvoor in aanmerking komt": a known primary, or a deficit that does not
    progress, gets no such advice.
    """
    case = full(UNKNOWN_ORIGIN, MESCC_DEFICIT)
    assert "consider_decompressive_surgery" in _advice(case)
    assert "consider_decompressive_surgery" not in _advice({**case, **changes})


@pytest.mark.parametrize(("base", "failed"), [
    ({}, {"life_expectancy_months": 2}),
    ({}, {"fit_for_surgery": False}),
    ({}, {"whole_spine_mri": False}),
    ({}, {**COMPLETE_LESION, "complete_cord_lesion_hours": 30}),
    ({}, {"contiguous_affected_vertebrae": 4}),
    ({}, {"contiguous_affected_vertebrae": 0}),
    ({}, {"extensive_epidural_extension_elsewhere": True}),
    (MESCC_DEFICIT, {"expert_surgery_within_24h": False}),
], ids=["life_expectancy", "condition", "whole_spine_mri", "cord_lesion", "four_vertebrae", "no_vertebra",
                                 "epidural_elsewhere",
        "no_expert_surgeon"])
def test_each_condition_of_surgery_failing_alone_makes_surgery_ineligible(base, failed):
    """"De werkgroep is van mening dat aan een chirurgische ingreep de volgende voorwaarden verbonden zijn: er is
    een levensverwachting van minstens drie maanden [...] de klinische toestand van de patiënt laat een operatie
    toe [...] er is beeldvorming door middel van een MRI van de gehele wervelkolom [...] als er sprake is van een
    complete dwarslaesie [...] bestaat deze korter dan 24 uur [...] er is een aaneengesloten gebied van aantasting
    en/of obstructie van 1 tot maximaal 3 wervels zonder metastasen met uitgebreide epidurale uitbreiding elders
    [...] bij (progressieve) neurologische uitval door MESMC bestaat de mogelijkheid om een operatie door een
    chirurg met expertise op dit gebied binnen 24 uur uit te voeren.": every condition must be met; with an
    unstable spine (an indication for surgery) one failing condition makes the patient ineligible.
    """
    assert recommend(full(UNSTABLE, base)).decisions["surgery_eligible"] == "yes"
    assert recommend(full(UNSTABLE, base, failed)).decisions["surgery_eligible"] == "no"


def test_no_surgical_assessment_for_deterioration_before_imaging_shows_metastases():
    """"De werkgroep is van mening dat bij patiënten met symptomatische wervelmetastasen (met pijn en/of
    neurologische uitval) chirurgie de behandeling van voorkeur is: [...]": the indication of neurological
    deterioration under radiotherapy and corticosteroids is for spinal metastases shown on imaging.
    """
    case = full(deterioration_under_radiotherapy_and_corticosteroids=True, neurological_deficit=True)
    assert recommend(case).decisions["surgery_eligible"] == "yes"
    assert "surgery_eligible" not in recommend({**case, "metastases_on_imaging": False}).decisions


RECURRENCE = {"prior_radiotherapy_same_level": True, "recurrence_after_radiotherapy": True,
              "adequate_radiotherapy_possible": False}
CHEMOSENSITIVE = {"nhl_intermediate_grade", "nhl_high_grade", "germ_cell", "multiple_myeloma"}


def test_with_a_stable_spine_exactly_the_named_chemosensitive_tumours_exclude_surgery(kb):
    """"er is, bij een stabiele wervelkolom, geen sprake van een chemotherapiegevoelige tumor (zoals bijvoorbeeld
    een non- Hodgkin-lymfoom van intermediaire of hoge maligniteitsgraad, kiemceltumor, of multipel myeloom)": with a
    recurrence that cannot be irradiated again (an indication for surgery) and a stable spine, the named tumours
    make surgery ineligible and every other primary tumour does not (I-chemosensitive-examples); with an unstable
    spine the condition does not apply.
    """
    field = kb.schema.fields["tumour_type"]
    for tumour in (t for t in field.values if t not in field.unknown_values):
        expected = "no" if tumour in CHEMOSENSITIVE else "yes"
        assert recommend(full(RECURRENCE, tumour_type=tumour)).decisions["surgery_eligible"] == expected, tumour
        assert recommend(full(RECURRENCE, UNSTABLE, tumour_type=tumour)).decisions["surgery_eligible"] == "yes", tumour


@pytest.mark.parametrize("changes", [
    {"known_primary_malignancy": False, "tumour_type": None},   # no known primary
    NO_BACK_PAIN,                                              # no clinical suspicion
])
def test_existing_imaging_is_weighed_only_where_the_mri_sentence_applies(changes):
    """"Er dient een MRI-scan gemaakt te worden bij patiënten met een bekende primaire maligniteit en een klinische
    verdenking op wervelmetastasen, tenzij er al beeldvorming aanwezig is waarop de wervelmetastasen adequaat zijn
    afgebeeld.": the exception belongs to that sentence; without a known primary or without the clinical suspicion
    the sentence gives no MRI decision, not even "existing imaging suffices".
    """
    assert recommend(full(adequate_imaging_available=True)).decisions["mri"] == "existing_imaging_suffices"
    assert "mri" not in recommend(full(changes, adequate_imaging_available=True)).decisions


@pytest.mark.parametrize("allowed", [
    {**COMPLETE_LESION, "complete_cord_lesion_hours": 30, "improving_on_corticosteroids": True},
    {**COMPLETE_LESION, "complete_cord_lesion_hours": 23},
    {"expert_surgery_within_24h": False},  # no deficit from MESCC
])
def test_the_cord_lesion_and_expert_surgeon_conditions_allow_their_exceptions(allowed):
    """"als er sprake is van een complete dwarslaesie [...] bestaat deze korter dan 24 uur of bestaat deze langere
    tijd maar vertoont een duidelijke tendens tot klinische verbetering na het starten van corticosteroïden" and
    "bij (progressieve) neurologische uitval door MESMC bestaat de mogelijkheid om een operatie door een chirurg met
    expertise op dit gebied binnen 24 uur uit te voeren": a longer-standing lesion that clearly improves, a lesion
    of less than 24 hours, and a patient without a deficit from MESCC (no expert surgeon needed) stay eligible.
    """
    assert recommend(full(UNSTABLE, allowed)).decisions["surgery_eligible"] == "yes"


RAPID_EFFECT = {"multiple_myeloma", "nhl_high_grade", "nhl_intermediate_grade", "germ_cell"}


def test_systemic_therapy_first_for_a_deficit_from_mescc_exactly_with_the_rapid_effect_tumours(kb):
    """"De werkgroep is van mening dat bij de behandeling van neurologische uitval door MESMC chemotherapie en
    antihormonale therapie als eerste keuze kunnen worden toegepast bij potentieel hiervoor gevoelige tumoren als
    er: - een grote kans is op een snel effect van chemotherapie (vooral bij multipel myeloom, non-Hodgkin
    lymfomen van hoge of intermediaire maligniteitsgraad en gemetastaseerde kiemceltumoren)": for a sensitive
    tumour without a vital indication, exactly the named tumours (I-rapid-effect-tumour-types); and only for a
    deficit from MESCC, not for pain alone.
    """
    field = kb.schema.fields["tumour_type"]
    for tumour in (t for t in field.values if t not in field.unknown_values):
        treatment = recommend(full(MESCC_DEFICIT, tumour_type=tumour, systemic_therapy_sensitive=True)
                              ).decisions["treatment"]
        assert (treatment == "systemic_therapy") == (tumour in RAPID_EFFECT), tumour
        at_3_months = recommend(full(MESCC_DEFICIT, tumour_type=tumour, systemic_therapy_sensitive=True,
                                     life_expectancy_months=3)).decisions["treatment"]
        assert at_3_months == treatment, tumour  # the "> 3md" pages, from 3 months on (I-life-expectancy-branches)
        pain_only = recommend(full(tumour_type=tumour, systemic_therapy_sensitive=True)).decisions["treatment"]
        assert pain_only == "radiotherapy", tumour


def test_surgery_on_deterioration_under_radiotherapy_is_for_progressive_mescc():
    """"chirurgie de behandeling van voorkeur is: [...] bij neurologische achteruitgang ten gevolge van progressieve
    MESMC onder radiotherapie en behandeling met corticosteroïden.": deterioration from MESCC makes surgery the
    treatment; a deficit that deteriorates without MESCC does not.
    """
    assert recommend(full(MESCC_DEFICIT, deterioration_under_radiotherapy_and_corticosteroids=True)
                     ).decisions["treatment"] == "surgery"
    case = full(deterioration_under_radiotherapy_and_corticosteroids=True, neurological_deficit=True)
    assert recommend(case).decisions.get("treatment") != "surgery"


@pytest.mark.parametrize("trigger", [
    {"vital_indication_systemic_therapy": True},
    {"adequate_radiotherapy_possible": False, "fit_for_surgery": False},
], ids=["vital_indication", "no_local_options"])
def test_systemic_therapy_first_needs_a_sensitive_tumour_and_a_deficit_from_mescc(trigger):
    """"De werkgroep is van mening dat bij de behandeling van neurologische uitval door MESMC chemotherapie en
    antihormonale therapie als eerste keuze kunnen worden toegepast bij potentieel hiervoor gevoelige tumoren als er:
    [...] anderszins een vitale indicatie is voor chemotherapie en deze niet kan worden uitgesteld, en/of [...] geen
    mogelijkheden (meer) zijn voor radiotherapie en chirurgie.": systemic therapy is the first choice with a
    sensitive tumour and a deficit from MESCC (and a life expectancy of three months or more), not for a tumour not
    known to be sensitive, nor for pain alone.
    """
    case = full(MESCC_DEFICIT, trigger, systemic_therapy_sensitive=True)
    assert recommend(case).decisions["treatment"] == "systemic_therapy"
    # the "> 3md" pages, from 3 months on (I-life-expectancy-branches)
    assert recommend({**case, "life_expectancy_months": 3}).decisions["treatment"] == "systemic_therapy"
    for changes in ({"systemic_therapy_sensitive": False}, {"life_expectancy_months": 2}):
        assert recommend({**case, **changes}).decisions.get("treatment") != "systemic_therapy", changes
    pain_only = full(trigger, systemic_therapy_sensitive=True)
    assert recommend(pain_only).decisions.get("treatment") != "systemic_therapy"


def test_no_local_options_means_no_adequate_radiotherapy_either():
    """"[...] als eerste keuze kunnen worden toegepast bij potentieel hiervoor gevoelige tumoren als er: [...] geen
    mogelijkheden (meer) zijn voor radiotherapie en chirurgie.": a sensitive tumour with a deficit from MESCC that
    cannot be operated on but can still be irradiated adequately gets radiotherapy, not systemic therapy first.
    """
    case = full(MESCC_DEFICIT, systemic_therapy_sensitive=True, fit_for_surgery=False)
    assert recommend(case).decisions["treatment"] == "radiotherapy"
    assert recommend({**case, "adequate_radiotherapy_possible": False}).decisions["treatment"] == "systemic_therapy"


@pytest.mark.parametrize(("changes", "given"), [
    ({}, True),
    ({"life_expectancy_months": 3}, True),          # the "> 3md" pages, from 3 months on
    ({"life_expectancy_months": 2}, False),
    ({"systemic_therapy_sensitive": False}, False),  # not a sensitive tumour
    ({"metastases_on_imaging": False}, False),       # no spinal metastases shown
    ({**NO_BACK_PAIN, **MESCC_DEFICIT}, False),       # a deficit, but no pain
])
def test_systemic_therapy_for_pain_from_sensitive_spinal_metastases(changes, given):
    """"De werkgroep is van mening dat chemotherapie en antihormonale therapie kunnen worden toegepast bij patiënten
    met potentieel hiervoor gevoelige tumoren, met als doel om pijn ten gevolge van wervelmetastasen te verminderen
    en kwaliteit van leven te verbeteren.": pain from spinal metastases and a sensitive tumour.
    """
    case = full(changes, systemic_therapy_sensitive=changes.get("systemic_therapy_sensitive", True))
    assert ("systemic_therapy_for_pain" in _advice(case)) == given


@pytest.mark.parametrize(("changes", "treatment"), [
    ({"mescc_on_imaging": True}, "surgery"),
    (MESCC_DEFICIT, "radiotherapy_or_surgery_mdt"),
])
def test_symptomatic_mescc_to_be_operated_or_in_the_mdt_choice_gets_dexamethasone_and_no_en_bloc_advice(
        changes, treatment):
    """"Er wordt geadviseerd om bij patiënten met symptomatische MESMC [...] die geopereerd en/of bestraald gaan worden
    direct te starten met een bolus van 10 mg dexamethason i.v." and "De werkgroep beveelt op dit moment niet aan om
    bij iedere symptomatische wervelmetastase een en bloc resectie uit te voeren": with an unstable spine the
    treatment is surgery, or with a deficit from MESCC the choice between radiotherapy and surgery; both are an
    operation that may be done, so dexamethasone and the advice on en bloc resection.
    """
    case = full(UNSTABLE, changes)
    decisions = recommend(case).decisions
    assert decisions["treatment"] == treatment
    assert decisions["corticosteroids"] == DEXAMETHASONE
    assert "no_routine_en_bloc_resection" in _advice(case)


@pytest.mark.parametrize(("count", "schedule"), [
    (0, None), (1, "30_39gy_in_10_13_fractions"), (3, "30_39gy_in_10_13_fractions"),
    (4, "20gy_in_5_fractions"),
])
def test_oligometastases_are_one_to_three_bone_metastases(count, schedule):
    """"solitaire of oligometastasen (1-3 botmetastasen)" and "20 Gy in 5 fracties bij patiënten met een korte
    levensverwachting (< 1 jaar), tot 30-39 Gy in 10-13 fracties bij patiënten met een langere levensverwachting
    (> 1 jaar of bij oligometastasering)": after an operation, with half a year to live, 1 to 3 bone metastases
    give the longer schedule; four do not; none means no spinal metastases, so no definitive diagnosis and no
    post-operative schedule (I-postoperative-radiotherapy-after-histology).
    """
    case = full(OPERATED, bone_metastases_count=count)
    if count == 0:
        case["metastases_on_imaging"] = False
    assert recommend(case).decisions.get("radiotherapy_schedule") == schedule


def test_the_oligometastases_dose_is_for_patients_with_pain():
    """"Bij patiënten met pijn waarbij er sprake is van solitaire of oligometastasen (1-3 botmetastasen) is een dosis
    van tenminste 30-39 Gy [...]": asymptomatic MESCC that is irradiated like symptomatic MESCC, with two bone
    metastases but no pain (and no deficit), gets no schedule from this sentence (anomaly a4).
    """
    case = full(ASYMPTOMATIC_MESCC_TO_TREAT, bone_metastases_count=2)
    assert recommend(case).decisions["treatment"] == "radiotherapy"
    assert "radiotherapy_schedule" not in recommend(case).decisions
    with_pain = {**case, "back_pain": True, "night_pain": True}
    assert recommend(with_pain).decisions["radiotherapy_schedule"] == "30_39gy_in_10_13_fractions_or_sbrt"


def test_pain_gets_8_gy_whatever_the_life_expectancy_and_a_deficit_30_gy_with_a_good_prognosis():
    """"Bij patiënten met pijn is een eenmalige fractie van 8 Gy de standaardbehandeling, ongeacht de
    levensverwachting, conditie of primaire tumor." and "Bij patiënten met neurologische uitvalsverschijnselen die
    in een goede conditie zijn en een levensverwachting van minimaal 1 jaar hebben [...] 30 Gy in 10 fracties":
    with two years to live and a good condition, pain alone gets 8 Gy; a deficit gets 30 Gy.
    """
    case = full(life_expectancy_months=24)
    assert recommend(case).decisions["radiotherapy_schedule"] == "8gy_single_fraction"
    deficit = {**case, "neurological_deficit": True}
    assert recommend(deficit).decisions["radiotherapy_schedule"] == "30gy_in_10_fractions"


@pytest.mark.parametrize(("changes", "treatment"), [
    ({"tumour_type": "multiple_myeloma", "systemic_therapy_sensitive": True}, "systemic_therapy"),
    (UNSTABLE, "radiotherapy_or_surgery_mdt"),
])
def test_a_rapidly_progressive_deficit_from_mescc_is_treated_within_24_hours_whatever_the_treatment(
        changes, treatment):
    """"De werkgroep is van mening dat de behandeling na het stellen van de definitieve diagnose wervelmetastasen bij
    patiënten: [...] met snel progressieve (< 7 dagen) neurologische uitval ten gevolge van MESMC de therapie binnen
    24 uur ingezet dient te worden.": the therapy, systemic therapy or the choice between radiotherapy and surgery.
    """
    decisions = recommend(full(MESCC_DEFICIT, changes)).decisions
    assert decisions["treatment"] == treatment
    assert decisions["start_treatment"] == "within_24_hours"


def test_the_24_hour_start_is_for_a_progressive_deficit():
    """"met snel progressieve (< 7 dagen) neurologische uitval ten gevolge van MESMC de therapie binnen 24 uur ingezet
    dient te worden.": a deficit from MESCC of 3 days that does not progress is not "snel progressief" (the time to
    therapy is then open: anomaly a6).
    """
    case = full(MESCC_DEFICIT)
    assert recommend(case).decisions["start_treatment"] == "within_24_hours"
    assert recommend({**case, "deficit_progressive": False}).decisions.get("start_treatment") != "within_24_hours"


SLOW_AMBULATORY = {**MESCC_DEFICIT, "deficit_onset_days": 10, "ambulatory": True}


@pytest.mark.parametrize(("changes", "start"), [
    ({}, "within_72_hours"),
    ({"deficit_onset_days": 8}, "within_72_hours"),
    ({"deficit_onset_days": 7}, None),              # neither "< 7" nor "> 7" dagen (anomaly a6)
    ({"deficit_progressive": False}, None),         # not progressive (anomaly a6)
])
def test_the_72_hour_start_is_for_a_slowly_progressive_deficit_over_more_than_7_days(changes, start):
    """"met langzaam progressieve uitval (> 7 dagen) die nog niet erg uitgesproken is (patiënt kan nog zelfstandig
    lopen) ten gevolge van MESMC de therapie binnen 72 uur ingezet dient te worden.": 8 days and more, walking,
    progressive.
    """
    assert recommend(full(SLOW_AMBULATORY, changes)).decisions.get("start_treatment") == start


def test_the_7_day_start_is_for_radiological_mescc_with_pain():
    """"met alleen radiologische MESMC met pijn de therapie binnen 7 dagen ingezet dient te worden.": asymptomatic
    MESCC that is irradiated like symptomatic MESCC has no pain, so not this deadline.
    """
    assert recommend(full(mescc_on_imaging=True)).decisions["start_treatment"] == "within_7_days"
    decisions = recommend(full(ASYMPTOMATIC_MESCC_TO_TREAT)).decisions
    assert decisions["treatment"] == "radiotherapy"
    assert decisions.get("start_treatment") != "within_7_days"


@pytest.mark.parametrize(("changes", "treatment"), [
    ({"mescc_on_imaging": True}, "surgery"),
    (MESCC_DEFICIT, "radiotherapy_or_surgery_mdt"),
])
def test_surgery_or_the_mdt_choice_comes_with_the_high_volume_institution_advice(changes, treatment):
    """"De werkgroep is van mening dat wervelkolomchirurgie bij patiënten met wervelmetastasen alleen moet worden
    uitgevoerd in een zorginstelling die per jaar tenminste 10 wervelkolomoperaties verricht": for surgery, and for
    the choice between radiotherapy and surgery, where an operation may follow.
    """
    case = full(UNSTABLE, changes)
    assert recommend(case).decisions["treatment"] == treatment
    assert "spine_surgery_in_high_volume_institution" in _advice(case)


def test_an_operated_patient_is_in_follow_up():
    """"Algemene instructies bij follow up: [...] Laat de patiënt mobiliseren op geleide van pijnklachten" and "De
    werkgroep is van mening dat beeldvorming van de wervelkolom alleen moet worden verricht bij klachten": after the
    operation the patient is in follow-up (no treatment is chosen any more: it was).
    """
    case = full(OPERATED)
    assert "treatment" not in recommend(case).decisions
    assert {"mobilise_guided_by_pain", "follow_up_imaging_only_on_complaints"} <= _advice(case)


@pytest.mark.parametrize(("changes", "treatment"), [
    ({}, "radiotherapy"),
    (UNSTABLE, "surgery"),
    ({**MESCC_DEFICIT, "tumour_type": "multiple_myeloma", "systemic_therapy_sensitive": True}, "systemic_therapy"),
    ({**UNSTABLE, **MESCC_DEFICIT}, "radiotherapy_or_surgery_mdt"),
])
def test_every_treatment_is_followed_by_the_follow_up_instructions(changes, treatment):
    """"Algemene instructies bij follow up: [...] Laat de patiënt mobiliseren op geleide van pijnklachten": whatever
    the treatment chosen.
    """
    case = full(changes)
    assert recommend(case).decisions["treatment"] == treatment
    assert {"mobilise_guided_by_pain", "follow_up_imaging_only_on_complaints"} <= _advice(case)
    assert not {"mobilise_guided_by_pain", "follow_up_imaging_only_on_complaints"} & _advice(full(NO_BACK_PAIN))


NO_METASTASES = {"metastases_on_imaging": False, "bone_metastases_count": 0}


@pytest.mark.parametrize(("changes", "informed"), [
    (NO_BACK_PAIN, True),                      # metastases on imaging, no clinical suspicion
    (NO_METASTASES, True),                     # clinical suspicion, no metastases on imaging (yet)
    ({**NO_BACK_PAIN, **NO_METASTASES}, False),
])
def test_the_general_practitioner_is_informed_from_the_suspicion_or_the_metastases(changes, informed):
    """"Te allen tijde is de huisarts op de hoogte en is duidelijk wie de regievoerend arts is.": at all times, from
    the clinical suspicion or from metastases on imaging, whichever comes first.
    """
    assert ("general_practitioner_informed" in _advice(full(changes))) == informed


# Issue 28: the course after a step was taken (operated, irradiated, under treatment).

FIRST_COURSES = {"8gy_single_fraction", "30_39gy_in_10_13_fractions_or_sbrt", "30gy_in_10_fractions"}


def test_w1_a_pain_flare_right_after_radiotherapy_gets_steroids_and_no_first_course():
    """"als er kort na radiotherapie in verband met pijnlijke botmetastasen een 'pain flare' optreedt er
    corticosteroïden ... kunnen worden gegeven" and a second course only "Bij terugkeer van pijn ... na een
    initiële respons of onvoldoende respons op de eerste bestraling": a patient just irradiated at this level
    with a flare gets the steroids, not a new radiotherapy course, schedule or start.
    """
    case = full(prior_radiotherapy_same_level=True, pain_flare_after_radiotherapy=True)
    decisions = recommend(case).decisions
    assert decisions["corticosteroids"] == "for_pain_flare"
    assert "treatment" not in decisions and "start_treatment" not in decisions
    assert decisions.get("radiotherapy_schedule") not in FIRST_COURSES
    assert recommend(full(pain_flare_after_radiotherapy=True)).decisions["radiotherapy_schedule"] \
        == "8gy_single_fraction"


@pytest.mark.parametrize("changes", [{"fit_for_surgery": False}, {"life_expectancy_months": 2}])
def test_w2_deterioration_under_radiotherapy_without_surgery_gets_no_first_course_again(changes):
    """"chirurgie de behandeling van voorkeur is: [...] bij neurologische achteruitgang ten gevolge van
    progressieve MESMC onder radiotherapie en behandeling met corticosteroïden": the patient is already under
    both, so when surgery is not possible no first-course schedule, no start and no new dexamethasone bolus
    ("direct te starten met een bolus van 10 mg dexamethason") follow (I-deterioration-under-radiotherapy-surgery).
    """
    case = full(MESCC_DEFICIT, changes, deterioration_under_radiotherapy_and_corticosteroids=True)
    decisions = recommend(case).decisions
    assert decisions.get("radiotherapy_schedule") not in FIRST_COURSES
    assert "start_treatment" not in decisions
    assert decisions.get("corticosteroids") != "dexamethasone_10mg_iv_then_8_16mg_daily"
    before = recommend(full(MESCC_DEFICIT, changes)).decisions
    assert before["corticosteroids"] == "dexamethasone_10mg_iv_then_8_16mg_daily"


def test_w3_the_operated_patient_gets_no_pre_operative_work_up():
    """"een recente (PET)-CT-thorax/abdomen noodzakelijk is indien patiënt eventueel in aanmerking komt voor een
    operatieve ingreep": after the operation the patient no longer may qualify for it, so no staging CT, no
    volume scan and no assessment of the conditions of surgery.
    """
    case = full(UNSTABLE, OPERATED, recent_staging_ct=False)
    decisions = recommend(case).decisions
    assert "staging_ct" not in decisions and "surgery_eligible" not in decisions
    assert "multislice_volume_scan" not in _advice(case)
    before = full(UNSTABLE, recent_staging_ct=False)
    assert recommend(before).decisions["staging_ct"] == "ct_thorax_abdomen_with_volume_scan"


def test_w4_no_postoperative_dose_where_no_adequate_dose_is_possible():
    """"mits de mogelijkheid bestaat tot het geven van een adequate en zinvolle dosis radiotherapie": a patient
    operated after a recurrence with no adequate dose possible gets no post-operative schedule or interval.
    """
    changes = dict(OPERATED, prior_radiotherapy_same_level=True, recurrence_after_radiotherapy=True,
                   postoperative_neurology="recovering")
    without = recommend(full(changes, adequate_radiotherapy_possible=False)).decisions
    assert "radiotherapy_schedule" not in without and "postoperative_radiotherapy" not in without
    assert recommend(full(changes)).decisions["radiotherapy_schedule"] == "20gy_in_5_fractions"


def test_m1_dexamethasone_is_tapered_after_the_operation():
    """"De dexamethason wordt na de operatie of na afloop van de radiotherapie in 1-2 weken volledig afgebouwd op
    geleide van de klachten.": an operated patient with symptomatic MESCC tapers the dexamethasone.
    """
    assert {"taper_dexamethasone", "taper_corticosteroids"} <= _advice(full(MESCC_DEFICIT, OPERATED))
    assert "taper_dexamethasone" not in _advice(full(OPERATED))


def test_m2_insufficient_response_to_the_first_radiotherapy_gets_a_second_course():
    """"Bij terugkeer van pijn of neurologische uitvalsverschijnselen na een initiële respons of onvoldoende
    respons op de eerste bestraling dient een tweede behandeling met radiotherapie te worden gegeven": an
    insufficient response gets re-irradiation; irradiated before without either, no first-course 8 Gy.
    """
    irradiated = full(prior_radiotherapy_same_level=True)
    insufficient = recommend(full(irradiated, insufficient_response_to_first_radiotherapy=True)).decisions
    assert insufficient["radiotherapy_schedule"] == "reirradiation"
    plain = recommend(full(irradiated, insufficient_response_to_first_radiotherapy=False)).decisions
    assert plain.get("radiotherapy_schedule") not in FIRST_COURSES
