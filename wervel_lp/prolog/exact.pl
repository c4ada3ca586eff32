/** <module> Exact decisions over the completions of a partial case

A case leaves findings unknown; a *completion* gives every unknown field a
value the schema allows. A value is decided on a topic only when the topic
resolves to it in every completion (docs/contract.md, section 1). This
module compiles, from the one rule store, a decision diagram per topic
(mdd.pl) whose paths are the completions and whose terminals are what the
evaluator (engine.pl) resolves the topic to on such a completion:
`o(Value)`, `o(none)` for no decision, `o(conflict)`, or `o(invalid)` for a
completion that breaks a contradiction of the schema. Queried with the
known findings of a case, a diagram gives exactly:

  - the values some completion gives (exact_possible/3);
  - the unknown fields whose value can change the outcome (exact_missing/3):
    a field F is one when two valid completions that differ in F alone
    resolve the topic differently;
  - the outcome of a case with some findings added (for case splits);
  - the decisions alone, every topic read off its diagram without
    evaluating the rules (exact_decided/3).

The first two come from one pass per case over the nodes the case can
reach (node_info/3), shared by all topics. The variables are the case
fields, in the order the schema declares them, fields tied by a
contradiction together (field_order/1). A number field is split at the constants the kb compares it
with into cells (`below(C)`, `eq(C)`, `open(A, B)`, `open(A, inf)`) that no
condition can tell apart inside. A field that a contradiction leaves no
value (a lesion duration without a lesion, a tumour type without a known
primary) is *inapplicable* there: its tests are unknown in that completion,
as in the evaluator, whatever its cell.
*/
:- module(exact,
          [ ensure_exact/0,
            exact_fields/1,          % -Fields
            exact_cells/2,           % +Field, -Cells
            exact_cell/3,            % +Field, +Value, -Cell
            exact_point/3,           % +Field, +Cell, -Value
            exact_known/2,           % +Case, -Known
            exact_query/2,           % +Known, -Query
            exact_possible/3,        % +Query, +Topic, -Outcomes
            exact_missing/3,         % +Query, +Topic, -Fields
            exact_counts/4,          % +Query, +Topics, +Weights, -Counts
            exact_ranked/3,          % +Query, +Weights, -Ranked
            exact_ranked/4,          % +Query, +Weights, +Topics, -Ranked
            exact_topic_missing/3,   % +Query, +Topic, -Fields
            exact_applicable/2,      % +Query, ?Field
            exact_single/3,          % +Query, +Topic, -Outcome
            exact_layer/3,           % +Case, +Env, -Layer
            exact_evaluation/2,      % +Case, -Evaluation
            exact_decisions/2,       % +Case, -Decisions
            exact_decided/3,         % +Which, +Case, -Decisions
            split_proof/3,           % +Case, +Key, -Proof
            exact_topic_root/2,      % ?Topic, -Root
            exact_stats/1,           % -Stats
            exact_walks/1,           % -Walks
            walk_agreement/2         % +Case, -Disagreements
          ]).
:- use_module(library(apply)).
:- use_module(library(apply_macros)).   % maplist, foldl, include ... expanded inline: no meta-call per element
:- use_module(library(lists)).
:- use_module(library(pairs)).
:- use_module(library(assoc)).
:- use_module(library(ordsets)).
:- use_module(kb(schema)).
:- use_module(kb(topics)).
:- use_module(rulebase).
:- use_module(mdd).
:- use_module(asp_export, [field_thresholds/2, covers_all_values/2]).
:- use_module(engine).
:- use_module(inference).

:- dynamic exact_stamp/1, var_field/3, field_var/2, topic_root/2, built_stats/1,
    outcome_bit/2, node_mask/2, tie_allowed/4, lower_ties/2, walks_in_c/0,
    unknown_cells/1, value_cell/4.

%  The walks over the diagrams that answer every query (node_info/3 and
%  reach/6) are defined in this module; where the foreign library
%  diagram_walk (diagram_walk.c beside this file, built by `make`) loads,
%  it does the same walks, node for node, some fifty times faster, once the
%  diagrams are handed over to it (hand_over/0). $WERVEL_LP_WALK=prolog
%  keeps the walks here; walk_agreement/2 compares the two on a case.
load_walk_library :-
    (   getenv('WERVEL_LP_WALK', prolog)
    ->  true
    ;   prolog_load_context(directory, Dir),
        directory_file_path(Dir, diagram_walk, Lib),
        catch(load_foreign_library(Lib), _, true)
    ).
:- load_walk_library.

%! exact_walks(-Walks) is det.
%
%  Walks is `c` where the walks in C (diagram_walk.c) are loaded, else `prolog`.
exact_walks(Walks) :-
    (   walk_library -> Walks = c ; Walks = prolog ).

%  The foreign library loaded is this one: a library built from an older
%  diagram_walk.c lacks predicates this module calls, and is not used.
walk_library :-
    current_predicate(walk_load/7),
    current_predicate(walk_cells/2).

%! ensure_exact is det.
%
%  Compiles the topic diagrams if the rule store changed since they were
%  last compiled.
ensure_exact :-
    kb_stamp(Stamp),
    (   exact_stamp(Stamp)
    ->  true
    ;   with_mutex(wervel_lp_compile,
                   ( exact_stamp(Stamp) -> true ; compile_exact(Stamp) ))
    ).

compile_exact(Stamp) :-
    statistics(cputime, T0),
    retractall(exact_stamp(_)),
    retractall(walks_in_c),
    retractall(unknown_cells(_)),
    retractall(value_cell(_, _, _, _)),
    forall(compiled_table(Head), retractall(Head)),
    mdd_reset([]),
    kb_digest(Digest),
    (   cache_file(Digest, File),
        exists_file(File),
        catch(load_cache(File), _, fail)
    ->  Source = cache
    ;   build_diagrams,
        Source = built,
        (   cache_file(Digest, File) -> catch(save_cache(File), _, true) ; true )
    ),
    statistics(cputime, T1),
    findall(R, topic_root(_, R), Roots),
    mdd_size(Roots, Size),
    Seconds is T1 - T0,
    aggregate_all(count, var_field(_, _, _), NVars),
    length(Zeros, NVars), maplist(=(0), Zeros),
    Unknown =.. [c|Zeros],
    assertz(unknown_cells(Unknown)),
    forall(( var_field(V, F, Cells), nth1(I, Cells, X), atom(X), \+ unknown_value(F, X) ),
           assertz(value_cell(F, X, V, I))),
    hand_over,
    exact_walks(Walks),
    assertz(built_stats(_{nodes: Size, seconds: Seconds, source: Source, walks: Walks})),
    assertz(exact_stamp(Stamp)).

%  The diagrams handed over to the foreign walks, where they are loaded.
hand_over :-
    (   walk_library
    ->  cell_counts(Counts),
        mdd_max_id(Max),
        findall(n(Id, V, Codes),
                ( mdd_node(Id, V, Kids), Kids =.. [_|Ks], maplist(node_code, Ks, Codes) ),
                Nodes),
        aggregate_all(sum(L), ( member(n(_, _, Cs), Nodes), length(Cs, L) ), Size),
        node_code(o(invalid), InvalidCode),
        Invalid is -1 - InvalidCode,
        findall(V-Ws, lower_ties(V, Ws), Lower),
        findall(t(V, A, W, Cells), tie_allowed(V, A, W, Cells), Allowed),
        walk_load(Counts, Max, Nodes, Invalid, Lower, Allowed, Size),
        assertz(walks_in_c)
    ;   true
    ).

%  Counts: the number of cells of each variable, in variable order.
cell_counts(Counts) :-
    findall(N, ( var_field(_, _, Cells), length(Cells, N) ), Counts).

%  The code of a node for the foreign walks: a stored node is its id, the
%  terminal o(O) is -1 - I, where 1 << I is the bit of O.
node_code(o(O), Code) :- !,
    outcome_bit(O, B),
    Code is -1 - msb(B).
node_code(N, N).

%  The tables the diagrams are: what a cache holds.
compiled_table(var_field(_, _, _)).
compiled_table(field_var(_, _)).
compiled_table(topic_root(_, _)).
compiled_table(outcome_bit(_, _)).
compiled_table(node_mask(_, _)).
compiled_table(lower_ties(_, _)).
compiled_table(tie_allowed(_, _, _, _)).
compiled_table(mdd_node(_, _, _)).
compiled_table(built_stats(_)).

build_diagrams :-
    field_order(Fields),
    foldl(declare_var, Fields, 1, _),
    cell_counts(Counts),
    mdd_reset(Counts),
    validity(Valid),
    node_order(Nodes),
    foldl(compile_node, Nodes, t{}-[], Env-Outcomes0),
    findall(step(S)-Out, ( step(S, Reached, _, _), cond(Reached, Env, T-_),
                           mdd_ite(T, o(true), o(false), Out) ), Steps),
    findall(applicable(F)-Out, ( field(F, _, _), applicable(F, App), App \== 1,
                                 mdd_ite(App, o(true), o(false), Out) ), Applicable),
    append([Outcomes0, Steps, Applicable], Outcomes),
    findall(T-Root, ( member(T-Out, Outcomes), mdd_ite(Valid, Out, o(invalid), Root) ), Roots0),
    mdd_compact(Roots0, Roots),         % only the topics' nodes are kept
    forall(member(T-Root, Roots), assertz(topic_root(T, Root))),
    outcome_bits,
    forall(member(_-Root, Roots), node_mask_(Root, _)),
    forall(( distinct(V-W, tied_vars(V, W)), W > V, var_field(V, _, VCells), nth1(A, VCells, _),
             tie_cells(V, A, W, Allowed) ),
           assertz(tie_allowed(V, A, W, Allowed))),
    forall(( var_field(V, _, _), findall(W, ( distinct(W, tied_vars(V, W)), W > V ), Ws), Ws \== [] ),
           assertz(lower_ties(V, Ws))).

                 /*******************************
                 *             CACHE            *
                 *******************************/

%  Building the diagrams takes about half a second; a process that starts
%  often (the CLI) loads them from a cache file instead, written the first
%  time and named by a digest of everything they are built from: the rule
%  store, the schema, the topics and the source of this module and mdd.pl.
%  A kb or engine that changes gets a new file; a cache that cannot be read
%  or written is built around.

kb_digest(Digest) :-
    findall(T, digest_term(T), Terms),
    findall(Text, ( member(M, [exact, mdd]), module_property(M, file(F)),
                    read_file_to_string(F, Text, []) ), Sources),
    variant_sha1(Terms-Sources, Digest).

digest_term(rule(Id, C, B)) :- rule(Id, C, B, _).
digest_term(concept(C)) :- concept(C, _, _).
digest_term(priority(Id, T, H, L)) :- priority(Id, T, H, L, _).
digest_term(field(F, Type)) :- field(F, Type, _).
digest_term(contradiction(Id, Cs)) :- contradiction(Id, Cs, _).
digest_term(unknown_value(F, V)) :- unknown_value(F, V).
digest_term(topic(T, P, Vs)) :- topic(T, P, Vs).
digest_term(step(S, R)) :- step(S, R, _, _).
digest_term(beats(T, W, L, P)) :- beats(T, W, L, P).

%  $WERVEL_LP_CACHE, else $XDG_CACHE_HOME/wervel-lp or ~/.cache/wervel-lp.
cache_file(Digest, File) :-
    (   getenv('WERVEL_LP_CACHE', Dir)
    ->  true
    ;   getenv('XDG_CACHE_HOME', Base)
    ->  directory_file_path(Base, 'wervel-lp', Dir)
    ;   getenv('HOME', Home)
    ->  directory_file_path(Home, '.cache/wervel-lp', Dir)
    ),
    Dir \== '',
    atomic_list_concat([Dir, '/diagrams-', Digest, '.bin'], File).

save_cache(File) :-
    findall(Head, ( compiled_table(Head), Head \= built_stats(_), call(Head) ), Facts),
    file_directory_name(File, Dir),
    make_directory_path(Dir),
    tmp_file_stream(binary, Tmp, Out0), close(Out0),
    setup_call_cleanup(open(Tmp, write, Out, [type(binary)]),
                       fast_write(Out, Facts),
                       close(Out)),
    rename_file(Tmp, File).

load_cache(File) :-
    setup_call_cleanup(open(File, read, In, [type(binary)]),
                       fast_read(In, Facts),
                       close(In)),
    is_list(Facts),
    forall(member(F, Facts), assertz(F)),
    mdd_index.

%! exact_stats(-Stats:dict) is det.
%
%  Stats holds the size of the compiled diagrams and the time they took.
exact_stats(Stats) :-
    ensure_exact,
    built_stats(Stats).

%! exact_topic_root(?Topic, -Root) is nondet.
%
%  Root is the diagram of Topic (a collect topic: `Topic-Value`, one
%  diagram per value, with outcomes o(true) and o(false); a step of the
%  pathway: `step(Step)`, whether the case has taken it).
exact_topic_root(T, Root) :-
    ensure_exact,
    topic_root(T, Root).

                 /*******************************
                 *           VARIABLES          *
                 *******************************/

%  The case fields in the order the schema declares them, which groups them
%  as a clinician takes a history (the tumour, life expectancy and condition,
%  the pain, the deficit, imaging, ...). Measured on this kb, it gives the
%  smallest diagrams of the orders tried: 8,800 nodes, against 13,000 for the
%  order in which the rules first read the fields and 26,000 for its reverse.
%  One change: the fields a contradiction ties together (a finding and what
%  it implies) come together, where the first of them comes, the one tied
%  to all the others first, so that the missing fields of a completion
%  (tied_split/5) are found by following a few levels down.
field_order(Fields) :-
    findall(F, field(F, _, _), Schema),
    foldl(place_field, Schema, []-[], Fields0-_),
    reverse(Fields0, Fields).

place_field(F, Placed-Done, Placed1-Done1) :-
    (   memberchk(F, Done)
    ->  Placed1 = Placed, Done1 = Done
    ;   tie_group(F, Group)
    ->  reverse(Group, Rev),
        append(Rev, Placed, Placed1),
        append(Group, Done, Done1)
    ;   Placed1 = [F|Placed], Done1 = [F|Done]
    ).

%  Group: F's fields tied by contradictions, the one tied to all others
%  first, the rest in schema order (where the ties form a star).
tie_group(F, [Centre|Rest]) :-
    findall(G, tied_fields(F, G), [_|_]),
    closure_fields([F], [F], Group0),
    findall(X, ( field(X, _, _), memberchk(X, Group0) ), Group),
    member(Centre, Group),
    forall(( member(X, Group), X \== Centre ), tied_fields(Centre, X)), !,
    exclude(==(Centre), Group, Rest).

closure_fields([], Seen, Seen).
closure_fields([F|Fs], Seen, Group) :-
    findall(G, ( tied_fields(F, G), \+ memberchk(G, Seen) ), New0),
    sort(New0, New),
    append(Seen, New, Seen1),
    append(Fs, New, Queue),
    closure_fields(Queue, Seen1, Group).

%  A contradiction of the validity constraint reads fields F and G.
tied_fields(F, G) :-
    tying(C, Other),
    finding_test(C, F, _, _),
    finding_test(Other, G, _, _).

declare_var(F, V, V1) :-
    field(F, Type, _),
    type_cells(F, Type, Cells),
    assertz(var_field(V, F, Cells)),
    assertz(field_var(F, V)),
    V1 is V + 1.

type_cells(_, bool, [true, false]) :- !.
type_cells(F, enum(_), Cells) :- !,
    findall(V, field_value(F, V), Cells).
type_cells(F, Type, Cells) :-
    numeric_min(Type, Min),
    field_thresholds(F, Cs0),
    include(=<(Min), Cs0, Cuts),
    (   Cuts == []
    ->  Cells = [any]                   % no condition compares the field
    ;   Cuts = [C1|_],
        (   C1 > Min -> Cells = [below(C1)|Rest] ; Cells = Rest ),
        cut_cells(Cuts, Type, Rest)
    ).

numeric_min(number(Min), Min).
numeric_min(integer(Min), Min).

cut_cells([C], _, [eq(C), open(C, inf)]) :- !.
cut_cells([C, D|Cs], Type, [eq(C)|Cells]) :-
    (   Type = integer(_), D - C < 2 -> Cells = Cells1 ; Cells = [open(C, D)|Cells1] ),
    cut_cells([D|Cs], Type, Cells1).

%! exact_fields(-Fields:list) is det.
%
%  Fields are the case fields in the variable order of the diagrams.
exact_fields(Fields) :-
    ensure_exact,
    findall(F, var_field(_, F, _), Fields).

%! exact_cells(+Field, -Cells:list) is det.
%
%  Cells are the values (bool, enum) or number cells of Field that the
%  rules can tell apart.
exact_cells(F, Cells) :-
    ensure_exact,
    field_var(F, V),
    var_field(V, F, Cells).

%! exact_cell(+Field, +Value, -Cell) is semidet.
%
%  Cell is the cell of Field that holds the known Value.
exact_cell(F, X, Cell) :-
    exact_cells(F, Cells),
    nth_cell(Cells, X, _, Cell).

%  Cell, the I-th of Cells, is the first that holds the value X.
nth_cell(Cells, X, I, Cell) :-
    nth1(I, Cells, Cell),
    in_cell(Cell, X), !.

in_cell(any, _) :- !.
in_cell(below(C), X) :- !, X < C.
in_cell(eq(C), X) :- !, X =:= C.
in_cell(open(A, inf), X) :- !, X > A.
in_cell(open(A, B), X) :- number(A), !, X > A, X < B.
in_cell(V, V).

%! exact_point(+Field, +Cell, -Value) is det.
%
%  Value is a value of Field in Cell.
exact_point(F, Cell, X) :-
    field(F, Type, _),
    cell_point(Cell, Type, X).

cell_point(below(_), Type, Min) :- !, numeric_min(Type, Min).
cell_point(eq(C), _, C) :- !.
cell_point(any, Type, Min) :- !, numeric_min(Type, Min).
cell_point(open(A, inf), _, X) :- !, X is A + 1.
cell_point(open(A, B), _, X) :- !,
    (   B - A >= 2 -> X is A + 1 ; X is (A + B) / 2 ).
cell_point(V, _, V).

                 /*******************************
                 *      CONDITIONS AS PAIRS     *
                 *******************************/

%  A condition compiles to T-F: the diagram where it is known to hold and
%  the one where it is known to fail (neither: unknown, as in the
%  evaluator). Env maps concept(C) and decided(T, V) to their pairs.

cond(all(Cs), Env, T-F) :- !,
    conds(Cs, Env, Ps),
    pairs_keys_values(Ps, Ts, Fs),
    mdd_and_list(Ts, T), mdd_or_list(Fs, F).
cond(any(Cs), Env, T-F) :- !,
    conds(Cs, Env, Ps),
    pairs_keys_values(Ps, Ts, Fs),
    mdd_or_list(Ts, T), mdd_and_list(Fs, F).
cond(not(C), Env, F-T) :- !,
    cond(C, Env, T-F).
cond(decided(Topic, V), Env, P) :- !,
    get_dict(Topic, Env, Decided),
    memberchk(V-P, Decided).
cond(C, _, T-F) :-
    finding_test(C, Field, Op, Arg), !,
    finding_pair(Field, Op, Arg, T, F).
cond(C, Env, P) :-
    get_dict(C, Env, P).

conds([], _, []).
conds([C|Cs], Env, [P|Ps]) :- cond(C, Env, P), conds(Cs, Env, Ps).

rule_pairs([], _, []).
rule_pairs([r(_, _, Conds)|Rs], Env, [P|Ps]) :- cond(Conds, Env, P), rule_pairs(Rs, Env, Ps).

compiled_rule(r(Id, V, _), P, Id-(V-P)).

condition_sat(C, S) :- finding_test(C, F, Op, Arg), sat(F, Op, Arg, S).

chain_value(V-Win, Else, Out) :- mdd_ite(Win, o(V), Else, Out).

finding_pair(Field, Op, Arg, T, F) :-
    sat(Field, Op, Arg, Sat),
    mdd_not(Sat, Unsat),
    applicable(Field, App),
    mdd_and(App, Sat, T),
    mdd_and(App, Unsat, F).

%  Sat is the (two-valued) diagram of the test on the field's cells.
sat(Field, Op, Arg, Sat) :-
    field_var(Field, V),
    var_field(V, Field, Cells),
    field(Field, Type, _),
    findall(I, ( nth1(I, Cells, Cell), cell_point(Cell, Type, X), value_test(Op, X, Arg) ), Is),
    mdd_test(V, Is, Sat).


%  Field has a value unless a contradiction leaves it none: the other
%  findings of a contradiction one of whose conditions holds for every
%  value of Field.
applicable(Field, App) :-
    findall(G, ( contradiction(_, Conds, _), select(C, Conds, Others),
                 covers_all_values(C, Field), two_valued(Others, G) ), Gs),
    mdd_or_list(Gs, Inapplicable),
    mdd_not(Inapplicable, App).

two_valued(Conds, G) :-
    maplist(condition_sat, Conds, Ss),
    mdd_and_list(Ss, G).

%  tied_vars(V, W): a contradiction of the validity constraint (validity/1)
%  reads variables V and W.
tied_vars(V, W) :-
    tied_fields(F, G),
    field_var(F, V),
    field_var(G, W).

%  tying(C, Other): a contradiction of the validity constraint with the
%  two conditions C and Other (both orders).
tying(C, Other) :-
    contradiction(_, Conds, _),
    \+ ( member(C0, Conds), covers_all_values(C0, _) ),
    select(C, Conds, [Other]).

%  tie_cells(V, A, W, Allowed): with variable V in its cell A, the
%  contradictions leave variable W only the cells Allowed (fewer than all).
tie_cells(V, A, W, Allowed) :-
    var_field(W, _, WCells),
    findall(B, ( nth1(B, WCells, _),
                 \+ ( tying(CV, CW), cell_test(CV, V, A), cell_test(CW, W, B) ) ),
            Allowed),
    length(WCells, N),
    length(Allowed, M), M < N.

%  The finding test C reads variable V and holds in its cell I.
cell_test(C, V, I) :-
    finding_test(C, F, Op, Arg),
    field_var(F, V),
    var_field(V, F, Cells),
    nth1(I, Cells, Cell),
    field(F, Type, _),
    cell_point(Cell, Type, X),
    value_test(Op, X, Arg).

%  Valid: no contradiction of the schema holds (those that make a field
%  inapplicable are not broken by any cell of it: see applicable/2).
validity(Valid) :-
    findall(NG, ( contradiction(_, Conds, _),
                  \+ ( member(C, Conds), covers_all_values(C, _) ),
                  two_valued(Conds, G), mdd_not(G, NG) ), Gs),
    mdd_and_list(Gs, Valid).

                 /*******************************
                 *             NODES            *
                 *******************************/

compile_node(concept(C), Env0-Outs, Env-Outs) :-
    node_rules(concept(C), Rules),
    rule_pairs(Rules, Env0, Ps),
    pairs_keys_values(Ps, Ts, Fs),
    mdd_or_list(Ts, T), mdd_and_list(Fs, F),
    put_dict(C, Env0, T-F, Env).
compile_node(topic(Topic), Env0-Outs0, Env-Outs) :-
    node_rules(topic(Topic), Rules),
    topic(Topic, Policy, Values),
    rule_pairs(Rules, Env0, Ps),
    maplist(compiled_rule, Rules, Ps, Compiled),
    maplist(rule_winner(Compiled), Compiled, Winners),
    maplist(value_wins(Winners), Values, Wins),
    pairs_keys_values(Pairs, Values, Wins),
    multiple(Wins, Multi),
    open_rules(Compiled, Winners, Open),
    maplist(decided_pair(Policy, Winners, Multi, Open), Pairs, Decided),
    put_dict(Topic, Env0, Decided, Env),
    outcomes(Policy, Topic, Pairs, Multi, Outs0, Outs).

%  Winner: the rule fires and no firing rule beats it; Defeated: its
%  conditions fail or a firing rule beats it.
rule_winner(Compiled, Id-(V-(T-F)), w(V, Winner, Defeated)) :-
    beaters(Id, Ws),
    findall(WT, ( member(W, Ws), memberchk(W-(_-(WT-_)), Compiled) ), WTs),
    mdd_or_list(WTs, Beaten),
    mdd_not(Beaten, Unbeaten),
    mdd_and(T, Unbeaten, Winner),
    mdd_or(F, Beaten, Defeated).

value_wins(Winners, V, Win) :-
    findall(W, member(w(V, W, _), Winners), Ws),
    mdd_or_list(Ws, Win).

multiple(Wins, Multi) :-
    findall(M, ( append(_, [A|Rest], Wins), member(B, Rest), mdd_and(A, B, M) ), Ms),
    mdd_or_list(Ms, Multi).

%  Open: some rule neither fires nor is defeated (its conditions read a
%  field the case leaves no value).
open_rules(Compiled, Winners, Open) :-
    findall(O, ( nth1(I, Compiled, _-(_-(T-_))), nth1(I, Winners, w(_, _, D)),
                 mdd_or(T, D, Settled), mdd_not(Settled, O) ), Os),
    mdd_or_list(Os, Open).

%  decided(T, V): known true when V wins alone (or, collect, wins) and no
%  rule of T is open (as engine:decided_status/3); known false when every
%  rule concluding V is defeated.
decided_pair(Policy, Winners, Multi, Open, V-Win, V-(T-F)) :-
    mdd_not(Open, Closed),
    (   Policy == collect -> mdd_and(Win, Closed, T)
    ;   mdd_not(Multi, Single), mdd_and(Win, Single, T0), mdd_and(T0, Closed, T)
    ),
    findall(D, member(w(V, _, D), Winners), Ds),
    mdd_and_list(Ds, F).

%  The outcome diagram of a topic (one per value of a collect topic).
outcomes(collect, Topic, Pairs, _, Outs0, Outs) :- !,
    findall((Topic-V)-Out, ( member(V-Win, Pairs), mdd_ite(Win, o(true), o(false), Out) ), New),
    append(Outs0, New, Outs).
outcomes(_, Topic, Pairs, Multi, Outs0, Outs) :-
    reverse(Pairs, Last),
    foldl(chain_value, Last, o(none), Chain),
    mdd_ite(Multi, o(conflict), Chain, Out),
    append(Outs0, [Topic-Out], Outs).

%  outcome_bit(O, Bit): the bit of outcome O in the masks of outcomes.
outcome_bits :-
    findall(O, ( member(O, [invalid, none, conflict, true, false]) ; topic(_, _, Vs), member(O, Vs) ), Os0),
    % (the order of the bits is the order in which outcomes are listed)
    list_to_set(Os0, Os),
    forall(nth0(I, Os, O), ( B is 1 << I, assertz(outcome_bit(O, B)) )).

%  node_mask(N, Mask): the bits of the outcomes below N, whatever the case.
node_mask_(o(O), M) :- !, outcome_bit(O, M).
node_mask_(N, M) :-
    (   node_mask(N, M0)
    ->  M = M0
    ;   mdd_node(N, _, Kids),
        Kids =.. [_|Ks],
        foldl(add_mask, Ks, 0, M),
        assertz(node_mask(N, M))
    ).

add_mask(K, M0, M) :- node_mask_(K, KM), M is M0 \/ KM.

mask_outcomes(Mask, Outcomes) :-
    outcome_bit(none, NB),
    Others is Mask /\ \ NB,
    mask_list(Others, Outcomes0),
    (   Mask /\ NB =\= 0 -> append(Outcomes0, [none], Outcomes) ; Outcomes = Outcomes0 ).

%  The outcomes of the bits of Mask, lowest bit first: the order of outcome_bits/0.
mask_list(0, []) :- !.
mask_list(Mask, [O|Os]) :-
    B is Mask /\ (-Mask),
    outcome_bit(O, B),
    Rest is Mask /\ \ B,
    mask_list(Rest, Os).

                 /*******************************
                 *            QUERIES           *
                 *******************************/

%! exact_known(+Case:dict, -Known) is det.
%
%  Known is the case as the diagrams read it: `c(Cell1, ...)`, the cell
%  number of each variable's known value, 0 where it is unknown.
exact_known(Case, Known) :-
    ensure_exact,
    unknown_cells(Known),               % c(0, ..., 0), a fresh copy
    dict_pairs(Case, _, Pairs),
    known_cells(Pairs, Known).

%  (value_cell/4: the cell I of variable V that a bool or enum value X of
%  field F is in; a value that means "not known" has none.)
known_cells([], _).
known_cells([F-X|Pairs], Known) :-
    (   value_cell(F, X, V, I)
    ->  setarg(V, Known, I)
    ;   number(X), field_var(F, V), var_field(V, F, Cells), nth_cell(Cells, X, I, _)
    ->  setarg(V, Known, I)
    ;   true
    ),
    known_cells(Pairs, Known).

%! exact_query(+Known, -Query) is det.
%
%  Query holds what the questions about the completions of Known share: a
%  memo of every node's facts under Known (node_info/3), filled as the
%  diagrams are read, and shared by all topics, since their diagrams
%  share nodes.
exact_query(Known, Q) :-
    (   walks_in_c
    ->  walk_state(State),
        walk_cells(Known, Text),        % the cells as the walks read them
        Q = q(Known, c(State, Text), -, -, -, -)
    ;   prolog_query(Known, Q)
    ).

%  State is this thread's state of the walks in C (diagram_walk.c), kept
%  in a global variable of the thread: what a walk writes is its own.
walk_state(State) :-
    (   nb_current(exact_walk_state, State0)
    ->  State = State0
    ;   walk_new(State),
        nb_setval(exact_walk_state, State)
    ).

prolog_query(Known, q(Known, Memo, Unique, Subs, next(-1), Nodes)) :-
    mdd_max_id(Max),
    functor(Memo, m, Max),
    node_table(Nodes),
    trie_new(Unique),
    trie_new(Subs).

%  Nodes is a term with the Nth stored node `n(Var, Kids)` as its Nth
%  argument, made once per thread: reading a node from it is faster than
%  calling mdd_node/3.
node_table(Nodes) :-
    exact_stamp(Stamp),
    (   nb_current(exact_node_table, Stamp-Nodes0)
    ->  Nodes = Nodes0
    ;   mdd_max_id(Max),
        functor(Nodes, nodes, Max),
        nb_setarg(1, Nodes, n(0, k)),
        forall(mdd_node(N, V, Kids), nb_setarg(N, Nodes, n(V, Kids))),
        nb_setval(exact_node_table, Stamp-Nodes)
    ).

%  q(Known, Memo, Unique, Subs, Next, Nodes): Memo has an argument per node id
%  for its facts; Unique numbers the restricted nodes that are not stored
%  nodes (below 0, Next the next one). A sub-query (tied_split/5) is
%  q(Known1, sub(Subs, Fixed), Unique, none, Next, Nodes): the case with
%  the variables of Fixed known too, its facts kept in the trie Subs.
%  (Tries and nb_setarg/3 keep what was found when a test fails and Prolog
%  backtracks.)

%! exact_possible(+Query, +Topic, -Outcomes:list) is det.
%
%  Outcomes are the outcomes (`Value`, `none`, `conflict`) of Topic over
%  the valid completions of the query's case, in the topic's order of
%  values, `none` last.
exact_possible(Q, Topic, Outcomes) :-
    topic_root(Topic, Root),
    root_info(Q, Root, Mask, _),
    mask_outcomes(Mask, Outcomes).

%  Mask and Splits of node_info/3 at Root, from the walks in C where the
%  query is theirs and they take the case (they leave the sub-queries of
%  tied_split/5 to this module).
root_info(Q, Root, Mask, Splits) :-
    (   arg(2, Q, c(State, Text))
    ->  node_code(Root, Code),
        (   walk_info(State, Text, Code, Mask, Splits)
        ->  true
        ;   arg(1, Q, Known),
            prolog_query(Known, PQ),
            node_info(Root, PQ, i(_, Mask, Splits))
        )
    ;   node_info(Root, Q, i(_, Mask, Splits))
    ).

%  Found: the outcome bits of Topic's valid completions, the search
%  stopping at the second outcome found (Enough = two) or not (all). A
%  node none of whose outcomes would be new is not entered, nor one
%  entered before. Faster than node_info/3 where the outcomes alone are
%  asked: it stops early and leaves out what cannot add.
possible_mask(Q, Topic, Enough, Found) :-
    topic_root(Topic, Root),
    (   arg(2, Q, c(State, Text))
    ->  node_code(Root, Code),
        (   Enough == two -> Two = true ; Two = false ),
        walk_reach(State, Text, Code, Two, Found)
    ;   arg(1, Q, Known),
        prolog_possible_mask(Known, Root, Enough, Found)
    ).

prolog_possible_mask(Known, Root, Enough, Found) :-
    node_mask_(Root, All0),
    outcome_bit(invalid, Inv),
    All is All0 /\ \ Inv,
    trie_new(Seen),
    reach(Root, Known, Seen, s(All, Enough, Inv), 0, Found).

reach(N, Known, Seen, S, Found0, Found) :-
    S = s(All, Enough, Inv),
    (   ( Found0 == All ; Enough == two, Found0 /\ (Found0 - 1) =\= 0 )
    ->  Found = Found0
    ;   N = o(O)
    ->  outcome_bit(O, B),
        Found is Found0 \/ (B /\ \ Inv)
    ;   node_mask(N, M), M /\ \ Found0 /\ All =:= 0
    ->  Found = Found0
    ;   trie_lookup(Seen, N, _)
    ->  Found = Found0
    ;   trie_insert(Seen, N, t),
        mdd_node(N, V, Kids),
        arg(V, Known, I),
        (   I > 0
        ->  arg(I, Kids, K),
            reach(K, Known, Seen, S, Found0, Found)
        ;   functor(Kids, _, Arity),
            reach_kids(1, Arity, Kids, Known, Seen, S, Found0, Found)
        )
    ).

reach_kids(I, N, Kids, Known, Seen, S, Found0, Found) :-
    (   I > N
    ->  Found = Found0
    ;   arg(I, Kids, K),
        reach(K, Known, Seen, S, Found0, Found1),
        I1 is I + 1,
        reach_kids(I1, N, Kids, Known, Seen, S, Found1, Found)
    ).

%! exact_missing(+Query, +Topic, -Fields:list) is det.
%
%  Fields are the unknown fields whose value can change the outcome of
%  Topic: for each, two valid completions that differ in that field alone
%  have different outcomes. In variable order (the order in which the
%  diagram asks them, root first).
exact_missing(Q, Topic, Fields) :-
    topic_root(Topic, Root),
    root_info(Q, Root, _, Splits),
    split_fields(Splits, Fields).

%  The fields of the variables whose bits are set in Splits, in variable order.
split_fields(0, []) :- !.
split_fields(Splits, [F|Fs]) :-
    V is lsb(Splits),
    var_field(V, F, _),
    Rest is Splits /\ \ (1 << V),
    split_fields(Rest, Fs).

%  node_info(+Node, +Q, -Info): Info is i(Restricted, Mask, Splits) for
%  Node under the query's known findings:
%
%    - Restricted: the node's diagram with the known variables fixed,
%      reduced, so that two nodes are the same function of the unknown
%      variables exactly when their Restricted are equal (a stored node
%      where nothing changed, a terminal, or a number below 0 from the
%      query's own unique table);
%    - Mask: the bits of the outcomes of its valid completions;
%    - Splits: the bits of the variables V at or below it whose value
%      alone changes the outcome of a valid completion.
%
%  V splits at a node on V when two of the node's children with valid
%  completions are different functions. That is exact when no
%  contradiction ties V to an unknown variable below it (the validity of
%  a completion below is then the same for every child: two different
%  children differ on a valid completion); otherwise the tied variables
%  below are fixed in every way first (tied_split/5).
node_info(o(O), _, i(o(O), M, 0)) :- !,
    (   O == invalid -> M = 0 ; outcome_bit(O, M) ).
node_info(N, Q, Info) :-
    arg(2, Q, Memo),
    (   memo_lookup(Memo, N, Info0)
    ->  Info = Info0
    ;   arg(6, Q, Nodes),
        arg(N, Nodes, n(V, Kids)),
        arg(1, Q, Known),
        arg(V, Known, C),
        (   C > 0
        ->  arg(C, Kids, K),
            node_info(K, Q, Info)
        ;   Kids =.. [k|Ks],
            kid_infos(Ks, Q, Infos, 0, Mask, 0, Splits0),
            restricted(N, V, Ks, Infos, Q, R),
            (   arg(4, Q, Subs), Subs \== none,
                splits(V, Ks, Infos, Q)
            ->  Splits is Splits0 \/ (1 << V)
            ;   Splits = Splits0
            ),
            Info = i(R, Mask, Splits)
        ),
        memo_store(Memo, N, Info)
    ).

memo_lookup(sub(Subs, Fixed), N, Info) :- !,
    trie_lookup(Subs, Fixed-N, Info).
memo_lookup(Memo, N, Info) :-
    arg(N, Memo, Info),
    nonvar(Info).

memo_store(sub(Subs, Fixed), N, Info) :- !,
    trie_insert(Subs, Fixed-N, Info).
memo_store(Memo, N, Info) :-
    nb_setarg(N, Memo, Info).

kid_infos([], _, [], M, M, S, S).
kid_infos([K|Ks], Q, [I|Is], M0, M, S0, S) :-
    node_info(K, Q, I),
    I = i(_, KM, KS),
    M1 is M0 \/ KM,
    S1 is S0 \/ KS,
    kid_infos(Ks, Q, Is, M1, M, S1, S).

%  The restricted node of a node on V whose children Ks restrict to those of Infos.
restricted(N, V, Ks, Infos, Q, R) :-
    infos_restricted(Infos, Rs),
    (   Rs == Ks
    ->  R = N
    ;   Rs = [R1|Rest], all_equal(Rest, R1)
    ->  R = R1
    ;   RKids =.. [k|Rs],
        (   mdd_lookup(V, RKids, Id)
        ->  R = Id
        ;   arg(3, Q, Unique),
            (   trie_lookup(Unique, u(V, RKids), Id)
            ->  R = Id
            ;   arg(5, Q, Next),
                arg(1, Next, R), R1 is R - 1, nb_setarg(1, Next, R1),
                trie_insert(Unique, u(V, RKids), R)
            )
        )
    ).

infos_restricted([], []).
infos_restricted([i(R, _, _)|Is], [R|Rs]) :- infos_restricted(Is, Rs).

all_equal([], _).
all_equal([X|Xs], Y) :- X == Y, all_equal(Xs, Y).

%  V splits at the node with children Ks (Infos under the query).
splits(V, Ks, Infos, Q) :-
    (   lower_ties(V, Ws0)
    ->  arg(1, Q, Known),
        include(unknown_var(Known), Ws0, Ws)
    ;   Ws = []
    ),
    (   Ws == []
    ->  valid_differ(Infos)
    ;   tied_split(Ws, V, Ks, Infos, Q)
    ).

unknown_var(Known, W) :- arg(W, Known, 0).

%  Two children with valid completions are different functions.
valid_differ([i(R, M, _)|Infos]) :-
    (   M =:= 0
    ->  valid_differ(Infos)
    ;   other_valid(Infos, R)
    ).

other_valid([i(R, M, _)|Infos], R0) :-
    (   M =\= 0, R \== R0
    ->  true
    ;   other_valid(Infos, R0)
    ).

%  V, tied by contradictions to the unknown variables Ws below it, splits
%  at the node with children Ks: for two children A and B that are
%  different functions with valid completions, the variables of Ws that V's
%  cells A and B constrain (tie_allowed/4) are fixed to a cell both allow
%  (a sub-query of the case with them known), and the two children still
%  differ. Each of the two then has the same valid completions below, so
%  differing is differing on a valid completion.
tied_split(Ws, V, Ks, Infos, Q) :-
    numbered(Ks, Infos, Pairs),
    findall(c(KA, KB, Fixed),
            ( append(_, [A-KA-i(RA, MA, _)|Rest], Pairs),
              MA =\= 0,
              member(B-KB-i(RB, MB, _), Rest),
              MB =\= 0, RA \== RB,
              findall(W-Both, ( member(W, Ws), both_allow(V, A, B, W, Both) ), Constrained),
              fixing(Constrained, Fixed) ),
            Checks),
    arg(1, Q, Known),
    some_check_differs(Checks, Q, Known).

%  Some check c(KidA, KidB, Fixed) finds the two children different functions with valid completions.
some_check_differs([c(KA, KB, Fixed)|Checks], Q, Known) :-
    fixed_info(KA, Fixed, Q, Known, i(SA, SMA, _)),
    fixed_info(KB, Fixed, Q, Known, i(SB, SMB, _)),
    (   SMA =\= 0, SMB =\= 0, SA \== SB
    ->  true
    ;   some_check_differs(Checks, Q, Known)
    ).

numbered(Ks, Infos, Pairs) :-
    findall(I-K-Info, ( nth1(I, Ks, K), nth1(I, Infos, Info) ), Pairs).

%  The cells of W that V's cells A and B both allow, where fewer than all.
both_allow(V, A, B, W, Both) :-
    var_field(W, _, Cells),
    length(Cells, N),
    allowed_cells(V, A, W, N, CA),
    allowed_cells(V, B, W, N, CB),
    ord_intersection(CA, CB, Both),
    length(Both, M), M < N.

allowed_cells(V, A, W, N, Cells) :-
    (   tie_allowed(V, A, W, Cells0) -> Cells = Cells0 ; numlist(1, N, Cells) ).

fixing([], []).
fixing([W-Cells|WCs], [W-C|Fixed]) :-
    member(C, Cells),
    fixing(WCs, Fixed).

%  The facts of node N in the case with the variables of Fixed known too.
%  Where the variables of Fixed come first below N (field_order/1 puts the
%  variables a contradiction ties together next to each other), they are
%  followed down to a node below them all, which is the same function in
%  both cases; else they are found in a sub-query.
fixed_info(N, Fixed, Q, Known, Info) :-
    follow_fixed(N, Fixed, Known, R),
    (   below_all(R, Fixed)
    ->  node_info(R, Q, Info)
    ;   sub_query(Q, Known, Fixed, Sub),
        node_info(N, Sub, Info)
    ).

follow_fixed(N, Fixed, Known, R) :-
    (   integer(N), mdd_node(N, V, Kids),
        (   memberchk(V-C, Fixed) -> true ; arg(V, Known, C), C > 0 )
    ->  arg(C, Kids, K),
        follow_fixed(K, Fixed, Known, R)
    ;   R = N
    ).

below_all(o(_), _) :- !.
below_all(N, Fixed) :-
    mdd_node(N, V, _),
    \+ ( member(W-_, Fixed), W > V ).

%  Sub is the query's sub-query with the variables of Fixed (`W-Cell`) known.
sub_query(Q, Known, Fixed, q(Known1, sub(Subs, Fixed), Unique, none, Next, Nodes)) :-
    Q = q(_, _, Unique, Subs, Next, Nodes),
    duplicate_term(Known, Known1),
    fix_cells(Fixed, Known1).

fix_cells([], _).
fix_cells([W-C|Fixed], Known) :-
    nb_setarg(W, Known, C),
    fix_cells(Fixed, Known).

%! walk_agreement(+Case:dict, -Disagreements:list) is det.
%
%  Disagreements lists, for the case with its inferences, every topic
%  diagram (exact_topic_root/2) where the walks in C and those of this
%  module answer differently: `walk(Key, C, Prolog)`, each
%  `[Mask, Splits, AllOutcomes, TwoOutcomes]`, Mask and Splits `refused`
%  where the walks in C leave the case to this module. Empty where they
%  agree, and where the walks in C are not loaded (then there is nothing to
%  compare).
walk_agreement(Case0, Disagreements) :-
    ensure_exact,
    infer_case(Case0, Case, _),
    exact_known(Case, Known),
    (   walks_in_c
    ->  prolog_query(Known, Q),
        walk_state(State),
        walk_cells(Known, Text),
        findall(walk(Key, InC, InProlog),
                ( topic_root(Key, Root),
                  node_code(Root, Code),
                  (   walk_info(State, Text, Code, M1, S1) -> true ; M1 = refused, S1 = refused ),
                  walk_reach(State, Text, Code, false, A1),
                  walk_reach(State, Text, Code, true, T1),
                  node_info(Root, Q, i(_, M2, S2)),
                  prolog_possible_mask(Known, Root, all, A2),
                  prolog_possible_mask(Known, Root, two, T2),
                  InC = [M1, S1, A1, T1], InProlog = [M2, S2, A2, T2],
                  InC \== InProlog ),
                Disagreements)
    ;   Disagreements = []
    ).

                 /*******************************
                 *          INFORMATION         *
                 *******************************/

%! exact_counts(+Query, +Topics:list, +Weights, -Counts:list) is det.
%
%  Counts has, per topic (or diagram key) of Topics, `c(Gains, Removing)`:
%  Gains the `Field-Bits` of the unknown fields whose answer tells
%  something about the topic's outcome (the mutual information between the
%  field and the outcome, in bits, over the valid completions of the query's
%  case), Removing the unknown fields some allowed value (cell) of which
%  removes an outcome from the possible ones. The measure over completions is
%  a product of one distribution per field over its cells, conditioned on
%  validity: Weights is `[]` (uniform over each field's cells, so uniform
%  over the valid completions) or the weight of every cell, in variable
%  order, each field's summing to 1. Weighted counts of the paths of the
%  diagrams, from the root down and up (diagram_walk.c's root_counts()),
%  give them for all fields in one pass per topic. (A field that a
%  contradiction leaves no value in a completion is counted there with each
%  of its cells alike: it changes no outcome, so it adds no information.)
exact_counts(Q, Topics, Weights, Counts) :-
    findall(R, ( member(T, Topics), topic_root(T, R) ), Roots),
    (   arg(2, Q, c(State, Text))
    ->  maplist(node_code, Roots, Codes),
        walk_counts(State, Text, Codes, Weights, Rs)
    ;   arg(1, Q, Known),
        cell_weights(Weights, Ws),
        maplist(prolog_counts(Known, Ws), Roots, Rs)
    ),
    maplist(field_counts, Rs, Counts).

field_counts(r(VGains, RemovingBits), c(Gains, Removing)) :-
    findall(F-G, ( member(V-G, VGains), var_field(V, F, _) ), Gains),
    split_fields(RemovingBits, Removing).

%  Ws: per variable, w(V, CellWeights), uniform where Weights is [].
cell_weights([], Ws) :- !,
    findall(V-Cs, ( var_field(V, _, Cells), length(Cells, N), W is 1 / N,
                    findall(W, member(_, Cells), Cs) ), Ws).
cell_weights(Flat, Ws) :-
    findall(V-N, ( var_field(V, _, Cells), length(Cells, N) ), VNs),
    foldl(take_cells, VNs, Ws, Flat, []).

take_cells(V-N, V-Cs, Flat, Rest) :- length(Cs, N), append(Cs, Rest, Flat).

%  The reference definition of walk_counts/5 at one root, as there.
prolog_counts(Known, Ws, Root, r(Gains, Removing)) :-
    outcome_bit(invalid, Inv),
    node_mask_(Root, RM0),
    RootMask0 is RM0 /\ \ Inv,
    mask_list(RootMask0, Outs),
    reachable_nodes(Root, Known, Nodes),
    reverse(Nodes, Bottom),             % the kids before their nodes
    foldl(node_down(Known, Ws, Outs), Bottom, t{}, Down),
    down_of(Root, Outs, Down, Total-RootMask),
    nodes_up(Nodes, Root, Known, Ws, Up),
    sum_list(Total, Z),
    entropy(Total, Z, H),
    nvars(NVars),
    skip_masks(Root, Nodes, Known, Down, NVars, Skips),
    findall(V, ( between(1, NVars, V), arg(V, Known, 0) ), Unknown),
    foldl(var_counts(Nodes, Ws, Outs, Down, Up, Total, Z, H, RootMask, Skips),
          Unknown, []-0, Gains0-Removing),
    reverse(Gains0, Gains1), sort(0, @>=, Gains1, Gains).

nvars(N) :- aggregate_all(count, var_field(_, _, _), N).

reachable_nodes(o(_), _, []) :- !.
reachable_nodes(Root, Known, Nodes) :-
    reach_set([Root], Known, [Root], Seen),
    findall(V-N, ( member(N, Seen), mdd_node(N, V, _) ), Pairs),
    keysort(Pairs, Sorted), pairs_values(Sorted, Nodes).

reach_set([], _, Seen, Seen).
reach_set([N|Ns], Known, Seen0, Seen) :-
    findall(K, ( node_kid(N, Known, _, K), integer(K), \+ memberchk(K, Seen0) ), New0),
    sort(New0, New),
    append(Seen0, New, Seen1),
    append(Ns, New, Queue),
    reach_set(Queue, Known, Seen1, Seen).

%  Kid K of node N through cell I that the case allows.
node_kid(N, Known, I, K) :-
    mdd_node(N, V, Kids),
    arg(V, Known, C),
    (   C > 0 -> I = C, arg(C, Kids, K) ; arg(I, Kids, K) ).

cell_weight(Known, Ws, V, I, W) :-
    (   arg(V, Known, C), C > 0 -> W = 1.0 ; memberchk(V-Cs, Ws), nth1(I, Cs, W) ).

node_down(Known, Ws, Outs, N, D0, D) :-
    mdd_node(N, V, _),
    length(Outs, K), length(Z0, K), maplist(=(0.0), Z0),
    findall(W-Kid, ( node_kid(N, Known, I, Kid), cell_weight(Known, Ws, V, I, W) ), WKs),
    foldl(add_down(Outs, D0), WKs, Z0-0, Vec-Mask),
    put_dict(N, D0, Vec-Mask, D).

add_down(Outs, D, W-Kid, Acc0-M0, Acc-M) :-
    down_of(Kid, Outs, D, Vec-KM),
    add_scaled(Acc0, W, Vec, Acc),
    M is M0 \/ KM.

%  Acc is Acc0 + W * Vec, element by element.
add_scaled([], _, [], []).
add_scaled([A|As], W, [X|Xs], [B|Bs]) :- B is A + W * X, add_scaled(As, W, Xs, Bs).

unit_vector([], _, []).
unit_vector([X|Xs], O, [P|Ps]) :- ( X == O -> P = 1.0 ; P = 0.0 ), unit_vector(Xs, O, Ps).

down_of(o(O), Outs, _, Vec-M) :- !,
    unit_vector(Outs, O, Vec),
    (   O == invalid -> M = 0 ; outcome_bit(O, M) ).
down_of(N, _, D, Vec-M) :- get_dict(N, D, Vec-M).

nodes_up([], _, _, _, t{}) :- !.
nodes_up(Nodes, Root, Known, Ws, Up) :-
    foldl(push_up(Known, Ws), Nodes, t{}.put(Root, 1.0), Up).

add_up(UN, Kid-W, A0, A) :-
    ( get_dict(Kid, A0, X) -> true ; X = 0.0 ),
    Y is X + UN * W,
    put_dict(Kid, A0, Y, A).

push_up(Known, Ws, N, U0, U) :-
    mdd_node(N, V, _),
    get_dict(N, U0, UN),
    findall(Kid-W, ( node_kid(N, Known, I, Kid), integer(Kid), cell_weight(Known, Ws, V, I, W) ), KWs),
    foldl(add_up(UN), KWs, U0, U).

%  Skips: s(M1, ..., MN), the outcome bits of the paths that skip each variable.
skip_masks(Root, Nodes, Known, Down, NVars, Skips) :-
    functor(Skips, s, NVars),
    forall(between(1, NVars, V), nb_setarg(V, Skips, 0)),
    down_of(Root, [], Down, _-RM),
    node_var(Root, NVars, RV),
    skip_range(0, RV, RM, Skips),
    forall(( member(N, Nodes), mdd_node(N, V, _), node_kid(N, Known, _, Kid) ),
           ( down_of(Kid, [], Down, _-KM), node_var(Kid, NVars, KV), skip_range(V, KV, KM, Skips) )).

node_var(o(_), NVars, V) :- !, V is NVars + 1.
node_var(N, _, V) :- mdd_node(N, V, _).

skip_range(From, To, M, Skips) :-
    forall(( between(From, To, X), X > From, X < To ),
           ( arg(X, Skips, M0), M1 is M0 \/ M, nb_setarg(X, Skips, M1) )).

var_counts(Nodes, Ws, Outs, Down, Up, Total, Z, H, RootMask, Skips, V, G0-R0, G-R) :-
    include(on_var(V), Nodes, OnV),
    (   OnV == []
    ->  G = G0, R = R0
    ;   var_field(V, _, Cells), length(Cells, NC),
        memberchk(V-CWs, Ws),
        length(Outs, K), length(Zero, K), maplist(=(0.0), Zero),
        foldl(through(Outs, Down, Up), OnV, Zero, Through),
        arg(V, Skips, SkipMask),
        findall(Joint-Mask,
                ( between(1, NC, C), nth1(C, CWs, WC),
                  foldl(through_cell(Outs, Down, Up, C, WC), OnV, Zero-SkipMask, J1-Mask),
                  skipped_part(J1, WC, Total, Through, Joint) ),
                Cells1),
        foldl(conditional_entropy(Z), Cells1, 0, Cond),
        Gain is H - Cond,
        (   Gain > 1.0e-12 -> G = [V-Gain|G0] ; G = G0 ),
        (   member(_-M, Cells1), M =\= 0, M =\= RootMask -> R is R0 \/ (1 << V) ; R = R0 )
    ).

on_var(V, N) :- mdd_node(N, V, _).

through(Outs, Down, Up, N, T0, T) :-
    get_dict(N, Up, U),
    down_of(N, Outs, Down, Vec-_),
    add_scaled(T0, U, Vec, T).

through_cell(Outs, Down, Up, C, WC, N, J0-M0, J-M) :-
    get_dict(N, Up, U),
    mdd_node(N, _, Kids), arg(C, Kids, Kid),
    down_of(Kid, Outs, Down, Vec-KM),
    W is WC * U,
    add_scaled(J0, W, Vec, J),
    M is M0 \/ KM.

skipped_part([], _, [], [], []).
skipped_part([A|As], WC, [T|Ts], [Th|Ths], [B|Bs]) :-
    B is A + WC * max(0, T - Th),
    skipped_part(As, WC, Ts, Ths, Bs).

conditional_entropy(Z, J-_, C0, C1) :-
    sum_list(J, PC), entropy(J, PC, HC),
    (   Z > 0 -> C1 is C0 + PC / Z * HC ; C1 = C0 ).

entropy(Ps, Total, H) :-
    (   Total =< 0 -> H = 0 ; foldl(entropy_term(Total), Ps, 0, H) ).

entropy_term(Total, P, H0, H) :-
    (   P > 0 -> H is H0 - P / Total * log(P / Total) / log(2) ; H = H0 ).

%! exact_applicable(+Query, ?Field) is semidet.
%
%  Field has a value in every valid completion of the query's case: no
%  contradiction that leaves it none (applicable/2) can hold there. (Onset
%  days are applicable only once a deficit is known.)
exact_applicable(Q, F) :-
    (   topic_root(applicable(F), _)
    ->  exact_single(Q, applicable(F), true)
    ;   true
    ).

                 /*******************************
                 *          THE LAYER           *
                 *******************************/

%! exact_layer(+Case:dict, +Env, -Layer:list) is det.
%
%  Layer holds, per topic of Env (engine:topic_resolutions/2, the
%  three-valued evaluation of Case), `Topic-X`, where X says what the
%  exact semantics makes of it:
%
%    - `kleene`: the three-valued resolution is exact (no undefeated rule
%      is left unknown, so every completion resolves the topic alike);
%    - `split(Value, Proof)`: every completion gives Value, although no
%      single proof shows it; Proof splits the case on unknown findings
%      (see split_proof/3);
%    - `none`: no completion decides the topic;
%    - `open(Possible, Missing, Ask, Provisional, Waiting)`: undetermined;
%      Waiting is `step(Step, Fields)` where the topic waits for an earlier
%      step of the pathway (topic_step/2) that the case has not taken yet,
%      else `none`;
%    - for a collect topic, `given(Values, Splits)`: the values every
%      completion concludes, and the `Value-Proof` of those among them that
%      rest on a split.
exact_layer(Case, Env, Layer) :-
    topic_resolutions(Env, Rs),
    (   member(_-R, Rs), \+ stable(R)
    ->  exact_known(Case, Known),
        exact_query(Known, Q),
        exact_ranked(Q, [], ranked(Open, _))
    ;   Q = none, Open = []
    ),
    split_limits(_, PerCase),
    maplist(topic_exact(Case, Q, Open, budget(PerCase)), Rs, Layer).

stable(resolution(_, _, _, _, _, [], _)).

%  Budget: the evaluations left for the case's split proofs.
topic_exact(Case, Q, Open, Budget, T-R, T-X) :-
    topic(T, Policy, _),
    (   Policy == collect
    ->  collect_exact(Case, Q, Budget, T, R, X)
    ;   stable(R)
    ->  X = kleene
    ;   exact_single(Q, T, V)
    ->  outcome_layer(V, Case, Budget, T, X)
    ;   exact_possible(Q, T, Possible),
        open_layer(Q, T, R, Open, Possible, X)
    ).

outcome_layer(none, _, _, _, none) :- !.
outcome_layer(V, Case, Budget, T, split(V, Proof)) :-
    case_split_proof(Budget, Case, T, Proof).

%  Missing in variable order; Ask the same fields, most informative first.
open_layer(Q, T, R, Open, Possible, open(Possible, Missing, Ask, Provisional, Waiting)) :-
    R = resolution(_, Status, Values, _, _, _, _),
    (   memberchk(T-Ask, Open) -> true ; exact_missing(Q, T, Ask) ),
    in_field_order(Ask, Missing),
    (   Status == decided, Values = [P] -> Provisional = P ; Provisional = none ),
    waiting(Q, T, Waiting).

%! exact_ranked(+Query, +Weights, -Ranked) is det.
%
%  Ranked is `ranked(Open, Fields)` for the open topics of the query's case
%  (not advice; two or more outcomes possible): Open has `Topic-Missing`
%  per open topic, Fields `f(Field, Step, Score, Topics)` for the union of
%  their missing fields, both most informative first: in the order of the
%  pathway's steps (schema:field_step/2, a field of an earlier step first),
%  then by Score, the information the answer gives summed over the open
%  topics Topics it bears on (exact_counts/4, under Weights), then in
%  variable order. A topic's missing fields are those whose value alone
%  changes its outcome in some valid completion (exact_missing/3) and
%  those some cell of which removes an outcome from the possible ones (so,
%  definitional implications included: `recent_staging_ct = false` rules
%  out an urgent CT just made).
exact_ranked(Q, Weights, Ranked) :-
    findall(T, ( topic(T, Policy, _), Policy \== collect ), Ts),
    exact_ranked(Q, Weights, Ts, Ranked).

%! exact_ranked(+Query, +Weights, +Topics:list, -Ranked) is det.
%
%  As exact_ranked/3, for the open topics among Topics.
exact_ranked(Q, Weights, Topics, ranked(Open, Fields)) :-
    include(open_topic(Q), Topics, Ts),
    exact_counts(Q, Ts, Weights, Counts),
    maplist(topic_missing(Q), Ts, Counts, TMs),
    findall(F-T-G, ( member(T-Ms, TMs), nth1(I, Ts, T), nth1(I, Counts, c(Gains, _)),
                     member(F, Ms), ( memberchk(F-G, Gains) -> true ; G = 0 ) ), FTGs),
    findall(F, member(F-_-_, FTGs), Fs0), sort(Fs0, Fs),
    maplist(ranked_field(FTGs), Fs, Keyed0),
    keysort(Keyed0, Keyed),
    pairs_values(Keyed, Fields),
    maplist(ranked_missing(Fields), TMs, Open).

%! exact_topic_missing(+Query, +Topic, -Fields:list) is det.
%
%  Fields are the missing fields of Topic under the query's case, as
%  exact_ranked/3 finds them, in variable order (not ranked): the cheap
%  form for each node of a topic's tree.
exact_topic_missing(Q, T, Missing) :-
    exact_counts_removing(Q, T, Removing),
    topic_missing(Q, T, c([], Removing), _-Missing).

exact_counts_removing(Q, T, Removing) :-
    exact_counts(Q, [T], [], [c(_, Removing)]).

open_topic(Q, T) :-
    possible_mask(Q, T, two, M),
    M /\ (M - 1) =\= 0.

topic_missing(Q, T, c(_, Removing), T-Missing) :-
    exact_missing(Q, T, Splits0),
    sort(Splits0, Splits), sort(Removing, Removing1),
    ord_union(Splits, Removing1, Missing0),
    in_field_order(Missing0, Missing).

ranked_field(FTGs, F, k(Order, Minus, V)-f(F, Step, Score, Topics)) :-
    findall(T-G, member(F-T-G, FTGs), TGs),
    pairs_keys_values(TGs, Topics, Gs),
    sum_list(Gs, Score),
    Minus is -Score,
    field_step(F, Step), finding_step(Step, Order, _, _),
    field_var(F, V).

ranked_missing(Fields, T-Ms, T-Ranked) :-
    findall(F, ( member(f(F, _, _, _), Fields), memberchk(F, Ms) ), Ranked).

%  The step of the pathway the open topic T waits for, `step(S, Ask)`: one
%  whose condition some completion meets and another does not, with the
%  fields that settle it; else `none`.
waiting(Q, T, Waiting) :-
    (   topic_step(T, S),
        possible_mask(Q, step(S), two, Mask),
        Mask /\ (Mask - 1) =\= 0
    ->  exact_missing(Q, step(S), Ask),
        Waiting = step(S, Ask)
    ;   Waiting = none
    ).

%  With no open rule every won value is stable, and no other is possible
%  (and only then is Q `none`: exact_layer/3).
collect_exact(_, _, _, _, resolution(_, _, Values, _, _, [], _), given(Values, [])) :- !.
collect_exact(Case, Q, Budget, T, R, given(Given, Splits)) :-
    R = resolution(_, _, Values, _, Results, Open, _),
    overridden(T, Results, Open, Overridable),
    subtract(Values, Overridable, Stable),
    findall(V, ( member(V, Values) ; member(r(_, V, _, _), Open) ), Candidates0),
    list_to_set(Candidates0, Candidates),
    findall(V, ( member(V, Candidates),
                 \+ memberchk(V, Stable),
                 exact_single(Q, T-V, true) ),
            Split),
    append(Stable, Split, Given0), sort(Given0, Given),
    findall(V-P, ( member(V, Split), case_split_proof(Budget, Case, T-V, P) ), Splits).

%  Overridable are the values of a collect topic that won, but that an open
%  rule could still beat, found from the open rules.
overridden(T, Results, Open, Overridable) :-
    findall(V, ( member(r(L, _, _, _), Open),
                 beats(T, L, W, _),
                 memberchk(r(W, V, true, _), Results) ),
            Overridable).

%! exact_single(+Query, +Topic, -Outcome) is semidet.
%
%  Every valid completion of the query's case gives Topic the one Outcome
%  (none for no decision).
exact_single(Q, Topic, Outcome) :-
    possible_mask(Q, Topic, two, Mask),
    Mask =\= 0, Mask /\ (Mask - 1) =:= 0,
    mask_outcomes(Mask, [Outcome]),
    Outcome \== conflict.

%! split_proof(+Case, +Key, -Proof) is det.
%
%  Proof shows that Key (a topic, or `Topic-Value` of a collect topic)
%  comes out alike in every completion of Case: `rules(Proofs)`, the
%  winning rules' proofs, where the three-valued evaluation settles it;
%  else `split(Field, Branches)`, a `branch(Cell, Proof)` for every cell
%  of Field (an unknown field that keeps a rule open, in the diagrams'
%  order) that the case allows. A split that would take more evaluations
%  than split_limits/2 allows is not written out: Proof is then
%  `exhaustive(Proofs)`, the (unknown) proofs of the rules that conclude
%  the value, which hold in every completion by the decision diagram.
split_proof(Case, Key, Proof) :-
    split_limits(_, PerCase),
    case_split_proof(budget(PerCase), Case, Key, Proof).

%  split_limits(PerProof, PerCase): a split proof may take PerProof
%  evaluations of the case (one per node of its tree), and all the split
%  proofs of one case together PerCase. Of the split proofs on 1,200
%  random cases with 30-70% of the fields unknown, 52 of 88 need at most
%  16 evaluations, 2 more at most 32, and 32 more than 32; a tree of more
%  than 16 nodes does not explain much that the exhaustive proof does not.
split_limits(16, 32).

%  As split_proof/3, the evaluations taken from the case's Budget.
case_split_proof(Budget, Case, Key, Proof) :-
    split_limits(PerProof, _),
    arg(1, Budget, Left),
    Limit is min(PerProof, Left),
    Own = budget(Limit),
    (   catch(split_tree(Case, Key, Own, Proof0), split_budget, fail)
    ->  Proof = Proof0
    ;   exhaustive_proof(Case, Key, Proof)
    ),
    arg(1, Own, Unused),
    Rest is Left - (Limit - Unused),
    nb_setarg(1, Budget, Rest).

exhaustive_proof(Case, Key, exhaustive(Ps)) :-
    key_resolution(Case, Key, resolution(_, _, _, _, Results, _, _)),
    exact_value(Case, Key, V),
    findall(P, ( member(r(_, V, S, P), Results), S \== false ), Ps).

exact_value(_, _-V, V) :- !.
exact_value(Case, T, V) :-
    exact_known(Case, Known), exact_query(Known, Q), exact_single(Q, T, V).

split_tree(Case, Key, Budget, Proof) :-
    arg(1, Budget, B0),
    (   B0 =< 0 -> throw(split_budget) ; B is B0 - 1, nb_setarg(1, Budget, B) ),
    key_resolution(Case, Key, R),
    (   \+ settled(Key, R),
        key_open_fields(Key, R, Fields0),
        in_field_order(Fields0, Fields),
        member(F, Fields),
        field_branches(Case, Key, Budget, F, Branches),
        Branches \== []
    ->  Proof = split(F, Branches)
    ;   R = resolution(_, _, _, Winners, Results, _, _),
        findall(P, ( member(Id, Winners), memberchk(r(Id, V, _, P), Results), key_value(Key, V) ), Ps),
        Proof = rules(Ps)           % open rules left read only fields the case leaves no value
    ), !.

%  A branch for each cell of F that the case allows.
field_branches(Case, Key, Budget, F, Branches) :-
    exact_cells(F, Cells),
    findall(branch(Cell, Sub),
            ( member(Cell, Cells),
              exact_point(F, Cell, X),
              put_dict(F, Case, X, Case1),
              infer_case(Case1, Case2, _),
              \+ case_contradiction(Case2, _),
              split_tree(Case2, Key, Budget, Sub) ),
            Branches).

%  The unknown fields that keep Key open: under the topic's open rules
%  (for one value of a collect topic, those concluding it).
key_open_fields(_-V, resolution(T, S, Vs, W, Rs, Open, Ws), Fields) :- !,
    include(concludes(V), Open, OpenV),
    open_fields(resolution(T, S, Vs, W, Rs, OpenV, Ws), Fields).
key_open_fields(_, R, Fields) :-
    open_fields(R, Fields).

concludes(V, r(_, V, _, _)).

key_topic(T-_, T) :- !.
key_topic(T, T).

%  What the split of Key reads of the evaluation of Case: the resolution of
%  its topic, for a value of a collect topic from the rules it depends on.
key_resolution(Case, T-V, R) :- !,
    evaluate_value(Case, T, V, R).
key_resolution(Case, T, R) :-
    evaluate_topic(Case, T, R).

%  A winner's value V is one the proof of Key shows: any, or Key's own value.
key_value(_-V0, V) :- !, V == V0.
key_value(_, _).

settled(_-V, resolution(T, _, Values, _, Results, Open, _)) :- !,
    memberchk(V, Values),
    overridden(T, Results, Open, Overridable),
    \+ memberchk(V, Overridable).
settled(_, R) :- stable(R).

in_field_order(Fields0, Fields) :-
    findall(V-F, ( member(F, Fields0), field_var(F, V) ), Pairs),
    keysort(Pairs, Sorted),
    pairs_values(Sorted, Fields).

%! exact_evaluation(+Case0:dict, -Evaluation) is det.
%
%  Evaluation is `eval(Env, Layer, Inferred)` for the case Case0: the
%  findings its implications add (inference:infer_case/3), the
%  three-valued evaluation of the case with them, with proofs
%  (engine:evaluate/2), and its exact layer (exact_layer/3).
exact_evaluation(Case0, eval(Env, Layer, Inferred)) :-
    infer_case(Case0, Case, Inferred),
    evaluate(Case, Env),
    exact_layer(Case, Env, Layer).

%! exact_decisions(+Case, -Decisions:list) is det.
%
%  Decisions are the `Topic-Value` pairs decided for Case (a dict, or a
%  list of `Field-Value` pairs) in every completion of it, advice included
%  (exact_decided/3).
%
%  @error domain_error(consistent_case, Id) where Case, with the findings
%  its implications add, meets contradiction Id of the schema: it has no
%  completion to decide over.
exact_decisions(Case0, Decisions) :-
    (   is_dict(Case0) -> Case1 = Case0 ; case_from_pairs(Case0, Case1) ),
    infer_case(Case1, Case, _),
    (   case_contradiction(Case, Id)
    ->  domain_error(consistent_case, Id)
    ;   true
    ),
    decided_topics(all, Case, Decisions).

%! exact_decided(+Which, +Case0:dict, -Decisions:list) is det.
%
%  Decisions are the `Topic-Value` pairs, in the order of topic/3, that
%  every valid completion of Case0 (with the findings its implications
%  add) resolves to, for the topics Which says: `all`, or `single`, the
%  topics that are not advice (collect), which are the contract's
%  `decisions`. They are read off the topic diagrams alone, without
%  evaluating the rules: a topic is decided on V where V is the one
%  outcome of its valid completions (for a collect topic, V where its
%  diagram gives `true` alone). Where the three-valued evaluation settles
%  a topic, every completion resolves it alike, so the diagram gives that
%  resolution too (exact_layer/3 shows its proofs): the answers are those
%  of exact_evaluation/2. A case the schema accepts has a valid
%  completion (tests/test_exact.py checks it). Case0 must be one, as the
%  Python side validates it: a case that meets a contradiction has no
%  valid completion, and every topic would come out without a decision.
exact_decided(Which, Case0, Decisions) :-
    infer_case(Case0, Case, _),
    decided_topics(Which, Case, Decisions).

%  As exact_decided/3, for Case with its inferences added.
decided_topics(Which, Case, Decisions) :-
    exact_known(Case, Known),
    exact_query(Known, Q),
    findall(T-V, ( topic(T, Policy, Values),
                   decided_value(Which, Policy, Q, T, Values, V) ),
            Decisions).

decided_value(all, collect, Q, T, Values, V) :- !,
    findall(V0, ( member(V0, Values), exact_single(Q, T-V0, true) ), Vs0),
    sort(Vs0, Vs),                  % in the standard order, as exact_layer/3 gives them
    member(V, Vs).
decided_value(_, Policy, Q, T, _, V) :-
    Policy \== collect,
    exact_single(Q, T, V),
    V \== none.
