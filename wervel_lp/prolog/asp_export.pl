/** <module> Translation of the rule store into ASP (clingo)

Generates the facts and rules that the consistency check (wervel_lp/check.lp)
solves, from the same rule store the evaluator is compiled from: nothing
clinical is written twice. Three-valued logic becomes two predicates per
condition node N: `t(N)` (known to hold) and `f(N)` (known to fail); a node
with neither is unknown.

Generated predicates:

  - `field(F)`, `dom(F, V)`, `threshold(F, C)`: the input domain. Numeric
    fields are split at every constant the rules and contradictions compare
    them with: the constant and one value on either side.
  - `invalid(Id)`: contradiction Id of schema.pl holds.
  - `inapplicable(F)`: the contradictions leave F no possible value (a
    duration without a lesion): F is settled although unknown.
  - `cinvalid(Id)`, `cinapplicable(F)`: the same over a completion,
    `cell(F, V)` (a value for every field; see check.lp and exact.lp).
  - `topic(T)`, `policy(T, P)`, `value(T, V)`, `dep(T, F)`
  - `rule(R)`, `concludes(R, T, V)`, `concept_rule(R, C)`, `body(R, N)`,
    `fires(R)`, `rfalse(R)`, `beats(T, Winner, Loser, PriorityId)`
  - `ct(C)`, `cf(C)`: concept C known true / known false
  - `obligation(Id, T, N)`, `incompatible(Id, N)`, `safety(Id, N)`
  - `ack_region(Id, K, Target, N)`: region K (1, 2, ...) of register entry
    Id of kb/anomalies.pl acknowledges the cases where node N holds for the
    anomaly Target (`gap(O)`, `conflict(T)`, ...; as check.lp names it)
*/
:- module(asp_export,
          [ asp_program/1,           % -Text
            asp_const/2,             % +Atomic, -Text
            field_thresholds/2,      % +Field, -Constants
            covers_all_values/2      % +Condition, -Field
          ]).
:- use_module(library(apply)).
:- use_module(library(lists)).
:- use_module(kb(schema)).
:- use_module(kb(topics)).
:- use_module(kb(anomalies)).
:- use_module(rulebase).
:- use_module(kb_queries, [topic_fields/2]).

%! asp_program(-Text:string) is det.
%
%  Text is the ASP translation of the whole kb.
asp_program(Text) :-
    setup_call_cleanup(
        nb_setval(asp_node, 0),
        with_output_to(string(Text), emit_program),
        nb_delete(asp_node)).

emit_program :-
    format("% Generated from the kb by wervel_lp/prolog/asp_export.pl. Do not edit.~n"),
    emit_domain,
    emit_contradictions,
    emit_topics,
    forall(concept(C, _, _), emit_concept(C)),
    forall(rule(Id, Conclusion, Conds, _), emit_rule(Id, Conclusion, Conds)),
    forall(beats(T, W, L, P), fact(beats(T, W, L, P))),
    forall(obligation(Id, T, Conds, _),
           ( emit_condition(Conds, N), fact(obligation(Id, T, N)) )),
    forall(incompatible(Id, Conds, _),
           ( emit_condition(Conds, N), fact(incompatible(Id, N)) )),
    forall(safety(Id, Conds, _),
           ( emit_condition(Conds, N), fact(safety(Id, N)) )),
    forall(acknowledged(Id, Kind, Subject, Props),
           emit_regions(Id, Kind, Subject, Props)).

%  The regions of a register entry: region(Conditions) properties, in the
%  rule language over findings. A number compared in a region must be a
%  threshold of the rules, so that a region is a union of the domain's cells.
emit_regions(Id, Kind, Subject, Props) :-
    findall(Conds, member(region(Conds), Props), Regions),
    asp_const(Id, I), asp_const(Kind, Ka), asp_const(Subject, S),
    forall(nth1(K, Regions, Conds),
           ( forall(sub_test(all(Conds), F, C),
                    (   thresholds(F, Cs), memberchk(C, Cs) -> true
                    ;   throw(error(domain_error(region_threshold, Id-(F-C)), asp_program/1))
                    )),
             emit_condition(all(Conds), N),
             format("ack_region(~w, ~w, ~w(~w), ~w).~n", [I, K, Ka, S, N]) )).

                 /*******************************
                 *            DOMAIN            *
                 *******************************/

emit_domain :-
    forall(field(F, Type, _), emit_field(F, Type)).

emit_field(F, Type) :-
    fact(field(F)),
    (   field_value(F, V), fact(dom(F, V)), fail ; true ),
    (   numeric(Type, Min)
    ->  thresholds(F, Cs),
        forall(member(C, Cs), fact(threshold(F, C))),
        representatives(F, Min, Cs, Reps),
        forall(member(R, Reps), fact(dom(F, R)))
    ;   true
    ).

numeric(number(Min), Min).
numeric(integer(Min), Min).

%! field_thresholds(+Field, -Constants:list) is det.
%
%  Constants are every constant a rule, requirement or contradiction
%  compares the number Field with, sorted.
field_thresholds(F, Cs) :-
    thresholds(F, Cs).

thresholds(F, Cs) :-
    findall(C, ( all_conditions(Conds), sub_test(Conds, F, C) ), Cs0),
    sort(Cs0, Cs),
    (   forall(member(C, Cs), integer(C)) -> true
    ;   throw(error(domain_error(integer_threshold, F-Cs), asp_program/1))
    ).

all_conditions(Conds) :- rule(_, _, Conds, _).
all_conditions(Conds) :- contradiction(_, Cs, _), Conds = all(Cs).
all_conditions(Conds) :- obligation(_, _, Conds, _).
all_conditions(Conds) :- incompatible(_, Conds, _).
all_conditions(Conds) :- safety(_, Conds, _).

sub_test(all(Cs), F, C) :- !, member(X, Cs), sub_test(X, F, C).
sub_test(any(Cs), F, C) :- !, member(X, Cs), sub_test(X, F, C).
sub_test(not(X), F, C) :- !, sub_test(X, F, C).
sub_test(X, F, C) :- finding_test(X, F, Op, C), ( memberchk(Op, [<, =<, >, >=]) ; Op == (=), number(C) ).

%  A real value strictly between two constants of a number field must be
%  represented by an integer, so its constants must be at least 2 apart.
check_spacing(F, Cs) :-
    (   append(_, [A, B|_], Cs), B - A < 2
    ->  throw(error(domain_error(threshold_spacing, F-[A, B]), asp_program/1))
    ;   true
    ).

representatives(_, Min, Cs, Reps) :-
    findall(R, ( ( R = Min ; member(C, Cs), member(D, [-1, 0, 1]), R is C + D ),
                 R >= Min ),
            Rs0),
    sort(Rs0, Reps).

%  Over the known findings (val/2): invalid/1 and inapplicable/1. Over a
%  completion (cell/2, a value for every field): cinvalid/1, the
%  contradictions that no cell of an inapplicable field breaks, and
%  cinapplicable/1.
emit_contradictions :-
    forall(contradiction(Id, Conds, _),
           ( contradiction_rule(invalid, val, Id, Conds),
             (   member(C, Conds), covers_all_values(C, _)
             ->  true
             ;   contradiction_rule(cinvalid, cell, Id, Conds)
             ) )),
    forall(( contradiction(_, Conds, _),
             select(C, Conds, Others),
             covers_all_values(C, F) ),
           ( contradiction_rule(inapplicable, val, F, Others),
             contradiction_rule(cinapplicable, cell, F, Others) )).

contradiction_rule(Head, Pred, Arg, Conds) :-
    maplist(direct_literal(Pred), Conds, Lits),
    atomic_list_concat(Lits, ', ', Body),
    asp_const(Arg, A),
    format("~w(~w) :- ~w.~n", [Head, A, Body]).

%! covers_all_values(+Condition, -Field) is semidet.
%
%  Condition holds for every known value of its field Field (a contradiction
%  with it makes Field inapplicable where its other conditions hold).
covers_all_values(C, F) :-
    finding_test(C, F, Op, Arg),
    field(F, Type, _),
    (   Op == in
    ->  forall(field_value(F, V), memberchk(V, Arg))
    ;   Op == (>=), numeric(Type, Min), Arg =< Min
    ).

%  A contradiction condition as body literals on Pred (val/2 or cell/2).
direct_literal(Pred, C, Lit) :-
    finding_test(C, F, Op, Arg),
    asp_const(F, Fa),
    (   Op == (=)
    ->  asp_const(Arg, A), format(atom(Lit), "~w(~w, ~w)", [Pred, Fa, A])
    ;   Op == in
    ->  maplist(asp_const, Arg, As), atomic_list_concat(As, ';', Alt),
        format(atom(Lit), "~w(~w, (~w))", [Pred, Fa, Alt])
    ;   asp_op(Op, AOp),
        format(atom(Lit), "~w(~w, X_~w), X_~w ~w ~w", [Pred, Fa, Fa, Fa, AOp, Arg])
    ).

                 /*******************************
                 *       TOPICS AND RULES       *
                 *******************************/

emit_topics :-
    forall(topic(T, P, Vs),
           ( fact(topic(T)), fact(policy(T, P)),
             forall(member(V, Vs), fact(value(T, V))),
             topic_fields(T, Fs),
             forall(member(F, Fs), fact(dep(T, F))) )).

%  cf(C) holds when every rule of C is known false.
emit_concept(C) :-
    findall(L, ( rule(Id, concept(C), _, _), asp_const(Id, I),
                 format(atom(L), "rfalse(~w)", [I]) ), Ls),
    atomic_list_concat(Ls, ', ', Body),
    asp_const(C, Ca),
    format("cf(~w) :- ~w.~n", [Ca, Body]).

emit_rule(Id, Conclusion, Conds) :-
    fact(rule(Id)),
    emit_condition(Conds, N),
    fact(body(Id, N)),
    asp_const(Id, I),
    format("fires(~w) :- t(~w).~nrfalse(~w) :- f(~w).~n", [I, N, I, N]),
    (   Conclusion = concept(C)
    ->  fact(concept_rule(Id, C)),
        asp_const(C, Ca),
        format("ct(~w) :- fires(~w).~n", [Ca, I])
    ;   Conclusion = (T = V),
        fact(concludes(Id, T, V))
    ).

                 /*******************************
                 *          CONDITIONS          *
                 *******************************/

%! emit_condition(+Condition, -Node:integer) is det.
%
%  Emits t/1 and f/1 rules for Condition and its parts; Node names it.
emit_condition(all(Cs), N) :- !,
    new_node(N),
    maplist(emit_condition, Cs, Ns),
    conjunction(t, Ns, TBody), format("t(~w) :- ~w.~n", [N, TBody]),
    forall(member(M, Ns), format("f(~w) :- f(~w).~n", [N, M])).
emit_condition(any(Cs), N) :- !,
    new_node(N),
    maplist(emit_condition, Cs, Ns),
    conjunction(f, Ns, FBody), format("f(~w) :- ~w.~n", [N, FBody]),
    forall(member(M, Ns), format("t(~w) :- t(~w).~n", [N, M])).
emit_condition(not(C), N) :- !,
    new_node(N),
    emit_condition(C, M),
    format("t(~w) :- f(~w).~nf(~w) :- t(~w).~n", [N, M, N, M]).
emit_condition(decided(T, V), N) :- !,
    new_node(N),
    asp_const(T, Ta), asp_const(V, Va),
    format("t(~w) :- decided(~w, ~w), not open(~w).~nf(~w) :- dec_false(~w, ~w).~n",
           [N, Ta, Va, Ta, N, Ta, Va]).
emit_condition(C, N) :-
    finding_test(C, F, Op, Arg), !,
    new_node(N),
    asp_const(F, Fa),
    finding_rules(Op, Arg, Fa, N).
emit_condition(C, N) :-
    new_node(N),
    asp_const(C, Ca),
    format("t(~w) :- ct(~w).~nf(~w) :- cf(~w).~n", [N, Ca, N, Ca]).

finding_rules(=, V, F, N) :-
    asp_const(V, Va),
    format("t(~w) :- val(~w, ~w).~nf(~w) :- val(~w, W), W != ~w.~n", [N, F, Va, N, F, Va]).
finding_rules(in, Vs, F, N) :-
    maplist(asp_const, Vs, As),
    forall(member(A, As), format("t(~w) :- val(~w, ~w).~n", [N, F, A])),
    findall(L, ( member(A, As), format(atom(L), "W != ~w", [A]) ), Ls),
    atomic_list_concat(Ls, ', ', Neq),
    format("f(~w) :- val(~w, W), ~w.~n", [N, F, Neq]).
finding_rules(Op, Num, F, N) :-
    asp_op(Op, A), negated_op(Op, NOp), asp_op(NOp, NA),
    format("t(~w) :- val(~w, X), X ~w ~w.~nf(~w) :- val(~w, X), X ~w ~w.~n",
           [N, F, A, Num, N, F, NA, Num]).

asp_op(<, <).
asp_op(=<, <=).
asp_op(>, >).
asp_op(>=, >=).

negated_op(<, >=).
negated_op(=<, >).
negated_op(>, =<).
negated_op(>=, <).

conjunction(P, Ns, Text) :-
    findall(L, ( member(N, Ns), format(atom(L), "~w(~w)", [P, N]) ), Ls),
    atomic_list_concat(Ls, ', ', Text).

new_node(N) :-
    nb_getval(asp_node, N0),
    N is N0 + 1,
    nb_setval(asp_node, N).

                 /*******************************
                 *            TERMS             *
                 *******************************/

fact(Term) :-
    Term =.. [Name|Args],
    maplist(asp_const, Args, As),
    atomic_list_concat(As, ', ', ArgText),
    format("~w(~w).~n", [Name, ArgText]).

%! asp_const(+Atomic, -Text) is det.
%
%  Text is Atomic as an ASP term: numbers and identifiers as they are,
%  anything else (such as '8gy_single_fraction') as a quoted string.
asp_const(X, X) :- integer(X), !.
asp_const(X, Text) :-
    atom(X),
    atom_codes(X, [C|Cs]),
    code_type(C, lower),
    forall(member(D, Cs), code_type(D, csym)), !,
    Text = X.
asp_const(X, Text) :-
    format(atom(Text), "\"~w\"", [X]).
