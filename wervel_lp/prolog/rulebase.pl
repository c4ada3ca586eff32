/** <module> The rule language and the rule store

The rule language is documented for knowledge engineers in kb/README.md;
this is the engine side of it.

Chapter modules (one per guideline chapter) declare themselves with
`:- guideline_chapter.` and then write their knowledge as plain terms:

  - `section(Id, Title)`: a page of the decision tree.
  - `concept(Name, nl(Text), en(Text))`: a derived concept and its templates.
  - `rule(Id, Conclusion, Conditions, Properties)`: a rule. Conclusion is
    `Topic = Value` (a decision), `advice = Id` (further advice) or
    `concept(Name)` (a derived concept). Properties: `section(S)`,
    `strength(S)`, `quote(DutchVerbatim)`, `nl(Text)`, `en(Text)`.
  - `priority(Id, Topic, Higher, Lower, Properties)`: Higher beats Lower;
    both are selectors: `rule(Id)`, `value(V)` or a list of selectors.
    Properties: `why(English justification)` and optionally `quote(...)`
    and `interpretation(Id)`.

These terms are expanded into the store of this module (`rule/4`,
`concept/3`, `priority/5`, `section/2`), each with its source location,
so that the evaluator (engine.pl) and the ASP translation
(asp_export.pl) read one and the same data.

The condition language is deliberately small, so that it translates to ASP:

  - `Field = Value`, `Field in Values`
  - `Field < N`, `Field =< N`, `Field > N`, `Field >= N`
  - `Concept` (an atom declared with concept/3), `not(Condition)`
  - `decided(Topic, Value)`: the resolved decision on another topic
  - `all(Conditions)`, `any(Conditions)`
*/
:- module(rulebase,
          [ rule/4,                  % ?Id, ?Conclusion, ?Conditions, ?Properties
            concept/3,               % ?Name, ?NL, ?EN
            priority/5,              % ?Id, ?Topic, ?Higher, ?Lower, ?Properties
            section/2,               % ?Id, ?Title
            obligation/4,            % ?Id, ?Topic, ?Conditions, ?Properties
            incompatible/3,          % ?Id, ?Conditions, ?Properties
            safety/3,                % ?Id, ?Conditions, ?Properties
            rule_property/2,         % ?Id, ?Property
            rule_topic/3,            % ?Id, ?Topic, ?Value
            beats/4,                 % ?Topic, ?Winner, ?Loser, ?PriorityId
            condition_field/2,       % +Conditions, -Field
            condition_node/2,        % +Conditions, -Node
            node_order/1,            % -Nodes
            finding_test/4,          % ?Condition, ?Field, ?Op, ?Arg
            kb_problems/1,           % -Problems
            validate_kb/0,
            compile_kb/0,
            kb_stamp/1,              % -Stamp
            node_rules/2,            % +Node, -Rules
            beaters/2,               % +Rule, -Winners
            guideline_chapter/0,
            pathway_requirements/0,
            op(700, xfx, in)
          ]).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(ugraphs)).
:- use_module(kb(schema)).
:- use_module(kb(topics)).

:- dynamic
    rule/4, concept/3, priority/5, section/2, chapter_module/1, stored_in/2, load_problem/2,
    obligation/4, incompatible/3, safety/3,
    compiled_beats/4, compiled_node_rules/2, compiled_beaters/2,
    compiled_node_order/1, compiled/1, stamp_counter/1.

%! guideline_chapter is det.
%
%  Directive: the module being loaded is a guideline chapter whose rule,
%  concept, priority and section terms go into the rule store. What the
%  chapter stored before is erased first, so that reloading an edited
%  chapter (make/0) replaces its knowledge instead of duplicating it.
guideline_chapter :-
    prolog_load_context(module, M),
    forall(retract(stored_in(M, Ref)), erase(Ref)),
    uncompile_kb,
    (   chapter_module(M) -> true ; assertz(chapter_module(M)) ).

:- multifile system:term_expansion/2.
system:term_expansion(Term, []) :-
    prolog_load_context(module, M),
    chapter_module(M),
    (   store_term(Term, M)
    ->  true
    ;   not_rule_language(Term, PI)
    ->  source_location(File, Line),
        store(M, load_problem(File:Line, not_rule_language(PI)))
    ).

%  A clause in a chapter that is no term of the rule language (rule/5 for
%  rule/4, a helper predicate) would otherwise be compiled silently and
%  never read. Directives and the end of the file are not clauses.
not_rule_language(Term, _) :- var(Term), !, fail.
not_rule_language((:- _), _) :- !, fail.
not_rule_language((?- _), _) :- !, fail.
not_rule_language(end_of_file, _) :- !, fail.
not_rule_language((Head :- _), PI) :- !, not_rule_language(Head, PI).
not_rule_language((Head --> _), Name//Arity) :- !, callable(Head), functor(Head, Name, Arity).
not_rule_language(Head, Name/Arity) :- callable(Head), functor(Head, Name, Arity).

store_term(rule(Id, Conclusion, Conditions, Props), M) :-
    source_props(M, Src),
    append(Src, Props, AllProps),
    store(M, rule(Id, Conclusion, Conditions, AllProps)).
store_term(concept(Name, NL, EN), M) :-
    store(M, concept(Name, NL, EN)).
store_term(priority(Id, Topic, Higher, Lower, Props), M) :-
    source_props(M, Src),
    append(Src, Props, AllProps),
    store(M, priority(Id, Topic, Higher, Lower, AllProps)).
store_term(section(Id, Title), M) :-
    store(M, section(Id, Title)).
store_term(obligation(Id, Topic, Conditions, Props), M) :-
    store(M, obligation(Id, Topic, Conditions, Props)).
store_term(incompatible(Id, Conditions, Props), M) :-
    store(M, incompatible(Id, Conditions, Props)).
store_term(safety(Id, Conditions, Props), M) :-
    store(M, safety(Id, Conditions, Props)).

%! pathway_requirements is det.
%
%  Directive (kb/requirements.pl): one requirement per pathway declaration
%  of kb/topics.pl, stored as incompatible/3 of the loading module: a topic
%  is not decided before a step it presupposes (topic_step/2), nor on a
%  value that a step already taken ends (step_ends/3).
pathway_requirements :-
    prolog_load_context(module, M),
    forall(pathway_requirement(Id, Conds, Why),
           store(M, incompatible(Id, Conds, [why(Why)]))).

pathway_requirement(Id, all([Decided, not(Reached)]), Why) :-
    topic_step(T, S),
    step(S, Reached, _, EN),
    decided_any(T, all, Decided),
    atomic_list_concat([T, presupposes, S], '_', Id),
    format(string(Why), "~w is decided only after the step: ~w.", [T, EN]).
pathway_requirement(Id, all([Decided, Reached]), Why) :-
    step_ends(S, T, Values),
    step(S, Reached, _, EN),
    decided_any(T, Values, Decided),
    atomic_list_concat([S, ends, T], '_', Id),
    format(string(Why), "Once ~w, ~w is not decided on ~w.", [EN, T, Values]).

decided_any(T, all, any(Ds)) :- !,
    topic(T, _, Values),
    decided_any(T, Values, any(Ds)).
decided_any(T, Values, any(Ds)) :-
    findall(decided(T, V), member(V, Values), Ds).

store(M, Clause) :-
    assertz(Clause, Ref),
    assertz(stored_in(M, Ref)).

source_props(M, [module(M), source(File:Line)]) :-
    source_location(File, Line),
    !.
source_props(M, [module(M)]).

%! rule_property(?Id, ?Property) is nondet.
%
%  Property is one of the properties of rule Id (section/1, strength/1,
%  quote/1, nl/1, en/1, module/1, source/1).
rule_property(Id, Property) :-
    rule(Id, _, _, Props),
    member(Property, Props).

%! rule_topic(?Id, ?Topic, ?Value) is nondet.
%
%  Rule Id concludes Value on the decision or advice topic Topic (concept
%  rules are not included).
rule_topic(Id, Topic, Value) :-
    rule(Id, Topic = Value, _, _).

%! beats(?Topic, ?Winner, ?Loser, ?PriorityId) is nondet.
%
%  Rule Winner beats rule Loser on Topic by the named priority rule.
beats(Topic, Winner, Loser, PriorityId) :-
    ensure_compiled,
    compiled_beats(Topic, Winner, Loser, PriorityId).

priority_beats(Topic, Winner, Loser, PriorityId) :-
    priority(PriorityId, Topic, Higher, Lower, _),
    selected_rule(Topic, Higher, Winner),
    selected_rule(Topic, Lower, Loser),
    Winner \== Loser.

selected_rule(Topic, Selectors, Rule) :-
    is_list(Selectors),
    !,
    member(Selector, Selectors),
    selected_rule(Topic, Selector, Rule).
selected_rule(Topic, rule(Rule), Rule) :-
    rule_topic(Rule, Topic, _).
selected_rule(Topic, value(Value), Rule) :-
    rule_topic(Rule, Topic, Value).

%! condition_field(+Conditions, -Field) is nondet.
%
%  Field is a case field that Conditions test directly (not through
%  concepts or decisions).
condition_field(all(Cs), F) :- !, member(C, Cs), condition_field(C, F).
condition_field(any(Cs), F) :- !, member(C, Cs), condition_field(C, F).
condition_field(not(C), F) :- !, condition_field(C, F).
condition_field(C, F) :- finding_test(C, F, _, _), !.

%! condition_node(+Conditions, -Node) is nondet.
%
%  Node (`concept(Name)` or `topic(Topic)`) is a derived concept or a
%  decision topic that Conditions refer to.
condition_node(all(Cs), N) :- !, member(C, Cs), condition_node(C, N).
condition_node(any(Cs), N) :- !, member(C, Cs), condition_node(C, N).
condition_node(not(C), N) :- !, condition_node(C, N).
condition_node(decided(T, _), topic(T)) :- !.
condition_node(C, concept(C)) :- atom(C).

%! finding_test(?Condition, ?Field, ?Op, ?Arg) is semidet.
%
%  Condition tests case field Field with operator Op against Arg.
finding_test(F = V, F, =, V) :- atom(F).
finding_test(F in Vs, F, in, Vs) :- atom(F).
finding_test(F < N, F, <, N) :- atom(F).
finding_test(F =< N, F, =<, N) :- atom(F).
finding_test(F > N, F, >, N) :- atom(F).
finding_test(F >= N, F, >=, N) :- atom(F).

%! compile_kb is det.
%
%  Tables the priority relation, the rules of every concept and topic and
%  the evaluation order, so that evaluation looks them up instead of
%  deriving them per case. Runs on first use after (re)loading a chapter.
compile_kb :-
    uncompile_kb,
    forall(distinct(B, ( priority_beats(T, W, L, P), B = b(T, W, L, P) )),
           ( B = b(T, W, L, P), assertz(compiled_beats(T, W, L, P)) )),
    forall(kb_node(Node),
           ( findall(Rule, node_rule_entry(Node, Rule), Rules),
             assertz(compiled_node_rules(Node, Rules)) )),
    forall(rule(Id, _, _, _),
           ( findall(W, compiled_beats(_, W, Id, _), Ws0), sort(Ws0, Ws),
             assertz(compiled_beaters(Id, Ws)) )),
    (   catch(node_order_(Nodes), error(domain_error(acyclic_rule_graph, _), _), fail)
    ->  assertz(compiled_node_order(Nodes))
    ;   true
    ),
    (   retract(stamp_counter(N0)) -> N is N0 + 1 ; N = 1 ),
    assertz(stamp_counter(N)),
    assertz(compiled(N)).

uncompile_kb :-
    retractall(compiled(_)),
    retractall(compiled_beats(_, _, _, _)),
    retractall(compiled_node_rules(_, _)),
    retractall(compiled_beaters(_, _)),
    retractall(compiled_node_order(_)).

ensure_compiled :-
    (   compiled(_) -> true ; compile_kb ).

%! kb_stamp(-Stamp:integer) is det.
%
%  Stamp identifies the current compilation of the rule store: it changes
%  whenever a chapter is (re)loaded, so that tables derived elsewhere (the
%  evaluator of engine.pl) know when to rebuild.
kb_stamp(Stamp) :-
    ensure_compiled,
    compiled(Stamp).

%! beaters(+Rule, -Winners:list) is det.
%
%  Winners are the rules that beat Rule by some priority.
beaters(Id, Winners) :-
    ensure_compiled,
    compiled_beaters(Id, Winners).

node_rule_entry(concept(C), r(Id, true, Conds)) :- rule(Id, concept(C), Conds, _).
node_rule_entry(topic(T), r(Id, V, Conds)) :- rule(Id, T = V, Conds, _).

%! node_rules(+Node, -Rules:list) is det.
%
%  Rules are the `r(Id, Value, Conditions)` of concept or topic Node
%  (Value is `true` for a concept).
node_rules(Node, Rules) :-
    ensure_compiled,
    compiled_node_rules(Node, Rules).

%! node_order(-Nodes:list) is det.
%
%  Nodes (all concepts and topics) in an order in which every node comes
%  after the nodes its rules refer to.
%  @error domain_error(acyclic_rule_graph, Cycle) if the rules refer to each
%  other in a cycle.
node_order(Nodes) :-
    ensure_compiled,
    compiled_node_order(Nodes), !.
node_order(Nodes) :-
    node_order_(Nodes).

node_order_(Nodes) :-
    node_graph(Graph),
    (   top_sort(Graph, Sorted)
    ->  reverse(Sorted, Nodes)
    ;   throw(error(domain_error(acyclic_rule_graph, Graph), node_order/1))
    ).

node_graph(Graph) :-
    findall(N, kb_node(N), Ns0),
    sort(Ns0, Ns),
    findall(N-D, (member(N, Ns), node_dependency(N, D)), Edges0),
    sort(Edges0, Edges),
    vertices_edges_to_ugraph(Ns, Edges, Graph).

kb_node(concept(C)) :- concept(C, _, _).
kb_node(topic(T)) :- topic(T, _, _).

node_dependency(Node, Dep) :-
    node_rule(Node, Id),
    rule(Id, _, Conds, _),
    condition_node(Conds, Dep).

node_rule(concept(C), Id) :- rule(Id, concept(C), _, _).
node_rule(topic(T), Id) :- rule(Id, T = _, _, _).

                 /*******************************
                 *          VALIDATION          *
                 *******************************/

%! validate_kb is semidet.
%
%  Prints every problem of the rule store as an error message with its
%  source location; fails if there is any.
validate_kb :-
    kb_problems(Problems),
    forall(member(P, Problems), print_message(error, P)),
    Problems == [].

%! kb_problems(-Problems:list) is det.
%
%  Problems lists every defect of the rule store as a term
%  `kb_problem(Where, Problem)`; see messages.pl for their wording.
kb_problems(Problems) :-
    findall(P, kb_problem(P), Problems0),
    list_to_set(Problems0, Problems).

kb_problem(kb_problem(file(Place), P)) :-
    load_problem(Place, P).
kb_problem(kb_problem(Where, P)) :-
    rule(Id, Conclusion, Conds, Props),
    rule_where(Id, Props, Where),
    (   \+ ground(rule(Id, Conclusion, Conds))
    ->  P = variable_in_rule
    ;   rule_defect(Id, Conclusion, Conds, Props, P)
    ).
kb_problem(kb_problem(rule(Id), duplicate_rule_id(Id, Places))) :-
    findall(Id0, rule(Id0, _, _, _), Ids0),
    msort(Ids0, Ids),
    clumped(Ids, Counts),
    member(Id-N, Counts),
    N > 1,
    findall(Place, ( rule(Id, _, _, Props), rule_place(Props, Place) ), Places).
kb_problem(kb_problem(topic(T), value_without_rules(T, V))) :-
    topic(T, _, Values),
    member(V, Values),
    \+ rule(_, T = V, _, _).
kb_problem(kb_problem(Where, P)) :-
    priority(Id, Topic, Higher, Lower, Props),
    rule_where(Id, Props, Where),
    priority_defect(Topic, Higher, Lower, Props, P).
kb_problem(kb_problem(requirement(Id), P)) :-
    requirement(Id, Topic, Conds),
    (   Topic \== none, \+ topic(Topic, _, _)
    ->  P = unknown_topic(Topic)
    ;   condition_defect(Conds, P)
    ).
kb_problem(kb_problem(field(F), field_step_count(F, Steps))) :-
    field(F, _, _),
    findall(S, ( field_step(F, S), finding_step(S, _, _, _) ), Steps),
    Steps \= [_].
kb_problem(kb_problem(concept(C), concept_without_rules(C))) :-
    concept(C, _, _),
    \+ rule(_, concept(C), _, _).
kb_problem(kb_problem(kb, cyclic_rules(Steps))) :-
    \+ catch(node_order_(_), error(domain_error(acyclic_rule_graph, _), _), fail),
    (   rule_cycle(Steps) -> true ; Steps = [] ).
kb_problem(kb_problem(topic(T), cyclic_priorities(T))) :-
    topic(T, _, _),
    beats(T, A, B, _),
    beats_path(T, B, A, [B]).

requirement(Id, Topic, Conds) :- obligation(Id, Topic, Conds, _).
requirement(Id, none, Conds) :- incompatible(Id, Conds, _).
requirement(Id, none, Conds) :- safety(Id, Conds, _).

rule_where(Id, Props, rule(Id, File:Line)) :- memberchk(source(File:Line), Props), !.
rule_where(Id, _, rule(Id)).

rule_place(Props, File:Line) :- memberchk(source(File:Line), Props), !.
rule_place(_, unknown).

%! rule_cycle(-Steps:list) is semidet.
%
%  Steps is a cycle of the rules' references: `step(Node, RuleId, Place, Next)`,
%  rule RuleId (at Place) of Node refers to Next; the last Next is the first Node.
rule_cycle(Steps) :-
    kb_node(Start),
    cycle_from(Start, Start, [Start], Steps),
    !.

cycle_from(Node, Start, Seen, [step(Node, Id, Place, Next)|Steps]) :-
    node_rule(Node, Id),
    rule(Id, _, Conds, Props),
    condition_node(Conds, Next),
    rule_place(Props, Place),
    (   Next == Start
    ->  Steps = []
    ;   \+ memberchk(Next, Seen),
        cycle_from(Next, Start, [Next|Seen], Steps)
    ).

rule_defect(_, Conclusion, _, _, bad_conclusion(Conclusion)) :-
    \+ valid_conclusion(Conclusion).
rule_defect(_, _, Conds, _, P) :-
    condition_defect(Conds, P).
rule_defect(_, _, _, Props, missing_property(Name)) :-
    member(Name-Type, [section-atom, strength-atom, quote-string, nl-string, en-string]),
    \+ has_property(Props, Name, Type).
rule_defect(_, _, _, Props, unknown_section(S)) :-
    memberchk(section(S), Props),
    \+ section(S, _).
rule_defect(_, _, _, Props, unknown_strength(S)) :-
    memberchk(strength(S), Props),
    \+ strength(S, _).

has_property(Props, Name, Type) :-
    Prop =.. [Name, Value],
    memberchk(Prop, Props),
    is_of_type(Type, Value),
    Value \== "".

valid_conclusion(concept(C)) :- atom(C), concept(C, _, _).
valid_conclusion(T = V) :- atom(T), atom(V), topic(T, _, Values), memberchk(V, Values).

condition_defect(C, bad_condition(C)) :- var(C), !.
condition_defect(all(Cs), P) :- !, ( Cs == [] -> P = empty_conjunction ; member(C, Cs), condition_defect(C, P) ).
condition_defect(any(Cs), P) :- !, ( Cs == [] -> P = empty_disjunction ; member(C, Cs), condition_defect(C, P) ).
condition_defect(not(C), P) :- !, condition_defect(C, P).
condition_defect(decided(T, V), P) :- !,
    \+ ( topic(T, _, Values), memberchk(V, Values) ),
    P = unknown_decision(T, V).
condition_defect(C, P) :-
    finding_test(C, F, Op, Arg), !,
    (   \+ field(F, _, _)
    ->  P = unknown_field(F)
    ;   field(F, Type, _),
        \+ valid_test(Type, Op, Arg)
    ->  P = bad_test(C, Type)
    ).
condition_defect(C, unknown_concept(C)) :- atom(C), !, \+ concept(C, _, _).
condition_defect(C, bad_condition(C)).

valid_test(Type, =, V) :- type_value(Type, V).
valid_test(Type, in, Vs) :- is_list(Vs), Vs \== [], forall(member(V, Vs), type_value(Type, V)).
valid_test(Type, Op, N) :- memberchk(Op, [<, =<, >, >=]), numeric(Type), number(N).

type_value(bool, V) :- memberchk(V, [true, false]).
type_value(enum(Vs), V) :- memberchk(V, Vs).
numeric(number(_)).
numeric(integer(_)).

priority_defect(Topic, _, _, _, unknown_topic(Topic)) :-
    \+ topic(Topic, _, _).
priority_defect(Topic, Higher, _, _, empty_selector(Higher)) :-
    topic(Topic, _, _), \+ selected_rule(Topic, Higher, _).
priority_defect(Topic, _, Lower, _, empty_selector(Lower)) :-
    topic(Topic, _, _), \+ selected_rule(Topic, Lower, _).
priority_defect(_, _, _, Props, missing_property(why)) :-
    \+ memberchk(why(_), Props).

beats_path(T, From, To, _) :- beats(T, From, To, _), !.
beats_path(T, From, To, Seen) :-
    beats(T, From, Mid, _),
    \+ memberchk(Mid, Seen),
    beats_path(T, Mid, To, [Mid|Seen]).

%! strength(?Strength, ?DutchWording) is nondet.
%
%  The strengths of guideline statements and the Dutch wording that marks them.
strength(required, "er dient / dient ... te worden").
strength(recommended, "er wordt geadviseerd / adviseert").
strength(working_group_opinion, "de werkgroep is van mening").
strength(not_recommended, "de werkgroep beveelt niet aan").
strength(standard_statement, "is de standaardbehandeling / behandeling van keuze").
strength(instruction, "algemene instructie").
