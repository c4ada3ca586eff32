:- encoding(utf8).
/** <module> Consistency requirements the check proves over all cases

What the knowledge base must guarantee, beyond its rules: the coverage
obligations (a topic that must be decided when its conditions hold and
its findings are known), pairs of decisions that must never occur
together, and safety constraints. `wervel-lp check` proves each of them
over the whole input domain or shows a minimal counter-example case.
*/
:- module(requirements, []).
:- use_module(wervel_lp(rulebase)).
:- guideline_chapter.

% The course as knowledge (issue 28): every topic_step/2 and step_ends/3 of
% kb/topics.pl is a requirement, named Topic_presupposes_Step or
% Step_ends_Topic.
:- pathway_requirements.

obligation(mri_decided_on_suspicion_with_known_primary, mri,
           all([known_primary_malignancy = true, clinical_suspicion]),
           [why("The MRI sentence covers every patient with a known primary and clinical suspicion.")]).
obligation(mri_urgency_when_mri_indicated, mri_urgency,
           decided(mri, indicated),
           [why("Every indicated MRI needs a deadline.")]).
obligation(treatment_for_symptomatic_metastases, treatment,
           all([symptomatic_metastases, treatment_choice_due, radiotherapy_course_due]),
           [why("Every patient with symptomatic spinal metastases gets a treatment choice.")]).
obligation(surgery_eligibility_when_considered, surgery_eligible,
           surgery_considered,
           [why("Where surgery is indicated or an option, its conditions are assessed.")]).
obligation(schedule_when_radiotherapy, radiotherapy_schedule,
           decided(treatment, radiotherapy),
           [why("Radiotherapy as treatment needs a schedule.")]).
obligation(schedule_after_operation, radiotherapy_schedule,
           postoperative_radiotherapy_possible,
           [why("Post-operative radiotherapy needs a schedule.")]).
obligation(start_of_therapy_for_symptomatic_metastases, start_treatment,
           all([symptomatic_metastases, treatment_chosen]),
           [why("Every patient with a definitive diagnosis and symptoms gets a maximum time to therapy.")]).
obligation(biopsy_for_unknown_origin, biopsy,
           all([unknown_origin, histology_obtained = false]),
           [why("With an unknown primary, tissue must be obtained before treatment.")]).
obligation(corticosteroid_advice_for_symptomatic_mescc_with_local_treatment, corticosteroids,
           all([symptomatic_mescc, local_treatment_planned,
                deterioration_under_radiotherapy_and_corticosteroids = false]),
           [why("Symptomatic MESCC to be operated or irradiated gets a corticosteroid decision.")]).

incompatible(surgery_without_eligibility,
             all([decided(treatment, surgery), decided(surgery_eligible, no)]),
             [why("Surgery is never the treatment when its conditions are not met.")]).
incompatible(mdt_without_eligibility,
             all([decided(treatment, radiotherapy_or_surgery_mdt), decided(surgery_eligible, no)]),
             [why("The MDT choice presupposes that the conditions for surgery are met.")]).
incompatible(ppi_without_dexamethasone,
             all([decided(proton_pump_inhibitor, add),
                  not(decided(corticosteroids, dexamethasone_10mg_iv_then_8_16mg_daily))]),
             [why("The proton pump inhibitor accompanies dexamethasone.")]).
incompatible(mri_urgency_without_indicated_mri,
             all([any([decided(mri_urgency, within_12_hours), decided(mri_urgency, within_24_hours),
                       decided(mri_urgency, within_48_hours), decided(mri_urgency, within_1_week),
                       decided(mri_urgency, within_2_weeks), decided(mri_urgency, not_urgent)]),
                  not(decided(mri, indicated))]),
             [why("An MRI deadline belongs to an MRI to be made: no urgency without an indicated MRI.")]).
incompatible(biopsy_without_unknown_origin,
             all([decided(biopsy, within_1_day), known_primary_malignancy = true]),
             [why("The biopsy deadlines are for an unknown primary.")]).

% Coherence along the pathway (issue 19): no decision that presupposes a
% step not yet taken, and none for a step already done.
incompatible(start_deadline_without_treatment,
             all([any([decided(start_treatment, within_24_hours), decided(start_treatment, within_72_hours),
                       decided(start_treatment, within_7_days), decided(start_treatment, within_14_days)]),
                  not(any([decided(treatment, radiotherapy), decided(treatment, surgery),
                       decided(treatment, systemic_therapy), decided(treatment, radiotherapy_or_surgery_mdt)]))]),
             [why("The maximum time to therapy is the time to start the treatment chosen: no deadline without a treatment.")]).
incompatible(primary_treatment_after_operation,
             all([any([decided(treatment, radiotherapy), decided(treatment, surgery),
                       decided(treatment, systemic_therapy), decided(treatment, radiotherapy_or_surgery_mdt)]),
                  operated = true]),
             [why("An operated patient is past the treatment choice: the post-operative interval and schedule follow, not a treatment again.")]).
incompatible(start_deadline_after_operation,
             all([any([decided(start_treatment, within_24_hours), decided(start_treatment, within_72_hours),
                       decided(start_treatment, within_7_days), decided(start_treatment, within_14_days)]),
                  operated = true]),
             [why("After the operation the post-operative interval applies, not a time to start the treatment.")]).
incompatible(treatment_before_histology_of_unknown_primary,
             all([any([decided(treatment, radiotherapy), decided(treatment, surgery),
                       decided(treatment, systemic_therapy), decided(treatment, radiotherapy_or_surgery_mdt)]),
                  known_primary_malignancy = false, histology_obtained = false]),
             [why("nog voordat de behandeling start weefsel voor histologisch (en eventueel microbiologisch) onderzoek te verkrijgen")]).
incompatible(start_deadline_before_histology_of_unknown_primary,
             all([any([decided(start_treatment, within_24_hours), decided(start_treatment, within_72_hours),
                       decided(start_treatment, within_7_days), decided(start_treatment, within_14_days)]),
                  known_primary_malignancy = false, histology_obtained = false]),
             [why("de behandeling na het stellen van de definitieve diagnose wervelmetastasen")]).
incompatible(biopsy_after_tissue_obtained,
             all([any([decided(biopsy, within_1_day), decided(biopsy, within_1_week)]),
                  histology_obtained = true]),
             [why("A biopsy taken is not ordered again.")]).
incompatible(withholding_after_biopsy,
             all([decided(corticosteroids, withhold_until_biopsy), histology_obtained = true]),
             [why("te wachten met het geven van corticosteroïden tot na het biopt")]).
incompatible(urgent_ct_after_it_was_made,
             all([decided(staging_ct, urgent_ct_thorax_abdomen_pelvis),
                  urgent_ct_thorax_abdomen_pelvis_made = true]),
             [why("The urgent CT of thorax, abdomen and pelvis, once made, is not ordered again.")]).
incompatible(staging_ct_with_recent_ct,
             all([decided(staging_ct, ct_thorax_abdomen_with_volume_scan), recent_staging_ct = true]),
             [why("Indien er geen recente (PET)-CT- thorax/abdomen is, dan zal deze nog gemaakt moeten worden.")]).

safety(no_radiotherapy_schedule_without_adequate_dose,
       all([any([decided(radiotherapy_schedule, '8gy_single_fraction'),
                 decided(radiotherapy_schedule, '30_39gy_in_10_13_fractions_or_sbrt'),
                 decided(radiotherapy_schedule, '30gy_in_10_fractions'),
                 decided(radiotherapy_schedule, '20gy_in_5_fractions'),
                 decided(radiotherapy_schedule, '30_39gy_in_10_13_fractions'),
                 decided(radiotherapy_schedule, reirradiation),
                 decided(postoperative_radiotherapy, after_3_to_4_weeks),
                 decided(postoperative_radiotherapy, earlier)]),
            adequate_radiotherapy_possible = false]),
       [why("mits de mogelijkheid bestaat tot het geven van een adequate en zinvolle dosis radiotherapie")]).
safety(no_surgery_under_three_months,
       all([decided(treatment, surgery), life_expectancy_months < 3]),
       [why("er is een levensverwachting van minstens drie maanden")]).
safety(no_mdt_surgery_option_under_three_months,
       all([decided(treatment, radiotherapy_or_surgery_mdt), life_expectancy_months < 3]),
       [why("er is een levensverwachting van minstens drie maanden")]).
safety(no_combined_procedure_at_six_months_or_less,
       all([decided(surgery_eligible, yes), combined_procedure = true,
            life_expectancy_months =< 6]),
       [why("Bij een gecombineerde ingreep wordt een levensverwachting van meer dan zes maanden aangehouden.")]).
safety(no_dexamethasone_with_unknown_origin,
       all([decided(corticosteroids, dexamethasone_10mg_iv_then_8_16mg_daily), unknown_origin,
            histology_obtained = false]),
       [why("te wachten met het geven van corticosteroïden tot na het biopt")]).
safety(no_corticosteroids_before_tissue_with_haematological_suspicion,
       all([any([decided(corticosteroids, dexamethasone_10mg_iv_then_8_16mg_daily),
                 decided(corticosteroids, for_pain_flare)]),
            known_primary_malignancy = false, haematological_malignancy_suspected = true,
            histology_obtained = false]),
       [why("een weefseldiagnose te verkrijgen voordat gestart wordt met corticosteroïden")]).
