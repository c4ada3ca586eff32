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
            topic_value_label/4,     % ?Topic, ?Value, ?Lang, ?Label
            value_urgency/3,         % ?Topic, ?Value, ?Urgency
            step/4,                  % ?Step, ?Reached, ?NL, ?EN
            topic_step/2,            % ?Topic, ?Step
            step_ends/3              % ?Step, ?Topic, ?Values
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

%! topic_value_label(?Topic, ?Value, ?Lang, ?Label:string) is nondet.
%
%  Label names the decision Topic = Value in Lang (nl or en), in the
%  guideline's own words where it has them. Every value of every topic has
%  a label in both languages (tests/test_labels.py).
topic_value_label(mri, indicated, nl, "MRI-scan maken").
topic_value_label(mri, indicated, en, "make an MRI scan").
topic_value_label(mri, existing_imaging_suffices, nl, "er is al beeldvorming waarop de wervelmetastasen adequaat zijn afgebeeld").
topic_value_label(mri, existing_imaging_suffices, en, "existing imaging already shows the spinal metastases adequately").
topic_value_label(mri_urgency, within_12_hours, nl, "zo spoedig mogelijk, maar in elk geval binnen 12 uur").
topic_value_label(mri_urgency, within_12_hours, en, "as soon as possible, within 12 hours at the latest").
topic_value_label(mri_urgency, within_24_hours, nl, "binnen 24 uur").
topic_value_label(mri_urgency, within_24_hours, en, "within 24 hours").
topic_value_label(mri_urgency, within_48_hours, nl, "binnen 48 uur").
topic_value_label(mri_urgency, within_48_hours, en, "within 48 hours").
topic_value_label(mri_urgency, within_1_week, nl, "binnen 1 week").
topic_value_label(mri_urgency, within_1_week, en, "within 1 week").
topic_value_label(mri_urgency, within_2_weeks, nl, "binnen 2 weken").
topic_value_label(mri_urgency, within_2_weeks, en, "within 2 weeks").
topic_value_label(mri_urgency, not_urgent, nl, "geen reden meer voor spoeddiagnostiek").
topic_value_label(mri_urgency, not_urgent, en, "no longer a reason for urgent diagnostics").
topic_value_label(corticosteroids, withhold_until_biopsy, nl, "wachten met het geven van corticosteroïden tot na het biopt").
topic_value_label(corticosteroids, withhold_until_biopsy, en, "withhold corticosteroids until after the biopsy").
topic_value_label(corticosteroids, dexamethasone_10mg_iv_then_8_16mg_daily, nl, "bolus van 10 mg dexamethason i.v., gevolgd door 1 dd 8-16 mg dexamethason p.o.").
topic_value_label(corticosteroids, dexamethasone_10mg_iv_then_8_16mg_daily, en, "bolus of 10 mg dexamethasone i.v., then 8-16 mg dexamethasone orally once a day").
topic_value_label(corticosteroids, for_pain_flare, nl, "corticosteroïden (dexamethason of methylprednisolon) ter bestrijding van de pijn").
topic_value_label(corticosteroids, for_pain_flare, en, "corticosteroids (dexamethasone or methylprednisolone) against the pain").
topic_value_label(corticosteroids, no_consensus, nl, "geen consensus over het wel of niet geven van dexamethason").
topic_value_label(corticosteroids, no_consensus, en, "no consensus on whether to give dexamethasone").
topic_value_label(proton_pump_inhibitor, add, nl, "protonpompremmer bijgeven").
topic_value_label(proton_pump_inhibitor, add, en, "add a proton pump inhibitor").
topic_value_label(staging_ct, ct_thorax_abdomen_with_volume_scan, nl, "(PET)-CT-thorax/abdomen, met een multi-slice volume scan door de aangedane wervel(s) +/- 2").
topic_value_label(staging_ct, ct_thorax_abdomen_with_volume_scan, en, "(PET-)CT of thorax/abdomen, with a multislice volume scan of the affected vertebra(e) +/- 2").
topic_value_label(staging_ct, urgent_ct_thorax_abdomen_pelvis, nl, "met spoed een CT- of PET-CT van thorax, abdomen en bekken").
topic_value_label(staging_ct, urgent_ct_thorax_abdomen_pelvis, en, "urgent CT or PET-CT of thorax, abdomen and pelvis").
topic_value_label(biopsy, within_1_day, nl, "weefsel voor histologisch onderzoek binnen 1 dag").
topic_value_label(biopsy, within_1_day, en, "tissue for histology within 1 day").
topic_value_label(biopsy, within_1_week, nl, "weefsel voor histologisch onderzoek binnen 1 week").
topic_value_label(biopsy, within_1_week, en, "tissue for histology within 1 week").
topic_value_label(treatment, radiotherapy, nl, "radiotherapie").
topic_value_label(treatment, radiotherapy, en, "radiotherapy").
topic_value_label(treatment, surgery, nl, "chirurgie").
topic_value_label(treatment, surgery, en, "surgery").
topic_value_label(treatment, systemic_therapy, nl, "chemotherapie of antihormonale therapie").
topic_value_label(treatment, systemic_therapy, en, "chemotherapy or antihormonal therapy").
topic_value_label(treatment, radiotherapy_or_surgery_mdt, nl, "radiotherapie of chirurgie: keuze op basis van spoedoverleg").
topic_value_label(treatment, radiotherapy_or_surgery_mdt, en, "radiotherapy or surgery: choice after urgent multidisciplinary consultation").
topic_value_label(surgery_eligible, yes, nl, "ja").
topic_value_label(surgery_eligible, yes, en, "yes").
topic_value_label(surgery_eligible, no, nl, "nee").
topic_value_label(surgery_eligible, no, en, "no").
topic_value_label(radiotherapy_schedule, '8gy_single_fraction', nl, "eenmalige fractie van 8 Gy").
topic_value_label(radiotherapy_schedule, '8gy_single_fraction', en, "single fraction of 8 Gy").
topic_value_label(radiotherapy_schedule, '30_39gy_in_10_13_fractions_or_sbrt', nl, "30-39 Gy in 10-13 fracties of een hypofractioneringsschema").
topic_value_label(radiotherapy_schedule, '30_39gy_in_10_13_fractions_or_sbrt', en, "30-39 Gy in 10-13 fractions or a hypofractionation schedule").
topic_value_label(radiotherapy_schedule, '30gy_in_10_fractions', nl, "tenminste 30 Gy in 10 fracties").
topic_value_label(radiotherapy_schedule, '30gy_in_10_fractions', en, "at least 30 Gy in 10 fractions").
topic_value_label(radiotherapy_schedule, '20gy_in_5_fractions', nl, "20 Gy in 5 fracties").
topic_value_label(radiotherapy_schedule, '20gy_in_5_fractions', en, "20 Gy in 5 fractions").
topic_value_label(radiotherapy_schedule, '30_39gy_in_10_13_fractions', nl, "30-39 Gy in 10-13 fracties").
topic_value_label(radiotherapy_schedule, '30_39gy_in_10_13_fractions', en, "30-39 Gy in 10-13 fractions").
topic_value_label(radiotherapy_schedule, reirradiation, nl, "een tweede behandeling met radiotherapie").
topic_value_label(radiotherapy_schedule, reirradiation, en, "a second course of radiotherapy").
topic_value_label(start_treatment, within_24_hours, nl, "binnen 24 uur").
topic_value_label(start_treatment, within_24_hours, en, "within 24 hours").
topic_value_label(start_treatment, within_72_hours, nl, "binnen 72 uur").
topic_value_label(start_treatment, within_72_hours, en, "within 72 hours").
topic_value_label(start_treatment, within_7_days, nl, "binnen 7 dagen").
topic_value_label(start_treatment, within_7_days, en, "within 7 days").
topic_value_label(start_treatment, within_14_days, nl, "binnen 14 dagen").
topic_value_label(start_treatment, within_14_days, en, "within 14 days").
topic_value_label(postoperative_radiotherapy, after_3_to_4_weeks, nl, "na een tijdsinterval van minimaal 3-4 weken").
topic_value_label(postoperative_radiotherapy, after_3_to_4_weeks, en, "after an interval of at least 3-4 weeks").
topic_value_label(postoperative_radiotherapy, earlier, nl, "eerder starten met radiotherapie").
topic_value_label(postoperative_radiotherapy, earlier, en, "start radiotherapy earlier").
topic_value_label(advice, instruct_patient_to_report_changes, nl, "instrueer de patiënt contact op te nemen bij verergering en/of verandering van de klachten").
topic_value_label(advice, instruct_patient_to_report_changes, en, "instruct the patient to call when complaints worsen or change").
topic_value_label(advice, mri_protocol_whole_spine, nl, "MRI: T1- en T2-gewogen sagittale opnamen van de gehele wervelkolom").
topic_value_label(advice, mri_protocol_whole_spine, en, "MRI: T1- and T2-weighted sagittal images of the whole spine").
topic_value_label(advice, multislice_volume_scan, nl, "multi-slice volume scan door de aangedane wervel(s) +/- 2").
topic_value_label(advice, multislice_volume_scan, en, "multislice volume scan of the affected vertebra(e) +/- 2").
topic_value_label(advice, taper_dexamethasone, nl, "dexamethason in 1-2 weken volledig afbouwen").
topic_value_label(advice, taper_dexamethasone, en, "taper dexamethasone off over 1-2 weeks").
topic_value_label(advice, taper_corticosteroids, nl, "corticosteroïden in 1-2 weken na behandeling volledig afbouwen").
topic_value_label(advice, taper_corticosteroids, en, "taper corticosteroids off over 1-2 weeks after treatment").
topic_value_label(advice, consider_decompressive_surgery, nl, "direct een decomprimerende operatie overwegen").
topic_value_label(advice, consider_decompressive_surgery, en, "consider decompressive surgery at once").
topic_value_label(advice, systemic_therapy_for_pain, nl, "chemotherapie of antihormonale therapie om pijn te verminderen").
topic_value_label(advice, systemic_therapy_for_pain, en, "chemotherapy or antihormonal therapy to reduce pain").
topic_value_label(advice, no_routine_en_bloc_resection, nl, "niet bij iedere symptomatische wervelmetastase een en bloc resectie").
topic_value_label(advice, no_routine_en_bloc_resection, en, "no en bloc resection for every symptomatic spinal metastasis").
topic_value_label(advice, spine_surgery_in_high_volume_institution, nl, "wervelkolomchirurgie alleen in een zorginstelling met tenminste 10 wervelkolomoperaties per jaar").
topic_value_label(advice, spine_surgery_in_high_volume_institution, en, "spinal surgery only in an institution doing at least 10 such operations a year").
topic_value_label(advice, institution_meets_soncos_or_hovon, nl, "zorginstelling voldoet aan de SONCOS-normering of de HOVON-classificatie").
topic_value_label(advice, institution_meets_soncos_or_hovon, en, "the institution meets the SONCOS standards or the HOVON classification").
topic_value_label(advice, follow_up_imaging_only_on_complaints, nl, "herhaalde beeldvorming alleen bij klachten of ter evaluatie van systeemtherapie").
topic_value_label(advice, follow_up_imaging_only_on_complaints, en, "repeat imaging only for complaints or to evaluate systemic therapy").
topic_value_label(advice, mobilise_guided_by_pain, nl, "laat de patiënt mobiliseren op geleide van pijnklachten").
topic_value_label(advice, mobilise_guided_by_pain, en, "let the patient mobilise as pain allows").
topic_value_label(advice, give_patient_information_leaflet, nl, "geef de patiënteninformatiefolder").
topic_value_label(advice, give_patient_information_leaflet, en, "give the patient information leaflet").
topic_value_label(advice, general_practitioner_informed, nl, "de huisarts is op de hoogte en het is duidelijk wie de regievoerend arts is").
topic_value_label(advice, general_practitioner_informed, en, "the general practitioner is informed and it is clear who coordinates care").

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
step(irradiated_at_this_level, prior_radiotherapy_same_level = true,
     "de patiënt is op dit niveau bestraald", "the patient has been irradiated at this level").
step(under_radiotherapy_and_corticosteroids,
     deterioration_under_radiotherapy_and_corticosteroids = true,
     "de patiënt wordt bestraald en krijgt corticosteroïden (en gaat neurologisch achteruit)",
     "the patient is under radiotherapy and corticosteroids (and deteriorating)").

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
topic_step(radiotherapy_schedule, definitive_diagnosis).
topic_step(postoperative_radiotherapy, definitive_diagnosis).
topic_step(postoperative_radiotherapy, operation).

%! step_ends(?Step, ?Topic, ?Values) is nondet.
%
%  Once a case has taken Step, Topic is no longer decided on any of Values
%  (`all`: on any value): what the step did is not recommended again, and
%  what comes before it on the pathway is past (issue 28). The requirements
%  module turns each declaration (and each topic_step/2) into a requirement
%  that `wervel-lp check` proves over every case.
%
%  - The operation ends the treatment choice, its start, the assessment of
%    the conditions of surgery and the pre-operative work-up ("indien
%    patiënt eventueel in aanmerking komt voor een operatieve ingreep").
%  - Radiotherapy at this level ends a first course there: only "een tweede
%    behandeling met radiotherapie" follows, "Bij terugkeer van pijn of
%    neurologische uitvalsverschijnselen na een initiële respons of
%    onvoldoende respons op de eerste bestraling".
%  - Under radiotherapy and corticosteroids, neither a first course nor the
%    start of dexamethasone ("direct te starten met een bolus") is given
%    again (I-deterioration-under-radiotherapy-surgery).
step_ends(operation, treatment, all).
step_ends(operation, start_treatment, all).
step_ends(operation, surgery_eligible, all).
step_ends(operation, staging_ct, [ct_thorax_abdomen_with_volume_scan]).
step_ends(operation, advice, [multislice_volume_scan, consider_decompressive_surgery]).
step_ends(irradiated_at_this_level, radiotherapy_schedule,
          ['8gy_single_fraction', '30_39gy_in_10_13_fractions_or_sbrt', '30gy_in_10_fractions']).
step_ends(under_radiotherapy_and_corticosteroids, radiotherapy_schedule,
          ['8gy_single_fraction', '30_39gy_in_10_13_fractions_or_sbrt', '30gy_in_10_fractions']).
step_ends(under_radiotherapy_and_corticosteroids, treatment, [radiotherapy, radiotherapy_or_surgery_mdt]).
step_ends(under_radiotherapy_and_corticosteroids, corticosteroids,
          [dexamethasone_10mg_iv_then_8_16mg_daily]).

%! value_urgency(?Topic, ?Value, ?Urgency:atom) is nondet.
%
%  How urgent the advice Topic = Value is, for the CDS card's indicator and
%  the case page's "Nu doen" block: `critical` for a deadline in hours and
%  the dexamethasone bolus ("direct te starten met een bolus van 10 mg
%  dexamethason i.v."), `warning` for a deadline in days or weeks and for
%  "met spoed" without a deadline (the urgent staging CT; a reading, see
%  docs/interpretations.md), `info` otherwise. The deadline is the value's
%  own label (topic_value_label/4), quoted from the guideline; every topic
%  value has exactly one urgency (tests/test_service.py).
value_urgency(Topic, Value, Urgency) :-
    topic(Topic, _, Values),
    member(Value, Values),
    (   urgent(Topic, Value, U)
    ->  Urgency = U
    ;   Urgency = info
    ).

urgent(mri_urgency, within_12_hours, critical).
urgent(mri_urgency, within_24_hours, critical).
urgent(mri_urgency, within_48_hours, critical).
urgent(mri_urgency, within_1_week, warning).
urgent(mri_urgency, within_2_weeks, warning).
urgent(corticosteroids, dexamethasone_10mg_iv_then_8_16mg_daily, critical).
urgent(staging_ct, urgent_ct_thorax_abdomen_pelvis, warning).
urgent(biopsy, within_1_day, warning).
urgent(biopsy, within_1_week, warning).
urgent(start_treatment, within_24_hours, critical).
urgent(start_treatment, within_72_hours, critical).
urgent(start_treatment, within_7_days, warning).
urgent(start_treatment, within_14_days, warning).
