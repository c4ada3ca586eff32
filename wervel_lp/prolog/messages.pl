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
where(concept(C)) --> !, [ 'concept ~q: '-[C] ].
where(topic(T)) --> !, [ 'topic ~q: '-[T] ].
where(W) --> [ '~q: '-[W] ].

problem(bad_conclusion(C)) --> [ 'conclusion ~q is not a declared topic value or concept'-[C] ].
problem(unknown_field(F)) --> [ 'unknown case field ~q'-[F] ].
problem(bad_test(C, Type)) --> [ 'condition ~q does not fit the field type ~q'-[C, Type] ].
problem(unknown_concept(C)) --> [ 'unknown concept ~q'-[C] ].
problem(unknown_decision(T, V)) --> [ 'decided(~q, ~q) names no declared topic value'-[T, V] ].
problem(bad_condition(C)) --> [ 'not a condition of the rule language: ~q'-[C] ].
problem(empty_conjunction) --> [ 'all([]) is empty' ].
problem(empty_disjunction) --> [ 'any([]) is empty' ].
problem(missing_property(P)) --> [ 'missing or empty property ~q (every rule needs section, strength, quote, nl and en)'-[P] ].
problem(unknown_section(S)) --> [ 'unknown section ~q'-[S] ].
problem(unknown_strength(S)) --> [ 'unknown strength ~q'-[S] ].
problem(duplicate_rule_id(Id)) --> [ 'rule id ~q is used more than once'-[Id] ].
problem(unknown_topic(T)) --> [ 'unknown topic ~q'-[T] ].
problem(empty_selector(S)) --> [ 'selector ~q selects no rule of the topic'-[S] ].
problem(concept_without_rules(C)) --> [ 'concept ~q has no rule'-[C] ].
problem(cyclic_rules) --> [ 'the rules refer to each other in a cycle' ].
problem(cyclic_priorities(T)) --> [ 'the priorities of topic ~q form a cycle'-[T] ].
