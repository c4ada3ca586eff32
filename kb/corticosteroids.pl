:- encoding(utf8).
/** <module> Indicatie corticosteroïden

Guideline pages "Bepaal indicatie corticosteroïden voorafgaand aan MRI
diagnostiek" and "Behandeling bij levensverwachting < 3md - Indicatie
corticosteroïden": withholding corticosteroids until the biopsy with an
unknown primary, dexamethasone for symptomatic MESCC or root compression,
the proton pump inhibitor, tapering, the pain flare, and asymptomatic MESCC.
*/
:- module(corticosteroids, []).
:- use_module(wervel_lp(rulebase)).
:- guideline_chapter.

section(corticosteroids_before_mri,
        "Wervelmetastasen - Diagnostiek bij klinische verdenking wervelmetastasen — Bepaal indicatie corticosteroïden voorafgaand aan MRI diagnostiek").
section(corticosteroids_short_life_expectancy,
        "Wervelmetastasen — Indicatie behandeling wervelmetastasen — Behandeling bij levensverwachting < 3md - Indicatie corticosteroïden").

concept(symptomatic_mescc,
        nl("symptomatische MESMC"),
        en("symptomatic MESCC")).
concept(root_compression,
        nl("wortelcompressie door wervelmetastasen"),
        en("root compression from spinal metastases")).
concept(asymptomatic_mescc,
        nl("bij toeval gevonden asymptomatische MESMC"),
        en("incidentally found asymptomatic MESCC")).

rule(symptomatic_mescc_with_pain_or_deficit, concept(symptomatic_mescc),
     all([mescc, any([pain, neurological_deficit = true])]),
     [ section(corticosteroids_before_mri),
       strength(recommended),
       quote("bij patiënten met symptomatische MESMC of wortelcompressie ten gevolge van wervelmetastasen"),
       nl("MESMC met pijn of neurologische uitval is symptomatisch."),
       en("MESCC with pain or neurological deficit is symptomatic.")
     ]).

% I-root-compression: radicular pain or deficit with spinal metastases on imaging.
rule(root_compression_radicular_symptoms, concept(root_compression),
     all([metastases_on_imaging = true,
          any([radicular_pain in [unilateral, bilateral],
               radicular_deficit in [unilateral, bilateral]])]),
     [ section(corticosteroids_before_mri),
       strength(recommended),
       quote("wortelcompressie ten gevolge van wervelmetastasen"),
       nl("Radiculaire pijn of uitval bij wervelmetastasen op beeldvorming."),
       en("Radicular pain or deficit with spinal metastases on imaging.")
     ]).

rule(asymptomatic_mescc_incidental, concept(asymptomatic_mescc),
     all([mescc_on_imaging = true, mescc_suspected = false,
          neurological_deficit = false, not(pain)]),
     [ section(corticosteroids_short_life_expectancy),
       strength(working_group_opinion),
       quote("patiënten met - bij toeval gevonden - asymptomatische MESMC"),
       nl("MESMC op beeldvorming zonder pijn, zonder neurologische uitval en zonder klinische verdenking."),
       en("MESCC on imaging without pain, neurological deficit or clinical suspicion.")
     ]).

% I-withhold-until-biopsy: "tot na het biopt" ends the withholding once
% tissue has been obtained (histology_obtained: true), not once the
% primary is known; dexamethasone then follows its own rule.
rule(withhold_steroids_unknown_origin, corticosteroids = withhold_until_biopsy,
     all([unknown_origin, histology_obtained = false]),
     [ section(corticosteroids_before_mri),
       strength(recommended),
       quote("Er wordt geadviseerd om bij een patiënt met klinische en radiologische verdenking op wervelmetastasen van onbekende origine te wachten met het geven van corticosteroïden tot na het biopt, aangezien dit de histologische diagnose van een maligne lymfoom en in mindere mate ook multipel myeloom onmogelijk kan maken."),
       nl("Wacht met corticosteroïden tot na het biopt (onbekende origine)."),
       en("Withhold corticosteroids until after the biopsy (unknown origin).")
     ]).

% I-withhold-until-biopsy: "een weefseldiagnose te verkrijgen voordat
% gestart wordt" is read as the same moment: tissue obtained.
rule(withhold_steroids_haematological_suspicion, corticosteroids = withhold_until_biopsy,
     all([known_primary_malignancy = false, haematological_malignancy_suspected = true,
          histology_obtained = false]),
     [ section(corticosteroids_short_life_expectancy),
       strength(recommended),
       quote("Er wordt geadviseerd om bij een onbekende primaire tumor en verdenking op een hematologische maligniteit een weefseldiagnose te verkrijgen voordat gestart wordt met corticosteroïden."),
       nl("Verkrijg eerst een weefseldiagnose voordat corticosteroïden starten (onbekende primaire tumor, verdenking hematologische maligniteit)."),
       en("Obtain a tissue diagnosis before starting corticosteroids (unknown primary, suspected haematological malignancy).")
     ]).

rule(dexamethasone_symptomatic_mescc_or_root_compression,
     corticosteroids = dexamethasone_10mg_iv_then_8_16mg_daily,
     all([any([symptomatic_mescc, root_compression]), local_treatment_planned,
          deterioration_under_radiotherapy_and_corticosteroids = false]),
     [ section(corticosteroids_before_mri),
       strength(recommended),
       quote("Er wordt geadviseerd om bij patiënten met symptomatische MESMC of wortelcompressie ten gevolge van wervelmetastasen die geopereerd en/of bestraald gaan worden direct te starten met een bolus van 10 mg dexamethason i.v., gevolgd door 1 dd 8-16 mg dexamethason p.o."),
       nl("Start direct dexamethason 10 mg i.v. (bolus), gevolgd door 1 dd 8-16 mg p.o."),
       en("Start dexamethasone at once: 10 mg iv bolus, then 8-16 mg orally once daily.")
     ]).

rule(steroids_for_pain_flare, corticosteroids = for_pain_flare,
     pain_flare_after_radiotherapy = true,
     [ section(corticosteroids_short_life_expectancy),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat als er kort na radiotherapie in verband met pijnlijke botmetastasen een 'pain flare' optreedt er corticosteroïden (dexamethason of methylprednisolon) kunnen worden gegeven ter bestrijding van de pijn."),
       nl("Corticosteroïden (dexamethason of methylprednisolon) kunnen worden gegeven tegen een 'pain flare' na radiotherapie."),
       en("Corticosteroids (dexamethasone or methylprednisolone) may be given for a pain flare after radiotherapy.")
     ]).

rule(steroids_no_consensus_asymptomatic_mescc, corticosteroids = no_consensus,
     all([asymptomatic_mescc, radiotherapy_planned]),
     [ section(corticosteroids_short_life_expectancy),
       strength(working_group_opinion),
       quote("De werkgroep heeft geen consensus bereikt over het wel of niet geven van dexamethason bij patiënten met asymptomatische MESMC ten gevolge van wervelmetastasen die bestraald gaan worden."),
       nl("Geen consensus over dexamethason bij asymptomatische MESMC die bestraald gaat worden."),
       en("No consensus on dexamethasone for asymptomatic MESCC to be irradiated.")
     ]).

priority(withhold_steroids_until_biopsy_first, corticosteroids,
         value(withhold_until_biopsy),
         [value(dexamethasone_10mg_iv_then_8_16mg_daily), value(for_pain_flare), value(no_consensus)],
         [why("With an unknown primary, corticosteroids may make the histological diagnosis of a lymphoma or myeloma impossible until the biopsy has been taken; this holds for every corticosteroid."),
          quote("aangezien dit de histologische diagnose van een maligne lymfoom en in mindere mate ook multipel myeloom onmogelijk kan maken.")]).
priority(dexamethasone_over_pain_flare, corticosteroids,
         value(dexamethasone_10mg_iv_then_8_16mg_daily), value(for_pain_flare),
         [why("The dexamethasone schedule for symptomatic MESCC or root compression already gives corticosteroids; the pain-flare option adds nothing to it."),
          interpretation('I-dexamethasone-over-pain-flare')]).
priority(pain_flare_over_no_consensus, corticosteroids,
         value(for_pain_flare), value(no_consensus),
         [why("A statement that corticosteroids may be given beats an explicit absence of consensus."),
          interpretation('I-recommendation-over-no-consensus')]).

rule(proton_pump_inhibitor_with_risk_factors, proton_pump_inhibitor = add,
     all([decided(corticosteroids, dexamethasone_10mg_iv_then_8_16mg_daily),
          any([peptic_ulcer_history = true, nsaid_use = true, anticoagulant_use = true])]),
     [ section(corticosteroids_before_mri),
       strength(recommended),
       quote("Bij risicofactoren (maagulcus in de voorgeschiedenis, gebruik van NSAID's of anticoagulantia) wordt een protonpompremmer bij gegeven."),
       nl("Geef een protonpompremmer bij (maagulcus, NSAID's of anticoagulantia)."),
       en("Add a proton pump inhibitor (history of peptic ulcer, NSAIDs or anticoagulants).")
     ]).

% M1 (issue 28), I-taper-after-operation: the dexamethasone of the sentence
% before, started for symptomatic MESCC or root compression "die geopereerd
% en/of bestraald gaan worden", is tapered after the operation too.
concept(dexamethasone_before_operation,
        nl("geopereerd met symptomatische MESMC of wortelcompressie (dexamethason gestart voor de operatie)"),
        en("operated with symptomatic MESCC or root compression (dexamethasone started before the operation)")).

rule(operated_with_dexamethasone_indication, concept(dexamethasone_before_operation),
     all([operated = true, definitive_diagnosis, any([symptomatic_mescc, root_compression])]),
     [ section(corticosteroids_before_mri),
       strength(recommended),
       quote("De dexamethason wordt na de operatie of na afloop van de radiotherapie in 1-2 weken volledig afgebouwd op geleide van de klachten."),
       nl("Geopereerd bij symptomatische MESMC of wortelcompressie: de dexamethason is voor de operatie gestart."),
       en("Operated with symptomatic MESCC or root compression: dexamethasone was started before the operation.")
     ]).

rule(taper_dexamethasone_after_operation, advice = taper_dexamethasone,
     dexamethasone_before_operation,
     [ section(corticosteroids_before_mri),
       strength(recommended),
       quote("De dexamethason wordt na de operatie of na afloop van de radiotherapie in 1-2 weken volledig afgebouwd op geleide van de klachten."),
       nl("Bouw de dexamethason na de operatie in 1-2 weken volledig af op geleide van de klachten."),
       en("Taper dexamethasone completely over 1-2 weeks after the operation, guided by the complaints.")
     ]).

rule(taper_dexamethasone, advice = taper_dexamethasone,
     decided(corticosteroids, dexamethasone_10mg_iv_then_8_16mg_daily),
     [ section(corticosteroids_before_mri),
       strength(recommended),
       quote("De dexamethason wordt na de operatie of na afloop van de radiotherapie in 1-2 weken volledig afgebouwd op geleide van de klachten."),
       nl("Bouw de dexamethason na de operatie of radiotherapie in 1-2 weken volledig af op geleide van de klachten."),
       en("Taper dexamethasone completely over 1-2 weeks after surgery or radiotherapy, guided by the complaints.")
     ]).
