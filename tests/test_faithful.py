"""Faithful to the guideline's words (issue 13): each test quotes its sentence and states
what a clinician reading it expects. Every case is fully specified in the findings the
rules involved read, so the expectation holds whatever the engine does with unknowns.
"""

import pytest
from cases import MESCC_DEFICIT, UNKNOWN_ORIGIN, UNSTABLE, full

from wervel_lp import recommend


def decided(case, topic):
    return recommend(case).decisions.get(topic)


def advice(case):
    return {r.value for r in recommend(case).recommendations if r.topic == "advice"}


# --- 1. "binnen 2 weken bij alleen lokale rugpijn" ---------------------------

@pytest.mark.parametrize(("changes", "expected"), [
    ({}, "within_2_weeks"),
    ({"radicular_pain": "unilateral"}, "within_1_week"),
    ({"mescc_suspected": True}, "within_12_hours"),
    ({"lhermitte_sign": True}, "within_12_hours"),
    # a deficit the list gives no deadline: not "alleen lokale rugpijn" either (anomaly a1)
    ({"radicular_deficit": "unilateral", "neurological_deficit": True, "deficit_progressive": False}, None),
    ({"neurological_deficit": True}, None),
])
def test_two_weeks_only_for_local_back_pain_alone(changes, expected):
    """Er wordt geadviseerd om bij een patiënt met verdenking op wervelmetastasen de MRI te
    maken: binnen 2 weken bij alleen lokale rugpijn. Back pain with radicular pain or deficit,
    a neurological deficit, suspected MESCC or Lhermitte's sign is not "alleen lokale rugpijn".
    """
    case = full(**changes)
    assert decided(case, "mri") == "indicated"
    assert decided(case, "mri_urgency") == expected


# --- 2. "te wachten met het geven van corticosteroïden tot na het biopt" -----

def test_withholding_corticosteroids_ends_after_the_biopsy():
    """Te wachten met het geven van corticosteroïden tot na het biopt: once tissue has been
    obtained, symptomatic MESCC to be irradiated gets dexamethasone, though the primary is
    not yet known.
    """
    before = full(UNKNOWN_ORIGIN, mescc_on_imaging=True)
    assert decided(before, "corticosteroids") == "withhold_until_biopsy"
    after = {**before, "histology_obtained": True}
    assert decided(after, "treatment") == "radiotherapy"
    assert decided(after, "corticosteroids") == "dexamethasone_10mg_iv_then_8_16mg_daily"


def test_tissue_diagnosis_before_corticosteroids_with_haematological_suspicion():
    """Bij een onbekende primaire tumor en verdenking op een hematologische maligniteit een
    weefseldiagnose te verkrijgen voordat gestart wordt met corticosteroïden.
    """
    case = full(UNKNOWN_ORIGIN, mescc_on_imaging=True, haematological_malignancy_suspected=True)
    assert decided(case, "corticosteroids") == "withhold_until_biopsy"
    assert decided({**case, "histology_obtained": True},
                   "corticosteroids") == "dexamethasone_10mg_iv_then_8_16mg_daily"


# --- 3. "Bouw de corticosteroïden in 1-2 weken na behandeling volledig af" ----

def test_taper_advice_after_every_corticosteroid_course():
    """Bouw de corticosteroïden in 1-2 weken na behandeling volledig af, op geleide van
    klachten: also after corticosteroids for a pain flare, not only after dexamethasone.
    """
    flare = full(pain_flare_after_radiotherapy=True)
    assert decided(flare, "corticosteroids") == "for_pain_flare"
    assert "taper_corticosteroids" in advice(flare)
    assert "taper_dexamethasone" not in advice(flare)
    dexamethasone = full(mescc_on_imaging=True)
    assert {"taper_corticosteroids", "taper_dexamethasone"} <= advice(dexamethasone)
    assert not {"taper_corticosteroids", "taper_dexamethasone"} & advice(full())


# --- 5. no MRI urgency without an MRI to make ---------------------------------

def test_no_mri_deadline_without_an_indicated_mri():
    """Er dient een MRI-scan gemaakt te worden bij patiënten met een bekende primaire
    maligniteit ...; the urgency list gives "de MRI" its deadline. With an unknown primary
    there is no MRI indication on this page, so no deadline and no MRI protocol either.
    """
    case = full(UNKNOWN_ORIGIN)
    assert decided(case, "mri") is None
    assert decided(case, "mri_urgency") is None
    assert "mri_protocol_whole_spine" not in advice(case)
    assert decided(full(), "mri") == "indicated"
    assert decided(full(), "mri_urgency") == "within_2_weeks"


# --- 6. deterioration under radiotherapy and corticosteroids ------------------

def test_deterioration_under_radiotherapy_makes_surgery_the_treatment():
    """Chirurgie de behandeling van voorkeur ... bij neurologische achteruitgang ten gevolge van
    progressieve MESMC onder radiotherapie en behandeling met corticosteroïden: not the MDT
    choice with radiotherapy as an equal option, and no new first-course schedule.
    """
    case = full(MESCC_DEFICIT, UNSTABLE, deterioration_under_radiotherapy_and_corticosteroids=True)
    assert decided(case, "treatment") == "surgery"
    assert decided(case, "radiotherapy_schedule") is None
    not_deteriorating = {**case, "deterioration_under_radiotherapy_and_corticosteroids": False}
    assert decided(not_deteriorating, "treatment") == "radiotherapy_or_surgery_mdt"


def test_deterioration_alone_as_indication_gives_surgery():
    """The deterioration bullet is the only indication here (a stable spine)."""
    case = full(MESCC_DEFICIT, deterioration_under_radiotherapy_and_corticosteroids=True)
    assert decided(case, "treatment") == "surgery"
    assert decided(case, "surgery_eligible") == "yes"


def test_deterioration_without_surgical_conditions_gets_no_radiotherapy_again():
    """Surgery indicated but a condition fails (life expectancy under three months): the patient
    is under radiotherapy already, so no radiotherapy course is chosen again (issue 28, W2;
    I-deterioration-under-radiotherapy-surgery); the text names no other treatment.
    """
    case = full(MESCC_DEFICIT, deterioration_under_radiotherapy_and_corticosteroids=True,
                life_expectancy_months=2)
    assert decided(case, "surgery_eligible") == "no"
    assert decided(case, "treatment") is None


# --- 7. the tree's branches on life expectancy --------------------------------

@pytest.mark.parametrize(("months", "expected"), [(2, "radiotherapy"), (2.9, "radiotherapy"),
                                                  (3, "systemic_therapy"), (12, "systemic_therapy")])
def test_chemotherapy_first_choice_only_on_the_three_months_or_more_branch(months, expected):
    """Behandeling bij levensverwachting > 3md: chemotherapie en antihormonale therapie als eerste
    keuze ... (vooral bij multipel myeloom). The "< 3md" page offers radiotherapy.
    """
    case = full(MESCC_DEFICIT, tumour_type="multiple_myeloma", systemic_therapy_sensitive=True,
                life_expectancy_months=months)
    assert decided(case, "treatment") == expected


def test_systemic_therapy_for_pain_only_on_the_three_months_or_more_branch():
    """Chemotherapie en antihormonale therapie kunnen worden toegepast ... om pijn ... te
    verminderen: a sentence of the "> 3md" page.
    """
    assert "systemic_therapy_for_pain" in advice(full(systemic_therapy_sensitive=True))
    assert "systemic_therapy_for_pain" not in advice(
        full(systemic_therapy_sensitive=True, life_expectancy_months=2))


# --- 8. decompressive surgery for an unknown primary --------------------------

def test_decompressive_surgery_considered_before_the_histology():
    """Direct een decomprimerende operatie te overwegen, indien patiënt progressief uitval heeft
    ondanks corticosteroïden en daarvoor in aanmerking komt: with a stable spine, before the
    histology says whether the tumour is chemotherapy-sensitive.
    """
    case = full(UNKNOWN_ORIGIN, MESCC_DEFICIT)
    assert "consider_decompressive_surgery" in advice(case)
    assert decided(case, "surgery_eligible") is None  # anomaly a3
    assert "consider_decompressive_surgery" not in advice({**case, "fit_for_surgery": False})
    assert "consider_decompressive_surgery" not in advice({**case, "improving_on_corticosteroids": True})


# --- 9. closed lists, the MDT indication, the clock ---------------------------

def test_mdt_choice_needs_a_listed_surgical_indication():
    """Indien patiënten voldoen aan de indicaties en voorwaarden voor zowel chirurgie als
    radiotherapie: a deficit from MESCC meeting all conditions, without instability,
    recurrence or deterioration, gets radiotherapy (I-mdt-needs-surgical-indication).
    """
    case = full(MESCC_DEFICIT)
    assert decided(case, "surgery_eligible") == "yes"
    assert decided(case, "treatment") == "radiotherapy"
    assert decided(full(MESCC_DEFICIT, UNSTABLE), "treatment") == "radiotherapy_or_surgery_mdt"


def test_chemosensitive_and_rapid_effect_lists_are_closed():
    """Zoals bijvoorbeeld een non-Hodgkin-lymfoom ..., kiemceltumor, of multipel myeloom;
    vooral bij multipel myeloom, non-Hodgkin lymfomen ... en kiemceltumoren: a Hodgkin
    lymphoma recorded as sensitive to systemic therapy is in neither list
    (I-chemosensitive-examples, I-rapid-effect-tumour-types).
    """
    case = full(MESCC_DEFICIT, tumour_type="hodgkin_lymphoma", systemic_therapy_sensitive=True)
    assert decided(case, "surgery_eligible") == "yes"
    assert decided(case, "treatment") == "radiotherapy"
    myeloma = {**case, "tumour_type": "multiple_myeloma"}
    assert decided(myeloma, "surgery_eligible") == "no"
    assert decided(myeloma, "treatment") == "systemic_therapy"


# --- Coherent along the pathway (issue 19) ------------------------------------

def test_unknown_primary_waits_for_the_histology_before_the_treatment():
    """Nog voordat de behandeling start weefsel voor histologisch (en eventueel microbiologisch)
    onderzoek te verkrijgen: binnen 1 dag ... indien er klinisch en/of radiologisch MESMC bestaat;
    de behandeling na het stellen van de definitieve diagnose wervelmetastasen ... binnen 24 uur
    (I-definitive-diagnosis). Before the biopsy: the biopsy, the urgent CT and the withholding,
    decompression to consider, but no treatment, schedule or start deadline.
    """
    case = full(UNKNOWN_ORIGIN, MESCC_DEFICIT)
    result = recommend(case)
    assert result.decisions["biopsy"] == "within_1_day"
    assert result.decisions["staging_ct"] == "urgent_ct_thorax_abdomen_pelvis"
    assert result.decisions["corticosteroids"] == "withhold_until_biopsy"
    assert "consider_decompressive_surgery" in advice(case)
    for topic in ("treatment", "radiotherapy_schedule", "start_treatment"):
        assert topic not in result.decisions


def test_after_the_biopsy_the_treatment_follows_and_the_biopsy_steps_end():
    """Te wachten met het geven van corticosteroïden tot na het biopt; once the tissue has been
    obtained the diagnosis is definitive: the treatment and its start follow, and the biopsy
    and the withholding are not recommended again.
    """
    case = full(UNKNOWN_ORIGIN, MESCC_DEFICIT, histology_obtained=True)
    result = recommend(case)
    assert result.decisions["treatment"] == "radiotherapy"
    assert result.decisions["start_treatment"] == "within_24_hours"
    assert result.decisions["corticosteroids"] == "dexamethasone_10mg_iv_then_8_16mg_daily"
    assert "biopsy" not in result.decisions


def test_an_open_treatment_waits_for_the_definitive_diagnosis():
    """An unknown primary whose biopsy is not recorded: the treatment waits for the step
    "definitive diagnosis" and asks whether tissue has been obtained.
    """
    result = recommend({**full(UNKNOWN_ORIGIN, MESCC_DEFICIT), "histology_obtained": None})
    (open_treatment,) = [u for u in result.undetermined if u.topic == "treatment"]
    assert open_treatment.waiting_for == "definitive_diagnosis"


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, "urgent_ct_thorax_abdomen_pelvis"),
    ({"histology_obtained": True}, "urgent_ct_thorax_abdomen_pelvis"),
    ({"urgent_ct_thorax_abdomen_pelvis_made": True}, None),
    ({"histology_obtained": True, "urgent_ct_thorax_abdomen_pelvis_made": True}, None),
])
def test_the_urgent_ct_ends_once_made(changes, expected):
    """Met spoed een CT- of PET-CT van thorax, abdomen en bekken te maken om de ziekte in kaart
    te brengen: ordered until it has been made, also after the biopsy (I-urgent-ct-until-made).
    """
    assert decided(full(UNKNOWN_ORIGIN, **changes), "staging_ct") == expected


def test_a_recent_ct_ends_the_staging_ct():
    """Indien er geen recente (PET)-CT- thorax/abdomen is, dan zal deze nog gemaakt moeten worden."""
    assert decided(full(UNSTABLE, recent_staging_ct=False), "staging_ct") == "ct_thorax_abdomen_with_volume_scan"
    assert decided(full(UNSTABLE, recent_staging_ct=True), "staging_ct") is None


def test_an_operated_patient_is_past_the_treatment_choice():
    """Bij patiënten die geopereerd zijn adviseert de richtlijncommissie een minimaal
    tijdsinterval van 3-4 weken ... voor het starten van postoperatieve radiotherapie: no
    treatment (surgery) and no start deadline again, the post-operative interval and schedule
    instead (I-operated-past-treatment-choice).
    """
    result = recommend(full(UNSTABLE, operated=True, postoperative_neurology="recovering"))
    assert "treatment" not in result.decisions
    assert "start_treatment" not in result.decisions
    assert result.decisions["postoperative_radiotherapy"] == "after_3_to_4_weeks"
    assert result.decisions["radiotherapy_schedule"] == "20gy_in_5_fractions"
    before = recommend(full(UNSTABLE)).decisions
    assert before["treatment"] == "surgery" and before["start_treatment"] == "within_14_days"


def test_no_start_deadline_without_a_treatment():
    """Radiotherapie ... mits de mogelijkheid bestaat tot het geven van een adequate en zinvolle
    dosis radiotherapie: with a life expectancy under 3 months and no radiotherapy possible no
    treatment is named (anomaly a2), so no maximum time to therapy either.
    """
    result = recommend(full(life_expectancy_months=2, adequate_radiotherapy_possible=False))
    assert "treatment" not in result.decisions
    assert "start_treatment" not in result.decisions


@pytest.mark.parametrize("changes", [
    # an unstable spine or a recurrence without an adequate dose, but no metastases on imaging
    {"spinal_instability": True},
    {"prior_radiotherapy_same_level": True, "recurrence_after_radiotherapy": True,
     "adequate_radiotherapy_possible": False},
])
def test_no_surgical_assessment_before_imaging_shows_metastases(changes):
    """Bij patiënten met symptomatische wervelmetastasen (met pijn en/of neurologische uitval)
    chirurgie de behandeling van voorkeur is: the indications, and so the assessment of the
    conditions for surgery, are for spinal metastases shown on imaging.
    """
    result = recommend(full(metastases_on_imaging=False, **changes))
    assert "surgery_eligible" not in result.decisions
    assert "treatment" not in result.decisions


def test_no_treatment_choice_before_imaging_even_after_a_biopsy():
    """De behandeling na het stellen van de definitieve diagnose wervelmetastasen: tissue
    obtained does not make the diagnosis of spinal metastases without imaging that shows them
    (clinically suspected MESCC, a sensitive tumour with a vital indication for chemotherapy).
    """
    case = full(UNKNOWN_ORIGIN, MESCC_DEFICIT, mescc_on_imaging=False, metastases_on_imaging=False,
                histology_obtained=True, systemic_therapy_sensitive=True,
                vital_indication_systemic_therapy=True)
    assert decided(case, "treatment") is None
    assert decided({**case, "metastases_on_imaging": True}, "treatment") == "systemic_therapy"
