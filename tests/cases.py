"""Cases built from the guideline's sentences, for the rule and decision tests.

``FULL`` is a complete case (every finding known): a patient with a known
breast cancer, night-time back pain and spinal metastases on imaging, no
MESCC, no neurological deficit, a stable spine. Each scenario changes only
what its guideline sentence is about, so a clinician can check the expected
outcome against the quoted sentence.
"""

from __future__ import annotations

from typing import Any

Case = dict[str, Any]

FULL: Case = dict(
    known_primary_malignancy=True, tumour_type="breast",
    haematological_malignancy_suspected=False, systemic_therapy_sensitive=False,
    vital_indication_systemic_therapy=False, responsive_systemic_therapy_ongoing=False,
    life_expectancy_months=6, general_condition="good", fit_for_surgery=True,
    back_pain=True, night_pain=True, progressive_pain=False, new_local_pain=False,
    spinal_tenderness=False, severe_pain_all_positions=False, interscapular_pain=False,
    radicular_pain="none", radicular_deficit="none", neurological_deficit=False,
    deficit_progressive=False, ambulatory=True, mescc_suspected=False, lhermitte_sign=False,
    complete_cord_lesion=False, improving_on_corticosteroids=False,
    adequate_imaging_available=False, metastases_on_imaging=True, mescc_on_imaging=False,
    histology_obtained=True, recent_staging_ct=True, urgent_ct_thorax_abdomen_pelvis_made=False,
    whole_spine_mri=True,
    contiguous_affected_vertebrae=1, extensive_epidural_extension_elsewhere=False,
    spinal_instability=False, bone_metastases_count=5, prior_radiotherapy_same_level=False,
    recurrence_after_radiotherapy=False, adequate_radiotherapy_possible=True,
    deterioration_under_radiotherapy_and_corticosteroids=False, combined_procedure=False,
    expert_surgery_within_24h=True, deficit_expected_soon=False,
    pain_flare_after_radiotherapy=False, peptic_ulcer_history=False, nsaid_use=False,
    anticoagulant_use=False, operated=False,
)

NO_BACK_PAIN: Case = dict(back_pain=False, night_pain=False)
MESCC_DEFICIT: Case = dict(
    neurological_deficit=True, mescc_on_imaging=True, mescc_suspected=True,
    radicular_deficit="bilateral", deficit_progressive=True, deficit_onset_days=3, ambulatory=False,
)
UNKNOWN_ORIGIN: Case = dict(known_primary_malignancy=False, tumour_type=None, histology_obtained=False)
UNSTABLE: Case = dict(spinal_instability=True)
OPERATED: Case = dict(operated=True)
ASYMPTOMATIC_MESCC: Case = dict(NO_BACK_PAIN, mescc_on_imaging=True)
ASYMPTOMATIC_MESCC_TO_TREAT: Case = dict(ASYMPTOMATIC_MESCC, deficit_expected_soon=True)
UNILATERAL_DEFICIT: Case = dict(
    radicular_deficit="unilateral", neurological_deficit=True, deficit_progressive=True)
COMPLETE_LESION: Case = dict(complete_cord_lesion=True, neurological_deficit=True)


def full(*parts: Case, **changes: Any) -> Case:
    """FULL with the scenario ``parts`` and ``changes`` applied, in order."""
    case = dict(FULL)
    for part in (*parts, changes):
        case.update(part)
    return case


# rule id -> (a case where the rule fires, a case where it must not fire)
RULE_CASES: dict[str, tuple[Case, Case]] = {
    # Diagnostiek bij klinische verdenking wervelmetastasen
    "alarm_symptoms_with_back_pain": (full(), full(night_pain=False)),
    "suspicion_from_alarm_symptoms": (full(), full(NO_BACK_PAIN)),
    "suspicion_from_severe_or_interscapular_pain": (full(interscapular_pain=True), full()),
    "suspicion_from_neurological_signs": (full(radicular_pain="unilateral"), full()),
    "neurological_signs": (full(lhermitte_sign=True), full()),
    "pain_symptoms": (full(), full(NO_BACK_PAIN)),
    "mescc_clinical_or_radiological": (full(mescc_on_imaging=True), full()),
    "deficit_from_mescc": (full(MESCC_DEFICIT), full(mescc_on_imaging=True)),
    # no MRI to be made without the MRI indication (unknown primary)
    "mri_needed_for_suspicion": (full(), full(UNKNOWN_ORIGIN)),
    "mri_indicated_known_primary": (full(), full(adequate_imaging_available=True)),
    "mri_existing_imaging_suffices": (full(adequate_imaging_available=True), full()),
    # "alleen lokale rugpijn": not with a (non-progressive) radicular deficit
    "mri_within_2_weeks_local_back_pain": (
        full(), full(radicular_deficit="unilateral", neurological_deficit=True)),
    "mri_within_1_week_unilateral_radicular_pain": (full(radicular_pain="unilateral"), full()),
    "mri_within_48_hours_slow_unilateral_deficit": (
        full(UNILATERAL_DEFICIT, deficit_onset_days=10), full(UNILATERAL_DEFICIT, deficit_onset_days=7)),
    "mri_within_24_hours_fast_unilateral_deficit": (
        full(UNILATERAL_DEFICIT, deficit_onset_days=7), full(UNILATERAL_DEFICIT, deficit_onset_days=10)),
    "mri_within_12_hours_mescc_or_bilateral": (full(mescc_suspected=True), full()),
    "mri_not_urgent_complete_lesion_over_48_hours": (
        full(COMPLETE_LESION, complete_cord_lesion_hours=72),
        full(COMPLETE_LESION, complete_cord_lesion_hours=48)),
    "mri_protocol": (full(), full(adequate_imaging_available=True)),
    "instruct_patient": (full(), full(NO_BACK_PAIN)),
    # Indicatie corticosteroïden
    "symptomatic_mescc_with_pain_or_deficit": (full(mescc_on_imaging=True), full(ASYMPTOMATIC_MESCC)),
    "root_compression_radicular_symptoms": (full(radicular_pain="unilateral"), full()),
    "asymptomatic_mescc_incidental": (full(ASYMPTOMATIC_MESCC), full(mescc_on_imaging=True)),
    # "tot na het biopt": withholding ends once tissue has been obtained
    "withhold_steroids_unknown_origin": (full(UNKNOWN_ORIGIN), full(UNKNOWN_ORIGIN, histology_obtained=True)),
    "withhold_steroids_haematological_suspicion": (
        full(UNKNOWN_ORIGIN, haematological_malignancy_suspected=True),
        full(UNKNOWN_ORIGIN, haematological_malignancy_suspected=True, histology_obtained=True)),
    "dexamethasone_symptomatic_mescc_or_root_compression": (full(mescc_on_imaging=True), full()),
    "steroids_for_pain_flare": (full(pain_flare_after_radiotherapy=True), full()),
    "steroids_no_consensus_asymptomatic_mescc": (
        full(ASYMPTOMATIC_MESCC_TO_TREAT), full(ASYMPTOMATIC_MESCC)),
    "proton_pump_inhibitor_with_risk_factors": (
        full(mescc_on_imaging=True, nsaid_use=True), full(mescc_on_imaging=True)),
    "taper_dexamethasone": (full(mescc_on_imaging=True), full()),
    # Aanvullende diagnostiek na beeldvorming
    "unknown_origin_suspicion": (full(UNKNOWN_ORIGIN), full()),
    "staging_ct_for_possible_surgery": (
        full(UNSTABLE, recent_staging_ct=False), full(UNSTABLE)),
    "volume_scan_for_possible_surgery": (full(UNSTABLE, recent_staging_ct=False), full(UNSTABLE)),
    # the urgent CT is not ordered again once made
    "urgent_ct_unknown_origin": (
        full(UNKNOWN_ORIGIN), full(UNKNOWN_ORIGIN, urgent_ct_thorax_abdomen_pelvis_made=True)),
    # the pathway: the definitive diagnosis, and the treatment choice before the operation
    "definitive_diagnosis_with_known_primary": (full(), full(UNKNOWN_ORIGIN)),
    "definitive_diagnosis_after_tissue": (
        full(UNKNOWN_ORIGIN, histology_obtained=True), full(UNKNOWN_ORIGIN)),
    "treatment_choice_before_operation": (full(), full(OPERATED)),
    "biopsy_within_1_week_without_mescc": (
        full(UNKNOWN_ORIGIN), full(UNKNOWN_ORIGIN, mescc_on_imaging=True)),
    "biopsy_within_1_day_with_mescc": (full(UNKNOWN_ORIGIN, mescc_on_imaging=True), full(UNKNOWN_ORIGIN)),
    # a stable spine: the tumour type cannot be known before the histology
    "consider_decompressive_surgery": (
        full(UNKNOWN_ORIGIN, MESCC_DEFICIT),
        full(UNKNOWN_ORIGIN, MESCC_DEFICIT, improving_on_corticosteroids=True)),
    # Indicatie behandeling
    "symptomatic_metastases_pain_or_deficit": (full(), full(metastases_on_imaging=False)),
    "treat_symptomatic_metastases": (full(), full(metastases_on_imaging=False)),
    "treat_asymptomatic_mescc_as_symptomatic": (
        full(ASYMPTOMATIC_MESCC_TO_TREAT, life_expectancy_months=4),
        full(ASYMPTOMATIC_MESCC_TO_TREAT, life_expectancy_months=3)),
    "surgery_indicated_instability": (full(UNSTABLE), full()),
    "surgery_indicated_recurrence_without_adequate_radiotherapy": (
        full(prior_radiotherapy_same_level=True, recurrence_after_radiotherapy=True,
             adequate_radiotherapy_possible=False),
        full(prior_radiotherapy_same_level=True, recurrence_after_radiotherapy=True)),
    "surgery_indicated_deterioration_under_radiotherapy": (
        full(MESCC_DEFICIT, deterioration_under_radiotherapy_and_corticosteroids=True),
        full(MESCC_DEFICIT)),
    "surgical_conditions": (full(), full(MESCC_DEFICIT, tumour_type="germ_cell")),
    "surgical_conditions_other_than_tumour_type": (full(), full(whole_spine_mri=False)),
    "life_expectancy_at_least_3_months": (full(life_expectancy_months=3), full(life_expectancy_months=2.9)),
    "life_expectancy_over_6_months_combined": (
        full(combined_procedure=True, life_expectancy_months=7),
        full(combined_procedure=True, life_expectancy_months=6)),
    "chemosensitive_tumour_types": (full(tumour_type="germ_cell"), full()),
    "chemosensitive_tumour_condition": (full(), full(tumour_type="multiple_myeloma")),
    "cord_lesion_condition": (
        full(COMPLETE_LESION, complete_cord_lesion_hours=23),
        full(COMPLETE_LESION, complete_cord_lesion_hours=24)),
    "contiguous_involvement_condition": (
        full(contiguous_affected_vertebrae=3), full(contiguous_affected_vertebrae=4)),
    "expert_surgery_condition": (full(MESCC_DEFICIT), full(MESCC_DEFICIT, expert_surgery_within_24h=False)),
    "surgery_considered_when_indicated": (full(UNSTABLE), full()),
    "surgery_considered_for_deficit_from_mescc": (full(MESCC_DEFICIT), full()),
    "potential_surgical_candidate_fit": (full(UNSTABLE), full(UNSTABLE, fit_for_surgery=False)),
    "surgery_eligible_conditions_met": (full(UNSTABLE), full(UNSTABLE, whole_spine_mri=False)),
    "surgery_not_eligible_condition_failed": (full(UNSTABLE, whole_spine_mri=False), full(UNSTABLE)),
    "radiotherapy_first_choice": (full(), full(adequate_radiotherapy_possible=False)),
    "surgery_preferred": (full(UNSTABLE), full(UNSTABLE, life_expectancy_months=2)),
    "surgery_on_deterioration_under_radiotherapy": (
        full(MESCC_DEFICIT, deterioration_under_radiotherapy_and_corticosteroids=True),
        full(MESCC_DEFICIT, deterioration_under_radiotherapy_and_corticosteroids=True, fit_for_surgery=False)),
    "radiotherapy_or_surgery_by_mdt": (
        full(MESCC_DEFICIT, UNSTABLE), full(MESCC_DEFICIT, UNSTABLE, adequate_radiotherapy_possible=False)),
    "systemic_therapy_rapid_effect_expected": (
        full(MESCC_DEFICIT, tumour_type="multiple_myeloma", systemic_therapy_sensitive=True),
        full(MESCC_DEFICIT, tumour_type="multiple_myeloma")),
    # the "< 3md" branch offers radiotherapy, not chemotherapy
    "systemic_therapy_vital_indication": (
        full(MESCC_DEFICIT, systemic_therapy_sensitive=True, vital_indication_systemic_therapy=True),
        full(MESCC_DEFICIT, systemic_therapy_sensitive=True, vital_indication_systemic_therapy=True,
             life_expectancy_months=2)),
    "systemic_therapy_no_local_options": (
        full(MESCC_DEFICIT, systemic_therapy_sensitive=True, adequate_radiotherapy_possible=False,
             whole_spine_mri=False),
        full(MESCC_DEFICIT, systemic_therapy_sensitive=True, adequate_radiotherapy_possible=False)),
    "systemic_therapy_for_pain": (
        full(systemic_therapy_sensitive=True), full(systemic_therapy_sensitive=True, life_expectancy_months=2)),
    "no_routine_en_bloc_resection": (full(UNSTABLE), full()),
    "local_treatment_decided": (full(), full(adequate_radiotherapy_possible=False)),
    # Specificeer radiotherapie
    "radiotherapy_decided": (full(), full(UNSTABLE)),
    "oligometastases_1_to_3": (full(bone_metastases_count=1), full(bone_metastases_count=4)),
    "radiotherapy_pain_8gy": (full(), full(adequate_radiotherapy_possible=False)),
    "radiotherapy_pain_oligometastases": (full(bone_metastases_count=2), full()),
    "radiotherapy_deficit_moderate_condition_or_short_life": (
        full(MESCC_DEFICIT), full(MESCC_DEFICIT, life_expectancy_months=12)),
    "radiotherapy_deficit_good_condition_long_life": (
        full(MESCC_DEFICIT, life_expectancy_months=12),
        full(MESCC_DEFICIT, life_expectancy_months=12, general_condition="moderate")),
    "radiotherapy_reirradiation": (
        full(prior_radiotherapy_same_level=True, recurrence_after_radiotherapy=True),
        full(prior_radiotherapy_same_level=True, insufficient_response_to_first_radiotherapy=False)),
    # Issue 28: the course at this level, after the operation
    "first_course_not_irradiated_before": (full(), full(prior_radiotherapy_same_level=True)),
    "second_course_recurrence_or_insufficient_response": (
        full(prior_radiotherapy_same_level=True, insufficient_response_to_first_radiotherapy=True),
        full(prior_radiotherapy_same_level=True, insufficient_response_to_first_radiotherapy=False)),
    "radiotherapy_course_first_or_second": (
        full(), full(MESCC_DEFICIT, deterioration_under_radiotherapy_and_corticosteroids=True)),
    "postoperative_radiotherapy_adequate_dose": (
        full(OPERATED), full(OPERATED, adequate_radiotherapy_possible=False)),
    "operated_with_dexamethasone_indication": (full(MESCC_DEFICIT, OPERATED), full(OPERATED)),
    "taper_dexamethasone_after_operation": (full(MESCC_DEFICIT, OPERATED), full(OPERATED)),
    "postoperative_radiotherapy_short_life": (full(OPERATED), full(OPERATED, life_expectancy_months=13)),
    "postoperative_radiotherapy_long_life_or_oligometastases": (
        full(OPERATED, life_expectancy_months=13), full(OPERATED)),
    # Timing
    "treatment_chosen_any": (full(), full(adequate_radiotherapy_possible=False)),
    "start_within_24_hours_rapid_deficit": (full(MESCC_DEFICIT), full(MESCC_DEFICIT, deficit_onset_days=7)),
    "start_within_72_hours_slow_deficit_ambulatory": (
        full(MESCC_DEFICIT, deficit_onset_days=10, ambulatory=True),
        full(MESCC_DEFICIT, deficit_onset_days=10)),
    "start_within_7_days_radiological_mescc_with_pain": (full(mescc_on_imaging=True), full()),
    "start_within_14_days_pain_or_radicular_syndrome": (full(), full(mescc_on_imaging=True)),
    "postoperative_radiotherapy_after_3_to_4_weeks": (full(OPERATED), full()),
    "postoperative_radiotherapy_earlier": (
        full(OPERATED, postoperative_neurology="insufficient_recovery"),
        full(OPERATED, postoperative_neurology="recovering")),
    "spine_surgery_in_high_volume_institution": (full(UNSTABLE), full()),
    "institution_meets_soncos_or_hovon": (full(), full(metastases_on_imaging=False)),
    # Follow-up
    "follow_up_after_treatment": (full(), full(adequate_radiotherapy_possible=False)),
    "follow_up_imaging_only_on_complaints": (full(), full(adequate_radiotherapy_possible=False)),
    "mobilise_guided_by_pain": (full(), full(adequate_radiotherapy_possible=False)),
    "taper_corticosteroids_after_treatment": (full(pain_flare_after_radiotherapy=True), full()),
    "give_patient_information_leaflet": (full(), full(metastases_on_imaging=False)),
    "general_practitioner_informed": (full(), full(NO_BACK_PAIN, metastases_on_imaging=False)),
}
