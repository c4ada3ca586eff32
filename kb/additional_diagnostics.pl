:- encoding(utf8).
/** <module> Aanvullende diagnostiek na beeldvorming

Guideline page "Wervelmetastasen — Aanvullende diagnostiek na beeldvorming"
(and the identical staging sentence on the diagnostics page): the staging
(PET-)CT and volume scan for possible surgical candidates, and for an
unknown primary the urgent CT of thorax, abdomen and pelvis, the biopsy
deadline and decompressive surgery to consider.
*/
:- module(additional_diagnostics, []).
:- use_module(wervel_lp(rulebase)).
:- guideline_chapter.

section(additional_diagnostics,
        "Wervelmetastasen — Aanvullende diagnostiek na beeldvorming").

concept(unknown_origin,
        nl("klinische en radiologische verdenking op wervelmetastasen van onbekende origine"),
        en("clinical and radiological suspicion of spinal metastases of unknown origin")).

rule(unknown_origin_suspicion, concept(unknown_origin),
     all([clinical_suspicion, metastases_on_imaging = true,
          known_primary_malignancy = false]),
     [ section(additional_diagnostics),
       strength(recommended),
       quote("Er wordt geadviseerd om bij een patiënt met klinische en radiologische verdenking op wervelmetastasen van onbekende origine:"),
       nl("Klinische verdenking, wervelmetastasen op beeldvorming en geen bekende primaire tumor."),
       en("Clinical suspicion, spinal metastases on imaging and no known primary tumour.")
     ]).

                 /*******************************
                 *   THE DEFINITIVE DIAGNOSIS   *
                 *******************************/

% I-definitive-diagnosis: the treatment choice and the time to therapy
% follow the definitive diagnosis. With a known primary, imaging makes it;
% with an unknown primary, imaging gives only the "waarschijnlijkheids-
% diagnose" and tissue is obtained "nog voordat de behandeling start".
concept(definitive_diagnosis,
        nl("de definitieve diagnose wervelmetastasen is gesteld"),
        en("the definitive diagnosis of spinal metastases has been made")).
concept(treatment_choice_due,
        nl("de keuze van de behandeling is aan de orde (definitieve diagnose gesteld, nog niet geopereerd)"),
        en("the treatment is to be chosen (definitive diagnosis made, not yet operated)")).

rule(definitive_diagnosis_with_known_primary, concept(definitive_diagnosis),
     all([metastases_on_imaging = true, known_primary_malignancy = true]),
     [ section(time_to_therapy),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat de behandeling na het stellen van de definitieve diagnose wervelmetastasen bij patiënten:"),
       nl("Wervelmetastasen op beeldvorming bij een bekende primaire maligniteit."),
       en("Spinal metastases on imaging with a known primary malignancy.")
     ]).

rule(definitive_diagnosis_after_tissue, concept(definitive_diagnosis),
     all([metastases_on_imaging = true, histology_obtained = true]),
     [ section(additional_diagnostics),
       strength(recommended),
       quote("nog voordat de behandeling start weefsel voor histologisch (en eventueel microbiologisch) onderzoek te verkrijgen:"),
       nl("Wervelmetastasen op beeldvorming en weefsel voor histologie verkregen."),
       en("Spinal metastases on imaging and tissue for histology obtained.")
     ]).

% I-operated-past-treatment-choice: the treatment choice precedes the
% operation; an operated patient is past it, and the post-operative topics
% (interval, schedule) follow instead.
rule(treatment_choice_before_operation, concept(treatment_choice_due),
     all([definitive_diagnosis, operated = false]),
     [ section(surgery_radiotherapy_interval),
       strength(recommended),
       quote("Bij patiënten die geopereerd zijn adviseert de richtlijncommissie een minimaal tijdsinterval van 3-4 weken in acht te nemen voor het starten van postoperatieve radiotherapie."),
       nl("De definitieve diagnose is gesteld en de patiënt is nog niet geopereerd."),
       en("The definitive diagnosis has been made and the patient has not been operated yet.")
     ]).

rule(staging_ct_for_possible_surgery, staging_ct = ct_thorax_abdomen_with_volume_scan,
     all([potential_surgical_candidate, recent_staging_ct = false]),
     [ section(additional_diagnostics),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat een recente (PET)-CT-thorax/abdomen noodzakelijk is indien patiënt eventueel in aanmerking komt voor een operatieve ingreep [...] Indien er geen recente (PET)-CT- thorax/abdomen is, dan zal deze nog gemaakt moeten worden. Maak in dat geval ook direct een multi-slice volume scan door de aangedane wervel(s) +/- 2."),
       nl("Maak een (PET-)CT-thorax/abdomen en direct een multi-slice volumescan door de aangedane wervel(s) +/- 2."),
       en("Make a (PET-)CT of thorax/abdomen and at once a multi-slice volume scan through the affected vertebra(e) +/- 2.")
     ]).

rule(volume_scan_for_possible_surgery, advice = multislice_volume_scan,
     all([potential_surgical_candidate, recent_staging_ct = false]),
     [ section(additional_diagnostics),
       strength(working_group_opinion),
       quote("Maak in dat geval ook direct een multi-slice volume scan door de aangedane wervel(s) +/- 2."),
       nl("Maak direct een multi-slice volumescan door de aangedane wervel(s) +/- 2."),
       en("Make a multi-slice volume scan through the affected vertebra(e) +/- 2 at once.")
     ]).

% I-urgent-ct-until-made: the urgent CT is not ordered again once made.
rule(urgent_ct_unknown_origin, staging_ct = urgent_ct_thorax_abdomen_pelvis,
     all([unknown_origin, urgent_ct_thorax_abdomen_pelvis_made = false]),
     [ section(additional_diagnostics),
       strength(recommended),
       quote("met spoed een CT- of PET-CT van thorax, abdomen en bekken te maken om de ziekte in kaart te brengen en eventueel een voor biopsie beter toegankelijke laesie te selecteren."),
       nl("Maak met spoed een CT of PET-CT van thorax, abdomen en bekken."),
       en("Make an urgent CT or PET-CT of thorax, abdomen and pelvis.")
     ]).

priority(unknown_origin_ct_over_surgical_staging, staging_ct,
         value(urgent_ct_thorax_abdomen_pelvis), value(ct_thorax_abdomen_with_volume_scan),
         [why("With an unknown primary the urgent CT of thorax, abdomen and pelvis covers the thorax/abdomen staging and must be made first; the volume scan stays as separate advice."),
          interpretation('I-unknown-origin-ct-first')]).

rule(biopsy_within_1_week_without_mescc, biopsy = within_1_week,
     all([unknown_origin, histology_obtained = false,
          mescc_suspected = false, mescc_on_imaging = false]),
     [ section(additional_diagnostics),
       strength(recommended),
       quote("nog voordat de behandeling start weefsel voor histologisch (en eventueel microbiologisch) onderzoek te verkrijgen: [...] binnen 1 week na het stellen van de waarschijnlijkheidsdiagnose wervelmetastasen indien er klinisch en radiologisch geen MESMC bestaat."),
       nl("Verkrijg weefsel voor histologie binnen 1 week (geen MESMC)."),
       en("Obtain tissue for histology within 1 week (no MESCC).")
     ]).

rule(biopsy_within_1_day_with_mescc, biopsy = within_1_day,
     all([unknown_origin, histology_obtained = false, mescc]),
     [ section(additional_diagnostics),
       strength(recommended),
       quote("nog voordat de behandeling start weefsel voor histologisch (en eventueel microbiologisch) onderzoek te verkrijgen: [...] binnen 1 dag na het stellen van de waarschijnlijkheidsdiagnose wervelmetastasen indien er klinisch en/of radiologisch MESMC bestaat."),
       nl("Verkrijg weefsel voor histologie binnen 1 dag (klinisch en/of radiologisch MESMC)."),
       en("Obtain tissue for histology within 1 day (clinical and/or radiological MESCC).")
     ]).

% I-progressive-despite-corticosteroids: a progressive deficit without a
% clear tendency to improve on corticosteroids.
% I-decompression-before-histology: "daarvoor in aanmerking komt" is the
% surgical conditions apart from the one on a chemotherapy-sensitive
% tumour, which cannot be known before the histology of this patient.
rule(consider_decompressive_surgery, advice = consider_decompressive_surgery,
     all([unknown_origin, deficit_progressive = true, operated = false,
          improving_on_corticosteroids = false,
          surgical_conditions_besides_tumour_type]),
     [ section(additional_diagnostics),
       strength(recommended),
       quote("direct een decomprimerende operatie te overwegen, indien patiënt progressief uitval heeft ondanks corticosteroïden en daarvoor in aanmerking komt"),
       nl("Overweeg direct een decomprimerende operatie (progressieve uitval ondanks corticosteroïden)."),
       en("Consider decompressive surgery at once (progressive deficit despite corticosteroids).")
     ]).
