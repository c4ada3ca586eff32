/** <module> The evaluator: decisions with proofs

Evaluates the rule store (rulebase.pl) on a case in three-valued (Kleene)
logic: a condition is `true`, `false` or `unknown`. A finding that is absent
is unknown; a rule fires only when its conditions are known to hold; a
negative condition holds only when the finding is known.

Concepts and topics are evaluated once each, in node_order/1, so that a
condition on a concept or on another topic's decision reads a result that
is already there. The rules are not interpreted per case: compile_cond//6
(the condition evaluator) is partially evaluated over every rule once, into
the one clause evaluator/2 (see evaluate/2). A topic is then resolved by
its hit policy:

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
            evaluate_topic/3,        % +Case, +Topic, -Resolution
            evaluate_value/4,        % +Case, +Topic, +Value, -Resolution
            topic_resolution/3,      % +Env, ?Topic, -Resolution
            topic_resolutions/2,     % +Env, -Pairs
            recommend/2,             % +Case, -Decisions
            decision/3,              % +Case, ?Topic, ?Value
            explain/3,               % +Case, +Topic, -Proofs
            why_not/4,               % +Case, +Topic, +Value, -Report
            proof_unknown_fields/2,  % +Proof, -Fields
            open_fields/2,           % +Resolution, -Fields
            open_fields/3,           % +Resolution, +Memo, -Fields
            proof_status/2,          % +Proof, -Status
            fires/1                  % +Result
          ]).
:- use_module(library(apply)).
:- use_module(library(apply_macros)).   % maplist, foldl, include ... expanded inline: no meta-call per element
:- use_module(library(lists)).
:- use_module(library(pairs)).
:- use_module(kb(schema)).
:- use_module(kb(topics)).
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
%  topic for Case: `env(Node1, ...)`, one argument per node of node_order/1
%  (see node_index/2).
evaluate(Case, Env) :-
    ensure_evaluator,
    evaluator(Case, Env).

%! evaluate_topic(+Case:dict, +Topic, -Resolution) is det.
%
%  Resolution is what evaluate/2 resolves Topic to on Case, with its
%  proofs but without warnings, computed from the concepts and topics Topic
%  depends on alone (for the case splits of exact.pl).
evaluate_topic(Case, Topic, Resolution) :-
    ensure_evaluator,
    topic_evaluator(Topic, Case, Resolution).

%! evaluate_value(+Case:dict, +Topic, +Value, -Resolution) is det.
%
%  As evaluate_topic/3 for a collect Topic, from the rules that conclude
%  Value and those that can beat them (the closure of priority/5) alone:
%  Value's winners, its open rules and whatever could override it are
%  those of the whole topic.
evaluate_value(Case, Topic, Value, Resolution) :-
    ensure_evaluator,
    value_evaluator(Topic, Value, Case, Resolution).

:- dynamic evaluator/2, topic_evaluator/3, value_evaluator/4, evaluator_stamp/1, node_index/2,
    topic_indexes/1.

%  The rules are compiled into one clause, evaluator(Case, Env) :- Goals,
%  by compile_cond//6 for every rule: each condition
%  becomes its test, and a reference to a concept or a decision becomes the
%  variable that holds it. It is rebuilt whenever the rule store changes.
ensure_evaluator :-
    kb_stamp(Stamp),
    (   evaluator_stamp(Stamp)
    ->  true
    ;   with_mutex(wervel_lp_compile,
                   ( evaluator_stamp(Stamp) -> true ; compile_evaluator(Stamp) ))
    ).

compile_evaluator(Stamp) :-
    node_order(Nodes),
    maplist(node_slot, Nodes, Slots),
    pairs_keys_values(Map, Nodes, Slots),
    phrase(node_goals(Nodes, Case, Map, _), GoalList),
    goals_conj(GoalList, Goals),
    maplist(slot_value, Nodes, Slots, Values),
    Env =.. [env|Values],
    retractall(evaluator(_, _)),
    retractall(topic_evaluator(_, _, _)),
    retractall(value_evaluator(_, _, _, _)),
    retractall(node_index(_, _)),
    retractall(evaluator_stamp(_)),
    retractall(topic_indexes(_)),
    assertz((evaluator(Case, Env) :- Goals)),
    forall(topic(T, _, _), compile_topic_evaluator(T, Nodes)),
    forall(( topic(T, collect, Vs), member(V, Vs) ), compile_value_evaluator(T, V, Nodes)),
    forall(nth1(I, Nodes, Node), assertz(node_index(Node, I))),
    findall(T-I, ( topic(T, _, _), nth1(I, Nodes, topic(T)) ), TopicIndexes),
    assertz(topic_indexes(TopicIndexes)),
    assertz(evaluator_stamp(Stamp)).

%  topic_evaluator(T, Case, Resolution) :- Goals: the goals of the
%  evaluator for the nodes T depends on (its cone), in node order.
compile_topic_evaluator(T, Nodes) :-
    cone([topic(T)], [topic(T)], Cone),
    include([N]>>memberchk(N, Cone), Nodes, ConeNodes),
    maplist(node_slot, ConeNodes, Slots),
    pairs_keys_values(Map, ConeNodes, Slots),
    phrase(node_goals(ConeNodes, Case, Map, _), GoalList0),
    maplist(without_warnings, GoalList0, GoalList),
    goals_conj(GoalList, Goals),
    memberchk(topic(T)-Resolution, Map),
    assertz((topic_evaluator(T, Case, Resolution) :- Goals)).

%  value_evaluator(T, V, Case, Resolution) :- Goals: the evaluator of the
%  rules of T that conclude V or can beat one that does (transitively), and
%  of the nodes their conditions depend on.
compile_value_evaluator(T, V, Nodes) :-
    node_rules(topic(T), Rules),
    findall(Id, member(r(Id, V, _), Rules), Own),
    beat_closure(Own, Own, Ids),
    include([r(Id, _, _)]>>memberchk(Id, Ids), Rules, Subset),
    findall(D, ( member(r(_, _, Conds), Subset), condition_node(Conds, D) ), Deps0),
    sort(Deps0, Deps),
    cone(Deps, Deps, Cone),
    include([N]>>memberchk(N, Cone), Nodes, ConeNodes),
    maplist(node_slot, ConeNodes, Slots),
    pairs_keys_values(Map, ConeNodes, Slots),
    phrase(( node_goals(ConeNodes, Case, Map, Map1),
             rule_goals(Subset, Case, Results, Map1, _),
             node_result(topic(T), Resolution, Results) ), GoalList0),
    maplist(without_warnings, GoalList0, GoalList),
    goals_conj(GoalList, Goals),
    assertz((value_evaluator(T, V, Case, Resolution) :- Goals)).

beat_closure([], Ids, Ids).
beat_closure([Id|Queue], Seen, Ids) :-
    beaters(Id, Ws),
    exclude([W]>>memberchk(W, Seen), Ws, New),
    append(Seen, New, Seen1),
    append(Queue, New, Queue1),
    beat_closure(Queue1, Seen1, Ids).

cone([], Cone, Cone).
cone([N|Ns], Seen, Cone) :-
    findall(D, ( node_rules(N, Rules), member(r(_, _, Conds), Rules),
                 condition_node(Conds, D), \+ memberchk(D, Seen) ), New0),
    sort(New0, New),
    append(Seen, New, Seen1),
    append(Ns, New, Queue),
    cone(Queue, Seen1, Cone).

%  A node's slot in Map: node(Proof, Status) for a concept, the resolution
%  for a topic. Every proof (a concept's, a finding's) is a variable of the
%  clause, built by one goal and shared by every proof that contains it: a
%  term written out in the clause would be copied, and built on every call,
%  once per use.
node_slot(concept(_), node(_Proof, _Status)).
node_slot(topic(_), _Resolution).

slot_value(concept(_), node(Proof, _), Proof).
slot_value(topic(_), Resolution, Resolution).

goals_conj([], true).
goals_conj([G], G) :- !.
goals_conj([G|Gs], (G, Conj)) :- goals_conj(Gs, Conj).

without_warnings(resolve(proofs, T, Policy, Results, Winners, Open, R),
                 resolve(topic, T, Policy, Results, Winners, Open, R)) :- !.
without_warnings(G, G).

%  The goals evaluate the nodes in order, so that each is bound before use.
%  Map holds the slot of every node and the proof of every finding tested
%  so far: a finding that several rules test is tested once.
node_goals([], _, Map, Map) --> [].
node_goals([Node|Nodes], Case, Map0, Map) -->
    { memberchk(Node-Slot, Map0), node_rules(Node, Rules) },
    rule_goals(Rules, Case, Results, Map0, Map1),
    node_result(Node, Slot, Results),
    node_goals(Nodes, Case, Map1, Map).

rule_goals([], _, [], Map, Map) --> [].
rule_goals([r(Id, V, Conds)|Rules], Case, [r(Id, V, S, rule(Id, S, P))|Results], Map0, Map) -->
    compile_cond(Conds, Case, S, P, Map0, Map1),
    rule_goals(Rules, Case, Results, Map1, Map).

node_result(concept(C), node(P, S), Results) -->
    { maplist([r(_, _, RS, RP), RS, RP]>>true, Results, Ss, Proofs) },
    kleene(or, Ss, S),
    [P = concept(C, S, Proofs)].
node_result(topic(T), Resolution, Results) -->
    { topic(T, Policy, _) },
    result_goals(Results, Vars),
    undefeated_goals(Results, Vars, Results, Winners, Open),
    [resolve(proofs, T, Policy, Vars, Winners, Open, Resolution)].

%  Each result of a topic rule, r(Id, Value, Status, Proof), built once.
result_goals([], []) --> [].
result_goals([r(Id, V, S, RuleProof)|Rs], [R|Vars]) -->
    [R = r(Id, V, S, P), P = RuleProof],
    result_goals(Rs, Vars).

%  The undefeated results, inlined: a result whose conditions are false, or
%  that a firing rule beats (priority/5), is defeated; an undefeated one is
%  a winner if it fired, else open (its conditions are unknown). Winners
%  and Open are built as lists, in rule order.
undefeated_goals([], [], _, [], []) --> [].
undefeated_goals([r(Id, _, S, _)|Rs], [R|Vars], All, W0, O0) -->
    { beaters(Id, Ws),
      maplist(result_status(All), Ws, Beaters),
      defeated_goal(S, Beaters, Defeated) },
    [( Defeated -> W0 = W1, O0 = O1 ; S == true -> W0 = [R|W1], O0 = O1 ; W0 = W1, O0 = [R|O1] )],
    undefeated_goals(Rs, Vars, All, W1, O1).

result_status(Results, Id, S) :-
    memberchk(r(Id, _, S, _), Results).

defeated_goal(S, [], S == false) :- !.
defeated_goal(S, Beaters, (S == false ; Beaten)) :-
    any_is(Beaters, true, Beaten).

%  Kleene's connectives, inlined: `and` is false if a part is false, else
%  unknown if a part is unknown, else true; `or` is its dual. One status
%  needs no connective: it is the same variable.
kleene(_, [S0], S) --> !, { S = S0 }.
kleene(and, Ss, S) --> { kleene_goal(false, true, Ss, S, G) }, [G].
kleene(or, Ss, S) --> { kleene_goal(true, false, Ss, S, G) }, [G].

kleene_goal(Decisive, Otherwise, Ss, S,
            ( Any -> S = Decisive ; AnyUnknown -> S = unknown ; S = Otherwise )) :-
    any_is(Ss, Decisive, Any),
    any_is(Ss, unknown, AnyUnknown).

any_is([S], V, S == V) :- !.
any_is([S|Ss], V, (S == V ; Rest)) :- any_is(Ss, V, Rest).

%! eval_cond(+Condition, +Case, +Env, -Status, -Proof) is det.
%
%  Evaluates any Condition of the rule language on Case, reading the
%  concepts and decisions it refers to from Env (see evaluate/2).
eval_cond(Cond, Case, Env, S, P) :-
    findall(Node-Slot, ( node_index(Node, I), arg(I, Env, Value), env_slot(Node, Value, Slot) ), Map),
    phrase(compile_cond(Cond, Case, S, P, Map, _), GoalList),
    goals_conj(GoalList, Goal),
    call(Goal).

env_slot(concept(_), P, node(P, S)) :- P = concept(_, S, _).
env_slot(topic(_), R, R).

%! compile_cond(+Condition, ?Case, -Status, -Proof, +Map0, -Map)// is det.
%
%  The goals that compute the Status and Proof of Condition on Case (the
%  condition evaluator, partially evaluated for Condition). Map gives
%  node(Proof, Status) of every concept and finding tested before, and the
%  resolution of every topic, that Condition may refer to.
compile_cond(all(Cs), Case, S, all(S, Ps), Map0, Map) --> !,
    compile_conds(Cs, Case, Ss, Ps, Map0, Map),
    kleene(and, Ss, S).
compile_cond(any(Cs), Case, S, any(S, Ps), Map0, Map) --> !,
    compile_conds(Cs, Case, Ss, Ps, Map0, Map),
    kleene(or, Ss, S).
compile_cond(not(C), Case, S, not(S, P), Map0, Map) --> !,
    compile_cond(C, Case, S0, P, Map0, Map),
    [kleene_not(S0, S)].
compile_cond(decided(T, V), _, S, decided(T, V, S, Winners, Open), Map, Map) --> !,
    { memberchk(topic(T)-R, Map) },
    [decided_status(R, V, S), R = resolution(_, _, _, Winners, _, Open, _)].
compile_cond(C, Case, S, P, Map0, Map) -->
    { finding_test(C, F, Op, Arg) }, !,
    (   { memberchk(finding(C)-node(P, S), Map0) }
    ->  { Map = Map0 }
    ;   { Map = [finding(C)-node(P, S)|Map0], test_goal(Op, X, Arg, Test) },
        [( get_dict(F, Case, X) -> ( Test -> S = true ; S = false ) ; X = null, S = unknown ),
         P = finding(C, S, F, X)]
    ).
compile_cond(C, _, S, P, Map, Map) -->
    { memberchk(concept(C)-node(P, S), Map) }.

compile_conds([], _, [], [], Map, Map) --> [].
compile_conds([C|Cs], Case, [S|Ss], [P|Ps], Map0, Map) -->
    compile_cond(C, Case, S, P, Map0, Map1),
    compile_conds(Cs, Case, Ss, Ps, Map1, Map).

test_goal(=, X, V, X == V).
test_goal(in, X, Vs, memberchk(X, Vs)).
test_goal(<, X, N, X < N).
test_goal(=<, X, N, X =< N).
test_goal(>, X, N, X > N).
test_goal(>=, X, N, X >= N).

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

%! resolve(+Kind, +Topic, +Policy, +Results, +WinnerResults, +Open, -Resolution) is det.
%
%  Resolution is `resolution(Topic, Status, Values, WinnerIds, Results,
%  Open, Warnings)`, where Results are `r(Id, Value, Status, Proof)`,
%  WinnerResults are those that fired and no firing rule beats, and Open
%  those with unknown conditions that no firing rule beats (what blocks
%  the topic when it is undetermined; see open_fields/2). Kind is `proofs`,
%  or `topic` (no warnings: evaluate_topic/3).
resolve(Kind, T, Policy, Results, WinnerResults, Open,
        resolution(T, Status, Values, Winners, Results, Open, Warnings)) :-
    result_ids_values(WinnerResults, Winners, Vs0),
    sort(Vs0, Values),
    resolution_status(Policy, Values, Open, Status),
    (   ( Kind \== proofs ; Open == [] ; WinnerResults == [] ) -> Warnings = []
    ;   findall(W, resolution_warning(T, WinnerResults, Open, W), Warnings)
    ).

result_ids_values([], [], []).
result_ids_values([r(Id, V, _, _)|Rs], [Id|Ids], [V|Vs]) :-
    result_ids_values(Rs, Ids, Vs).

%! fires(+Result) is semidet.
%
%  Result `r(Id, Value, Status, Proof)` of a topic rule fired (Status true).
fires(r(_, _, true, _)).

resolution_status(_, [], [], not_applicable) :- !.
resolution_status(_, [], _, undetermined) :- !.
resolution_status(_, [_], _, decided) :- !.
resolution_status(collect, _, _, decided) :- !.
resolution_status(_, _, _, conflict).

%! open_fields(+Resolution, -Fields:list) is det.
%
%  Fields are the unknown findings that keep the rules of Resolution open.
open_fields(Resolution, Fields) :-
    open_fields(Resolution, memo([]), Fields).

%! open_fields(+Resolution, +Memo, -Fields:list) is det.
%
%  As open_fields/2; Memo (`memo([])` at first) keeps the unknown fields
%  of every concept and decided topic met, for later calls on the same
%  evaluation.
open_fields(resolution(_, _, _, _, _, Open, _), Memo, Fields) :-
    results_unknown_fields(Open, Memo, Fs, []),
    sort(Fs, Fields).

resolution_warning(T, WinnerResults, OpenUnknown,
                   warning(T, Winner, WinValue, Rule, Value, PriorityId, Fields)) :-
    member(r(Winner, WinValue, _, _), WinnerResults),
    member(r(Rule, Value, _, Proof), OpenUnknown),
    Value \== WinValue,
    once(beats(T, Rule, Winner, PriorityId)),
    proof_unknown_fields(Proof, Fields).

%  decided(T, V) is true when V won and no undefeated rule of T is left
%  unknown (so that every completion decides V: a decision that an open
%  rule could still overturn is not one), false when every rule concluding
%  V is defeated (its conditions are false or a firing rule beats it; or
%  there is no such rule), and unknown otherwise.
decided_status(resolution(_, Status, Values, _, _, Open, _), V, S) :-
    (   memberchk(V, Values) -> ( Status == decided, Open == [] -> S = true ; S = unknown )
    ;   memberchk(r(_, V, _, _), Open) -> S = unknown
    ;   S = false
    ).

%! proof_unknown_fields(+Proof, -Fields:list) is det.
%
%  Fields are the absent findings that make Proof unknown: changing any of
%  them may change its status. Empty for a true or false proof.
proof_unknown_fields(Proof, Fields) :-
    unknown_fields(Proof, memo([]), Fs, []),
    sort(Fs, Fields).

%  A difference list of the unknown findings under the unknown nodes.
%  (One clause per kind of node, its status tested inline: this runs for
%  every undetermined topic of a result.)
unknown_fields(finding(_, S, F, _), _, Fs0, Fs) :-
    (   S == unknown -> Fs0 = [F|Fs] ; Fs0 = Fs ).
unknown_fields(rule(_, S, P), M, Fs0, Fs) :-
    (   S == unknown -> unknown_fields(P, M, Fs0, Fs) ; Fs0 = Fs ).
unknown_fields(all(S, Ps), M, Fs0, Fs) :-
    (   S == unknown -> proofs_unknown_fields(Ps, M, Fs0, Fs) ; Fs0 = Fs ).
unknown_fields(any(S, Ps), M, Fs0, Fs) :-
    (   S == unknown -> proofs_unknown_fields(Ps, M, Fs0, Fs) ; Fs0 = Fs ).
unknown_fields(not(S, P), M, Fs0, Fs) :-
    (   S == unknown -> unknown_fields(P, M, Fs0, Fs) ; Fs0 = Fs ).
unknown_fields(concept(C, S, Ps), M, Fs0, Fs) :-
    (   S == unknown -> memo_fields(M, concept(C), proofs_unknown_fields(Ps), Fs0, Fs) ; Fs0 = Fs ).
unknown_fields(decided(T, _, S, _, Open), M, Fs0, Fs) :-
    (   S == unknown -> memo_fields(M, topic(T), results_unknown_fields(Open), Fs0, Fs) ; Fs0 = Fs ).

proofs_unknown_fields([], _, Fs, Fs).
proofs_unknown_fields([P|Ps], M, Fs0, Fs) :-
    unknown_fields(P, M, Fs0, Fs1),
    proofs_unknown_fields(Ps, M, Fs1, Fs).

results_unknown_fields([], _, Fs, Fs).
results_unknown_fields([r(_, _, _, P)|Rs], M, Fs0, Fs) :-
    unknown_fields(P, M, Fs0, Fs1),
    results_unknown_fields(Rs, M, Fs1, Fs).

%  The unknown fields under the concept or decided topic Key, collected by
%  call(Collect, Memo, Fields0, []) once per Memo: memo(Key-Fields list)
%  keeps them for the other undetermined topics of the result.
memo_fields(M, Key, Collect, Fs0, Fs) :-
    arg(1, M, Known),
    (   memberchk(Key-KFs, Known)
    ->  true
    ;   call(Collect, M, KFs0, []),
        sort(KFs0, KFs),
        arg(1, M, Known1),
        setarg(1, M, [Key-KFs|Known1])
    ),
    append(KFs, Fs, Fs0).

                 /*******************************
                 *        QUERY INTERFACE       *
                 *******************************/

%! topic_resolution(+Env, ?Topic, -Resolution) is nondet.
%
%  Resolution is the resolved Topic in Env (see resolve/7).
topic_resolution(Env, T, Resolution) :-
    topic(T, _, _),
    node_index(topic(T), I),
    arg(I, Env, Resolution).

%! topic_resolutions(+Env, -Pairs:list) is det.
%
%  Pairs are the `Topic-Resolution` of every topic in Env, in the order of
%  topic/3 (the resolutions are not copied, as findall/3 would).
topic_resolutions(Env, Pairs) :-
    topic_indexes(TopicIndexes),
    maplist(topic_slot(Env), TopicIndexes, Pairs).

topic_slot(Env, T-I, T-R) :-
    arg(I, Env, R).

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
