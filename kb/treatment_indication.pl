:- encoding(utf8).
/** <module> Indicatie behandeling wervelmetastasen

Guideline pages "Wervelmetastasen — Indicatie behandeling wervelmetastasen"
with "Behandeling bij levensverwachting < 3md" and "> 3md": radiotherapy as
first choice, the indications for surgery, the seven conditions of surgery,
the MDT choice, asymptomatic MESCC, chemotherapy/antihormonal therapy, en
bloc resection and combined procedures.
*/
:- module(treatment_indication, []).
:- use_module(wervel_lp(rulebase)).
:- guideline_chapter.

section(treatment_indication,
        "Wervelmetastasen — Indicatie behandeling wervelmetastasen").
section(treatment_long_life_expectancy,
        "Wervelmetastasen — Indicatie behandeling wervelmetastasen — Behandeling bij levensverwachting > 3md").

                 /*******************************
                 *     WHO NEEDS TREATMENT      *
                 *******************************/

concept(symptomatic_metastases,
        nl("symptomatische wervelmetastasen (met pijn en/of neurologische uitval)"),
        en("symptomatic spinal metastases (with pain and/or neurological deficit)")).
concept(treated_as_symptomatic,
        nl("te behandelen als symptomatische wervelmetastasen"),
        en("to be treated as symptomatic spinal metastases")).

rule(symptomatic_metastases_pain_or_deficit, concept(symptomatic_metastases),
     all([metastases_on_imaging = true, any([pain, neurological_deficit = true])]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("patiënten met symptomatische wervelmetastasen (met pijn en/of neurologische uitval)"),
       nl("Wervelmetastasen op beeldvorming met pijn en/of neurologische uitval."),
       en("Spinal metastases on imaging with pain and/or neurological deficit.")
     ]).

rule(treat_symptomatic_metastases, concept(treated_as_symptomatic),
     symptomatic_metastases,
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("patiënten met symptomatische wervelmetastasen (met pijn en/of neurologische uitval)"),
       nl("Symptomatische wervelmetastasen worden behandeld."),
       en("Symptomatic spinal metastases are treated.")
     ]).

rule(treat_asymptomatic_mescc_as_symptomatic, concept(treated_as_symptomatic),
     all([asymptomatic_mescc, deficit_expected_soon = true,
          responsive_systemic_therapy_ongoing = false,
          life_expectancy_months > 3]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat patiënten met - bij toeval gevonden - asymptomatische MESMC laagdrempelig dezelfde behandeling moeten krijgen als patiënten met symptomatische MESMC, indien: - neurologische uitval, door de uitgebreidheid van werveldestructie, op korte termijn te verwachten is, en - er geen gelijktijdige systeemtherapie gegeven wordt, waarvan een respons op de asymptomatische MESMC te verwachten is, en - de levensverwachting meer dan drie maanden bedraagt"),
       nl("Asymptomatische MESMC laagdrempelig behandelen als symptomatische MESMC: uitval op korte termijn te verwachten, geen responsieve systeemtherapie, levensverwachting > 3 maanden."),
       en("Treat asymptomatic MESCC like symptomatic MESCC: deficit expected soon, no responsive systemic therapy, life expectancy > 3 months.")
     ]).

                 /*******************************
                 *     INDICATION OF SURGERY    *
                 *******************************/

concept(surgery_indicated,
        nl("indicatie voor chirurgie"),
        en("indication for surgery")).

rule(surgery_indicated_instability, concept(surgery_indicated),
     all([treated_as_symptomatic, spinal_instability = true]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat bij patiënten met symptomatische wervelmetastasen (met pijn en/of neurologische uitval) chirurgie de behandeling van voorkeur is: - bij instabiliteit van de wervelkolom en/of"),
       nl("Chirurgie heeft de voorkeur bij instabiliteit van de wervelkolom."),
       en("Surgery is preferred for spinal instability.")
     ]).

rule(surgery_indicated_recurrence_without_adequate_radiotherapy, concept(surgery_indicated),
     all([treated_as_symptomatic, recurrence_after_radiotherapy = true,
          adequate_radiotherapy_possible = false]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("als er sprake is van een recidief of progressie van pijn en/of neurologische uitval na eerdere radiotherapie met onmogelijkheid tot het geven van een adequate of zinvolle dosis radiotherapie"),
       nl("Chirurgie heeft de voorkeur bij recidief of progressie na eerdere radiotherapie zonder mogelijkheid van adequate radiotherapie."),
       en("Surgery is preferred for recurrence or progression after earlier radiotherapy when no adequate radiotherapy dose can be given.")
     ]).

rule(surgery_indicated_deterioration_under_radiotherapy, concept(surgery_indicated),
     all([treated_as_symptomatic,
          deterioration_under_radiotherapy_and_corticosteroids = true]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("bij neurologische achteruitgang ten gevolge van progressieve MESMC onder radiotherapie en behandeling met corticosteroïden."),
       nl("Chirurgie heeft de voorkeur bij neurologische achteruitgang door progressieve MESMC onder radiotherapie en corticosteroïden."),
       en("Surgery is preferred for neurological deterioration from progressive MESCC under radiotherapy and corticosteroids.")
     ]).

                 /*******************************
                 *     CONDITIONS OF SURGERY    *
                 *******************************/

concept(surgical_conditions_met,
        nl("aan de voorwaarden voor een chirurgische ingreep is voldaan"),
        en("the conditions for surgery are met")).
concept(surgical_conditions_besides_tumour_type,
        nl("aan de voorwaarden voor een chirurgische ingreep is voldaan, behalve de voorwaarde over een chemotherapiegevoelige tumor"),
        en("the conditions for surgery are met, apart from the condition on a chemotherapy-sensitive tumour")).
concept(life_expectancy_allows_surgery,
        nl("levensverwachting voldoende voor de ingreep"),
        en("life expectancy sufficient for the operation")).
concept(chemosensitive_tumour,
        nl("chemotherapiegevoelige tumor"),
        en("chemotherapy-sensitive tumour")).
concept(no_chemosensitive_tumour_with_stable_spine,
        nl("bij een stabiele wervelkolom geen chemotherapiegevoelige tumor"),
        en("no chemotherapy-sensitive tumour with a stable spine")).
concept(cord_lesion_allows_surgery,
        nl("geen complete dwarslaesie, of korter dan 24 uur, of duidelijke verbetering op corticosteroïden"),
        en("no complete cord lesion, or for less than 24 hours, or clearly improving on corticosteroids")).
concept(limited_contiguous_involvement,
        nl("aaneengesloten aantasting van 1 tot maximaal 3 wervels zonder uitgebreide epidurale uitbreiding elders"),
        en("contiguous involvement of 1 to at most 3 vertebrae without extensive epidural extension elsewhere")).
concept(expert_surgery_available_if_deficit,
        nl("bij uitval door MESMC: operatie door ervaren chirurg binnen 24 uur mogelijk"),
        en("with deficit from MESCC: operation by an expert surgeon within 24 hours possible")).

% The seven conditions: the six that the findings settle before any
% histology, and the one on a chemotherapy-sensitive tumour, which needs
% the tumour type (see consider_decompressive_surgery).
rule(surgical_conditions, concept(surgical_conditions_met),
     all([surgical_conditions_besides_tumour_type,
          no_chemosensitive_tumour_with_stable_spine]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat aan een chirurgische ingreep de volgende voorwaarden verbonden zijn:"),
       nl("Aan alle zeven voorwaarden voor een chirurgische ingreep is voldaan."),
       en("All seven conditions for surgery are met.")
     ]).

rule(surgical_conditions_other_than_tumour_type, concept(surgical_conditions_besides_tumour_type),
     all([ life_expectancy_allows_surgery,
           fit_for_surgery = true,
           whole_spine_mri = true,
           cord_lesion_allows_surgery,
           limited_contiguous_involvement,
           expert_surgery_available_if_deficit
         ]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat aan een chirurgische ingreep de volgende voorwaarden verbonden zijn: [...] de klinische toestand van de patiënt laat een operatie toe, en [...] er is beeldvorming door middel van een MRI van de gehele wervelkolom, en"),
       nl("Aan de zes voorwaarden voor een chirurgische ingreep naast die over een chemotherapiegevoelige tumor is voldaan."),
       en("The six conditions for surgery besides the one on a chemotherapy-sensitive tumour are met.")
     ]).

rule(life_expectancy_at_least_3_months, concept(life_expectancy_allows_surgery),
     all([combined_procedure = false, life_expectancy_months >= 3]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("er is een levensverwachting van minstens drie maanden (bij gecombineerde ingrepen wordt zes maanden aangehouden), en"),
       nl("Levensverwachting van minstens drie maanden."),
       en("Life expectancy of at least three months.")
     ]).

% I-combined-procedure-more-than-6-months: the two sentences differ ("zes
% maanden" versus "meer dan zes maanden"); the stricter one is encoded.
rule(life_expectancy_over_6_months_combined, concept(life_expectancy_allows_surgery),
     all([combined_procedure = true, life_expectancy_months > 6]),
     [ section(treatment_long_life_expectancy),
       strength(working_group_opinion),
       quote("Bij een gecombineerde ingreep wordt een levensverwachting van meer dan zes maanden aangehouden."),
       nl("Bij een gecombineerde ingreep een levensverwachting van meer dan zes maanden."),
       en("For a combined procedure a life expectancy of more than six months.")
     ]).

% I-chemosensitive-examples: the named examples define the set.
rule(chemosensitive_tumour_types, concept(chemosensitive_tumour),
     tumour_type in [nhl_intermediate_grade, nhl_high_grade, germ_cell, multiple_myeloma],
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("chemotherapiegevoelige tumor (zoals bijvoorbeeld een non- Hodgkin-lymfoom van intermediaire of hoge maligniteitsgraad, kiemceltumor, of multipel myeloom)"),
       nl("Non-Hodgkin-lymfoom van intermediaire of hoge graad, kiemceltumor of multipel myeloom."),
       en("Intermediate- or high-grade non-Hodgkin lymphoma, germ cell tumour or multiple myeloma.")
     ]).

rule(chemosensitive_tumour_condition, concept(no_chemosensitive_tumour_with_stable_spine),
     any([spinal_instability = true, not(chemosensitive_tumour)]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("er is, bij een stabiele wervelkolom, geen sprake van een chemotherapiegevoelige tumor"),
       nl("Bij een stabiele wervelkolom geen chemotherapiegevoelige tumor."),
       en("With a stable spine, no chemotherapy-sensitive tumour.")
     ]).

rule(cord_lesion_condition, concept(cord_lesion_allows_surgery),
     any([complete_cord_lesion = false,
          complete_cord_lesion_hours < 24,
          improving_on_corticosteroids = true]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("als er sprake is van een complete dwarslaesie (complete uitval van sensibiliteit en kracht in het sacrale segment S4-S5 (=ASIA score A) bestaat deze korter dan 24 uur of bestaat deze langere tijd maar vertoont een duidelijke tendens tot klinische verbetering na het starten van corticosteroïden, en"),
       nl("Geen complete dwarslaesie, of korter dan 24 uur, of duidelijke verbetering na start corticosteroïden."),
       en("No complete cord lesion, or for less than 24 hours, or clearly improving since corticosteroids were started.")
     ]).

rule(contiguous_involvement_condition, concept(limited_contiguous_involvement),
     all([contiguous_affected_vertebrae >= 1, contiguous_affected_vertebrae =< 3,
          extensive_epidural_extension_elsewhere = false]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("er is een aaneengesloten gebied van aantasting en/of obstructie van 1 tot maximaal 3 wervels zonder metastasen met uitgebreide epidurale uitbreiding elders in de wervelkolom, en"),
       nl("Aaneengesloten aantasting van 1 tot maximaal 3 wervels zonder uitgebreide epidurale uitbreiding elders."),
       en("Contiguous involvement of 1 to at most 3 vertebrae without extensive epidural extension elsewhere.")
     ]).

rule(expert_surgery_condition, concept(expert_surgery_available_if_deficit),
     any([not(neurological_deficit_from_mescc), expert_surgery_within_24h = true]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("bij (progressieve) neurologische uitval door MESMC bestaat de mogelijkheid om een operatie door een chirurg met expertise op dit gebied binnen 24 uur uit te voeren."),
       nl("Bij uitval door MESMC is een operatie door een ervaren chirurg binnen 24 uur mogelijk."),
       en("With deficit from MESCC, an operation by an expert surgeon within 24 hours is possible.")
     ]).

concept(surgery_considered,
        nl("chirurgie komt ter sprake"),
        en("surgery is to be considered")).
concept(potential_surgical_candidate,
        nl("patiënt komt eventueel in aanmerking voor een operatieve ingreep"),
        en("the patient may qualify for an operation")).

% W3 (issue 28): surgery is considered before the operation only.
rule(surgery_considered_when_indicated, concept(surgery_considered),
     all([surgery_indicated, metastases_on_imaging = true, operated = false]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("chirurgie de behandeling van voorkeur is:"),
       nl("Er is een indicatie voor chirurgie."),
       en("There is an indication for surgery.")
     ]).

rule(surgery_considered_for_deficit_from_mescc, concept(surgery_considered),
     all([neurological_deficit_from_mescc, metastases_on_imaging = true, operated = false]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat radiotherapie en chirurgie beiden goede opties zijn bij patiënten met neurologische uitval door MESMC"),
       nl("Bij neurologische uitval door MESMC is chirurgie een optie."),
       en("With neurological deficit from MESCC, surgery is an option.")
     ]).

% I-potential-surgical-candidate
rule(potential_surgical_candidate_fit, concept(potential_surgical_candidate),
     all([surgery_considered, fit_for_surgery = true]),
     [ section(additional_diagnostics),
       strength(working_group_opinion),
       quote("indien patiënt eventueel in aanmerking komt voor een operatieve ingreep (zie boom indicatie behandeling wervelmetastasen)."),
       nl("Chirurgie komt ter sprake en de klinische toestand laat een operatie toe."),
       en("Surgery is to be considered and the clinical condition allows an operation.")
     ]).

rule(surgery_eligible_conditions_met, surgery_eligible = yes,
     all([surgery_considered, surgical_conditions_met]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat aan een chirurgische ingreep de volgende voorwaarden verbonden zijn:"),
       nl("Aan de voorwaarden voor een chirurgische ingreep is voldaan."),
       en("The conditions for surgery are met.")
     ]).

rule(surgery_not_eligible_condition_failed, surgery_eligible = no,
     all([surgery_considered, not(surgical_conditions_met)]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat aan een chirurgische ingreep de volgende voorwaarden verbonden zijn:"),
       nl("Aan ten minste één voorwaarde voor een chirurgische ingreep is niet voldaan."),
       en("At least one condition for surgery is not met.")
     ]).

                 /*******************************
                 *           TREATMENT          *
                 *******************************/

rule(radiotherapy_first_choice, treatment = radiotherapy,
     all([treatment_choice_due, treated_as_symptomatic, adequate_radiotherapy_possible = true,
          radiotherapy_course_due]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat radiotherapie de behandeling van eerste keus is voor patiënten met symptomatische wervelmetastasen (met pijn en/of neurologische uitval), mits de mogelijkheid bestaat tot het geven van een adequate en zinvolle dosis radiotherapie en er geen indicatie is voor chirurgie of chemotherapie."),
       nl("Radiotherapie is de behandeling van eerste keus."),
       en("Radiotherapy is the treatment of first choice.")
     ]).

% I-deterioration-under-radiotherapy-surgery: deterioration under
% radiotherapy and corticosteroids has its own rule (below), which beats
% the MDT choice; this one covers the other indications.
rule(surgery_preferred, treatment = surgery,
     all([treatment_choice_due, surgery_indicated, surgical_conditions_met,
          deterioration_under_radiotherapy_and_corticosteroids = false]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat bij patiënten met symptomatische wervelmetastasen (met pijn en/of neurologische uitval) chirurgie de behandeling van voorkeur is:"),
       nl("Chirurgie is de behandeling van voorkeur (indicatie en voorwaarden vervuld)."),
       en("Surgery is the preferred treatment (indication and conditions met).")
     ]).

% I-deterioration-under-radiotherapy-surgery: a patient whose deficit
% worsens from progressive MESCC under radiotherapy and corticosteroids no
% longer meets the indication of radiotherapy as first treatment, so the
% MDT choice between the two does not apply; surgery is the treatment of
% preference when its conditions are met.
rule(surgery_on_deterioration_under_radiotherapy, treatment = surgery,
     all([treatment_choice_due, neurological_deficit_from_mescc,
          deterioration_under_radiotherapy_and_corticosteroids = true,
          surgical_conditions_met]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("chirurgie de behandeling van voorkeur is: [...] bij neurologische achteruitgang ten gevolge van progressieve MESMC onder radiotherapie en behandeling met corticosteroïden."),
       nl("Chirurgie is de behandeling van voorkeur: neurologische achteruitgang door progressieve MESMC onder radiotherapie en corticosteroïden, voorwaarden vervuld; radiotherapie is dan geen gelijkwaardige optie meer."),
       en("Surgery is the preferred treatment: neurological deterioration from progressive MESCC under radiotherapy and corticosteroids, conditions met; radiotherapy is then no longer an equal option.")
     ]).

% I-mdt-needs-surgical-indication: "voldoen aan de indicaties en
% voorwaarden voor zowel chirurgie" needs one of the three listed
% indications for surgery, not only the deficit from MESCC.
rule(radiotherapy_or_surgery_by_mdt, treatment = radiotherapy_or_surgery_mdt,
     all([treatment_choice_due, neurological_deficit_from_mescc, surgery_indicated,
          surgical_conditions_met, adequate_radiotherapy_possible = true,
          radiotherapy_course_due]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat radiotherapie en chirurgie beiden goede opties zijn bij patiënten met neurologische uitval door MESMC, indien patiënten voldoen aan de indicaties en voorwaarden voor zowel chirurgie als radiotherapie. In dat geval dient in overleg met de patiënt een keuze gemaakt te worden op basis van spoedoverleg tussen radiotherapeut, wervelkolomchirurg, neuroloog/neuro-oncoloog en hoofdbehandelaar (meestal internist-oncoloog, longarts of uroloog)."),
       nl("Radiotherapie en chirurgie zijn beide goede opties: kies met de patiënt na spoedoverleg tussen radiotherapeut, wervelkolomchirurg, neuroloog en hoofdbehandelaar."),
       en("Radiotherapy and surgery are both good options: choose with the patient after urgent consultation of radiotherapist, spine surgeon, neurologist and lead physician.")
     ]).

% I-life-expectancy-branches: chemotherapy/antihormonal therapy stands on
% the tree's "> 3md" pages only; the "< 3md" page offers radiotherapy. The
% branch is read as "at least 3 months", as the surgical condition
% ("minstens drie maanden") on the same page.
% I-rapid-effect-tumour-types: the "vooral bij" list names the tumours
% with a large chance of a rapid effect.
rule(systemic_therapy_rapid_effect_expected, treatment = systemic_therapy,
     all([treatment_choice_due, neurological_deficit_from_mescc, systemic_therapy_sensitive = true,
          life_expectancy_months >= 3,
          tumour_type in [multiple_myeloma, nhl_high_grade, nhl_intermediate_grade, germ_cell]]),
     [ section(treatment_long_life_expectancy),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat bij de behandeling van neurologische uitval door MESMC chemotherapie en antihormonale therapie als eerste keuze kunnen worden toegepast bij potentieel hiervoor gevoelige tumoren als er: - een grote kans is op een snel effect van chemotherapie (vooral bij multipel myeloom, non-Hodgkin lymfomen van hoge of intermediaire maligniteitsgraad en gemetastaseerde kiemceltumoren), en/of"),
       nl("Chemotherapie/antihormonale therapie als eerste keuze: grote kans op snel effect."),
       en("Chemotherapy/antihormonal therapy as first choice: a rapid effect is likely.")
     ]).

rule(systemic_therapy_vital_indication, treatment = systemic_therapy,
     all([treatment_choice_due, neurological_deficit_from_mescc, systemic_therapy_sensitive = true,
          life_expectancy_months >= 3,
          vital_indication_systemic_therapy = true]),
     [ section(treatment_long_life_expectancy),
       strength(working_group_opinion),
       quote("als eerste keuze kunnen worden toegepast bij potentieel hiervoor gevoelige tumoren als er: [...] anderszins een vitale indicatie is voor chemotherapie en deze niet kan worden uitgesteld, en/of"),
       nl("Chemotherapie/antihormonale therapie als eerste keuze: vitale indicatie die niet kan worden uitgesteld."),
       en("Chemotherapy/antihormonal therapy as first choice: a vital indication that cannot be postponed.")
     ]).

rule(systemic_therapy_no_local_options, treatment = systemic_therapy,
     all([treatment_choice_due, neurological_deficit_from_mescc, systemic_therapy_sensitive = true,
          life_expectancy_months >= 3,
          adequate_radiotherapy_possible = false, not(surgical_conditions_met)]),
     [ section(treatment_long_life_expectancy),
       strength(working_group_opinion),
       quote("als eerste keuze kunnen worden toegepast bij potentieel hiervoor gevoelige tumoren als er: [...] geen mogelijkheden (meer) zijn voor radiotherapie en chirurgie."),
       nl("Chemotherapie/antihormonale therapie als eerste keuze: geen mogelijkheden (meer) voor radiotherapie en chirurgie."),
       en("Chemotherapy/antihormonal therapy as first choice: no (further) options for radiotherapy and surgery.")
     ]).

priority(systemic_therapy_first_choice, treatment,
         value(systemic_therapy),
         [value(radiotherapy), value(surgery), value(radiotherapy_or_surgery_mdt)],
         [why("Where the guideline names chemotherapy/antihormonal therapy as first choice, it beats local treatment; radiotherapy is first choice only without an indication for chemotherapy."),
          quote("als eerste keuze kunnen worden toegepast")]).
priority(mdt_when_both_options_fit, treatment,
         value(radiotherapy_or_surgery_mdt), [rule(surgery_preferred), value(radiotherapy)],
         [why("A patient with neurological deficit from MESCC who meets the indications and conditions of both surgery and radiotherapy is discussed in an urgent MDT."),
          quote("radiotherapie en chirurgie beiden goede opties zijn")]).
% Deterioration under radiotherapy and corticosteroids ends the MDT choice
% (no radiotherapy course is due, kb/radiotherapy.pl), so surgery on
% deterioration needs no priority over it (issue 28).
priority(surgery_over_radiotherapy_when_indicated, treatment,
         value(surgery), value(radiotherapy),
         [why("Radiotherapy is first choice only when there is no indication for surgery; with an indication and all conditions met, surgery is preferred."),
          quote("en er geen indicatie is voor chirurgie of chemotherapie.")]).

                 /*******************************
                 *        FURTHER ADVICE        *
                 *******************************/

% I-life-expectancy-branches: on the "> 3md" page only.
rule(systemic_therapy_for_pain, advice = systemic_therapy_for_pain,
     all([metastases_on_imaging = true, pain, systemic_therapy_sensitive = true,
          life_expectancy_months >= 3]),
     [ section(treatment_long_life_expectancy),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat chemotherapie en antihormonale therapie kunnen worden toegepast bij patiënten met potentieel hiervoor gevoelige tumoren, met als doel om pijn ten gevolge van wervelmetastasen te verminderen en kwaliteit van leven te verbeteren."),
       nl("Chemotherapie of antihormonale therapie kan pijn verminderen en de kwaliteit van leven verbeteren."),
       en("Chemotherapy or antihormonal therapy may reduce pain and improve quality of life.")
     ]).

rule(no_routine_en_bloc_resection, advice = no_routine_en_bloc_resection,
     any([decided(treatment, surgery), decided(treatment, radiotherapy_or_surgery_mdt)]),
     [ section(treatment_long_life_expectancy),
       strength(not_recommended),
       quote("De werkgroep beveelt op dit moment niet aan om bij iedere symptomatische wervelmetastase een en bloc resectie uit te voeren"),
       nl("Voer niet routinematig een en-bloc-resectie uit."),
       en("Do not routinely perform an en bloc resection.")
     ]).

concept(local_treatment_planned,
        nl("patiënt gaat geopereerd en/of bestraald worden"),
        en("the patient is to have surgery and/or radiotherapy")).

rule(local_treatment_decided, concept(local_treatment_planned),
     any([decided(treatment, radiotherapy), decided(treatment, surgery),
          decided(treatment, radiotherapy_or_surgery_mdt)]),
     [ section(corticosteroids_before_mri),
       strength(recommended),
       quote("die geopereerd en/of bestraald gaan worden"),
       nl("De behandeling is radiotherapie en/of chirurgie."),
       en("The treatment is radiotherapy and/or surgery.")
     ]).
