/** <module> Multi-valued decision diagrams, hash-consed

A small reduced ordered MDD package for the exact evaluator (exact.pl).
A diagram is a node id: an integer >= 2 for an inner node, `0` and `1`
for the Boolean terminals, `o(Value)` for an outcome terminal. An inner
node tests variable Var (an integer: lower is nearer the root) and has one
child per cell of Var's domain: `mdd_node(Id, Var, Kids)`, Kids a term
`k(Child1, ...)`. Nodes are unique (a trie keyed by Var and Kids), and a
node whose children are all equal is never made, so two diagrams of the
same function over the same order are the same id.

The variables and their numbers of cells are declared by mdd_reset/1;
diagrams are built with mdd_test/3, mdd_and/3, mdd_or/3, mdd_not/2 and
mdd_ite/4, whose results are memoised for the life of the store.
*/
:- module(mdd,
          [ mdd_reset/1,             % +CellCounts
            mdd_test/3,              % +Var, +TrueCells, -Node
            mdd_and/3,               % +A, +B, -Node
            mdd_or/3,                % +A, +B, -Node
            mdd_not/2,               % +A, -Node
            mdd_ite/4,               % +Cond, +Then, +Else, -Node
            mdd_and_list/2,          % +Nodes, -Node
            mdd_or_list/2,           % +Nodes, -Node
            mdd_node/3,              % ?Id, ?Var, ?Kids
            mdd_var/2,               % +Node, -Var
            mdd_size/2,              % +Roots, -Count
            mdd_compact/2,           % +Roots0, -Roots
            mdd_index/0,
            mdd_lookup/3,            % +Var, +Kids, -Id
            mdd_max_id/1             % -Id
          ]).
:- use_module(library(apply)).
:- use_module(library(lists)).
:- use_module(library(aggregate)).

:- dynamic mdd_node/3, cell_count/2, index_trie/1, max_id/1, renumbered/3.

%! mdd_reset(+CellCounts:list) is det.
%
%  Empties the store and declares the variables: the Nth element of
%  CellCounts is the number of cells of variable N.
mdd_reset(Counts) :-
    retractall(mdd_node(_, _, _)),
    retractall(cell_count(_, _)),
    forall(nth1(V, Counts, N), assertz(cell_count(V, N))),
    trie_new(Unique), nb_setval(mdd_unique, Unique),
    trie_new(Memo), nb_setval(mdd_memo, Memo),
    nb_setval(mdd_next, 2).

%! mdd_var(+Node, -Var) is det.
%
%  Var is the variable Node tests; terminals test none (a number above
%  every variable).
mdd_var(N, V) :-
    (   integer(N), N >= 2 -> mdd_node(N, V, _) ; V = 1000000 ).

make(V, Kids, Id) :-
    arg(1, Kids, K1),
    (   all_args_equal(Kids, K1)
    ->  Id = K1
    ;   nb_getval(mdd_unique, U),
        (   trie_lookup(U, u(V, Kids), Id0)
        ->  Id = Id0
        ;   nb_getval(mdd_next, Id),
            Next is Id + 1, nb_setval(mdd_next, Next),
            assertz(mdd_node(Id, V, Kids)),
            trie_insert(U, u(V, Kids), Id)
        )
    ).

all_args_equal(Kids, K) :-
    functor(Kids, _, N),
    forall(between(2, N, I), arg(I, Kids, K)).

cofactor(N, V, I, C) :-
    (   integer(N), N >= 2, mdd_node(N, V, Kids) -> arg(I, Kids, C) ; C = N ).

%! mdd_test(+Var, +TrueCells:list, -Node) is det.
%
%  Node is 1 where Var's cell is one of TrueCells (numbers from 1), else 0.
mdd_test(V, Cells, Node) :-
    cell_count(V, N),
    kids(N, I, ( memberchk(I, Cells) -> K = 1 ; K = 0 ), K, Kids),
    make(V, Kids, Node).

%! mdd_not(+A, -Node) is det.
mdd_not(0, 1) :- !.
mdd_not(1, 0) :- !.
mdd_not(A, R) :-
    memo(not(A), R,
         ( mdd_node(A, V, Kids),
           functor(Kids, k, N),
           kids(N, I, ( arg(I, Kids, K), mdd_not(K, KR) ), KR, New),
           make(V, New, R) )).

%! mdd_and(+A, +B, -Node) is det.
mdd_and(0, _, 0) :- !.
mdd_and(_, 0, 0) :- !.
mdd_and(1, B, B) :- !.
mdd_and(A, 1, A) :- !.
mdd_and(A, A, A) :- !.
mdd_and(A, B, R) :-
    ordered(A, B, X, Y),
    memo(and(X, Y), R, apply2(mdd_and, X, Y, R)).

%! mdd_or(+A, +B, -Node) is det.
mdd_or(1, _, 1) :- !.
mdd_or(_, 1, 1) :- !.
mdd_or(0, B, B) :- !.
mdd_or(A, 0, A) :- !.
mdd_or(A, A, A) :- !.
mdd_or(A, B, R) :-
    ordered(A, B, X, Y),
    memo(or(X, Y), R, apply2(mdd_or, X, Y, R)).

ordered(A, B, X, Y) :- ( A @< B -> X = A, Y = B ; X = B, Y = A ).

apply2(Op, A, B, R) :-
    mdd_var(A, VA), mdd_var(B, VB),
    V is min(VA, VB),
    cell_count(V, N),
    kids(N, I, ( cofactor(A, V, I, CA), cofactor(B, V, I, CB), call(Op, CA, CB, CR) ), CR, Kids),
    make(V, Kids, R).

%! mdd_ite(+Cond, +Then, +Else, -Node) is det.
%
%  Node is Then where the Boolean diagram Cond is 1, Else where it is 0
%  (Then and Else may be outcome diagrams).
mdd_ite(1, T, _, T) :- !.
mdd_ite(0, _, E, E) :- !.
mdd_ite(_, T, T, T) :- !.
mdd_ite(C, T, E, R) :-
    memo(ite(C, T, E), R,
         ( mdd_var(C, VC), mdd_var(T, VT), mdd_var(E, VE),
           V is min(VC, min(VT, VE)),
           cell_count(V, N),
           kids(N, I, ( cofactor(C, V, I, CC), cofactor(T, V, I, CT), cofactor(E, V, I, CE),
                        mdd_ite(CC, CT, CE, CR) ), CR, Kids),
           make(V, Kids, R) )).

%  Kids is k(K1, ..., KN), Kj the Kid that Goal gives for I = j.
:- meta_predicate kids(+, ?, 0, ?, -).
kids(N, I, Goal, Kid, Kids) :-
    findall(Kid, ( between(1, N, I), once(Goal) ), List),
    Kids =.. [k|List].

:- meta_predicate memo(+, -, 0).
memo(Key, R, Goal) :-
    nb_getval(mdd_memo, Memo),
    (   trie_lookup(Memo, Key, R0)
    ->  R = R0
    ;   call(Goal),
        trie_insert(Memo, Key, R)
    ).

%! mdd_and_list(+Nodes, -Node) is det.
mdd_and_list(Ns, R) :- foldl(and_, Ns, 1, R).

%! mdd_or_list(+Nodes, -Node) is det.
mdd_or_list(Ns, R) :- foldl(or_, Ns, 0, R).

and_(N, A0, A) :- mdd_and(A0, N, A).
or_(N, A0, A) :- mdd_or(A0, N, A).

%! mdd_size(+Roots:list, -Count) is det.
%
%  Count is the number of inner nodes reachable from Roots.
mdd_size(Roots, Count) :-
    empty_nb_set(Seen),
    forall(member(R, Roots), visit(R, Seen)),
    size_nb_set(Seen, Count).

visit(N, Seen) :-
    (   integer(N), N >= 2
    ->  add_nb_set(N, Seen, New),
        (   New == true
        ->  mdd_node(N, _, Kids),
            forall(arg(_, Kids, K), visit(K, Seen))
        ;   true
        )
    ;   true
    ).

%! mdd_compact(+Roots0:list, -Roots:list) is det.
%
%  Keeps only the nodes reachable from Roots0 (any terms whose nodes are
%  integers or terminals), numbered from 2 up, children before parents,
%  and gives Roots0 with their new ids. The memoised operations are
%  forgotten; the unique table is rebuilt (mdd_index/0).
mdd_compact(Roots0, Roots) :-
    trie_new(Map),
    Next = next(2),
    retractall(renumbered(_, _, _)),
    maplist(renumber(Map, Next), Roots0, Roots),
    retractall(mdd_node(_, _, _)),
    forall(retract(renumbered(Id, V, Kids)), assertz(mdd_node(Id, V, Kids))),
    trie_new(Memo), nb_setval(mdd_memo, Memo),
    arg(1, Next, N), nb_setval(mdd_next, N),
    mdd_index.

renumber(Map, Next, N, New) :-
    (   integer(N), N >= 2
    ->  (   trie_lookup(Map, N, New0)
        ->  New = New0
        ;   mdd_node(N, V, Kids),
            Kids =.. [k|Ks],
            maplist(renumber(Map, Next), Ks, NewKs),
            NewKids =.. [k|NewKs],
            arg(1, Next, New), New1 is New + 1, nb_setarg(1, Next, New1),
            assertz(renumbered(New, V, NewKids)),
            trie_insert(Map, N, New)
        )
    ;   N = o(_)
    ->  New = N
    ;   N == 0 -> New = 0
    ;   N == 1 -> New = 1
    ;   compound(N)
    ->  N =.. [F|Args],
        maplist(renumber(Map, Next), Args, NewArgs),
        New =.. [F|NewArgs]
    ;   New = N
    ).

%! mdd_index is det.
%
%  (Re)builds the unique table from the stored nodes (after mdd_compact/2,
%  or after the nodes were loaded from a file), for every thread.
mdd_index :-
    trie_new(U),
    forall(mdd_node(Id, V, Kids), trie_insert(U, u(V, Kids), Id)),
    (   aggregate_all(max(Id), mdd_node(Id, _, _), Max) -> true ; Max = 1 ),
    nb_setval(mdd_unique, U),
    retractall(index_trie(_)), assertz(index_trie(U)),
    retractall(max_id(_)), assertz(max_id(Max)).

%! mdd_lookup(+Var, +Kids, -Id) is semidet.
%
%  Id is the stored node that tests Var with children Kids.
mdd_lookup(V, Kids, Id) :-
    index_trie(U),
    trie_lookup(U, u(V, Kids), Id).

%! mdd_max_id(-Id) is det.
%
%  Id is the highest node id in the store (after mdd_index/0).
mdd_max_id(Id) :-
    max_id(Id).
