/** <module> Queries for knowledge engineers

Predicates to ask the kb questions at the swipl toplevel, without Python:

    ?- case_decisions([back_pain-true, night_pain-true, known_primary_malignancy-true,
                       adequate_imaging_available-false], Ds).
    ?- rules_for_topic(mri_urgency, Ids).
    ?- rule_quote(mri_within_12_hours_mescc_or_bilateral, Q).
    ?- show_proof([...], treatment).
*/
:- module(kb_queries,
          [ case_decisions/2,        % +Pairs, -Decisions
            show_proof/2,            % +Pairs, +Topic
            rules_for_topic/2,       % +Topic, -Ids
            rules_in_section/2,      % +Section, -Ids
            rule_quote/2,            % +Id, -Quote
            rules_quoting/2,         % +Word, -Ids
            topic_fields/2,          % +Topic, -Fields
            failed_conditions/4,     % +Pairs, +Topic, +Value, -Report
            run_queries/1            % +File
          ]).
:- use_module(library(apply)).
:- use_module(library(lists)).
:- use_module(rulebase).
:- use_module(kb(topics)).
:- use_module(engine).
:- use_module(exact, [exact_decisions/2]).
:- use_module(proof_json, [condition_text/2]).

%! case_decisions(+Pairs:list, -Decisions:list) is det.
%
%  Decisions are the `Topic-Value` pairs decided for the case of
%  `Field-Value` Pairs: in every completion of its unknown findings
%  (docs/contract.md, section 1), advice included.
%
%  @error domain_error(consistent_case, Id) where the findings meet
%  contradiction Id of the schema (exact:exact_decisions/2).
case_decisions(Pairs, Decisions) :-
    exact_decisions(Pairs, Decisions).

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

%! failed_conditions(+Pairs:list, +Topic, +Value, -Report:list) is det.
%
%  Report says, per rule that concludes Value on Topic for the case of
%  Pairs, `Rule-Status-Blocking`: its status and the findings (as
%  condition texts) that failed or are unknown on its failing paths.
failed_conditions(Pairs, Topic, Value, Report) :-
    why_not(Pairs, Topic, Value, why_not(_, _, _, Rules)),
    findall(Id-S-Blocking,
            ( member(rule_report(rule(Id, S, Body), _), Rules),
              findall(T-FS, blocking(Body, T, FS), Blocking0),
              sort(Blocking0, Blocking) ),
            Report).

blocking(finding(C, S, _, _), T, S) :- S \== true, !, condition_text(C, T).
blocking(P, T, S) :-
    proof_status(P, PS), PS \== true,
    proof_children(P, Cs), member(C, Cs), blocking(C, T, S).
proof_children(all(_, Ps), Ps).
proof_children(any(_, Ps), Ps).
proof_children(concept(_, _, Ps), Ps).
proof_children(rule(_, _, P), [P]).

%! run_queries(+File) is det.
%
%  Runs every `?- Goal.` of File (see queries/) and prints its solutions,
%  as `wervel-lp query --file File` does.
run_queries(File) :-
    setup_call_cleanup(open(File, read, In), run_queries_(In), close(In)).

run_queries_(In) :-
    read_term(In, T, [variable_names(Names)]),
    (   T == end_of_file
    ->  true
    ;   T = (?- Goal)
    ->  format("?- ~W.~n", [Goal, [variable_names(Names), quoted(true)]]),
        forall(Goal, ( forall(( member(N=V, Names), \+ sub_atom(N, 0, _, _, '_') ),
                              format("~w = ~q~n", [N, V])),
                       format("~n") )),
        run_queries_(In)
    ;   run_queries_(In)
    ).
