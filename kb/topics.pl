:- encoding(utf8).
/** <module> Decision topics, their values and hit policies

The decision topics of the case contract (docs/contract.md, section 2) and
the further advice topic. Each topic declares its hit policy:

  - `unique`: at most one value may be concluded; rules of different values
    must never fire together (the consistency check proves it).
  - `priority`: rules may overlap; every overlap between different values is
    resolved by a named priority/5 rule in the chapter modules.
  - `collect`: every concluded value is kept (further advice).
*/
:- module(topics,
          [ topic/3,                 % ?Topic, ?Policy, ?Values
            topic_label/3,           % ?Topic, ?Lang, ?Label
            step/4,                  % ?Step, ?Reached, ?NL, ?EN
            topic_step/2             % ?Topic, ?Step
          ]).

%! topic(?Topic:atom, ?Policy:atom, ?Values:list) is nondet.
%
%  Topic is decided with hit policy Policy among Values.
topic(mri, unique, [indicated, existing_imaging_suffices]).
topic(mri_urgency, priority,
      [within_12_hours, within_24_hours, within_48_hours, within_1_week,
       within_2_weeks, not_urgent]).
topic(corticosteroids, priority,
      [withhold_until_biopsy, dexamethasone_10mg_iv_then_8_16mg_daily,
       for_pain_flare, no_consensus]).
topic(proton_pump_inhibitor, unique, [add]).
topic(staging_ct, priority,
      [ct_thorax_abdomen_with_volume_scan, urgent_ct_thorax_abdomen_pelvis]).
topic(biopsy, unique, [within_1_day, within_1_week]).
topic(treatment, priority,
      [radiotherapy, surgery, systemic_therapy, radiotherapy_or_surgery_mdt]).
topic(surgery_eligible, unique, [yes, no]).
topic(radiotherapy_schedule, priority,
      ['8gy_single_fraction', '30_39gy_in_10_13_fractions_or_sbrt',
       '30gy_in_10_fractions', '20gy_in_5_fractions',
       '30_39gy_in_10_13_fractions', reirradiation]).
topic(start_treatment, unique,
      [within_24_hours, within_72_hours, within_7_days, within_14_days]).
topic(postoperative_radiotherapy, priority, [after_3_to_4_weeks, earlier]).
topic(advice, collect,
      [ instruct_patient_to_report_changes,
        mri_protocol_whole_spine,
        multislice_volume_scan,
        taper_dexamethasone,
        taper_corticosteroids,
        consider_decompressive_surgery,
        systemic_therapy_for_pain,
        no_routine_en_bloc_resection,
        spine_surgery_in_high_volume_institution,
        institution_meets_soncos_or_hovon,
        follow_up_imaging_only_on_complaints,
        mobilise_guided_by_pain,
        give_patient_information_leaflet,
        general_practitioner_informed
      ]).

%! topic_label(?Topic, ?Lang, ?Label:string) is nondet.
%
%  Label names Topic in Lang (nl or en).
topic_label(mri, nl, "MRI").
topic_label(mri, en, "MRI").
topic_label(mri_urgency, nl, "Urgentie MRI").
topic_label(mri_urgency, en, "MRI urgency").
topic_label(corticosteroids, nl, "Corticosteroïden").
topic_label(corticosteroids, en, "Corticosteroids").
topic_label(proton_pump_inhibitor, nl, "Protonpompremmer").
topic_label(proton_pump_inhibitor, en, "Proton pump inhibitor").
topic_label(staging_ct, nl, "(PET-)CT stadiëring").
topic_label(staging_ct, en, "Staging (PET-)CT").
topic_label(biopsy, nl, "Biopt").
topic_label(biopsy, en, "Biopsy").
topic_label(treatment, nl, "Behandeling").
topic_label(treatment, en, "Treatment").
topic_label(surgery_eligible, nl, "Voorwaarden chirurgie vervuld").
topic_label(surgery_eligible, en, "Surgical conditions met").
topic_label(radiotherapy_schedule, nl, "Radiotherapieschema").
topic_label(radiotherapy_schedule, en, "Radiotherapy schedule").
topic_label(start_treatment, nl, "Maximale tijd tot start therapie").
topic_label(start_treatment, en, "Maximum time to start of therapy").
topic_label(postoperative_radiotherapy, nl, "Postoperatieve radiotherapie").
topic_label(postoperative_radiotherapy, en, "Postoperative radiotherapy").
topic_label(advice, nl, "Overige adviezen").
topic_label(advice, en, "Further advice").

%! step(?Step, ?Reached, ?NL:string, ?EN:string) is nondet.
%
%  A step of the pathway the beslisboom draws (suspicion, MRI, diagnosis,
%  treatment choice, start of therapy, operation, post-operative
%  radiotherapy): the case has taken Step when the finding condition
%  Reached holds. NL and EN name the step.
step(imaging_shows_metastases, metastases_on_imaging = true,
     "beeldvorming toont wervelmetastasen", "imaging shows spinal metastases").
step(definitive_diagnosis,
     all([metastases_on_imaging = true,
          any([known_primary_malignancy = true, histology_obtained = true])]),
     "de definitieve diagnose is gesteld (bij onbekende origine: weefsel voor histologie verkregen)",
     "the definitive diagnosis has been made (unknown primary: tissue for histology obtained)").
step(operation, operated = true,
     "de patiënt is geopereerd", "the patient has had the operation").

%! topic_step(?Topic, ?Step) is nondet.
%
%  Topic is decided on the pathway after Step: the treatment choice and
%  what follows from it after imaging has shown the metastases ("Indicatie
%  behandeling wervelmetastasen" follows "Diagnostiek"); the post-operative
%  interval after the operation. With an unknown primary the definitive
%  diagnosis needs the tissue ("nog voordat de behandeling start weefsel
%  voor histologisch ... onderzoek te verkrijgen"; the time to therapy runs
%  "na het stellen van de definitieve diagnose"): the treatment choice, its
%  schedule and its start wait for it (I-definitive-diagnosis). A topic's
%  steps are listed in pathway order; while a case has not (yet) taken one,
%  an open topic waits for the first such step and asks for its findings
%  first. A topic that presupposes a step not yet done is never decided
%  (kb/requirements.pl proves it), and one that a step already done
%  closes (the treatment choice after the operation) is not given again.
topic_step(treatment, imaging_shows_metastases).
topic_step(treatment, definitive_diagnosis).
topic_step(surgery_eligible, imaging_shows_metastases).
topic_step(radiotherapy_schedule, imaging_shows_metastases).
topic_step(radiotherapy_schedule, definitive_diagnosis).
topic_step(start_treatment, imaging_shows_metastases).
topic_step(start_treatment, definitive_diagnosis).
topic_step(postoperative_radiotherapy, operation).
