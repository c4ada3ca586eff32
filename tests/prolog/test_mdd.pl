/* plunit tests of the decision diagrams (mdd.pl) and the exact layer (exact.pl). */
:- use_module(library(plunit)).

:- begin_tests(mdd, [cleanup(retractall(exact:exact_stamp(_)))]).   % the store is the kb's: rebuilt after

%  A store with two variables: x with 2 cells, y with 3.
fresh :- mdd:mdd_reset([2, 3]).

test(reduced_and_unique, [setup(fresh)]) :-
    mdd:mdd_test(1, [1], X1),
    mdd:mdd_test(1, [1], X2),
    X1 == X2,                                   % hash-consed
    mdd:mdd_test(2, [1, 2, 3], Y),
    Y == 1.                                     % a test every cell passes is the constant

test(boolean_laws, [setup(fresh)]) :-
    mdd:mdd_test(1, [1], X),
    mdd:mdd_test(2, [2], Y),
    mdd:mdd_not(X, NX),
    mdd:mdd_or(X, NX, T), T == 1,
    mdd:mdd_and(X, NX, F), F == 0,
    mdd:mdd_and(X, Y, XY), mdd:mdd_and(Y, X, YX), XY == YX,
    mdd:mdd_not(XY, N1), mdd:mdd_or(NX, Y, _), mdd:mdd_not(Y, NY),
    mdd:mdd_or(NX, NY, N2), N1 == N2.           % De Morgan

test(ite_outcomes, [setup(fresh)]) :-
    mdd:mdd_test(2, [3], Y),
    mdd:mdd_ite(Y, o(a), o(b), D),
    mdd:mdd_node(D, 2, Kids),
    Kids == k(o(b), o(b), o(a)).

:- end_tests(mdd).

:- begin_tests(exact).

known(Pairs, Q) :-
    engine:case_from_pairs(Pairs, Case),
    exact:exact_known(Case, K),
    exact:exact_query(K, Q).

%  Life expectancy 18 months meets both branches of the life-expectancy condition: an
%  unknown combined procedure cannot change whether an unstable spine may be operated
%  (before the operation: afterwards surgery is no longer considered, issue 28).
test(irrelevant_unknown_does_not_block) :-
    Full = [known_primary_malignancy-true, tumour_type-breast, spinal_instability-true,
            life_expectancy_months-18, fit_for_surgery-true, whole_spine_mri-true,
            complete_cord_lesion-false, contiguous_affected_vertebrae-1,
            extensive_epidural_extension_elsewhere-false, neurological_deficit-false,
            back_pain-true, metastases_on_imaging-true, operated-false],
    known(Full, Q),
    exact:exact_possible(Q, surgery_eligible, [yes]),
    exact:exact_missing(Q, surgery_eligible, []).

test(cells_split_numbers_at_the_kb_thresholds) :-
    exact:exact_cells(life_expectancy_months, Cells),
    memberchk(eq(3), Cells), memberchk(open(3, 6), Cells),
    exact:exact_cell(life_expectancy_months, 4.5, open(3, 6)).

:- end_tests(exact).
