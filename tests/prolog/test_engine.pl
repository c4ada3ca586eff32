/* plunit tests of the meta-interpreter: Kleene logic, unknown findings,
   priorities and the knowledge-engineer queries. */
:- use_module(library(plunit)).

:- begin_tests(engine).

suspected([known_primary_malignancy-true, back_pain-true, night_pain-true,
           adequate_imaging_available-false]).

% "alleen lokale rugpijn": back pain without any finding of the rest of the list.
local_back_pain_only([radicular_pain-none, radicular_deficit-none, neurological_deficit-false,
                      mescc_suspected-false, lhermitte_sign-false|C]) :-
    suspected(C).

eval(Pairs, Cond, S) :-
    engine:case_from_pairs(Pairs, Case),
    engine:evaluate(Case, Env),
    engine:eval_cond(Cond, Case, Env, S, _).

test(kleene, [forall(member(Pairs-Cond-Exp, [
        [back_pain-true]-(back_pain = true)-true,
        [back_pain-false]-(back_pain = true)-false,
        []-(back_pain = true)-unknown,
        [back_pain-true]-all([back_pain = true, night_pain = true])-unknown,
        [night_pain-false]-all([back_pain = true, night_pain = true])-false,
        [night_pain-true]-any([back_pain = true, night_pain = true])-true,
        []-any([back_pain = true, night_pain = true])-unknown,
        [life_expectancy_months-3]-(life_expectancy_months >= 3)-true,
        [life_expectancy_months-2.5]-(life_expectancy_months >= 3)-false,
        [radicular_pain-bilateral]-in(radicular_pain, [unilateral, bilateral])-true
    ])), true(S == Exp)]) :-
    eval(Pairs, Cond, S).

test(negation_of_unknown_concept_is_unknown, true(S == unknown)) :-
    eval([], not(pain), S).

test(tumour_type_unknown_is_an_unknown_finding, true(S == unknown)) :-
    eval([tumour_type-unknown], chemosensitive_tumour, S).

test(decisions_for_suspected_case, true(D == [mri-indicated, mri_urgency-within_2_weeks])) :-
    local_back_pain_only(C),
    case_decisions(C, All),
    include([T-_]>>memberchk(T, [mri, mri_urgency]), All, D).

%  "a complete cord lesion is a neurological deficit": a case that says
%  both a complete lesion and no deficit has no completion to decide over.
test(contradictory_findings_are_refused, error(domain_error(consistent_case, complete_lesion_is_deficit))) :-
    case_decisions([complete_cord_lesion-true, neurological_deficit-false, back_pain-true], _).

test(strictest_deadline_wins, true(V == within_12_hours)) :-
    suspected(C),
    decision([lhermitte_sign-true, radicular_pain-unilateral|C], mri_urgency, V).

test(every_priority_relation_is_acyclic, [forall(topics:topic(T, _, _)), fail]) :-
    rulebase:beats(T, A, B, _),
    rulebase:beats(T, B, A, _).

test(rule_quote, true(sub_string(Q, 0, _, _, "Er dient een MRI-scan"))) :-
    rule_quote(mri_indicated_known_primary, Q).

test(rule_quote_unknown, error(existence_error(guideline_rule, nope))) :-
    rule_quote(nope, _).

test(topic_fields, true(memberchk(spinal_instability, Fs))) :-
    topic_fields(treatment, Fs).

test(reloading_a_chapter_rebuilds_the_evaluator, true(Ds1-Es1 == Ds0-Es0)) :-
    suspected(C),
    engine:recommend(C, Ds0),
    case_decisions(C, Es0),
    engine:evaluator_stamp(S0),
    module_property(timing, file(File)),
    load_files(File, [if(true), silent(true)]),
    engine:recommend(C, Ds1),
    case_decisions(C, Es1),
    engine:evaluator_stamp(S1),
    assertion(S1 \== S0).

test(a_finding_that_several_rules_test_is_tested_once, true(N == 1)) :-
    aggregate_all(count, ( rulebase:rule(_, _, Conds, _),
                           proof_json:sub_condition(Conds, mescc_suspected = true) ), Uses),
    assertion(Uses > 1),
    clause(engine:evaluator(_, _), Body),
    aggregate_all(count, ( sub_term(G, Body), nonvar(G),
                           G = (get_dict(mescc_suspected, _, X) -> (Test -> _ ; _) ; _),
                           Test == (X == true) ), N).

:- end_tests(engine).
