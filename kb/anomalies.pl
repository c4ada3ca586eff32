:- encoding(utf8).
/** <module> Register of acknowledged anomalies

Where the guideline text is itself silent or self-contradictory, the
consistency check (`wervel-lp check`) finds an anomaly. Each one that the
knowledge engineers have reviewed is recorded here: its kind and subject
(as the check names them), the regions of cases it acknowledges, the
guideline quotes, the explanation, and the decision taken: `undetermined` (the kb leaves the topic open for such
cases) or `interpretation(Id)` (a named interpretation in
docs/interpretations.md). The check fails on an anomaly case that lies in
no acknowledged region, and on a region that holds no anomaly case any more
(a stale entry).

A region is `region(Conditions)`: a list of conditions in the rule language
of kb/README.md over the case's findings (numbers compared only with the
rules' own thresholds). An entry may have several. `region([])` acknowledges
every case of the subject: it marks an entry whose cases are not yet split
into regions, and `wervel-lp check` lists the regions it finds there.
*/
:- module(anomalies,
          [ acknowledged/4           % ?Id, ?Kind, ?Subject, ?Properties
          ]).

%! acknowledged(?Id, ?Kind, ?Subject, ?Properties) is nondet.
%
%  Anomaly Id, found by the check as Kind on Subject (a topic, obligation,
%  requirement or rule id), has been reviewed. Properties: region(Conditions)
%  (one or more, for a conflict, overlap, gap, incompatibility or safety
%  anomaly), quotes(List), explanation(String),
%  decision(undetermined | interpretation(Id)).
:- discontiguous acknowledged/4.

acknowledged(a1_mri_urgency_for_other_suspicion, gap, mri_urgency_when_mri_indicated,
    [ % suspicion from severe pain in all positions or interscapular pain alone, without back pain
      region([back_pain = false, any([severe_pain_all_positions = true, interscapular_pain = true]),
              radicular_pain = none, radicular_deficit = none,
              neurological_deficit = false, mescc_suspected = false, lhermitte_sign = false]),
      % a unilateral radicular deficit that is not progressive
      region([radicular_pain = none, radicular_deficit = unilateral, deficit_progressive = false,
              mescc_suspected = false, lhermitte_sign = false]),
      % a neurological deficit without radicular findings or suspected MESCC
      region([radicular_pain = none, radicular_deficit = none, neurological_deficit = true,
              mescc_suspected = false, lhermitte_sign = false]),
      quotes(["Er wordt geadviseerd om bij een patiënt met verdenking op wervelmetastasen de MRI te maken:",
              "binnen 2 weken bij alleen lokale rugpijn.",
              "Ook hevige pijn in alle houdingen en pijn tussen de schouderbladen is verdacht."]),
      explanation("The urgency list covers local back pain only, radicular pain, progressive unilateral deficit, suspected MESCC, Lhermitte's sign and bilateral radicular symptoms. A suspicion raised otherwise (severe pain in all positions or interscapular pain without back pain, a non-progressive unilateral deficit, a neurological deficit without radicular or MESCC findings) gets no deadline in the text, with or without back pain: back pain with such a finding is not \"alleen lokale rugpijn\" (I-only-local-back-pain)."),
      decision(undetermined)
    ]).

acknowledged(a2_no_treatment_named, gap, treatment_for_symptomatic_metastases,
    [ region([adequate_radiotherapy_possible = false]),
      quotes(["mits de mogelijkheid bestaat tot het geven van een adequate en zinvolle dosis radiotherapie en er geen indicatie is voor chirurgie of chemotherapie."]),
      explanation("When no adequate radiotherapy dose can be given, surgery is not indicated or its conditions are not met, and chemotherapy/antihormonal therapy is not named first choice, the guideline names no treatment."),
      decision(undetermined)
    ]).

acknowledged(a3_eligibility_with_unknown_primary, gap, surgery_eligibility_when_considered,
    [ region([known_primary_malignancy = false, spinal_instability = false]),
      quotes(["er is, bij een stabiele wervelkolom, geen sprake van een chemotherapiegevoelige tumor"]),
      explanation("With an unknown primary and a stable spine, whether the tumour is chemotherapy-sensitive (and so whether surgery is allowed) cannot be known before the histology. The advice to consider decompressive surgery for this patient uses the other six conditions (I-decompression-before-histology)."),
      decision(undetermined)
    ]).

acknowledged(a4_schedule_without_pain_or_deficit, gap, schedule_when_radiotherapy,
    [ region([back_pain = false, severe_pain_all_positions = false, interscapular_pain = false,
              radicular_pain = none, neurological_deficit = false]),
      quotes(["Bij patiënten met pijn is een eenmalige fractie van 8 Gy de standaardbehandeling",
              "laagdrempelig dezelfde behandeling moeten krijgen als patiënten met symptomatische MESMC"]),
      explanation("Asymptomatic MESCC is to be irradiated like symptomatic MESCC, but the schedules are given for patients with pain or with neurological deficit only."),
      decision(undetermined)
    ]).

acknowledged(a5_postoperative_schedule_at_one_year, gap, schedule_after_operation,
    [ region([operated = true, life_expectancy_months = 12]),
      quotes(["20 Gy in 5 fracties bij patiënten met een korte levensverwachting (< 1 jaar)",
              "tot 30-39 Gy in 10-13 fracties bij patiënten met een langere levensverwachting (> 1 jaar of bij oligometastasering)."]),
      explanation("\"< 1 jaar\" and \"> 1 jaar\" leave a life expectancy of exactly 12 months (without oligometastases) open."),
      decision(undetermined)
    ]).

acknowledged(a6_time_to_therapy_not_listed, gap, start_of_therapy_for_symptomatic_metastases,
    [ region([deficit_onset_days = 7]),
      region([deficit_onset_days >= 7, ambulatory = false]),
      region([neurological_deficit = true, deficit_progressive = false]),
      region([mescc_suspected = true, mescc_on_imaging = false, neurological_deficit = false]),
      % Found by the region check (issue 14), not in the note below; for clinical review:
      % metastases on imaging without MESCC, pain or radicular findings.
      region([metastases_on_imaging = true, mescc_suspected = false, mescc_on_imaging = false,
              back_pain = false, severe_pain_all_positions = false, interscapular_pain = false,
              radicular_pain = none, radicular_deficit = none]),
      quotes(["met snel progressieve (< 7 dagen) neurologische uitval",
              "met langzaam progressieve uitval (> 7 dagen) die nog niet erg uitgesproken is (patiënt kan nog zelfstandig lopen)"]),
      explanation("The four situations leave open: a deficit that developed over exactly 7 days; a slowly progressive deficit in a patient who can no longer walk; a non-progressive deficit; and clinically suspected MESCC with pain but without MESCC on imaging."),
      decision(undetermined)
    ]).
