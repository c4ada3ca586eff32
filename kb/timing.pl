:- encoding(utf8).
/** <module> Timing: start of therapy, surgery-to-radiotherapy interval, institutions

Guideline pages "Maximale tijd tot inzet therapie, na het stellen van de
definitieve diagnose" and "Tijdsinterval tussen chirurgie en radiotherapie".
*/
:- module(timing, []).
:- use_module(wervel_lp(rulebase)).
:- guideline_chapter.

section(time_to_therapy,
        "Wervelmetastasen - Aanvullende diagnostiek na beeldvorming — Maximale tijd tot inzet therapie, na het stellen van de definitieve diagnose").
section(surgery_radiotherapy_interval,
        "Wervelmetastasen — Indicatie behandeling wervelmetastasen — Behandeling bij levensverwachting > 3md — Tijdsinterval tussen chirurgie en radiotherapie").

% I-definitive-diagnosis: the time to therapy is counted from the
% definitive diagnosis, for the treatment chosen: no deadline without a
% treatment (so none before the histology of an unknown primary, and none
% after the operation, which the post-operative interval follows).
concept(treatment_chosen,
        nl("er is een behandeling gekozen"),
        en("a treatment has been chosen")).

rule(treatment_chosen_any, concept(treatment_chosen),
     any([decided(treatment, radiotherapy), decided(treatment, surgery),
          decided(treatment, systemic_therapy), decided(treatment, radiotherapy_or_surgery_mdt)]),
     [ section(time_to_therapy),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat de behandeling na het stellen van de definitieve diagnose wervelmetastasen bij patiënten:"),
       nl("Er is een behandeling gekozen (radiotherapie, chirurgie, systeemtherapie of de MDT-keuze)."),
       en("A treatment has been chosen (radiotherapy, surgery, systemic therapy or the MDT choice).")
     ]).

rule(start_within_24_hours_rapid_deficit, start_treatment = within_24_hours,
     all([treatment_chosen, metastases_on_imaging = true, neurological_deficit_from_mescc,
          deficit_progressive = true, deficit_onset_days < 7]),
     [ section(time_to_therapy),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat de behandeling na het stellen van de definitieve diagnose wervelmetastasen bij patiënten: [...] met snel progressieve (< 7 dagen) neurologische uitval ten gevolge van MESMC de therapie binnen 24 uur ingezet dient te worden."),
       nl("Start de therapie binnen 24 uur (snel progressieve uitval door MESMC)."),
       en("Start therapy within 24 hours (rapidly progressive deficit from MESCC).")
     ]).

rule(start_within_72_hours_slow_deficit_ambulatory, start_treatment = within_72_hours,
     all([treatment_chosen, metastases_on_imaging = true, neurological_deficit_from_mescc,
          deficit_progressive = true, deficit_onset_days > 7, ambulatory = true]),
     [ section(time_to_therapy),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat de behandeling na het stellen van de definitieve diagnose wervelmetastasen bij patiënten: [...] met langzaam progressieve uitval (> 7 dagen) die nog niet erg uitgesproken is (patiënt kan nog zelfstandig lopen) ten gevolge van MESMC de therapie binnen 72 uur ingezet dient te worden."),
       nl("Start de therapie binnen 72 uur (langzaam progressieve uitval, patiënt loopt nog zelfstandig)."),
       en("Start therapy within 72 hours (slowly progressive deficit, patient still walks independently).")
     ]).

rule(start_within_7_days_radiological_mescc_with_pain, start_treatment = within_7_days,
     all([treatment_chosen, mescc_on_imaging = true, pain, neurological_deficit = false]),
     [ section(time_to_therapy),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat de behandeling na het stellen van de definitieve diagnose wervelmetastasen bij patiënten: [...] met alleen radiologische MESMC met pijn de therapie binnen 7 dagen ingezet dient te worden."),
       nl("Start de therapie binnen 7 dagen (alleen radiologische MESMC met pijn)."),
       en("Start therapy within 7 days (radiological MESCC only, with pain).")
     ]).

rule(start_within_14_days_pain_or_radicular_syndrome, start_treatment = within_14_days,
     all([treatment_chosen, metastases_on_imaging = true, mescc_on_imaging = false,
          mescc_suspected = false,
          any([pain, radicular_deficit in [unilateral, bilateral]])]),
     [ section(time_to_therapy),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat de behandeling na het stellen van de definitieve diagnose wervelmetastasen bij patiënten: [...] zonder radiologische en/of klinische MESMC en alleen pijn of een radiculair syndroom de therapie in elk geval binnen 14 dagen na het stellen van de diagnose ingezet dient te worden."),
       nl("Start de therapie in elk geval binnen 14 dagen (geen MESMC, alleen pijn of radiculair syndroom)."),
       en("Start therapy within 14 days at the latest (no MESCC, only pain or a radicular syndrome).")
     ]).

rule(postoperative_radiotherapy_after_3_to_4_weeks, postoperative_radiotherapy = after_3_to_4_weeks,
     postoperative_radiotherapy_possible,
     [ section(surgery_radiotherapy_interval),
       strength(recommended),
       quote("Bij patiënten die geopereerd zijn adviseert de richtlijncommissie een minimaal tijdsinterval van 3-4 weken in acht te nemen voor het starten van postoperatieve radiotherapie."),
       nl("Start postoperatieve radiotherapie na minimaal 3-4 weken."),
       en("Start post-operative radiotherapy after at least 3-4 weeks.")
     ]).

rule(postoperative_radiotherapy_earlier, postoperative_radiotherapy = earlier,
     all([postoperative_radiotherapy_possible,
          postoperative_neurology in [insufficient_recovery, deteriorating]]),
     [ section(surgery_radiotherapy_interval),
       strength(recommended),
       quote("Mocht er postoperatief onvoldoende neurologisch herstel zijn, of zelfs achteruitgang, dan is het zaak eerder te starten met radiotherapie"),
       nl("Start eerder met radiotherapie (onvoldoende neurologisch herstel of achteruitgang)."),
       en("Start radiotherapy earlier (insufficient neurological recovery or deterioration).")
     ]).

priority(earlier_postoperative_radiotherapy_on_poor_recovery, postoperative_radiotherapy,
         value(earlier), value(after_3_to_4_weeks),
         [why("The guideline names insufficient recovery or deterioration as the exception to the 3-4 week interval."),
          quote("dan is het zaak eerder te starten met radiotherapie")]).

rule(spine_surgery_in_high_volume_institution, advice = spine_surgery_in_high_volume_institution,
     any([decided(treatment, surgery), decided(treatment, radiotherapy_or_surgery_mdt)]),
     [ section(time_to_therapy),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat wervelkolomchirurgie bij patiënten met wervelmetastasen alleen moet worden uitgevoerd in een zorginstelling die per jaar tenminste 10 wervelkolomoperaties verricht bij patiënten met wervelmetastasen."),
       nl("Opereer alleen in een instelling met tenminste 10 wervelkolomoperaties per jaar bij wervelmetastasen."),
       en("Operate only in an institution performing at least 10 spinal operations a year for spinal metastases.")
     ]).

rule(institution_meets_soncos_or_hovon, advice = institution_meets_soncos_or_hovon,
     metastases_on_imaging = true,
     [ section(time_to_therapy),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat een zorginstelling die zorg levert aan patiënten met wervelmetastasen moet voldoen aan de algemene en tumorspecifieke voorwaarden voor oncologische zorg volgens het meest recente jaarlijkse SONCOS normeringrapport (http://www.soncos.org/) of de HOVON Policy Echelon Classification (http://www.hovon.nl/)."),
       nl("De zorginstelling voldoet aan de SONCOS-normering of de HOVON Policy Echelon Classification."),
       en("The institution meets the SONCOS standards or the HOVON Policy Echelon Classification.")
     ]).
