/* plunit tests of the walks in C (wervel_lp/prolog/diagram_walk.c): hostile arguments are
   refused with an error, and a walk state lives and goes with its thread. Run where the
   library is built (make); their answers are compared with exact.pl's own walks by
   tests/test_exact.py. */
:- use_module(library(plunit)).

:- begin_tests(diagram_walk, [condition(exact:exact_walks(c))]).

%  A load that is refused leaves the diagrams as they were: the kb's walks still answer.
kb_walks_answer :-
    exact:exact_topic_root(treatment, Root), integer(Root),
    all_unknown(Known),
    exact:walk_state(State),
    exact:walk_info(State, Known, Root, Mask, _),
    Mask > 0.

%  The known-cells text of a case that knows nothing.
all_unknown(Known) :-
    exact:exact_fields(Fields), length(Fields, N),
    length(Codes, N), maplist(=(0'0), Codes),
    string_codes(Known, Codes).

refused(Goal, Error) :-
    catch(( Goal, fail ), error(Error, _), true),
    nonvar(Error).

test(duplicate_node_id_is_refused) :-
    refused(exact:walk_load([2, 2], 3, [n(3, 1, [-1, -2]), n(3, 2, [-1, -2])], 0, [], [], 4),
            domain_error(diagram_node, _)),
    kb_walks_answer.

test(a_kid_on_an_earlier_variable_is_refused) :-
    refused(exact:walk_load([2], 2, [n(2, 1, [2, 2])], 0, [], [], 2), domain_error(ordered_diagram, _)),
    refused(exact:walk_load([2, 2], 3, [n(2, 1, [-1, -1]), n(3, 2, [2, -1])], 0, [], [], 4),
            domain_error(ordered_diagram, _)),
    kb_walks_answer.

test(bad_sizes_are_refused) :-
    refused(exact:walk_load([2], 2, [n(2, 1, [-1, -2])], 0, [], [], -1), domain_error(kid_count, _)),
    refused(exact:walk_load([2], 2147483647, [], 0, [], [], 0), domain_error(node_count, _)),
    refused(exact:walk_load([2], 2, [n(2, 1, [-1, -2])], 64, [], [], 2), domain_error(outcome_index, _)),
    refused(exact:walk_load([2], 2, [n(2, 1, [-1, -2])], 0, [], [], 5), domain_error(kid_count, _)),
    kb_walks_answer.

test(lists_that_are_not_lists_are_refused) :-
    refused(exact:walk_load([2], 2, foo, 0, [], [], 0), type_error(list, _)),
    refused(exact:walk_load([2], 2, [n(2, 1, [-1, -2])|_], 0, [], [], 2), _),
    refused(exact:walk_load([2, 2], 3, [n(2, 1, [3, -1]), n(3, 2, [-1, -2])], 0, [1-[2], 1-[2]], [], 4),
            domain_error(lower_ties, _)),
    kb_walks_answer.

test(hostile_walk_arguments_are_refused) :-
    exact:walk_state(State),
    exact:exact_topic_root(treatment, Root),
    all_unknown(Known),
    refused(exact:walk_info(foo, Known, Root, _, _), type_error(diagram_walk, _)),
    refused(exact:walk_info(State, "0", Root, _, _), domain_error(known_cells, _)),
    refused(exact:walk_reach(State, c(0), Root, true, _), type_error(known_cells, _)),
    atom_string(KnownAtom, Known),
    refused(exact:walk_reach(State, KnownAtom, Root, true, _), type_error(known_cells, _)),
    refused(exact:walk_reach(State, _, Root, true, _), instantiation_error),
    string_concat(Known, "0", Longer),
    refused(exact:walk_reach(State, Longer, Root, true, _), domain_error(known_cells, _)),
    sub_string(Known, 1, _, 0, Rest),
    string_concat("/", Rest, BelowZero),
    refused(exact:walk_reach(State, BelowZero, Root, true, _), domain_error(cell, _)),
    exact:exact_fields([F|_]), exact:exact_cells(F, Cells), length(Cells, N),
    Beyond is 0'0 + N + 1,
    string_codes(BeyondText, [Beyond]),
    string_concat(BeyondText, Rest, BeyondCells),
    refused(exact:walk_info(State, BeyondCells, Root, _, _), domain_error(cell, _)),
    Last is 0'0 + N,
    string_codes(LastText, [Last]),
    string_concat(LastText, Rest, LastCell),
    exact:walk_info(State, LastCell, Root, _, _),
    refused(exact:walk_info(_, Known, Root, _, _), instantiation_error),
    kb_walks_answer.

%  The text of the known cells is made from exact_known/2's term alone.
test(known_cells_text) :-
    exact:exact_fields(Fields), length(Fields, N),
    functor(Cells, c, N), forall(between(1, N, I), nb_setarg(I, Cells, 0)),
    exact:walk_cells(Cells, Known),
    all_unknown(Known),
    exact:exact_fields([F|_]), exact:exact_cells(F, Cs), length(Cs, NC),
    setarg(1, Cells, NC),
    exact:walk_cells(Cells, Last),
    sub_string(Last, 0, 1, _, First),
    string_code(1, First, Code), Code =:= 0'0 + NC.

test(hostile_cells_terms_are_refused) :-
    exact:exact_fields(Fields), length(Fields, N),
    functor(Cells, c, N), forall(between(1, N, I), nb_setarg(I, Cells, 0)),
    exact:exact_fields([F|_]), exact:exact_cells(F, Cs), length(Cs, NC),
    Beyond is NC + 1,
    refused(( setarg(1, Cells, Beyond), exact:walk_cells(Cells, _) ), domain_error(cell, _)),
    refused(( setarg(1, Cells, -1), exact:walk_cells(Cells, _) ), domain_error(cell, _)),
    refused(( setarg(1, Cells, a), exact:walk_cells(Cells, _) ), type_error(integer, _)),
    refused(( setarg(1, Cells, 10000000000000000000000), exact:walk_cells(Cells, _) ), _),
    refused(exact:walk_cells(c(0), _), type_error(known_cells, _)),
    Cells =.. [_|Args], Other =.. [d|Args],
    refused(exact:walk_cells(Other, _), type_error(known_cells, _)),
    refused(exact:walk_cells("000", _), type_error(known_cells, _)),
    refused(exact:walk_cells(_, _), instantiation_error).

test(a_state_that_is_collected_before_its_thread_ends) :-
    thread_create(( forall(between(1, 1000, _), exact:walk_new(_)),
                    \+ exact:walk_new(foo),
                    garbage_collect_atoms ),
                  Id),
    thread_join(Id, Status),
    garbage_collect_atoms,
    Status == true.

test(a_state_is_its_own_threads_alone) :-
    exact:walk_state(State),
    exact:exact_topic_root(treatment, Root),
    all_unknown(Known),
    thread_create(catch(exact:walk_info(State, Known, Root, _, _),
                        error(permission_error(_, diagram_walk, _), _), true),
                  Id),
    thread_join(Id, Status),
    Status == true,
    kb_walks_answer.

%  The weighted counts in C (walk_counts/5) agree with exact.pl's reference definition
%  (prolog_counts/4): the fields with an outcome-removing cell exactly, the information
%  within rounding, on cases from nothing known to a complete first presentation.
test(counts_in_c_agree_with_prolog, [forall(member(Case, [
        _{},
        _{known_primary_malignancy: true, tumour_type: breast, back_pain: true, night_pain: true,
          radicular_pain: unilateral},
        _{known_primary_malignancy: false, mescc_suspected: true, metastases_on_imaging: true},
        _{neurological_deficit: true, deficit_progressive: true, radicular_deficit: unilateral,
          mescc_on_imaging: true, operated: true}]))]) :-
    inference:infer_case(Case, Inferred, _),
    exact:exact_known(Inferred, Known),
    exact:exact_query(Known, Q),
    exact:prolog_query(Known, PQ),
    findall(T, ( topics:topic(T, P, _), P \== collect ), Ts),
    exact:exact_counts(Q, Ts, [], InC),
    exact:exact_counts(PQ, Ts, [], InProlog),
    maplist(same_counts, InC, InProlog).

same_counts(c(G1, R1), c(G2, R2)) :-
    R1 == R2,
    msort(G1, S1), msort(G2, S2),
    pairs_keys(S1, K), pairs_keys(S2, K),
    forall(( member(F-A, S1), memberchk(F-B, S2) ), abs(A - B) < 1.0e-9).

test(hostile_weights_are_refused) :-
    exact:walk_state(State),
    exact:exact_topic_root(treatment, Root),
    all_unknown(Known),
    refused(exact:walk_counts(State, Known, [Root], [0.5], _), domain_error(cell_weights, _)),
    refused(exact:walk_counts(State, Known, [Root], [-1.0], _), _),
    refused(exact:walk_counts(State, Known, [Root], [foo], _), type_error(float, _)),
    refused(exact:walk_counts(State, Known, [0], [], _), domain_error(diagram_node, _)),
    refused(exact:walk_counts(State, Known, foo, [], _), type_error(list, _)).

:- end_tests(diagram_walk).
