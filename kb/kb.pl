/** <module> Queries for knowledge engineers

Predicates to ask the kb questions at the swipl toplevel, without Python:

    ?- case_decisions([back_pain-true, night_pain-true, known_primary_malignancy-true,
                       adequate_imaging_available-false], Ds).
    ?- rules_for_topic(mri_urgency, Ids).
    ?- rule_quote(mri_within_12_hours_mescc_or_bilateral, Q).
    ?- show_proof([...], treatment).
*/
:- module(kb,
          [ case_decisions/2,        % +Pairs, -Decisions
            show_proof/2,            % +Pairs, +Topic
            rules_for_topic/2,       % +Topic, -Ids
            rules_in_section/2,      % +Section, -Ids
            rule_quote/2,            % +Id, -Quote
            rules_quoting/2,         % +Word, -Ids
            topic_fields/2           % +Topic, -Fields
          ]).
:- use_module(library(apply)).
:- use_module(library(lists)).
:- use_module(rulebase).
:- use_module(topics).
:- use_module(engine).

%! case_decisions(+Pairs:list, -Decisions:list) is det.
%
%  Decisions are the `Topic-Value` pairs decided for the case of
%  `Field-Value` Pairs.
case_decisions(Pairs, Decisions) :-
    recommend(Pairs, Decisions).

%! show_proof(+Pairs:list, +Topic:atom) is det.
%
%  Prints the proof of the decision on Topic for the case of Pairs.
%  @error existence_error(topic, Topic) if Topic is not a decision topic.
show_proof(Pairs, Topic) :-
    must_be(atom, Topic),
    (   topic(Topic, _, _) -> true ; existence_error(topic, Topic) ),
    explain(Pairs, Topic, Proofs),
    forall(member(P, Proofs), print_term(P, [right_margin(100)])),
    nl.

%! rules_for_topic(+Topic, -Ids:list) is det.
%
%  Ids are the rules that conclude a value on Topic.
rules_for_topic(Topic, Ids) :-
    must_be(atom, Topic),
    findall(Id, rule_topic(Id, Topic, _), Ids).

%! rules_in_section(+Section, -Ids:list) is det.
%
%  Ids are the rules that encode a sentence of guideline section Section.
rules_in_section(Section, Ids) :-
    must_be(atom, Section),
    findall(Id, rule_property(Id, section(Section)), Ids).

%! rule_quote(+Id, -Quote:string) is det.
%
%  Quote is the verbatim Dutch guideline text rule Id encodes.
%  @error existence_error(guideline_rule, Id) if there is no such rule.
rule_quote(Id, Quote) :-
    must_be(atom, Id),
    (   rule_property(Id, quote(Quote)) -> true
    ;   existence_error(guideline_rule, Id)
    ).

%! rules_quoting(+Word, -Ids:list) is det.
%
%  Ids are the rules whose quote contains Word (case-insensitive).
rules_quoting(Word, Ids) :-
    must_be(text, Word),
    string_lower(Word, W),
    findall(Id, ( rule_property(Id, quote(Q)), string_lower(Q, L),
                  sub_string(L, _, _, _, W) ), Ids).

%! topic_fields(+Topic, -Fields:list) is det.
%
%  Fields are the case fields that the rules of Topic depend on, through
%  concepts and other decisions included.
topic_fields(Topic, Fields) :-
    must_be(atom, Topic),
    findall(F, node_field(topic(Topic), F), Fs),
    sort(Fs, Fields).

node_field(Node, F) :- node_field(Node, F, []).
node_field(Node, F, Seen) :-
    \+ memberchk(Node, Seen),
    node_conditions(Node, Conds),
    (   condition_field(Conds, F)
    ;   condition_node(Conds, Sub),
        node_field(Sub, F, [Node|Seen])
    ).

node_conditions(topic(T), Conds) :- rule(_, T = _, Conds, _).
node_conditions(concept(C), Conds) :- rule(_, concept(C), Conds, _).
