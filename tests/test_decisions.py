"""Decisions, collisions, unknown findings and why-not, each against the
guideline sentence (or the contract's resolution) it rests on.
"""

import pytest
from cases import (
    ASYMPTOMATIC_MESCC_TO_TREAT,
    MESCC_DEFICIT,
    NO_BACK_PAIN,
    OPERATED,
    UNILATERAL_DEFICIT,
    UNKNOWN_ORIGIN,
    UNSTABLE,
    full,
)

from wervel_lp import recommend


def decided(case, topic):
    return recommend(case).decisions.get(topic)


# --- MRI -------------------------------------------------------------------

def test_known_primary_with_suspicion_gets_mri():
    """Er dient een MRI-scan gemaakt te worden bij patiënten met een bekende primaire
    maligniteit en een klinische verdenking op wervelmetastasen, tenzij ...
    """
    assert decided(full(), "mri") == "indicated"
    assert decided(full(adequate_imaging_available=True), "mri") == "existing_imaging_suffices"
    assert decided(full(NO_BACK_PAIN), "mri") is None


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, "within_2_weeks"),
    ({"radicular_pain": "unilateral"}, "within_1_week"),
    ({**UNILATERAL_DEFICIT, "deficit_onset_days": 8}, "within_48_hours"),
    ({**UNILATERAL_DEFICIT, "deficit_onset_days": 2}, "within_24_hours"),
    ({"lhermitte_sign": True}, "within_12_hours"),
    ({"radicular_pain": "bilateral"}, "within_12_hours"),
])
def test_mri_urgency_per_symptom(changes, expected):
    """Binnen 2 weken / 1 week / 48 uur / 24 uur / 12 uur, per symptom."""
    assert decided(full(**changes), "mri_urgency") == expected


def test_strictest_mri_deadline_wins():
    """Unilateral radicular pain (1 week) with a fast unilateral deficit (24 h): the strictest
    deadline wins, naming the overridden rule. The back pain is not "alleen lokale rugpijn"
    here, so the 2-week rule does not fire at all.
    """
    result = recommend(full(UNILATERAL_DEFICIT, deficit_onset_days=3, radicular_pain="unilateral"))
    assert result.decisions["mri_urgency"] == "within_24_hours"
    (rec,) = [r for r in result.recommendations if r.topic == "mri_urgency"]
    overridden = {o["value"] for o in rec.overrides}
    assert overridden == {"within_1_week"}


def test_complete_lesion_over_48_hours_makes_mri_not_urgent():
    """geen reden meer voor spoeddiagnostiek, indien een complete dwarslaesie ...
    reeds langer dan 48 uur bestaat.
    """
    case = full(mescc_suspected=True, complete_cord_lesion=True, neurological_deficit=True,
                complete_cord_lesion_hours=49)
    assert decided(case, "mri_urgency") == "not_urgent"
    assert decided({**case, "complete_cord_lesion_hours": 48}, "mri_urgency") == "within_12_hours"


def test_unknown_lesion_duration_leaves_urgency_provisional():
    """"Bij een complete dwarslaesie (ASIA A) die al meer dan 48 uur bestond bij eerste presentatie
    is MRI niet urgent": with suspected MESCC and a complete lesion of unknown duration, the 12-hour
    deadline is only provisional; the lesion's duration can overturn it, and the warning says so.
    """
    case = full(mescc_suspected=True, complete_cord_lesion=True, neurological_deficit=True)
    result = recommend(case)
    assert "mri_urgency" not in result.decisions
    (u,) = [u for u in result.undetermined if u.topic == "mri_urgency"]
    assert u.provisional == "within_12_hours"
    assert set(u.possible) == {"within_12_hours", "not_urgent"}
    assert u.missing == u.ask == ("complete_cord_lesion_hours",)
    (warning,) = [w for w in result.warnings if w.topic == "mri_urgency"]
    assert warning.value == "not_urgent"
    assert warning.unknown_fields == ("complete_cord_lesion_hours",)
    answered = recommend({**case, "complete_cord_lesion_hours": 72})
    assert answered.decisions["mri_urgency"] == "not_urgent"


def test_missing_findings_make_mri_undetermined():
    """A decision that cannot be made for lack of a finding is reported with the missing fields."""
    result = recommend({"back_pain": True, "night_pain": True})
    assert "mri" not in result.decisions
    (u,) = [u for u in result.undetermined if u.topic == "mri"]
    assert u.reason == "missing_findings"
    assert {"known_primary_malignancy", "adequate_imaging_available"} <= set(u.missing)


# --- Corticosteroids -------------------------------------------------------

def test_unknown_primary_withholds_steroids():
    """Te wachten met het geven van corticosteroïden tot na het biopt (onbekende origine):
    withhold_until_biopsy wins over dexamethasone.
    """
    result = recommend(full(UNKNOWN_ORIGIN, mescc_on_imaging=True))
    assert result.decisions["corticosteroids"] == "withhold_until_biopsy"
    assert "proton_pump_inhibitor" not in result.decisions
    # dexamethasone goes with the treatment, which waits for the histology (I-definitive-diagnosis);
    # it still loses to the withholding wherever it fires beside it (a pain flare)
    flare = recommend(full(UNKNOWN_ORIGIN, mescc_on_imaging=True, pain_flare_after_radiotherapy=True))
    assert flare.decisions["corticosteroids"] == "withhold_until_biopsy"
    (rec,) = [r for r in flare.recommendations if r.topic == "corticosteroids"]
    assert {o["value"] for o in rec.overrides} == {"for_pain_flare"}


def test_symptomatic_mescc_gets_dexamethasone_and_ppi_with_risk_factor():
    """Bolus van 10 mg dexamethason i.v., gevolgd door 1 dd 8-16 mg; protonpompremmer bij risicofactoren."""
    result = recommend(full(mescc_on_imaging=True, anticoagulant_use=True))
    assert result.decisions["corticosteroids"] == "dexamethasone_10mg_iv_then_8_16mg_daily"
    assert result.decisions["proton_pump_inhibitor"] == "add"
    advice = {r.value for r in result.recommendations if r.topic == "advice"}
    assert "taper_dexamethasone" in advice
    assert "proton_pump_inhibitor" not in recommend(full(mescc_on_imaging=True)).decisions


def test_asymptomatic_mescc_has_no_consensus():
    """De werkgroep heeft geen consensus bereikt ... asymptomatische MESMC ... die bestraald gaan worden."""
    assert decided(full(ASYMPTOMATIC_MESCC_TO_TREAT), "corticosteroids") == "no_consensus"


def test_dexamethasone_beats_pain_flare():
    """Named interpretation I-dexamethasone-over-pain-flare."""
    case = full(mescc_on_imaging=True, pain_flare_after_radiotherapy=True)
    assert decided(case, "corticosteroids") == "dexamethasone_10mg_iv_then_8_16mg_daily"
    assert decided(full(pain_flare_after_radiotherapy=True), "corticosteroids") == "for_pain_flare"


# --- Additional diagnostics ------------------------------------------------

def test_unknown_origin_workup():
    """Onbekende origine: spoed CT/PET-CT thorax, abdomen en bekken; biopt binnen 1 dag bij MESMC,
    binnen 1 week zonder.
    """
    without = recommend(full(UNKNOWN_ORIGIN))
    assert without.decisions["staging_ct"] == "urgent_ct_thorax_abdomen_pelvis"
    assert without.decisions["biopsy"] == "within_1_week"
    assert decided(full(UNKNOWN_ORIGIN, mescc_suspected=True), "biopsy") == "within_1_day"
    assert decided(full(UNKNOWN_ORIGIN, histology_obtained=True), "biopsy") is None


def test_possible_surgical_candidate_without_recent_ct_gets_staging_ct():
    """Een recente (PET)-CT-thorax/abdomen noodzakelijk ... Maak in dat geval ook direct een
    multi-slice volume scan.
    """
    result = recommend(full(UNSTABLE, recent_staging_ct=False))
    assert result.decisions["staging_ct"] == "ct_thorax_abdomen_with_volume_scan"
    assert "multislice_volume_scan" in {r.value for r in result.recommendations}
    assert decided(full(UNSTABLE), "staging_ct") is None


# --- Treatment -------------------------------------------------------------

def test_radiotherapy_is_first_choice():
    """Radiotherapie de behandeling van eerste keus ... mits ... adequate en zinvolle dosis."""
    assert decided(full(), "treatment") == "radiotherapy"
    assert decided(full(adequate_radiotherapy_possible=False), "treatment") is None


def test_surgery_preferred_when_indicated_and_eligible():
    """Chirurgie de behandeling van voorkeur ... bij instabiliteit van de wervelkolom."""
    result = recommend(full(UNSTABLE))
    assert result.decisions["treatment"] == "surgery"
    assert result.decisions["surgery_eligible"] == "yes"


def test_radiotherapy_when_surgery_indicated_but_not_eligible():
    """Surgery indicated, a condition fails (life expectancy < 3 months), radiotherapy possible."""
    result = recommend(full(UNSTABLE, life_expectancy_months=2))
    assert result.decisions["treatment"] == "radiotherapy"
    assert result.decisions["surgery_eligible"] == "no"


def test_deficit_from_mescc_with_both_options_goes_to_mdt():
    """Radiotherapie en chirurgie beiden goede opties ... spoedoverleg."""
    assert decided(full(MESCC_DEFICIT, UNSTABLE), "treatment") == "radiotherapy_or_surgery_mdt"


def test_systemic_therapy_first_choice_beats_local_treatment():
    """Chemotherapie en antihormonale therapie als eerste keuze ... multipel myeloom."""
    case = full(MESCC_DEFICIT, UNSTABLE, tumour_type="multiple_myeloma", systemic_therapy_sensitive=True)
    result = recommend(case)
    assert result.decisions["treatment"] == "systemic_therapy"
    (rec,) = [r for r in result.recommendations if r.topic == "treatment"]
    assert "radiotherapy_or_surgery_mdt" in {o["value"] for o in rec.overrides}


def test_combined_procedure_needs_more_than_six_months():
    """Bij een gecombineerde ingreep wordt een levensverwachting van meer dan zes maanden aangehouden."""
    assert decided(full(UNSTABLE, combined_procedure=True, life_expectancy_months=6),
                   "surgery_eligible") == "no"
    assert decided(full(UNSTABLE, combined_procedure=True, life_expectancy_months=6.5),
                   "surgery_eligible") == "yes"


def test_chemosensitive_tumour_excludes_surgery_only_with_stable_spine():
    """Er is, bij een stabiele wervelkolom, geen sprake van een chemotherapiegevoelige tumor."""
    assert decided(full(MESCC_DEFICIT, tumour_type="germ_cell"), "surgery_eligible") == "no"
    assert decided(full(UNSTABLE, tumour_type="germ_cell"), "surgery_eligible") == "yes"


def test_asymptomatic_mescc_treated_like_symptomatic():
    """Laagdrempelig dezelfde behandeling ... levensverwachting meer dan drie maanden."""
    assert decided(full(ASYMPTOMATIC_MESCC_TO_TREAT), "treatment") == "radiotherapy"
    assert decided(full(ASYMPTOMATIC_MESCC_TO_TREAT, responsive_systemic_therapy_ongoing=True),
                   "treatment") is None


# --- Radiotherapy schedule -------------------------------------------------

@pytest.mark.parametrize(("changes", "expected"), [
    ({}, "8gy_single_fraction"),
    ({"bone_metastases_count": 3}, "30_39gy_in_10_13_fractions_or_sbrt"),
    ({**MESCC_DEFICIT, "life_expectancy_months": 12}, "30gy_in_10_fractions"),
    # deficit schedules over pain schedules, even over the oligometastatic one
    ({**MESCC_DEFICIT, "bone_metastases_count": 2}, "8gy_single_fraction"),
    ({"prior_radiotherapy_same_level": True, "recurrence_after_radiotherapy": True,
      "bone_metastases_count": 2}, "reirradiation"),
    # post-operative schedules over primary ones
    ({**OPERATED, "bone_metastases_count": 4}, "20gy_in_5_fractions"),
    ({**OPERATED, "bone_metastases_count": 2}, "30_39gy_in_10_13_fractions"),
])
def test_radiotherapy_schedule_priorities(changes, expected):
    """The contract's schedule resolutions: post-operative over primary, re-irradiation over a
    first schedule, deficit over pain, oligometastatic over 8 Gy.
    """
    assert decided(full(**changes), "radiotherapy_schedule") == expected


# --- Timing ----------------------------------------------------------------

@pytest.mark.parametrize(("changes", "expected"), [
    (MESCC_DEFICIT, "within_24_hours"),
    ({**MESCC_DEFICIT, "deficit_onset_days": 10, "ambulatory": True}, "within_72_hours"),
    ({"mescc_on_imaging": True}, "within_7_days"),
    ({}, "within_14_days"),
])
def test_maximum_time_to_start_of_therapy(changes, expected):
    """Binnen 24 uur / 72 uur / 7 dagen / 14 dagen na de definitieve diagnose."""
    assert decided(full(**changes), "start_treatment") == expected


def test_postoperative_interval():
    """Minimaal tijdsinterval van 3-4 weken; eerder bij onvoldoende herstel of achteruitgang."""
    assert decided(full(OPERATED, postoperative_neurology="recovering"),
                   "postoperative_radiotherapy") == "after_3_to_4_weeks"
    assert decided(full(OPERATED, postoperative_neurology="deteriorating"),
                   "postoperative_radiotherapy") == "earlier"


# --- Safety and why-not ----------------------------------------------------

@pytest.mark.parametrize("months", [0, 1, 2.5, 2.99])
def test_never_surgery_with_life_expectancy_under_three_months(months):
    """Er is een levensverwachting van minstens drie maanden."""
    for case in (full(UNSTABLE), full(MESCC_DEFICIT, UNSTABLE)):
        d = recommend({**case, "life_expectancy_months": months}).decisions
        assert d.get("treatment") not in ("surgery", "radiotherapy_or_surgery_mdt")


def test_why_not_names_failed_conditions_and_smallest_change():
    """Why not surgery for a stable spine? The instability condition failed; the smallest
    change is to the instability finding.
    """
    result = recommend(full())
    report = result.why_not("treatment", "surgery")
    assert not report.concluded
    assert {r.rule for r in report.rules} == {"surgery_preferred", "surgery_on_deterioration_under_radiotherapy"}
    (rule,) = [r for r in report.rules if r.rule == "surgery_preferred"]
    assert rule.holds is False
    assert "spinal_instability = true" in rule.failed
    assert report.smallest_change is not None
    (change,) = report.smallest_change
    assert (change["field"], change["value"], change["current"]) in {
        ("spinal_instability", True, False),
        ("deterioration_under_radiotherapy_and_corticosteroids", True, False)}


def test_why_not_names_the_values_a_change_needs():
    """"er is een levensverwachting van minstens drie maanden": why not surgery for an unstable
    spine at 2 months? The smallest change sets the life expectancy to (at least) 3 months;
    a yes/no finding is named true or false, never by position.
    """
    report = recommend(full(UNSTABLE, life_expectancy_months=2)).why_not("treatment", "surgery")
    change = {c["field"]: c["value"] for c in report.smallest_change or ()}
    assert change["life_expectancy_months"] == 3
    assert all(c["rule"] == "surgery_preferred" for c in report.smallest_change or ())
    answered = recommend(full(UNSTABLE, **change))
    assert answered.decisions["treatment"] == "surgery"


def test_why_not_reports_the_rule_that_won():
    """8 Gy was beaten by the oligometastatic schedule: why-not names the winning rule."""
    result = recommend(full(bone_metastases_count=2))
    report = result.why_not("radiotherapy_schedule", "8gy_single_fraction")
    beaten = {b["rule"] for r in report.rules for b in r.beaten_by}
    assert "radiotherapy_pain_oligometastases" in beaten


def test_explain_returns_the_winning_proof():
    expl = recommend(full()).explain("treatment")
    assert expl.status == "decided"
    (rec,) = expl.recommendations
    assert rec.rule == "radiotherapy_first_choice"
    assert rec.proof["holds"] is True
    assert rec.proof["quote"].startswith("De werkgroep is van mening dat radiotherapie")


@pytest.mark.parametrize("changes", [
    {}, {"radicular_pain": "unilateral"}, {"mescc_suspected": True},
    {**UNILATERAL_DEFICIT, "deficit_onset_days": 2},
])
def test_no_mri_deadline_when_existing_imaging_suffices(changes):
    """tenzij er al beeldvorming aanwezig is waarop de wervelmetastasen adequaat zijn afgebeeld."""
    assert decided(full(adequate_imaging_available=True, **changes), "mri_urgency") is None


def test_systemic_therapy_first_choice_only_for_deficit_from_mescc():
    """bij de behandeling van neurologische uitval door MESMC ... geen mogelijkheden (meer)
    voor radiotherapie en chirurgie: without a deficit from MESCC it is not first choice.
    """
    case = full(systemic_therapy_sensitive=True, adequate_radiotherapy_possible=False, whole_spine_mri=False)
    assert decided(case, "treatment") != "systemic_therapy"
    assert decided({**case, **MESCC_DEFICIT}, "treatment") == "systemic_therapy"


def test_no_radiotherapy_schedule_without_radiotherapy():
    """The schedules specify radiotherapy: with systemic therapy as first choice there is none."""
    case = full(MESCC_DEFICIT, tumour_type="multiple_myeloma", systemic_therapy_sensitive=True)
    assert decided(case, "treatment") == "systemic_therapy"
    assert decided(case, "radiotherapy_schedule") is None


@pytest.mark.parametrize(("count", "expected"), [
    (1, "30_39gy_in_10_13_fractions_or_sbrt"), (3, "30_39gy_in_10_13_fractions_or_sbrt"),
    (4, "8gy_single_fraction")])
def test_oligometastases_are_one_to_three(count, expected):
    """solitaire of oligometastasen (1-3 botmetastasen)."""
    assert decided(full(bone_metastases_count=count), "radiotherapy_schedule") == expected


def test_volume_scan_only_for_a_possible_surgical_candidate():
    """Maak in dat geval ook direct een multi-slice volume scan: "in dat geval" is a possible
    surgical candidate without a recent staging CT; a patient for whom surgery is not
    considered gets no volume scan.
    """
    advice = {r.value for r in recommend(full(recent_staging_ct=False)).recommendations}
    assert "multislice_volume_scan" not in advice


def test_vital_indication_makes_systemic_therapy_first_choice():
    """Als eerste keuze ... als er anderszins een vitale indicatie is voor chemotherapie en deze
    niet kan worden uitgesteld: a breast cancer (not in the "vooral bij" list) with such an
    indication.
    """
    case = full(MESCC_DEFICIT, systemic_therapy_sensitive=True, vital_indication_systemic_therapy=True)
    assert decided(case, "treatment") == "systemic_therapy"


def test_surgical_conditions_are_assessed_only_where_surgery_is_considered():
    """De voorwaarden voor een chirurgische ingreep: without an indication for surgery or a
    deficit from MESCC, no verdict on eligibility, even when a condition fails.
    """
    assert decided(full(whole_spine_mri=False), "surgery_eligible") is None


def test_no_time_to_therapy_before_the_diagnosis_on_imaging():
    """Na het stellen van de definitieve diagnose wervelmetastasen: a slowly progressive
    deficit with clinically suspected MESCC but no metastases on imaging gets no deadline yet.
    """
    case = full(MESCC_DEFICIT, mescc_on_imaging=False, metastases_on_imaging=False,
                deficit_onset_days=10, ambulatory=True)
    assert decided(case, "start_treatment") is None
    assert decided({**case, "metastases_on_imaging": True}, "start_treatment") == "within_72_hours"
