/** <module> The meta-interpreter: decisions with proofs

Evaluates the rule store (rulebase.pl) on a case in three-valued (Kleene)
logic: a condition is `true`, `false` or `unknown`. A finding that is absent
is unknown; a rule fires only when its conditions are known to hold; a
negative condition holds only when the finding is known.

Concepts and topics are evaluated once each, in node_order/1, so that a
condition on a concept or on another topic's decision reads a result that
is already there. A topic is then resolved by its hit policy:

  - the firing rules that no other firing rule beats (priority/5) win;
  - one winning value: `decided`; several (collect policy): `decided`;
    several (unique or priority policy): `conflict`;
  - no winner but a rule whose conditions are unknown: `undetermined`,
    with the fields whose absence blocks it;
  - otherwise: `not_applicable`.

A winning decision that a higher-priority rule with unknown conditions could
still replace stands, and gets a warning naming those unknown fields.

Proof terms:

  - `rule(Id, Status, BodyProof)`
  - `finding(Condition, Status, Field, ValueOrNull)`
  - `all(Status, Proofs)`, `any(Status, Proofs)`
  - `concept(Name, Status, RuleProofs)`, `not(Status, Proof)`
  - `decided(Topic, Value, Status, WinnerIds, Open)`: Open are the topic's
    undefeated rules with unknown conditions (their fields, when needed,
    by proof_unknown_fields/2)
*/
:- module(engine,
          [ case_from_pairs/2,       % +Pairs, -Case
            evaluate/2,              % +Case, -Env
            topic_resolution/3,      % +Env, ?Topic, -Resolution
            recommend/2,             % +Case, -Decisions
            decision/3,              % +Case, ?Topic, ?Value
            explain/3,               % +Case, +Topic, -Proofs
            why_not/4,               % +Case, +Topic, +Value, -Report
            proof_unknown_fields/2,  % +Proof, -Fields
            open_fields/2,           % +Resolution, -Fields
            proof_status/2,          % +Proof, -Status
            fires/1                  % +Result
          ]).
:- use_module(library(assoc)).
:- use_module(library(apply)).
:- use_module(library(lists)).
:- use_module(library(pairs)).
:- use_module(schema).
:- use_module(topics).
:- use_module(rulebase).

%! case_from_pairs(+Pairs:list, -Case:dict) is det.
%
%  Case is the dict of known findings in Pairs (`Field-Value` or
%  `Field=Value`). Nulls and explicit "not known" values (unknown_value/2)
%  are dropped. Pairs must already be valid (the Python side validates
%  against schema.pl; kb users in swipl are trusted).
case_from_pairs(Pairs, Case) :-
    must_be(list, Pairs),
    foldl(add_finding, Pairs, [], Known),
    dict_create(Case, case, Known).

add_finding(Pair, Acc, Acc1) :-
    pair_kv(Pair, F, V),
    (   ( V == null ; unknown_value(F, V) )
    ->  Acc1 = Acc
    ;   Acc1 = [F-V|Acc]
    ).

pair_kv(F-V, F, V) :- !.
pair_kv(F=V, F, V) :- !.
pair_kv(Pair, _, _) :- type_error(field_value_pair, Pair).

%! evaluate(+Case:dict, -Env) is det.
%
%  Env holds the evaluation of every concept and the resolution of every
%  topic for Case.
evaluate(Case, Env) :-
    nodes(Nodes),
    empty_assoc(Env0),
    foldl(eval_node_(Case), Nodes, Env0, Env).

eval_node_(Case, Node, Env0, Env) :-
    eval_node(Node, Case, Env0, Env).

nodes(Nodes) :-
    node_order(Nodes).

eval_node(concept(C), Case, Env0, Env) :-
    node_rules(concept(C), Rules),
    maplist(eval_concept_rule(Case, Env0), Rules, Proofs),
    maplist(proof_status, Proofs, Ss),
    kleene_or(Ss, S),
    put_assoc(concept(C), Env0, concept(C, S, Proofs), Env).
eval_node(topic(T), Case, Env0, Env) :-
    node_rules(topic(T), Rules),
    maplist(eval_topic_rule(Case, Env0), Rules, Results),
    resolve(T, Results, Resolution),
    put_assoc(topic(T), Env0, Resolution, Env).

eval_concept_rule(Case, Env, r(Id, _, Conds), rule(Id, S, P)) :-
    eval_cond(Conds, Case, Env, S, P).

eval_topic_rule(Case, Env, r(Id, V, Conds), r(Id, V, S, rule(Id, S, P))) :-
    eval_cond(Conds, Case, Env, S, P).

%! eval_cond(+Condition, +Case, +Env, -Status, -Proof) is det.
eval_cond(all(Cs), Case, Env, S, all(S, Ps)) :- !,
    eval_conds(Cs, Case, Env, Ss, Ps),
    kleene_and(Ss, S).
eval_cond(any(Cs), Case, Env, S, any(S, Ps)) :- !,
    eval_conds(Cs, Case, Env, Ss, Ps),
    kleene_or(Ss, S).
eval_cond(not(C), Case, Env, S, not(S, P)) :- !,
    eval_cond(C, Case, Env, S0, P),
    kleene_not(S0, S).
eval_cond(decided(T, V), _, Env, S, decided(T, V, S, Winners, Open)) :- !,
    get_assoc(topic(T), Env, Resolution),
    decided_status(Resolution, V, S),
    Resolution = resolution(T, _, _, Winners, _, Open, _).
eval_cond(C, Case, _, S, finding(C, S, F, Value)) :-
    finding_test(C, F, Op, Arg), !,
    (   get_dict(F, Case, Value)
    ->  ( test(Op, Value, Arg) -> S = true ; S = false )
    ;   Value = null, S = unknown
    ).
eval_cond(C, _, Env, S, P) :-
    get_assoc(concept(C), Env, P),
    P = concept(_, S, _).

eval_conds([], _, _, [], []).
eval_conds([C|Cs], Case, Env, [S|Ss], [P|Ps]) :-
    eval_cond(C, Case, Env, S, P),
    eval_conds(Cs, Case, Env, Ss, Ps).

test(=, X, V) :- X == V.
test(in, X, Vs) :- memberchk(X, Vs).
test(<, X, N) :- X < N.
test(=<, X, N) :- X =< N.
test(>, X, N) :- X > N.
test(>=, X, N) :- X >= N.

kleene_and(Ss, S) :-
    (   memberchk(false, Ss) -> S = false
    ;   memberchk(unknown, Ss) -> S = unknown
    ;   S = true
    ).
kleene_or(Ss, S) :-
    (   memberchk(true, Ss) -> S = true
    ;   memberchk(unknown, Ss) -> S = unknown
    ;   S = false
    ).
kleene_not(true, false).
kleene_not(false, true).
kleene_not(unknown, unknown).

%! proof_status(+Proof, -Status) is det.
%
%  Status (true, false or unknown) is the status of Proof's root.
proof_status(rule(_, S, _), S).
proof_status(finding(_, S, _, _), S).
proof_status(all(S, _), S).
proof_status(any(S, _), S).
proof_status(not(S, _), S).
proof_status(concept(_, S, _), S).
proof_status(decided(_, _, S, _, _), S).

                 /*******************************
                 *          RESOLUTION          *
                 *******************************/

%! resolve(+Topic, +Results, -Resolution) is det.
%
%  Resolution is `resolution(Topic, Status, Values, WinnerIds, Results,
%  Open, Warnings)`, where Results are `r(Id, Value, Status, Proof)` and
%  Open are the undefeated results with unknown conditions (what blocks
%  the topic when it is undetermined; see open_fields/2).
resolve(T, Results, resolution(T, Status, Values, Winners, Results, OpenUnknown, Warnings)) :-
    include(fires, Results, Firing),
    exclude(beaten_by_any(Firing), Firing, WinnerResults),
    findall(Id, member(r(Id, _, _, _), WinnerResults), Winners),
    findall(V, member(r(_, V, _, _), WinnerResults), Vs0),
    sort(Vs0, Values),
    topic(T, Policy, _),
    exclude(defeated(Firing), Results, Open),
    include(unknown_result, Open, OpenUnknown),
    resolution_status(Policy, Values, OpenUnknown, Status),
    findall(W, resolution_warning(T, WinnerResults, OpenUnknown, W), Warnings).

%! fires(+Result) is semidet.
%
%  Result `r(Id, Value, Status, Proof)` of a topic rule fired (Status true).
fires(r(_, _, true, _)).
unknown_result(r(_, _, unknown, _)).

beaten_by_any(Firing, r(Id, _, _, _)) :-
    beaters(Id, Winners),
    member(W, Winners),
    memberchk(r(W, _, true, _), Firing), !.

%  A rule is defeated when it cannot win in any completion of the case:
%  its conditions are false, or a firing rule beats it.
defeated(_, r(_, _, false, _)) :- !.
defeated(Firing, R) :- beaten_by_any(Firing, R).

resolution_status(_, [], [], not_applicable) :- !.
resolution_status(_, [], _, undetermined) :- !.
resolution_status(_, [_], _, decided) :- !.
resolution_status(collect, _, _, decided) :- !.
resolution_status(_, _, _, conflict).

%! open_fields(+Resolution, -Fields:list) is det.
%
%  Fields are the unknown findings that keep the rules of Resolution open.
open_fields(resolution(_, _, _, _, _, Open, _), Fields) :-
    results_unknown_fields(Open, Fields).

results_unknown_fields(Results, Fields) :-
    findall(F, ( member(r(_, _, _, P), Results),
                 proof_unknown_fields(P, Fs),
                 member(F, Fs) ),
            Fs0),
    sort(Fs0, Fields).

resolution_warning(T, WinnerResults, OpenUnknown,
                   warning(T, Winner, WinValue, Rule, Value, PriorityId, Fields)) :-
    member(r(Winner, WinValue, _, _), WinnerResults),
    member(r(Rule, Value, _, Proof), OpenUnknown),
    Value \== WinValue,
    once(beats(T, Rule, Winner, PriorityId)),
    proof_unknown_fields(Proof, Fields).

%  decided(T, V) is true when V won, false when every rule concluding V is
%  defeated (or there is none), and unknown otherwise.
decided_status(resolution(_, Status, Values, _, _, _, _), V, true) :-
    Status == decided, memberchk(V, Values), !.
decided_status(resolution(_, _, _, _, Results, _, _), V, false) :-
    include(fires, Results, Firing),
    forall(member(r(Id, V, S, P), Results),
           defeated(Firing, r(Id, V, S, P))), !.
decided_status(_, _, unknown).

%! proof_unknown_fields(+Proof, -Fields:list) is det.
%
%  Fields are the absent findings that make Proof unknown: changing any of
%  them may change its status. Empty for a true or false proof.
proof_unknown_fields(Proof, Fields) :-
    findall(F, unknown_field(Proof, F), Fs),
    sort(Fs, Fields).

unknown_field(P, F) :-
    proof_status(P, unknown),
    unknown_field_(P, F).

unknown_field_(finding(_, _, F, _), F).
unknown_field_(rule(_, _, P), F) :- unknown_field(P, F).
unknown_field_(all(_, Ps), F) :- member(P, Ps), unknown_field(P, F).
unknown_field_(any(_, Ps), F) :- member(P, Ps), unknown_field(P, F).
unknown_field_(not(_, P), F) :- unknown_field(P, F).
unknown_field_(concept(_, _, Ps), F) :- member(P, Ps), unknown_field(P, F).
unknown_field_(decided(_, _, _, _, Open), F) :-
    member(r(_, _, _, P), Open),
    unknown_field(P, F).

                 /*******************************
                 *        QUERY INTERFACE       *
                 *******************************/

%! topic_resolution(+Env, ?Topic, -Resolution) is nondet.
%
%  Resolution is the resolved Topic in Env (see resolve/3).
topic_resolution(Env, T, Resolution) :-
    topic(T, _, _),
    get_assoc(topic(T), Env, Resolution).

%! recommend(+Case, -Decisions:list) is det.
%
%  Decisions are the `Topic-Value` pairs decided for Case (a dict from
%  case_from_pairs/2 or a list of pairs), advice included.
recommend(Case0, Decisions) :-
    as_case(Case0, Case),
    findall(T-V, decision(Case, T, V), Decisions).

%! decision(+Case, ?Topic, ?Value) is nondet.
%
%  Value is decided on Topic for Case.
decision(Case0, T, V) :-
    as_case(Case0, Case),
    evaluate(Case, Env),
    topic_resolution(Env, T, resolution(T, decided, Values, _, _, _, _)),
    member(V, Values).

%! explain(+Case, +Topic, -Proofs:list) is det.
%
%  Proofs are the proofs of the winning rules on Topic for Case.
explain(Case0, T, Proofs) :-
    as_case(Case0, Case),
    evaluate(Case, Env),
    topic_resolution(Env, T, resolution(T, _, _, Winners, Results, _, _)),
    findall(P, ( member(Id, Winners), memberchk(r(Id, _, _, P), Results) ), Proofs).

%! why_not(+Case, +Topic, +Value, -Report) is det.
%
%  Report is `why_not(Topic, Value, Concluded, Rules)`: Concluded is true if
%  Value is decided on Topic; Rules holds, per rule that concludes Value,
%  `rule_report(Proof, BeatenBy)` where BeatenBy lists the
%  `beaten(Rule, Value, PriorityId, Proof)` of firing rules that beat it.
why_not(Case0, T, V, why_not(T, V, Concluded, Reports)) :-
    as_case(Case0, Case),
    evaluate(Case, Env),
    topic_resolution(Env, T, resolution(T, Status, Values, _, Results, _, _)),
    (   Status == decided, memberchk(V, Values) -> Concluded = true ; Concluded = false ),
    include(fires, Results, Firing),
    findall(rule_report(P, Beaten),
            ( member(r(Id, V, _, P), Results),
              findall(beaten(W, WV, PId, WP),
                      ( member(r(W, WV, true, WP), Firing), beats(T, W, Id, PId) ),
                      Beaten) ),
            Reports).

as_case(Case, Case) :- is_dict(Case), !.
as_case(Pairs, Case) :- case_from_pairs(Pairs, Case).
