/* Exhaustive mutant generator for tests/mutation.py (make mutation).

   mutants(+KbDir) prints one JSON object per line: a mutation of one term of
   a kb file, as {file, start, end, text, operator, target}, where text
   replaces the characters [start, end) of the file. Every mutant of every
   operator is printed, in file order; nothing is sampled.

   Operators:
     - rules: delete_rule; drop_condition (each condition of each all/any
       list of two or more); negate_test (each test wrapped in not/1, each
       not/1 removed); move_threshold (each number compared, one up and one
       down); strictness (< to =< and back, > to >= and back); other_value
       (each other value of the field in a test, and each other value of
       the topic in the conclusion)
     - priorities: delete_priority, swap_priority (higher and lower swapped)
     - obligations, incompatibilities, safety constraints: delete_requirement,
       weaken_requirement (each condition of the list dropped)
     - topics: hit_policy (each other policy) */
:- use_module(library(http/json)).
:- use_module(library(lists)).

mutants(KbDir) :-
    forall(( member(F, [diagnostics, corticosteroids, additional_diagnostics,
                        treatment_indication, radiotherapy, timing, follow_up,
                        requirements, topics]),
             atomic_list_concat([KbDir, '/', F, '.pl'], Path),
             clause_at(Path, Term, Start, End),
             distinct(Mutant-Op, mutation(Term, Op, Target, Mutant)) ),
           ( mutant_text(Mutant, Text),
             term_string(Target, TargetText),
             json_write_dict(current_output,
                             _{file: F, start: Start, end: End, text: Text,
                               operator: Op, target: TargetText}, [width(0)]),
             nl )).

mutant_text('$mutant_deleted', "") :- !.  % the whole term and its full stop (tests/mutation.py)
mutant_text(Term, Text) :-
    format(string(Text), "~k", [Term]).

clause_at(Path, Term, Start, End) :-
    setup_call_cleanup(open(Path, read, In),
                       clause_in(In, Term, Start, End),
                       close(In)).

clause_in(In, Term, Start, End) :-
    repeat,
    read_term(In, T, [subterm_positions(P), module(rulebase)]),
    (   T == end_of_file -> !, fail
    ;   T \= (:- _), arg(1, P, Start), arg(2, P, End), Term = T
    ).

                 /*******************************
                 *           OPERATORS          *
                 *******************************/

mutation(rule(Id, _, _, _), delete_rule, Id, '$mutant_deleted').
mutation(rule(Id, C, B, P), Op, Id, rule(Id, C, B1, P)) :-
    mutate_cond(B, B1, Op).
mutation(rule(Id, T = V, B, P), other_value, Id, rule(Id, T = V1, B, P)) :-
    T \== advice,
    topics:topic(T, _, Vs), member(V1, Vs), V1 \== V.
mutation(priority(Id, _, _, _, _), delete_priority, Id, '$mutant_deleted').
mutation(priority(Id, T, H, L, P), swap_priority, Id, priority(Id, T, L, H, P)).
mutation(Req, delete_requirement, Id, '$mutant_deleted') :-
    requirement(Req, Id, _, _).
mutation(Req, weaken_requirement, Id, Req1) :-
    requirement(Req, Id, Conds, Rebuild),
    weaken(Conds, Conds1),
    call(Rebuild, Conds1, Req1).
mutation(topic(T, P, Vs), hit_policy, T, topic(T, P1, Vs)) :-
    member(P1, [unique, priority, collect]), P1 \== P.

requirement(obligation(Id, T, C, P), Id, C, [C1, obligation(Id, T, C1, P)]>>true).
requirement(incompatible(Id, C, P), Id, C, [C1, incompatible(Id, C1, P)]>>true).
requirement(safety(Id, C, P), Id, C, [C1, safety(Id, C1, P)]>>true).

weaken(all(Cs), all(Cs1)) :- length(Cs, N), N >= 2, select(_, Cs, Cs1).
weaken(C, C1) :- C \= all(_), mutate_cond(C, C1, drop_condition).

%! mutate_cond(+Condition, -Mutant, -Operator) is nondet.
%
%  Every single-point mutation of a condition of the rule language.
mutate_cond(all(Cs), all(Cs1), drop_condition) :- length(Cs, N), N >= 2, select(_, Cs, Cs1).
mutate_cond(any(Cs), any(Cs1), drop_condition) :- length(Cs, N), N >= 2, select(_, Cs, Cs1).
mutate_cond(all(Cs), all(Cs1), Op) :- mutate_list(Cs, Cs1, Op).
mutate_cond(any(Cs), any(Cs1), Op) :- mutate_list(Cs, Cs1, Op).
mutate_cond(not(C), C, negate_test).
mutate_cond(not(C), not(C1), Op) :- mutate_cond(C, C1, Op).
mutate_cond(C, not(C), negate_test) :- leaf(C).
mutate_cond(C, C1, move_threshold) :-
    C =.. [Op, F, N], comparison(Op), number(N),
    member(D, [1, -1]), N1 is N + D, N1 >= 0, C1 =.. [Op, F, N1].
mutate_cond(C, C1, strictness) :-
    C =.. [Op, F, N], strictness(Op, Op1), C1 =.. [Op1, F, N].
mutate_cond(F = V, F = V1, other_value) :-
    atom(F), schema:field_value(F, V1), V1 \== V.
mutate_cond(F in Vs, F in Vs1, other_value) :-
    atom(F), select(V, Vs, V1, Vs1), V \== V1,
    schema:field_value(F, V1), \+ memberchk(V1, Vs).

mutate_list([X|Xs], [Y|Xs], Op) :- mutate_cond(X, Y, Op).
mutate_list([X|Xs], [X|Ys], Op) :- mutate_list(Xs, Ys, Op).

leaf(C) :- C \= all(_), C \= any(_), C \= not(_).

comparison(<). comparison(=<). comparison(>). comparison(>=).
strictness(<, =<). strictness(=<, <). strictness(>, >=). strictness(>=, >).
