:- encoding(utf8).
/** <module> Diagnostiek bij klinische verdenking wervelmetastasen

Guideline chapter "Wervelmetastasen - Diagnostiek bij klinische verdenking
wervelmetastasen": alarm symptoms and clinical suspicion, the general
clinical concepts the other chapters build on (pain, MESCC), the MRI
indication, its urgency and protocol, and the advice to instruct the patient.

Quotes are verbatim from docs/guideline/wervelmetastasen-beslisboom.md;
fragments of one quote are joined with " [...] ".
@see docs/interpretations.md for the named interpretations cited here.
*/
:- module(diagnostics, []).
:- use_module(wervel_lp(rulebase)).
:- guideline_chapter.

section(diagnostics_suspicion,
        "Wervelmetastasen - Diagnostiek bij klinische verdenking wervelmetastasen").

                 /*******************************
                 *      CLINICAL SUSPICION      *
                 *******************************/

concept(back_pain_alarm_symptom,
        nl("alarmsymptoom bij rugpijn"),
        en("alarm symptom with back pain")).
concept(clinical_suspicion,
        nl("klinische verdenking op wervelmetastasen"),
        en("clinical suspicion of spinal metastases")).
concept(neurological_sign,
        nl("neurologisch verschijnsel passend bij wervelmetastasen"),
        en("neurological sign compatible with spinal metastases")).

% I-condition-moderate-or-worse: "een matige conditie" includes a poor one.
rule(alarm_symptoms_with_back_pain, concept(back_pain_alarm_symptom),
     any([ night_pain = true,
           progressive_pain = true,
           new_local_pain = true,
           spinal_tenderness = true,
           general_condition in [moderate, poor]
         ]),
     [ section(diagnostics_suspicion),
       strength(standard_statement),
       quote("Alarmsymptomen bij rugpijn die kunnen wijzen op wervelmetastasen zijn: - nachtelijke rugpijn - progressieve rugpijn - nieuwe lokale rugpijn - druk-/kloppijn over de wervelkolom - een matige conditie"),
       nl("Nachtelijke, progressieve of nieuwe lokale rugpijn, druk-/kloppijn of een matige conditie zijn alarmsymptomen."),
       en("Night-time, progressive or new local back pain, spinal tenderness or a moderate condition are alarm symptoms.")
     ]).

rule(suspicion_from_alarm_symptoms, concept(clinical_suspicion),
     all([back_pain = true, back_pain_alarm_symptom]),
     [ section(diagnostics_suspicion),
       strength(standard_statement),
       quote("Alarmsymptomen bij rugpijn die kunnen wijzen op wervelmetastasen zijn:"),
       nl("Rugpijn met een alarmsymptoom wijst op wervelmetastasen."),
       en("Back pain with an alarm symptom suggests spinal metastases.")
     ]).

rule(suspicion_from_severe_or_interscapular_pain, concept(clinical_suspicion),
     any([severe_pain_all_positions = true, interscapular_pain = true]),
     [ section(diagnostics_suspicion),
       strength(standard_statement),
       quote("Ook hevige pijn in alle houdingen en pijn tussen de schouderbladen is verdacht."),
       nl("Hevige pijn in alle houdingen of pijn tussen de schouderbladen is verdacht."),
       en("Severe pain in all positions or pain between the shoulder blades is suspect.")
     ]).

% I-suspicion-from-neurological-signs: the urgency list presupposes that
% these signs make a patient one "met verdenking op wervelmetastasen".
rule(suspicion_from_neurological_signs, concept(clinical_suspicion),
     neurological_sign,
     [ section(diagnostics_suspicion),
       strength(recommended),
       quote("Er wordt geadviseerd om bij een patiënt met verdenking op wervelmetastasen de MRI te maken:"),
       nl("Radiculaire pijn of uitval, neurologische uitval, klinische verdenking op MESMC of het symptoom van Lhermitte geven verdenking op wervelmetastasen."),
       en("Radicular pain or deficit, neurological deficit, clinically suspected MESCC or Lhermitte's sign raise the suspicion of spinal metastases.")
     ]).

rule(neurological_signs, concept(neurological_sign),
     any([ radicular_pain in [unilateral, bilateral],
           radicular_deficit in [unilateral, bilateral],
           neurological_deficit = true,
           mescc_suspected = true,
           lhermitte_sign = true
         ]),
     [ section(diagnostics_suspicion),
       strength(recommended),
       quote("binnen 1 week bij eenzijdige radiculaire pijn. [...] bij klinische verdenking op MESMC of het symptoom van Lhermitte [...] of bij bilaterale radiculaire pijn en/of uitval"),
       nl("Radiculaire pijn of uitval, neurologische uitval, verdenking op MESMC en het symptoom van Lhermitte zijn neurologische verschijnselen."),
       en("Radicular pain or deficit, neurological deficit, suspected MESCC and Lhermitte's sign are neurological signs.")
     ]).

                 /*******************************
                 *   CONCEPTS USED EVERYWHERE   *
                 *******************************/

concept(pain,
        nl("pijn door (verdenking op) wervelmetastasen"),
        en("pain from (suspected) spinal metastases")).
concept(mescc,
        nl("klinische en/of radiologische MESMC"),
        en("clinical and/or radiological MESCC")).
concept(neurological_deficit_from_mescc,
        nl("neurologische uitval door MESMC"),
        en("neurological deficit from MESCC")).

rule(pain_symptoms, concept(pain),
     any([ back_pain = true,
           radicular_pain in [unilateral, bilateral],
           severe_pain_all_positions = true,
           interscapular_pain = true
         ]),
     [ section(diagnostics_suspicion),
       strength(standard_statement),
       quote("Alarmsymptomen bij rugpijn [...] Ook hevige pijn in alle houdingen en pijn tussen de schouderbladen is verdacht. [...] binnen 1 week bij eenzijdige radiculaire pijn."),
       nl("Rugpijn, radiculaire pijn, hevige pijn in alle houdingen en pijn tussen de schouderbladen zijn pijn."),
       en("Back pain, radicular pain, severe pain in all positions and interscapular pain count as pain.")
     ]).

rule(mescc_clinical_or_radiological, concept(mescc),
     any([mescc_suspected = true, mescc_on_imaging = true]),
     [ section(diagnostics_suspicion),
       strength(recommended),
       quote("indien er klinisch en/of radiologisch MESMC bestaat."),
       nl("MESMC bestaat klinisch (verdenking) en/of radiologisch."),
       en("MESCC is present clinically (suspected) and/or on imaging.")
     ]).

rule(deficit_from_mescc, concept(neurological_deficit_from_mescc),
     all([neurological_deficit = true, mescc]),
     [ section(diagnostics_suspicion),
       strength(working_group_opinion),
       quote("bij patiënten met neurologische uitval door MESMC"),
       nl("Neurologische uitval bij MESMC."),
       en("Neurological deficit with MESCC.")
     ]).

                 /*******************************
                 *             MRI              *
                 *******************************/

concept(mri_to_be_made,
        nl("MRI te maken bij verdenking op wervelmetastasen"),
        en("an MRI is to be made for suspected spinal metastases")).

% I-urgency-only-with-indicated-mri: the urgency list ("de MRI te maken")
% gives the deadline of the MRI that the indication sentence asks for; an
% MRI is "to be made" only where that sentence indicates it.
rule(mri_needed_for_suspicion, concept(mri_to_be_made),
     decided(mri, indicated),
     [ section(diagnostics_suspicion),
       strength(required),
       quote("Er dient een MRI-scan gemaakt te worden bij patiënten met een bekende primaire maligniteit en een klinische verdenking op wervelmetastasen [...] Er wordt geadviseerd om bij een patiënt met verdenking op wervelmetastasen de MRI te maken:"),
       nl("De MRI is geïndiceerd (bekende primaire maligniteit, klinische verdenking, geen adequate beeldvorming) en moet dus gemaakt worden."),
       en("The MRI is indicated (known primary malignancy, clinical suspicion, no adequate imaging) and so is to be made.")
     ]).

rule(mri_indicated_known_primary, mri = indicated,
     all([known_primary_malignancy = true, clinical_suspicion,
          adequate_imaging_available = false]),
     [ section(diagnostics_suspicion),
       strength(required),
       quote("Er dient een MRI-scan gemaakt te worden bij patiënten met een bekende primaire maligniteit en een klinische verdenking op wervelmetastasen, tenzij er al beeldvorming aanwezig is waarop de wervelmetastasen adequaat zijn afgebeeld."),
       nl("Maak een MRI-scan: bekende primaire maligniteit en klinische verdenking op wervelmetastasen."),
       en("Make an MRI scan: known primary malignancy and clinical suspicion of spinal metastases.")
     ]).

rule(mri_existing_imaging_suffices, mri = existing_imaging_suffices,
     all([known_primary_malignancy = true, clinical_suspicion,
          adequate_imaging_available = true]),
     [ section(diagnostics_suspicion),
       strength(required),
       quote("tenzij er al beeldvorming aanwezig is waarop de wervelmetastasen adequaat zijn afgebeeld."),
       nl("Geen nieuwe MRI nodig: bestaande beeldvorming beeldt de wervelmetastasen adequaat af."),
       en("No new MRI needed: existing imaging shows the spinal metastases adequately.")
     ]).

% I-only-local-back-pain: "alleen lokale rugpijn" is back pain without
% any sign that the list gives a stricter deadline (radicular pain or
% deficit, neurological deficit, suspected MESCC, Lhermitte's sign).
rule(mri_within_2_weeks_local_back_pain, mri_urgency = within_2_weeks,
     all([mri_to_be_made, back_pain = true,
          radicular_pain = none, radicular_deficit = none,
          neurological_deficit = false, mescc_suspected = false,
          lhermitte_sign = false]),
     [ section(diagnostics_suspicion),
       strength(recommended),
       quote("Er wordt geadviseerd om bij een patiënt met verdenking op wervelmetastasen de MRI te maken: [...] binnen 2 weken bij alleen lokale rugpijn."),
       nl("Maak de MRI binnen 2 weken bij alleen lokale rugpijn (geen radiculaire pijn of uitval, geen neurologische uitval, geen verdenking op MESMC, geen symptoom van Lhermitte)."),
       en("Make the MRI within 2 weeks for local back pain only (no radicular pain or deficit, no neurological deficit, no suspected MESCC, no Lhermitte's sign).")
     ]).

rule(mri_within_1_week_unilateral_radicular_pain, mri_urgency = within_1_week,
     all([mri_to_be_made, radicular_pain = unilateral]),
     [ section(diagnostics_suspicion),
       strength(recommended),
       quote("binnen 1 week bij eenzijdige radiculaire pijn."),
       nl("Maak de MRI binnen 1 week bij eenzijdige radiculaire pijn."),
       en("Make the MRI within 1 week for unilateral radicular pain.")
     ]).

rule(mri_within_48_hours_slow_unilateral_deficit, mri_urgency = within_48_hours,
     all([mri_to_be_made, radicular_deficit = unilateral,
          deficit_onset_days > 7, deficit_progressive = true]),
     [ section(diagnostics_suspicion),
       strength(recommended),
       quote("binnen 48 uur bij eenzijdige radiculaire uitval die over meer dan 7 dagen ontstaan en progressief is."),
       nl("Maak de MRI binnen 48 uur bij eenzijdige radiculaire uitval, over meer dan 7 dagen ontstaan en progressief."),
       en("Make the MRI within 48 hours for unilateral radicular deficit that developed over more than 7 days and is progressive.")
     ]).

rule(mri_within_24_hours_fast_unilateral_deficit, mri_urgency = within_24_hours,
     all([mri_to_be_made, radicular_deficit = unilateral,
          deficit_onset_days =< 7, deficit_progressive = true]),
     [ section(diagnostics_suspicion),
       strength(recommended),
       quote("binnen 24 uur bij eenzijdige radiculaire uitval die binnen 7 dagen ontstaan en progressief is."),
       nl("Maak de MRI binnen 24 uur bij eenzijdige radiculaire uitval, binnen 7 dagen ontstaan en progressief."),
       en("Make the MRI within 24 hours for unilateral radicular deficit that developed within 7 days and is progressive.")
     ]).

rule(mri_within_12_hours_mescc_or_bilateral, mri_urgency = within_12_hours,
     all([mri_to_be_made,
          any([ mescc_suspected = true,
                lhermitte_sign = true,
                radicular_pain = bilateral,
                radicular_deficit = bilateral
              ])]),
     [ section(diagnostics_suspicion),
       strength(recommended),
       quote("zo spoedig mogelijk, maar in elk geval binnen 12 uur, bij klinische verdenking op MESMC of het symptoom van Lhermitte (met pijn in de nek of geen andere oorzakelijke factor; zie Diagnostiek - Klinische verschijnselen) of bij bilaterale radiculaire pijn en/of uitval"),
       nl("Maak de MRI zo spoedig mogelijk, in elk geval binnen 12 uur: verdenking op MESMC, symptoom van Lhermitte of bilaterale radiculaire pijn en/of uitval."),
       en("Make the MRI as soon as possible, at the latest within 12 hours: suspected MESCC, Lhermitte's sign or bilateral radicular pain and/or deficit.")
     ]).

rule(mri_not_urgent_complete_lesion_over_48_hours, mri_urgency = not_urgent,
     all([mri_to_be_made, complete_cord_lesion = true,
          complete_cord_lesion_hours > 48]),
     [ section(diagnostics_suspicion),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat er geen reden meer is voor spoeddiagnostiek, indien een complete dwarslaesie (complete uitval van sensibiliteit en kracht in het sacrale segment S4-S5 (=ASIA score A)) bij eerste presentatie, reeds langer dan 48 uur bestaat."),
       nl("Geen spoeddiagnostiek: complete dwarslaesie (ASIA A) bestaat bij eerste presentatie al langer dan 48 uur."),
       en("No urgent diagnostics: a complete cord lesion (ASIA A) has existed for more than 48 hours at first presentation.")
     ]).

% The 2-week rule excludes every finding of the stricter rules
% (I-only-local-back-pain), so only the stricter deadlines overlap.
priority(mri_urgency_12_hours_is_strictest, mri_urgency,
         value(within_12_hours),
         [value(within_24_hours), value(within_48_hours), value(within_1_week)],
         [why("The strictest applicable MRI deadline wins."),
          quote("zodat de behandeling bij aangetoonde MESMC ruim binnen 24 uur aan kan vangen.")]).
priority(mri_urgency_24_hours_before_later, mri_urgency,
         value(within_24_hours),
         [value(within_48_hours), value(within_1_week)],
         [why("The strictest applicable MRI deadline wins.")]).
priority(mri_urgency_48_hours_before_later, mri_urgency,
         value(within_48_hours), value(within_1_week),
         [why("The strictest applicable MRI deadline wins.")]).
priority(mri_urgency_complete_lesion_over_48_hours, mri_urgency,
         value(not_urgent),
         [value(within_12_hours), value(within_24_hours), value(within_48_hours),
          value(within_1_week)],
         [why("A complete cord lesion that existed for more than 48 hours at first presentation takes away the reason for urgent diagnostics."),
          quote("De werkgroep is van mening dat er geen reden meer is voor spoeddiagnostiek")]).

rule(mri_protocol, advice = mri_protocol_whole_spine,
     mri_to_be_made,
     [ section(diagnostics_suspicion),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat een MRI bij patiënten met verdenking op wervelmetastasen minimaal moet bestaan uit zowel T1- als T2- gewogen sagittale opnamen van de gehele wervelkolom en T1- en/of T2-gewogen axiale opnamen door het klinisch aangedane niveau en/of de wervels met epidurale uitbreiding op de sagittale reeks."),
       nl("MRI minimaal: T1- en T2-gewogen sagittale opnamen van de gehele wervelkolom en T1- en/of T2-gewogen axiale opnamen door het aangedane niveau."),
       en("MRI at least: T1- and T2-weighted sagittal images of the whole spine and T1- and/or T2-weighted axial images through the affected level.")
     ]).

rule(instruct_patient, advice = instruct_patient_to_report_changes,
     clinical_suspicion,
     [ section(diagnostics_suspicion),
       strength(instruction),
       quote("Instrueer de patiënt altijd om contact op te nemen met de regievoerend specialist bij verergering en/of verandering van de klachten."),
       nl("Instrueer de patiënt contact op te nemen met de regievoerend specialist bij verergering en/of verandering van de klachten."),
       en("Instruct the patient to contact the lead specialist if the complaints worsen and/or change.")
     ]).
