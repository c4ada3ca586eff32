/** <module> Wording of the kb's messages and errors

The one place where the kb's problems and errors are put into words, for
swipl users (print_message/2) and, through message_to_codes, for Python.
*/
:- module(messages, []).

:- multifile prolog:message//1, prolog:error_message//1.

prolog:message(kb_problem(Where, Problem)) -->
    where(Where), problem(Problem).

prolog:error_message(existence_error(guideline_rule, Id)) -->
    [ 'No guideline rule with id ~q'-[Id] ].
prolog:error_message(existence_error(topic, Topic)) -->
    [ 'No decision topic ~q'-[Topic] ].
prolog:error_message(domain_error(acyclic_rule_graph, _)) -->
    [ 'The rules refer to each other in a cycle' ].

where(rule(Id, File:Line)) --> !, [ '~w:~w: rule ~q: '-[File, Line, Id] ].
where(rule(Id)) --> !, [ 'rule ~q: '-[Id] ].
where(file(File:Line)) --> !, [ '~w:~w: '-[File, Line] ].
where(concept(C)) --> !, [ 'concept ~q: '-[C] ].
where(topic(T)) --> !, [ 'topic ~q: '-[T] ].
where(W) --> [ '~q: '-[W] ].

problem(bad_conclusion(C)) --> [ 'conclusion ~q is not a declared topic value or concept'-[C] ].
problem(unknown_field(F)) --> [ 'unknown case field ~q'-[F] ].
problem(field_step_count(F, Steps)) -->
    [ 'case field ~q needs exactly one step of the pathway (field_step/2, finding_step/4), has ~q'-[F, Steps] ].
problem(bad_test(C, Type)) --> [ 'condition ~q does not fit the field type ~q'-[C, Type] ].
problem(unknown_concept(C)) --> [ 'unknown concept ~q'-[C] ].
problem(unknown_decision(T, V)) --> [ 'decided(~q, ~q) names no declared topic value'-[T, V] ].
problem(bad_condition(C)) --> [ 'not a condition of the rule language: ~q'-[C] ].
problem(empty_conjunction) --> [ 'all([]) is empty' ].
problem(empty_disjunction) --> [ 'any([]) is empty' ].
problem(missing_property(P)) --> [ 'missing or empty property ~q (every rule needs section, strength, quote, nl and en)'-[P] ].
problem(unknown_section(S)) --> [ 'unknown section ~q'-[S] ].
problem(unknown_strength(S)) --> [ 'unknown strength ~q'-[S] ].
problem(duplicate_rule_id(Id, Places)) -->
    [ 'rule id ~q is used more than once: '-[Id] ], places(Places).
problem(not_rule_language(PI)) -->
    [ '~q is not a term of the rule language (section/2, concept/3, rule/4, priority/5, \c
       obligation/4, incompatible/3, safety/3); it would never be read'-[PI] ].
problem(variable_in_rule) -->
    [ 'a variable in the conclusion or the conditions (every value must be written out)' ].
problem(value_without_rules(T, V)) -->
    [ 'no rule concludes ~q = ~q (is a chapter missing from load.pl, or empty?)'-[T, V] ].
problem(unknown_topic(T)) --> [ 'unknown topic ~q'-[T] ].
problem(empty_selector(S)) --> [ 'selector ~q selects no rule of the topic'-[S] ].
problem(concept_without_rules(C)) --> [ 'concept ~q has no rule'-[C] ].
problem(cyclic_rules(Steps)) -->
    [ 'the rules refer to each other in a cycle' ], cycle_steps(Steps).
problem(cyclic_priorities(T)) --> [ 'the priorities of topic ~q form a cycle'-[T] ].

places([P]) --> !, place(P).
places([P|Ps]) --> place(P), [ ', ' ], places(Ps).
place(File:Line) --> !, [ '~w:~w'-[File, Line] ].
place(P) --> [ '~w'-[P] ].

cycle_steps([]) --> [].
cycle_steps([Step|Steps]) --> [ ': ' ], cycle_step(Step), more_cycle_steps(Steps).
more_cycle_steps([]) --> [].
more_cycle_steps([Step|Steps]) --> [ '; ' ], cycle_step(Step), more_cycle_steps(Steps).
cycle_step(step(Node, Id, Place, Next)) -->
    node(Node), [ ' (rule ~q, '-[Id] ], place(Place), [ ') uses ' ], node(Next).
node(concept(C)) --> !, [ 'concept ~q'-[C] ].
node(topic(T)) --> !, [ 'topic ~q'-[T] ].
node(N) --> [ '~q'-[N] ].
