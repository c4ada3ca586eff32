/* Mutant generator for tests/test_mutation.py.

   mutants(+KbDir) prints one JSON object per line: a mutation of one clause
   of a chapter file, as {file, start, end, text, operator, target}, where
   text replaces the characters [start, end) of the file. */
:- use_module(library(http/json)).

mutants(KbDir) :-
    forall(( member(F, [diagnostics, corticosteroids, additional_diagnostics,
                        treatment_indication, radiotherapy, timing, follow_up]),
             atomic_list_concat([KbDir, '/', F, '.pl'], Path),
             clause_at(Path, Term, Start, End),
             mutation(Term, Op, Target, Mutant) ),
           ( format(string(Text), "~q", [Mutant]),
             json_write_dict(current_output,
                             _{file: F, start: Start, end: End, text: Text,
                               operator: Op, target: Target}, [width(0)]),
             nl )).

clause_at(Path, Term, Start, End) :-
    setup_call_cleanup(open(Path, read, In),
                       clause_in(In, Term, Start, End),
                       close(In)).

clause_in(In, Term, Start, End) :-
    repeat,
    read_term(In, T, [subterm_positions(P), module(rulebase)]),
    (   T == end_of_file -> !, fail
    ;   arg(1, P, Start), arg(2, P, End), Term = T
    ).

mutation(rule(Id, _, _, _), delete_rule, Id, '$mutant_deleted').
mutation(priority(Id, _, _, _, _), delete_priority, Id, '$mutant_deleted').
mutation(rule(Id, C, all(Cs), P), drop_condition, Id, rule(Id, C, all(Cs1), P)) :-
    length(Cs, N), N >= 2,
    once(select(_, Cs, Cs1)).
mutation(rule(Id, T = V, B, P), swap_value, Id, rule(Id, T = V1, B, P)) :-
    topics:topic(T, _, Vs), member(V1, Vs), V1 \== V, !.
mutation(rule(Id, C, B, P), move_threshold, Id, rule(Id, C, B1, P)) :-
    once(replace_sub(B, B1, threshold)).
mutation(rule(Id, C, B, P), flip_bool, Id, rule(Id, C, B1, P)) :-
    once(replace_sub(B, B1, bool)).

replace_sub(X, Y, Kind) :- mutate_leaf(Kind, X, Y), !.
replace_sub(all(Xs), all(Ys), Kind) :- replace_in_list(Xs, Ys, Kind).
replace_sub(any(Xs), any(Ys), Kind) :- replace_in_list(Xs, Ys, Kind).

replace_in_list([X|Xs], [Y|Xs], Kind) :- replace_sub(X, Y, Kind).
replace_in_list([X|Xs], [X|Ys], Kind) :- replace_in_list(Xs, Ys, Kind).

mutate_leaf(threshold, X, Y) :-
    X =.. [Op, F, N], memberchk(Op, [<, =<, >, >=]), number(N),
    N1 is N + 1, Y =.. [Op, F, N1].
mutate_leaf(bool, F = true, F = false).
mutate_leaf(bool, F = false, F = true).
