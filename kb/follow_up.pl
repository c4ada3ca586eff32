:- encoding(utf8).
/** <module> Follow-up

Guideline page "Wervelmetastasen — Follow-up": repeated imaging, the general
instructions for follow-up (mobilising, tapering corticosteroids), the patient
leaflet and the general practitioner.
*/
:- module(follow_up, []).
:- use_module(wervel_lp(rulebase)).
:- guideline_chapter.

section(follow_up, "Wervelmetastasen — Follow-up").

concept(in_follow_up,
        nl("patiënt is of wordt behandeld voor wervelmetastasen"),
        en("the patient is being or has been treated for spinal metastases")).

% I-follow-up: follow-up advice applies once a treatment is decided or the
% patient has been operated.
rule(follow_up_after_treatment, concept(in_follow_up),
     any([operated = true,
          decided(treatment, radiotherapy), decided(treatment, surgery),
          decided(treatment, systemic_therapy),
          decided(treatment, radiotherapy_or_surgery_mdt)]),
     [ section(follow_up),
       strength(instruction),
       quote("Algemene instructies bij follow up:"),
       nl("Er is een behandeling gekozen of de patiënt is geopereerd."),
       en("A treatment has been chosen or the patient has been operated.")
     ]).

rule(follow_up_imaging_only_on_complaints, advice = follow_up_imaging_only_on_complaints,
     in_follow_up,
     [ section(follow_up),
       strength(working_group_opinion),
       quote("De werkgroep is van mening dat beeldvorming van de wervelkolom alleen moet worden verricht bij klachten (vooral pijn en/of neurologische klachten) of ter evaluatie van het effect van eventuele systeemtherapie."),
       nl("Herhaal beeldvorming van de wervelkolom alleen bij klachten of ter evaluatie van systeemtherapie."),
       en("Repeat spinal imaging only for complaints or to evaluate systemic therapy.")
     ]).

rule(mobilise_guided_by_pain, advice = mobilise_guided_by_pain,
     in_follow_up,
     [ section(follow_up),
       strength(instruction),
       quote("Laat de patiënt mobiliseren op geleide van pijnklachten"),
       nl("Laat de patiënt mobiliseren op geleide van pijnklachten."),
       en("Let the patient mobilise as pain allows.")
     ]).

% The general follow-up instruction covers every corticosteroid course the
% kb recommends: dexamethasone for symptomatic MESCC or root compression
% and corticosteroids for a pain flare (dexamethasone or methylprednisolone).
rule(taper_corticosteroids_after_treatment, advice = taper_corticosteroids,
     any([decided(corticosteroids, dexamethasone_10mg_iv_then_8_16mg_daily),
          decided(corticosteroids, for_pain_flare), dexamethasone_before_operation]),
     [ section(follow_up),
       strength(instruction),
       quote("Bouw de corticosteroïden in 1-2 weken na behandeling volledig af, op geleide van klachten."),
       nl("Bouw de corticosteroïden in 1-2 weken na behandeling volledig af, op geleide van klachten."),
       en("Taper the corticosteroids completely over 1-2 weeks after treatment, guided by the complaints.")
     ]).

% Q6 (issue 28), I-leaflet-after-definitive-diagnosis: "aangetoonde"
% wervelmetastasen are the definitive diagnosis, not the
% "waarschijnlijkheidsdiagnose" of an unknown primary before the tissue.
rule(give_patient_information_leaflet, advice = give_patient_information_leaflet,
     definitive_diagnosis,
     [ section(follow_up),
       strength(instruction),
       quote("Geef patiënten met aangetoonde wervelmetastasen de patiënteninformatiefolder (bijlage van de richtlijn)"),
       nl("Geef de patiënteninformatiefolder."),
       en("Give the patient information leaflet.")
     ]).

rule(general_practitioner_informed, advice = general_practitioner_informed,
     any([clinical_suspicion, metastases_on_imaging = true]),
     [ section(follow_up),
       strength(instruction),
       quote("Te allen tijde is de huisarts op de hoogte en is duidelijk wie de regievoerend arts is."),
       nl("De huisarts is op de hoogte en het is duidelijk wie de regievoerend arts is."),
       en("The general practitioner is informed and it is clear who the lead physician is.")
     ]).
