:- encoding(utf8).
/** <module> Specificeer radiotherapie

Guideline pages "Specificeer radiotherapie" and "Specificeer radiotherapie na
chirurgie": the schedule for pain, for oligometastases, for neurological
deficit by condition and life expectancy, re-irradiation, and the
post-operative schedules; with the named priorities between them.
*/
:- module(radiotherapy, []).
:- use_module(wervel_lp(rulebase)).
:- guideline_chapter.

section(radiotherapy_schedule,
        "Wervelmetastasen — Indicatie behandeling wervelmetastasen — Specificeer radiotherapie").
section(postoperative_radiotherapy_schedule,
        "Wervelmetastasen — Indicatie behandeling wervelmetastasen — Behandeling bij levensverwachting > 3md — Tijdsinterval tussen chirurgie en radiotherapie — Specificeer radiotherapie na chirurgie").

concept(radiotherapy_planned,
        nl("radiotherapie is (een van) de gekozen behandeling(en)"),
        en("radiotherapy is (one of) the chosen treatment(s)")).
concept(oligometastatic,
        nl("solitaire of oligometastasen (1-3 botmetastasen)"),
        en("solitary or oligometastases (1-3 bone metastases)")).

% I-mdt-schedule: with the MDT choice the schedule is given for the case
% that radiotherapy is chosen.
rule(radiotherapy_decided, concept(radiotherapy_planned),
     any([decided(treatment, radiotherapy),
          decided(treatment, radiotherapy_or_surgery_mdt)]),
     [ section(radiotherapy_schedule),
       strength(standard_statement),
       quote("Radiotherapie is de behandeling van voorkeur bij patiënten met kanker en pijn en /of neurologische uitvalsverschijnselen veroorzaakt door wervelmetastasen."),
       nl("De behandeling is radiotherapie (of de MDT-keuze tussen radiotherapie en chirurgie)."),
       en("The treatment is radiotherapy (or the MDT choice between radiotherapy and surgery).")
     ]).

% Issue 28: the course at this level. A first course is for a level not
% irradiated before and a patient not under radiotherapy; after radiotherapy
% at this level only the second course follows, on the sentence's terms.
concept(first_radiotherapy_course,
        nl("eerste bestraling op dit niveau (niet eerder bestraald, niet onder radiotherapie)"),
        en("first radiotherapy at this level (not irradiated before, not under radiotherapy)")).
concept(second_radiotherapy_course,
        nl("terugkeer van pijn of uitval na een initiële respons of onvoldoende respons op de eerste bestraling"),
        en("pain or deficit returned after an initial response, or insufficient response to the first radiotherapy")).
concept(radiotherapy_course_due,
        nl("een (eerste of tweede) bestraling op dit niveau is aan de orde"),
        en("a (first or second) course of radiotherapy at this level is due")).

rule(first_course_not_irradiated_before, concept(first_radiotherapy_course),
     all([prior_radiotherapy_same_level = false,
          deterioration_under_radiotherapy_and_corticosteroids = false]),
     [ section(radiotherapy_schedule),
       strength(required),
       quote("Bij terugkeer van pijn of neurologische uitvalsverschijnselen na een initiële respons of onvoldoende respons op de eerste bestraling dient een tweede behandeling met radiotherapie te worden gegeven vanwege de reële kans op respons."),
       nl("Dit niveau is niet eerder bestraald en de patiënt wordt niet bestraald: een eerste bestraling."),
       en("This level was not irradiated before and the patient is not under radiotherapy: a first course.")
     ]).

rule(second_course_recurrence_or_insufficient_response, concept(second_radiotherapy_course),
     any([recurrence_after_radiotherapy = true,
          insufficient_response_to_first_radiotherapy = true]),
     [ section(radiotherapy_schedule),
       strength(required),
       quote("Bij terugkeer van pijn of neurologische uitvalsverschijnselen na een initiële respons of onvoldoende respons op de eerste bestraling dient een tweede behandeling met radiotherapie te worden gegeven vanwege de reële kans op respons."),
       nl("Terugkeer na een initiële respons of onvoldoende respons op de eerste bestraling."),
       en("Return after an initial response, or insufficient response to the first radiotherapy.")
     ]).

rule(radiotherapy_course_first_or_second, concept(radiotherapy_course_due),
     all([deterioration_under_radiotherapy_and_corticosteroids = false,
          any([first_radiotherapy_course, second_radiotherapy_course])]),
     [ section(radiotherapy_schedule),
       strength(required),
       quote("een tweede behandeling met radiotherapie"),
       nl("Een eerste of een tweede bestraling op dit niveau is aan de orde."),
       en("A first or a second course of radiotherapy at this level is due.")
     ]).

rule(oligometastases_1_to_3, concept(oligometastatic),
     all([bone_metastases_count >= 1, bone_metastases_count =< 3]),
     [ section(radiotherapy_schedule),
       strength(standard_statement),
       quote("solitaire of oligometastasen (1-3 botmetastasen)"),
       nl("1 tot 3 botmetastasen."),
       en("1 to 3 bone metastases.")
     ]).

rule(radiotherapy_pain_8gy, radiotherapy_schedule = '8gy_single_fraction',
     all([radiotherapy_planned, first_radiotherapy_course, pain]),
     [ section(radiotherapy_schedule),
       strength(standard_statement),
       quote("Bij patiënten met pijn is een eenmalige fractie van 8 Gy de standaardbehandeling, ongeacht de levensverwachting, conditie of primaire tumor."),
       nl("Eenmalige fractie van 8 Gy (pijn)."),
       en("Single fraction of 8 Gy (pain).")
     ]).

rule(radiotherapy_pain_oligometastases, radiotherapy_schedule = '30_39gy_in_10_13_fractions_or_sbrt',
     all([radiotherapy_planned, first_radiotherapy_course, pain, oligometastatic]),
     [ section(radiotherapy_schedule),
       strength(standard_statement),
       quote("Bij patiënten met pijn waarbij er sprake is van solitaire of oligometastasen (1-3 botmetastasen) is een dosis van tenminste 30-39 Gy in 10-13 fracties (conventioneel), of een hypofractioneringsschema (met behulp van geavanceerde technieken) de behandeling van keuze."),
       nl("Tenminste 30-39 Gy in 10-13 fracties of hypofractionering (stereotactisch, 1-5 fracties, 18-35 Gy) bij oligometastasen."),
       en("At least 30-39 Gy in 10-13 fractions or hypofractionation (stereotactic, 1-5 fractions, 18-35 Gy) for oligometastases.")
     ]).

% I-condition-moderate-or-worse applies here too.
rule(radiotherapy_deficit_moderate_condition_or_short_life,
     radiotherapy_schedule = '8gy_single_fraction',
     all([radiotherapy_planned, first_radiotherapy_course, neurological_deficit = true,
          any([general_condition in [moderate, poor], life_expectancy_months < 12])]),
     [ section(radiotherapy_schedule),
       strength(standard_statement),
       quote("Bij patiënten met neurologische uitvalsverschijnselen die in een matige conditie zijn, of die een levensverwachting van minder dan 1 jaar hebben, is een eenmalige fractie van 8 Gy de standaardbehandeling."),
       nl("Eenmalige fractie van 8 Gy (uitval, matige conditie of levensverwachting < 1 jaar)."),
       en("Single fraction of 8 Gy (deficit, moderate condition or life expectancy under 1 year).")
     ]).

rule(radiotherapy_deficit_good_condition_long_life,
     radiotherapy_schedule = '30gy_in_10_fractions',
     all([radiotherapy_planned, first_radiotherapy_course, neurological_deficit = true,
          general_condition = good, life_expectancy_months >= 12]),
     [ section(radiotherapy_schedule),
       strength(standard_statement),
       quote("Bij patiënten met neurologische uitvalsverschijnselen die in een goede conditie zijn en een levensverwachting van minimaal 1 jaar hebben is een dosis van tenminste 30 Gy in 10 fracties de behandeling van voorkeur om de duur van respons te verbeteren."),
       nl("Tenminste 30 Gy in 10 fracties (uitval, goede conditie, levensverwachting minimaal 1 jaar)."),
       en("At least 30 Gy in 10 fractions (deficit, good condition, life expectancy at least 1 year).")
     ]).

rule(radiotherapy_reirradiation, radiotherapy_schedule = reirradiation,
     all([radiotherapy_planned, second_radiotherapy_course]),
     [ section(radiotherapy_schedule),
       strength(required),
       quote("Bij terugkeer van pijn of neurologische uitvalsverschijnselen na een initiële respons of onvoldoende respons op de eerste bestraling dient een tweede behandeling met radiotherapie te worden gegeven vanwege de reële kans op respons."),
       nl("Geef een tweede behandeling met radiotherapie (herbestraling)."),
       en("Give a second course of radiotherapy (re-irradiation).")
     ]).

% W4, Q2 (issue 28): I-postoperative-radiotherapy-needs-adequate-dose and
% I-postoperative-radiotherapy-after-histology.
concept(postoperative_radiotherapy_possible,
        nl("geopereerd, definitieve diagnose gesteld en een adequate en zinvolle dosis radiotherapie mogelijk"),
        en("operated, definitive diagnosis made and an adequate and meaningful radiotherapy dose possible")).

rule(postoperative_radiotherapy_adequate_dose, concept(postoperative_radiotherapy_possible),
     all([operated = true, definitive_diagnosis, adequate_radiotherapy_possible = true]),
     [ section(treatment_indication),
       strength(working_group_opinion),
       quote("mits de mogelijkheid bestaat tot het geven van een adequate en zinvolle dosis radiotherapie"),
       nl("Geopereerd, definitieve diagnose gesteld en een adequate en zinvolle dosis radiotherapie is mogelijk."),
       en("Operated, the definitive diagnosis made and an adequate and meaningful radiotherapy dose possible.")
     ]).

rule(postoperative_radiotherapy_short_life, radiotherapy_schedule = '20gy_in_5_fractions',
     all([postoperative_radiotherapy_possible, life_expectancy_months < 12]),
     [ section(postoperative_radiotherapy_schedule),
       strength(standard_statement),
       quote("Algemeen geldende doseringen zijn 20 Gy in 5 fracties bij patiënten met een korte levensverwachting (< 1 jaar)"),
       nl("Postoperatief 20 Gy in 5 fracties (levensverwachting < 1 jaar)."),
       en("Post-operatively 20 Gy in 5 fractions (life expectancy under 1 year).")
     ]).

% "< 1 jaar" and "> 1 jaar" leave exactly 12
% months open; see the anomaly register.
rule(postoperative_radiotherapy_long_life_or_oligometastases,
     radiotherapy_schedule = '30_39gy_in_10_13_fractions',
     all([postoperative_radiotherapy_possible, any([life_expectancy_months > 12, oligometastatic])]),
     [ section(postoperative_radiotherapy_schedule),
       strength(standard_statement),
       quote("tot 30-39 Gy in 10-13 fracties bij patiënten met een langere levensverwachting (> 1 jaar of bij oligometastasering)."),
       nl("Postoperatief 30-39 Gy in 10-13 fracties (levensverwachting > 1 jaar of oligometastasen)."),
       en("Post-operatively 30-39 Gy in 10-13 fractions (life expectancy over 1 year or oligometastases).")
     ]).

% No priority of the post-operative schedules over the primary ones: the
% primary schedules follow the treatment chosen, and an operated patient is
% past that choice (treatment_choice_due), so the two never meet.
% No priority of re-irradiation over a first schedule: a first course is for
% a level not irradiated before, so the two never meet (issue 28).
priority(deficit_schedule_over_pain_schedule, radiotherapy_schedule,
         [rule(radiotherapy_deficit_moderate_condition_or_short_life),
          rule(radiotherapy_deficit_good_condition_long_life)],
         [rule(radiotherapy_pain_8gy), rule(radiotherapy_pain_oligometastases)],
         [why("The schedules for neurological deficit are the more specific ones for a patient with deficit (who usually has pain too).")]).
priority(oligometastases_over_8gy, radiotherapy_schedule,
         rule(radiotherapy_pain_oligometastases), rule(radiotherapy_pain_8gy),
         [why("For solitary or oligometastases the higher dose is the treatment of choice; 8 Gy is the standard otherwise."),
          quote("de behandeling van keuze.")]).
priority(postoperative_oligometastases_longer_schedule, radiotherapy_schedule,
         rule(postoperative_radiotherapy_long_life_or_oligometastases),
         rule(postoperative_radiotherapy_short_life),
         [why("\"of bij oligometastasering\" extends the longer post-operative schedule to oligometastases whatever the life expectancy."),
          interpretation('I-postoperative-oligometastases')]).
