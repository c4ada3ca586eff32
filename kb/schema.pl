:- encoding(utf8).
/** <module> Case schema: the findings a case may hold

The one definition of every case field: its type, its range, its labels in
Dutch and English, and the contradictions between findings. Validation in
Python, the Prolog evaluator and the ASP input domain all read these
facts; nothing else defines a field.

Types:
  - `bool`
  - `enum(Values)`: one of the atoms in Values
  - `number(Min)`: a finite number >= Min
  - `integer(Min)`: an integer >= Min

An absent field (or JSON `null`) means *unknown*, never `false`.

@see docs/contract.md, section 1
*/
:- module(schema,
          [ field/3,                 % ?Field, ?Type, ?Meaning
            field_label/3,           % ?Field, ?Lang, ?Label
            value_label/4,           % ?Field, ?Value, ?Lang, ?Label
            unknown_value/2,         % ?Field, ?Value
            contradiction/3,         % ?Id, ?Conditions, ?Explanation
            implication/4,           % ?Id, ?If, ?Then, ?Explanation
            field_value/2,           % ?Field, ?Value
            finding_step/4,          % ?Step, ?Order, ?NL, ?EN
            field_step/2,            % ?Field, ?Step
            op(700, xfx, in)          % Field in Values (condition language)
          ]).

%! field(?Field:atom, ?Type, ?Meaning:string) is nondet.
%
%  Field is a case field of Type. Meaning is the English definition from
%  the case contract.
field(known_primary_malignancy, bool, "a primary cancer is known").
field(tumour_type,
      enum([breast, prostate, lung, kidney, thyroid, colorectal, melanoma,
            multiple_myeloma, nhl_high_grade, nhl_intermediate_grade,
            nhl_low_grade, hodgkin_lymphoma, germ_cell, other, unknown]),
      "primary tumour").
field(haematological_malignancy_suspected, bool,
      "with an unknown primary: a lymphoma or myeloma is suspected").
field(systemic_therapy_sensitive, bool,
      "the tumour is potentially sensitive to chemotherapy or antihormonal therapy").
field(vital_indication_systemic_therapy, bool,
      "there is a vital indication for chemotherapy that cannot be postponed").
field(responsive_systemic_therapy_ongoing, bool,
      "systemic therapy is being given from which a response of the MESCC is expected").
field(life_expectancy_months, number(0), "estimated life expectancy in months").
field(general_condition, enum([good, moderate, poor]),
      "performance / general condition").
field(fit_for_surgery, bool, "the clinical condition allows an operation").
field(back_pain, bool, "back pain present").
field(night_pain, bool, "night-time back pain (alarm symptom)").
field(progressive_pain, bool, "progressive back pain (alarm symptom)").
field(new_local_pain, bool, "new local back pain (alarm symptom)").
field(spinal_tenderness, bool, "pressure/percussion pain over the spine (alarm symptom)").
field(severe_pain_all_positions, bool, "severe pain in all positions (alarm symptom)").
field(interscapular_pain, bool, "pain between the shoulder blades (alarm symptom)").
field(radicular_pain, enum([none, unilateral, bilateral]), "radicular pain").
field(radicular_deficit, enum([none, unilateral, bilateral]),
      "radicular neurological deficit").
field(neurological_deficit, bool,
      "neurological deficit caused by the spinal metastases (cord or roots)").
field(deficit_onset_days, number(0), "over how many days the deficit developed").
field(deficit_progressive, bool, "the deficit is progressive").
field(ambulatory, bool, "the patient can still walk independently").
field(mescc_suspected, bool, "clinical suspicion of MESCC").
field(lhermitte_sign, bool,
      "Lhermitte's sign, with neck pain or without another cause").
field(complete_cord_lesion, bool, "complete cord lesion, ASIA A").
field(complete_cord_lesion_hours, number(0),
      "how long the complete lesion has existed, in hours").
field(improving_on_corticosteroids, bool,
      "clear tendency to clinical improvement since corticosteroids were started").
field(adequate_imaging_available, bool,
      "existing imaging already shows the spinal metastases adequately").
field(metastases_on_imaging, bool, "imaging shows (suspected) spinal metastases").
field(mescc_on_imaging, bool, "imaging shows MESCC").
field(histology_obtained, bool, "tissue for histology has been obtained").
field(recent_staging_ct, bool, "a recent (PET-)CT of thorax/abdomen exists").
field(urgent_ct_thorax_abdomen_pelvis_made, bool,
      "with an unknown primary: the urgent CT or PET-CT of thorax, abdomen and pelvis has been made").
field(whole_spine_mri, bool, "an MRI of the whole spine exists").
field(contiguous_affected_vertebrae, integer(0),
      "number of contiguous affected/obstructed vertebrae").
field(extensive_epidural_extension_elsewhere, bool,
      "metastases with extensive epidural extension elsewhere in the spine").
field(spinal_instability, bool, "the spine is unstable").
field(bone_metastases_count, integer(0), "number of bone metastases").
field(prior_radiotherapy_same_level, bool, "earlier radiotherapy at this level").
field(recurrence_after_radiotherapy, bool,
      "pain and/or deficit returned or progressed after earlier radiotherapy").
field(insufficient_response_to_first_radiotherapy, bool,
      "the first radiotherapy at this level gave an insufficient response").
field(adequate_radiotherapy_possible, bool,
      "an adequate and meaningful radiotherapy dose can (still) be given").
field(deterioration_under_radiotherapy_and_corticosteroids, bool,
      "neurological deterioration from progressive MESCC under radiotherapy and corticosteroids").
field(combined_procedure, bool, "the planned operation is a combined procedure").
field(expert_surgery_within_24h, bool,
      "an operation by an expert spine surgeon within 24 h is possible").
field(deficit_expected_soon, bool,
      "deficit is expected soon because of the extent of vertebral destruction").
field(pain_flare_after_radiotherapy, bool, "pain flare shortly after radiotherapy").
field(peptic_ulcer_history, bool, "history of peptic ulcer").
field(nsaid_use, bool, "uses NSAIDs").
field(anticoagulant_use, bool, "uses anticoagulants").
field(operated, bool, "the patient has had the spinal operation").
field(postoperative_neurology,
      enum([recovering, insufficient_recovery, deteriorating]),
      "neurological course after the operation").

%! unknown_value(?Field, ?Value) is nondet.
%
%  Value is an explicit "not known" value of Field: the engines treat it
%  exactly like an absent field (see docs/interpretations.md, I-tumour-unknown).
unknown_value(tumour_type, unknown).

%! field_value(?Field, ?Value) is nondet.
%
%  Value is a possible known value of the finite-domain Field (bool or enum),
%  excluding explicit "not known" values.
field_value(Field, Value) :-
    field(Field, Type, _),
    type_value(Type, Value),
    \+ unknown_value(Field, Value).

type_value(bool, true).
type_value(bool, false).
type_value(enum(Values), Value) :- member(Value, Values).

%! field_label(?Field, ?Lang, ?Label:string) is nondet.
%
%  Label names Field in Lang (nl or en) in explanations.
field_label(Field, en, Label) :- field(Field, _, Label).
field_label(Field, nl, Label) :- field_label_nl(Field, Label).

field_label_nl(known_primary_malignancy, "bekende primaire maligniteit").
field_label_nl(tumour_type, "primaire tumor").
field_label_nl(haematological_malignancy_suspected, "verdenking op een hematologische maligniteit").
field_label_nl(systemic_therapy_sensitive, "tumor potentieel gevoelig voor chemotherapie of antihormonale therapie").
field_label_nl(vital_indication_systemic_therapy, "vitale indicatie voor chemotherapie die niet kan worden uitgesteld").
field_label_nl(responsive_systemic_therapy_ongoing, "gelijktijdige systeemtherapie waarvan respons op de MESMC te verwachten is").
field_label_nl(life_expectancy_months, "levensverwachting (maanden)").
field_label_nl(general_condition, "algemene conditie").
field_label_nl(fit_for_surgery, "klinische toestand laat een operatie toe").
field_label_nl(back_pain, "rugpijn").
field_label_nl(night_pain, "nachtelijke rugpijn").
field_label_nl(progressive_pain, "progressieve rugpijn").
field_label_nl(new_local_pain, "nieuwe lokale rugpijn").
field_label_nl(spinal_tenderness, "druk-/kloppijn over de wervelkolom").
field_label_nl(severe_pain_all_positions, "hevige pijn in alle houdingen").
field_label_nl(interscapular_pain, "pijn tussen de schouderbladen").
field_label_nl(radicular_pain, "radiculaire pijn").
field_label_nl(radicular_deficit, "radiculaire uitval").
field_label_nl(neurological_deficit, "neurologische uitval door de wervelmetastasen").
field_label_nl(deficit_onset_days, "ontstaansduur van de uitval (dagen)").
field_label_nl(deficit_progressive, "uitval is progressief").
field_label_nl(ambulatory, "patiënt kan nog zelfstandig lopen").
field_label_nl(mescc_suspected, "klinische verdenking op MESMC").
field_label_nl(lhermitte_sign, "symptoom van Lhermitte").
field_label_nl(complete_cord_lesion, "complete dwarslaesie (ASIA A)").
field_label_nl(complete_cord_lesion_hours, "duur van de complete dwarslaesie (uren)").
field_label_nl(improving_on_corticosteroids, "duidelijke tendens tot verbetering na start corticosteroïden").
field_label_nl(adequate_imaging_available, "bestaande beeldvorming beeldt de wervelmetastasen adequaat af").
field_label_nl(metastases_on_imaging, "beeldvorming toont (verdenking op) wervelmetastasen").
field_label_nl(mescc_on_imaging, "beeldvorming toont MESMC").
field_label_nl(histology_obtained, "weefsel voor histologie verkregen").
field_label_nl(recent_staging_ct, "recente (PET-)CT-thorax/abdomen aanwezig").
field_label_nl(urgent_ct_thorax_abdomen_pelvis_made, "spoed-CT of -PET-CT van thorax, abdomen en bekken gemaakt (onbekende origine)").
field_label_nl(whole_spine_mri, "MRI van de gehele wervelkolom aanwezig").
field_label_nl(contiguous_affected_vertebrae, "aantal aaneengesloten aangetaste wervels").
field_label_nl(extensive_epidural_extension_elsewhere, "metastasen met uitgebreide epidurale uitbreiding elders").
field_label_nl(spinal_instability, "instabiele wervelkolom").
field_label_nl(bone_metastases_count, "aantal botmetastasen").
field_label_nl(prior_radiotherapy_same_level, "eerdere radiotherapie op dit niveau").
field_label_nl(recurrence_after_radiotherapy, "recidief of progressie na eerdere radiotherapie").
field_label_nl(insufficient_response_to_first_radiotherapy, "onvoldoende respons op de eerste bestraling").
field_label_nl(adequate_radiotherapy_possible, "adequate en zinvolle dosis radiotherapie mogelijk").
field_label_nl(deterioration_under_radiotherapy_and_corticosteroids, "neurologische achteruitgang onder radiotherapie en corticosteroïden").
field_label_nl(combined_procedure, "gecombineerde ingreep").
field_label_nl(expert_surgery_within_24h, "operatie door ervaren wervelkolomchirurg binnen 24 uur mogelijk").
field_label_nl(deficit_expected_soon, "uitval op korte termijn te verwachten").
field_label_nl(pain_flare_after_radiotherapy, "'pain flare' kort na radiotherapie").
field_label_nl(peptic_ulcer_history, "maagulcus in de voorgeschiedenis").
field_label_nl(nsaid_use, "gebruik van NSAID's").
field_label_nl(anticoagulant_use, "gebruik van anticoagulantia").
field_label_nl(operated, "geopereerd aan de wervelkolom").
field_label_nl(postoperative_neurology, "postoperatief neurologisch beloop").

%! value_label(?Field, ?Value, ?Lang, ?Label:string) is nondet.
%
%  Label renders Value of Field in Lang. Every value of a Boolean or enum
%  field has a label in both languages (tests/test_labels.py).
value_label(_, true, nl, "ja").
value_label(_, false, nl, "nee").
value_label(_, true, en, "yes").
value_label(_, false, en, "no").
value_label(general_condition, good, nl, "goed").
value_label(general_condition, moderate, nl, "matig").
value_label(general_condition, poor, nl, "slecht").
value_label(Field, none, nl, "geen") :- radicular(Field).
value_label(Field, unilateral, nl, "eenzijdig") :- radicular(Field).
value_label(Field, bilateral, nl, "bilateraal") :- radicular(Field).
value_label(postoperative_neurology, recovering, nl, "herstellend").
value_label(postoperative_neurology, insufficient_recovery, nl, "onvoldoende herstel").
value_label(postoperative_neurology, deteriorating, nl, "achteruitgang").
value_label(postoperative_neurology, recovering, en, "recovering").
value_label(postoperative_neurology, insufficient_recovery, en, "insufficient recovery").
value_label(postoperative_neurology, deteriorating, en, "deterioration").
value_label(general_condition, good, en, "good").
value_label(general_condition, moderate, en, "moderate").
value_label(general_condition, poor, en, "poor").
value_label(Field, none, en, "none") :- radicular(Field).
value_label(Field, unilateral, en, "unilateral") :- radicular(Field).
value_label(Field, bilateral, en, "bilateral") :- radicular(Field).
value_label(tumour_type, Value, Lang, Label) :- tumour_label(Value, Lang, Label).

%  The primary tumours, in the guideline's words where it names them
%  ("multipel myeloom", "non-Hodgkin-lymfoom van intermediaire of hoge
%  maligniteitsgraad", "kiemceltumor").
tumour_label(breast, nl, "mammacarcinoom").
tumour_label(breast, en, "breast cancer").
tumour_label(prostate, nl, "prostaatcarcinoom").
tumour_label(prostate, en, "prostate cancer").
tumour_label(lung, nl, "longcarcinoom").
tumour_label(lung, en, "lung cancer").
tumour_label(kidney, nl, "niercelcarcinoom").
tumour_label(kidney, en, "kidney cancer").
tumour_label(thyroid, nl, "schildkliercarcinoom").
tumour_label(thyroid, en, "thyroid cancer").
tumour_label(colorectal, nl, "colorectaal carcinoom").
tumour_label(colorectal, en, "colorectal cancer").
tumour_label(melanoma, nl, "melanoom").
tumour_label(melanoma, en, "melanoma").
tumour_label(multiple_myeloma, nl, "multipel myeloom").
tumour_label(multiple_myeloma, en, "multiple myeloma").
tumour_label(nhl_high_grade, nl, "non-Hodgkin-lymfoom van hoge maligniteitsgraad").
tumour_label(nhl_high_grade, en, "high-grade non-Hodgkin lymphoma").
tumour_label(nhl_intermediate_grade, nl, "non-Hodgkin-lymfoom van intermediaire maligniteitsgraad").
tumour_label(nhl_intermediate_grade, en, "intermediate-grade non-Hodgkin lymphoma").
tumour_label(nhl_low_grade, nl, "non-Hodgkin-lymfoom van lage maligniteitsgraad").
tumour_label(nhl_low_grade, en, "low-grade non-Hodgkin lymphoma").
tumour_label(hodgkin_lymphoma, nl, "hodgkinlymfoom").
tumour_label(hodgkin_lymphoma, en, "Hodgkin lymphoma").
tumour_label(germ_cell, nl, "kiemceltumor").
tumour_label(germ_cell, en, "germ cell tumour").
tumour_label(other, nl, "andere primaire tumor").
tumour_label(other, en, "other primary tumour").
tumour_label(unknown, nl, "onbekende primaire tumor").
tumour_label(unknown, en, "unknown primary tumour").

radicular(radicular_pain).
radicular(radicular_deficit).

%! implication(?Id, ?If, ?Then, ?Explanation:string) is nondet.
%
%  A definitional implication between findings: whenever the finding test
%  If holds, the Boolean finding Then (`Field = true` or `Field = false`)
%  holds too. It is applied as an inference (the engine adds Then to a case
%  where If is known, and, the other way round, adds the negation of If
%  where Then is known to fail and that leaves If's field one value), and a
%  case with If and the negation of Then is refused as a contradiction.
implication(complete_lesion_is_deficit,
            complete_cord_lesion = true, neurological_deficit = true,
            "a complete cord lesion is a neurological deficit").
implication(lesion_duration_means_lesion,
            complete_cord_lesion_hours >= 0, complete_cord_lesion = true,
            "a duration of a complete cord lesion is given, so there is a complete cord lesion").
implication(radicular_deficit_is_deficit,
            radicular_deficit in [unilateral, bilateral], neurological_deficit = true,
            "a radicular deficit is a neurological deficit").
implication(progressive_deficit_is_deficit,
            deficit_progressive = true, neurological_deficit = true,
            "a progressive deficit is a neurological deficit").
implication(deficit_onset_means_deficit,
            deficit_onset_days >= 0, neurological_deficit = true,
            "an onset of the deficit is given, so there is a neurological deficit").
implication(deterioration_is_deficit,
            deterioration_under_radiotherapy_and_corticosteroids = true, neurological_deficit = true,
            "neurological deterioration is a neurological deficit").
implication(tumour_type_means_known_primary,
            tumour_type in [breast, prostate, lung, kidney, thyroid, colorectal,
                            melanoma, multiple_myeloma, nhl_high_grade,
                            nhl_intermediate_grade, nhl_low_grade,
                            hodgkin_lymphoma, germ_cell, other],
            known_primary_malignancy = true,
            "a primary tumour type is given, so a primary malignancy is known").
implication(haematological_suspicion_means_unknown_primary,
            haematological_malignancy_suspected = true, known_primary_malignancy = false,
            "haematological_malignancy_suspected applies to an unknown primary only").
implication(mescc_on_imaging_is_metastases_on_imaging,
            mescc_on_imaging = true, metastases_on_imaging = true,
            "imaging cannot show MESCC without showing spinal metastases").
implication(no_bone_metastases_no_spinal_metastases,
            bone_metastases_count =< 0, metastases_on_imaging = false,
            "spinal metastases on imaging are bone metastases, so the count is at least 1").
implication(recurrence_after_radiotherapy_means_prior_radiotherapy,
            recurrence_after_radiotherapy = true, prior_radiotherapy_same_level = true,
            "a recurrence after radiotherapy needs earlier radiotherapy at this level").
implication(insufficient_response_means_prior_radiotherapy,
            insufficient_response_to_first_radiotherapy = true, prior_radiotherapy_same_level = true,
            "an insufficient response to the first radiotherapy needs earlier radiotherapy at this level").
implication(postoperative_course_means_operation,
            postoperative_neurology in [recovering, insufficient_recovery, deteriorating],
            operated = true,
            "a postoperative course is given, so the patient was operated").
implication(urgent_ct_is_recent_staging_ct,
            urgent_ct_thorax_abdomen_pelvis_made = true, recent_staging_ct = true,
            "the urgent CT of thorax, abdomen and pelvis just made is a recent CT of thorax/abdomen").
implication(night_pain_is_back_pain,
            night_pain = true, back_pain = true,
            "night-time back pain is back pain").
implication(progressive_back_pain_is_back_pain,
            progressive_pain = true, back_pain = true,
            "progressive back pain is back pain").
implication(new_back_pain_is_back_pain,
            new_local_pain = true, back_pain = true,
            "new local back pain is back pain").

%! contradiction(?Id, ?Conditions:list, ?Explanation:string) is nondet.
%
%  A case in which every condition of Conditions holds is contradictory and
%  is refused. Conditions use the kb's condition language restricted to
%  findings (`Field = Value`, `Field in Values`, comparisons). The same facts
%  are integrity constraints of the ASP input domain. Every implication
%  gives one: its If with the negation of its Then.
contradiction(Id, [If, Field = Negated], Explanation) :-
    implication(Id, If, Field = Value, Explanation),
    negated_bool(Value, Negated).

negated_bool(true, false).
negated_bool(false, true).

                 /*******************************
                 *   WHEN A FINDING IS KNOWN    *
                 *******************************/

%! finding_step(?Step, ?Order:integer, ?NL:string, ?EN:string) is nondet.
%
%  A step of the pathway at which findings become available, in the order
%  of the beslisboom: the history and examination of a patient with a
%  clinical suspicion ("Diagnostiek bij klinische verdenking
%  wervelmetastasen"), then the imaging ("Er dient een MRI-scan gemaakt te
%  worden ..."), then the tissue and the multidisciplinary assessment of
%  treatment ("Behandeling"), then the patient's course after a treatment
%  ("Follow-up", re-irradiation, the course after the operation). The
%  interview (contract section 1, "The next question") asks a field of a
%  later step only when no field of an earlier step is left that matters.
finding_step(history_examination, 1, "anamnese en lichamelijk onderzoek", "history and examination").
finding_step(imaging, 2, "beeldvorming", "imaging").
finding_step(tissue_and_assessment, 3, "weefsel en multidisciplinaire beoordeling",
             "tissue and multidisciplinary assessment").
finding_step(course_after_treatment, 4, "beloop na behandeling", "course after treatment").

%! field_step(?Field, ?Step) is nondet.
%
%  Field becomes known at Step (finding_step/4). Every field has exactly one
%  step (kb/load.pl's validation checks it).
field_step(known_primary_malignancy, history_examination).
field_step(tumour_type, history_examination).
field_step(general_condition, history_examination).       % "een matige conditie": an alarm symptom
field_step(back_pain, history_examination).
field_step(night_pain, history_examination).
field_step(progressive_pain, history_examination).
field_step(new_local_pain, history_examination).
field_step(spinal_tenderness, history_examination).
field_step(severe_pain_all_positions, history_examination).
field_step(interscapular_pain, history_examination).
field_step(radicular_pain, history_examination).
field_step(radicular_deficit, history_examination).
field_step(neurological_deficit, history_examination).
field_step(deficit_onset_days, history_examination).
field_step(deficit_progressive, history_examination).
field_step(ambulatory, history_examination).
field_step(mescc_suspected, history_examination).
field_step(lhermitte_sign, history_examination).
field_step(complete_cord_lesion, history_examination).
field_step(complete_cord_lesion_hours, history_examination).
field_step(peptic_ulcer_history, history_examination).
field_step(nsaid_use, history_examination).
field_step(anticoagulant_use, history_examination).
field_step(adequate_imaging_available, history_examination).   % existing imaging, known before an MRI is asked for ("tenzij er al beeldvorming aanwezig is")
field_step(metastases_on_imaging, imaging).
field_step(mescc_on_imaging, imaging).
field_step(recent_staging_ct, imaging).
field_step(urgent_ct_thorax_abdomen_pelvis_made, imaging).
field_step(whole_spine_mri, imaging).
field_step(contiguous_affected_vertebrae, imaging).
field_step(extensive_epidural_extension_elsewhere, imaging).
field_step(spinal_instability, imaging).
field_step(bone_metastases_count, imaging).
field_step(deficit_expected_soon, imaging).
field_step(histology_obtained, tissue_and_assessment).
field_step(haematological_malignancy_suspected, tissue_and_assessment).
field_step(systemic_therapy_sensitive, tissue_and_assessment).
field_step(vital_indication_systemic_therapy, tissue_and_assessment).
field_step(responsive_systemic_therapy_ongoing, tissue_and_assessment).
field_step(life_expectancy_months, tissue_and_assessment).
field_step(fit_for_surgery, tissue_and_assessment).
field_step(combined_procedure, tissue_and_assessment).
field_step(expert_surgery_within_24h, tissue_and_assessment).
field_step(adequate_radiotherapy_possible, tissue_and_assessment).
field_step(prior_radiotherapy_same_level, course_after_treatment).
field_step(recurrence_after_radiotherapy, course_after_treatment).
field_step(insufficient_response_to_first_radiotherapy, course_after_treatment).
field_step(deterioration_under_radiotherapy_and_corticosteroids, course_after_treatment).
field_step(pain_flare_after_radiotherapy, course_after_treatment).
field_step(improving_on_corticosteroids, course_after_treatment).
field_step(operated, course_after_treatment).
field_step(postoperative_neurology, course_after_treatment).
