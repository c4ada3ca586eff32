/** <module> The guided interview: the next question and what each answer decides

An open case is a conversation (docs/contract.md, section 1, "The next
question"). This module answers, for a case, the one unknown field to ask
now, what each of its allowed values (cells, for a number) would settle,
and each open topic's residual decision tree, all from the topic diagrams
(exact.pl):

  - the candidates are the missing fields of the open topics
    (exact:exact_ranked/3), less those the user could not answer and those
    a contradiction leaves no value in some completion (onset days before a
    deficit is known: exact:exact_applicable/2);
  - the next question is the first candidate in exact_ranked/3's order: of
    the earliest step of the pathway that still has one
    (schema:field_step/2), the one whose answer gives the most information
    over the valid completions, summed over the open topics;
  - a topic's tree asks, at each node, the first of the topic's own
    missing fields in that order, until the topic is settled or the depth
    runs out.
*/
:- module(interview,
          [ next_question/4,         % +Case, +Unanswerable, +Weights, -Question
            interview_json/4,        % +Case, +Unanswerable, +Weights, -Dict
            interview_json/5,        % +Case, +Unanswerable, +Weights, +WithTrees, -Dict
            topic_tree/5,            % +Case, +Topic, +Unanswerable, +Depth, -Tree
            cell_weights/2           % +Given, -Weights
          ]).
:- use_module(library(apply)).
:- use_module(library(lists)).
:- use_module(library(pairs)).
:- use_module(library(yall)).
:- use_module(kb(schema)).
:- use_module(kb(topics)).
:- use_module(exact).
:- use_module(inference).

%! next_question(+Case:dict, +Unanswerable:list, +Weights, -Question) is semidet.
%
%  Question is `question(Field, Step, Topics, Answers, Score)` for the
%  validated Case: Field the one to ask now, of pathway step Step, bearing
%  on the open topics Topics with Score bits of information (under Weights,
%  see exact:exact_counts/4); Answers has `answer(Cell, Value, Settles)`
%  for every cell of Field that a valid completion has, Value a value in it
%  and Settles the `Topic-Outcome` of every open topic that answer settles
%  (`none`: no decision). Fails where no open topic has a missing field
%  that is applicable and not in Unanswerable.
next_question(Case0, Unanswerable, Weights, question(F, Step, Topics, Answers, Score)) :-
    infer_case(Case0, Case, _),
    case_query(Case, Q),
    exact_ranked(Q, Weights, ranked(Open, Fields)),
    member(f(F, Step, Score, Topics), Fields),
    \+ memberchk(F, Unanswerable),
    exact_applicable(Q, F), !,
    pairs_keys(Open, OpenTopics),
    field_answers(Case, F, OpenTopics, Answers).

case_query(Case, Q) :-
    exact_known(Case, Known),
    exact_query(Known, Q).

%  An answer for each cell of F that some valid completion of Case has.
field_answers(Case, F, Topics, Answers) :-
    exact_cells(F, Cells),
    findall(answer(Cell, X, Settles),
            ( member(Cell, Cells),
              answered(Case, F, Cell, X, Q1),
              findall(T-O, ( member(T, Topics), exact_single(Q1, T, O) ), Settles) ),
            Answers).

%  Q1 is the query of Case with F answered in Cell (the value X), its
%  implications added, where that leaves a valid completion.
answered(Case, F, Cell, X, Q1) :-
    exact_point(F, Cell, X),
    put_dict(F, Case, X, Case1),
    infer_case(Case1, Case2, _),
    \+ case_contradiction(Case2, _),
    case_query(Case2, Q1),
    exact_possible(Q1, mri, [_|_]).         % (every topic's diagram holds the validity)

%! topic_tree(+Case:dict, +Topic, +Unanswerable:list, +Depth:integer, -Tree) is det.
%
%  Tree is Topic's residual decision tree under Case (inferred): `leaf(O)`
%  where every valid completion gives the outcome O (`none`: no decision);
%  `node(Field, Branches)` asking Field (the topic's first missing field in
%  the interview's order that is applicable and answerable), Branches a
%  `branch(Cells, Tree)` per group of its cells with the same subtree;
%  `cut(Possible, Questions)` where Depth ran out or no field is left to
%  ask, Possible the outcomes still open and Questions the number of the
%  topic's missing fields there.
topic_tree(Case0, T, Unanswerable, Depth, Tree) :-
    infer_case(Case0, Case, _),
    case_query(Case, Q),
    exact_ranked(Q, [], [T], ranked(Open, _)),
    (   memberchk(T-Order, Open) -> true ; Order = [] ),
    tree(Case, T, Order, Unanswerable, Depth, Tree).

%  Order: the topic's missing fields at the root of its tree, in the
%  interview's order; below, a node asks the first of them that is still
%  missing there (exact_topic_missing/3), so the order is ranked once a tree.
tree(Case, T, Order, Unanswerable, Depth, Tree) :-
    case_query(Case, Q),
    exact_possible(Q, T, Possible),
    (   Possible = [O]
    ->  Tree = leaf(O)
    ;   exact_topic_missing(Q, T, Missing),
        length(Missing, N),
        (   Depth > 0,
            member(F, Order), memberchk(F, Missing),
            \+ memberchk(F, Unanswerable), exact_applicable(Q, F)
        ->  D1 is Depth - 1,
            exact_cells(F, Cells),
            findall(Cell-Sub, ( member(Cell, Cells),
                                answered(Case, F, Cell, X, _),
                                put_dict(F, Case, X, Case1),
                                infer_case(Case1, Case2, _),
                                tree(Case2, T, Order, Unanswerable, D1, Sub) ),
                    Pairs),
            group_branches(Pairs, Branches),
            (   Branches = [branch(_, Sub)]
            ->  Tree = Sub                  % every answer leads to the same tree: not worth asking here
            ;   Tree = node(F, Branches)
            )
        ;   Tree = cut(Possible, N)
        )
    ).

%  Cells with equal subtrees together, in the order of their first cell
%  (two cuts are equal where the same outcomes are open).
group_branches([], []).
group_branches([Cell-Sub|Pairs], [branch([Cell|Cells], Sub)|Branches]) :-
    tree_shape(Sub, Shape),
    partition(same_shape(Shape), Pairs, Same, Rest),
    pairs_keys(Same, Cells),
    group_branches(Rest, Branches).

%! cell_weights(+Given:list, -Weights:list) is det.
%
%  Weights is the weight of every cell in variable order (exact:exact_counts/4)
%  for Given, `Field-Value-Weight` triples for bool and enum fields: a field
%  with triples gets each value's weight over their sum (a value left out
%  gets 0), any other field the same weight for each cell. Given `[]`
%  gives `[]`, the uniform measure.
cell_weights([], []) :- !.
cell_weights(Given, Weights) :-
    exact_fields(Fields),
    foldl(field_weights(Given), Fields, Weights, []).

field_weights(Given, F, Ws0, Ws) :-
    exact_cells(F, Cells),
    length(Cells, N),
    findall(W, member(F-_-W, Given), Own),
    sum_list(Own, Sum),
    (   Sum > 0
    ->  findall(X, ( member(C, Cells), ( member(F-C-W, Given) -> X is W / Sum ; X = 0.0 ) ), Xs)
    ;   X is 1 / N, findall(X, member(_, Cells), Xs)
    ),
    append(Xs, Ws, Ws0).

                 /*******************************
                 *             JSON             *
                 *******************************/

%! interview_json(+Case:dict, +Unanswerable:list, +Weights, -Dict:dict) is det.
%
%  Dict is `{next_question: Question|null, trees: {Topic: Tree}}` for the
%  validated Case: the next question (next_question/4) and the residual
%  tree of every open topic, cut at depth tree_depth/1, as JSON dicts.
interview_json(Case0, Unanswerable, Weights, Dict) :-
    interview_json(Case0, Unanswerable, Weights, true, Dict).

%! interview_json(+Case:dict, +Unanswerable:list, +Weights, +WithTrees:boolean, -Dict:dict) is det.
%
%  As interview_json/4; without the trees (`trees: {}`) where WithTrees is false.
interview_json(Case0, Unanswerable, Weights, false, _{next_question: QJ, trees: _{}}) :- !,
    (   next_question(Case0, Unanswerable, Weights, Question)
    ->  question_json(Question, QJ)
    ;   QJ = null
    ).
interview_json(Case0, Unanswerable, Weights, true, _{next_question: QJ, trees: Trees}) :-
    infer_case(Case0, Case, _),
    (   next_question(Case, Unanswerable, Weights, Question)
    ->  question_json(Question, QJ)
    ;   QJ = null
    ),
    case_query(Case, Q),
    exact_ranked(Q, Weights, ranked(Open, _)),
    tree_depth(Depth),
    findall(T-TJ, ( member(T-Order, Open),
                    tree(Case, T, Order, Unanswerable, Depth, Tree),
                    tree_json(Tree, TJ) ), Pairs),
    dict_pairs(Trees, trees, Pairs).

%  The depth of the trees in the JSON result, as the text shows them.
tree_depth(3).

question_json(question(F, Step, Topics, Answers, Score),
              _{field: F, step: Step, topics: Topics, answers: AJs, information: Score,
                reason: _{nl: NL, en: EN}}) :-
    maplist(answer_json(F), Answers, AJs),
    reason(F, Step, Topics, NL, EN).

answer_json(F, answer(Cell, _, Settles), J) :-
    findall(T-OJ, ( member(T-O, Settles), outcome_json(O, OJ) ), Pairs),
    dict_pairs(SJ, settles, Pairs),
    cell_json(F, Cell, CJ),
    J = CJ.put(settles, SJ).

%  A bool or enum answer as {"value": V}, a number cell as {"cell": {op: bound}}.
cell_json(_, Cell, _{value: Cell}) :- atom(Cell), \+ number_cell(Cell), !.
cell_json(_, Cell, _{cell: D}) :- cell_dict(Cell, D).

number_cell(any).
number_cell(below(_)).
number_cell(eq(_)).
number_cell(open(_, _)).

cell_dict(any, _{}).
cell_dict(below(C), _{'<': C}).
cell_dict(eq(C), _{'=': C}).
cell_dict(open(A, inf), _{'>': A}) :- !.
cell_dict(open(A, B), _{'>': A, '<': B}).

outcome_json(none, null) :- !.
outcome_json(O, O).

tree_json(leaf(O), J) :- outcome_json(O, J).
tree_json(cut(Possible, N), _{open: Ps, further_questions: N}) :-
    maplist(outcome_json, Possible, Ps).
tree_json(node(F, Branches), _{field: F, branches: BJs}) :-
    maplist(branch_json(F), Branches, BJs).

branch_json(F, branch(Cells, Sub), _{values: Vs, then: SJ}) :-
    maplist(branch_value(F), Cells, Vs),
    tree_json(Sub, SJ).

branch_value(F, Cell, V) :-
    cell_json(F, Cell, J),
    (   get_dict(value, J, V0) -> V = V0 ; get_dict(cell, J, V) ).

%  Why this question now, in Dutch and English: its step and the topics it bears on.
reason(_F, Step, Topics, NL, EN) :-
    finding_step(Step, _, StepNL, StepEN),
    length(Topics, N),
    (   N =:= 1 -> WNL = "open beslissing", WEN = "open decision"
    ;   WNL = "open beslissingen", WEN = "open decisions"
    ),
    format(string(NL), "De meest informatieve vraag uit de stap ~w: het antwoord telt mee voor ~d ~w.",
           [StepNL, N, WNL]),
    format(string(EN), "The most informative question of the step ~w: its answer bears on ~d ~w.",
           [StepEN, N, WEN]).

same_shape(Shape, _-Tree) :- tree_shape(Tree, Shape).

tree_shape(cut(Possible, _), cut(Possible)) :- !.
tree_shape(node(F, Bs), node(F, Ss)) :- !,
    maplist([branch(Cs, T), Cs-S]>>tree_shape(T, S), Bs, Ss).
tree_shape(T, T).
