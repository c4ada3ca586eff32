/** <module> Proof terms and conditions as JSON dicts

Converts the proof terms of engine.pl and the conditions of the rule
language into dicts for json_text/2. The shape of a proof node:

    {rule, holds, conditions: [Condition]}
    Condition = {condition, holds, test: {op, value},
                 satisfied_by: {field, value}}                         % finding
              | {condition, holds, concept, proof: [Rule]}             % concept
              | {condition: "not", holds, negated: Condition}          % not/1
              | {condition, holds, decision: {topic, value, rules}}    % decided/2
              | {condition: "all"|"any", holds, conditions: [Condition]}

`holds` is true, false or null (unknown). In `brief` mode a node shows only
the parts that give it its status (the rules of a concept, the parts of an
`any` that holds or of an `all` that fails); in `full` mode all of them.
In `shared` mode (brief, for recommend) a concept node carries no `proof`:
each concept's rule proofs are given once, by shared_concepts/2.
*/
:- module(proof_json,
          [ proof_json/3,            % +Mode, +Proof, -Dict
            shared_concepts/2,       % +Proofs, -Dict
            condition_json/2,        % +Condition, -Dict
            condition_text/2         % +Condition, -Text
          ]).
:- use_module(library(apply)).
:- use_module(rulebase).
:- use_module(engine, [proof_status/2]).

%! proof_json(+Mode, +Proof, -Dict) is det.
%
%  Dict is the JSON form of Proof; Mode is `brief` or `full`.
proof_json(Mode, rule(Id, S, Body), _{rule: Id, holds: H, conditions: Cs}) :- !,
    holds(S, H),
    body_proofs(Body, Ps),
    maplist(proof_json(Mode), Ps, Cs).
proof_json(_, finding(C, S, F, V),
           _{condition: Text, holds: H, test: _{op: Op, value: Arg},
             satisfied_by: _{field: F, value: V}}) :- !,
    holds(S, H),
    finding_test(C, F, Op, Arg),
    condition_text(C, Text).
proof_json(Mode, all(S, Ps), _{condition: all, holds: H, conditions: Cs}) :- !,
    holds(S, H),
    shown_parts(Mode, S, false, Ps, Shown),
    maplist(proof_json(Mode), Shown, Cs).
proof_json(Mode, any(S, Ps), _{condition: any, holds: H, conditions: Cs}) :- !,
    holds(S, H),
    shown_parts(Mode, S, true, Ps, Shown),
    maplist(proof_json(Mode), Shown, Cs).
proof_json(Mode, not(S, P), _{condition: not, holds: H, negated: PJ}) :- !,
    holds(S, H),
    proof_json(Mode, P, PJ).
proof_json(shared, concept(C, S, _), _{condition: C, holds: H, concept: C}) :- !,
    holds(S, H).
proof_json(Mode, concept(C, S, Rules), _{condition: C, holds: H, concept: C, proof: RJ}) :- !,
    holds(S, H),
    shown_rules(Mode, S, Rules, Shown),
    maplist(proof_json(Mode), Shown, RJ).
proof_json(_, decided(T, V, S, Winners, _),
           _{condition: Text, holds: H, decision: _{topic: T, value: V, rules: Winners}}) :-
    holds(S, H),
    format(string(Text), "decided(~w, ~w)", [T, V]).

%! shared_concepts(+Proofs:list, -Dict) is det.
%
%  Dict maps every concept that the shared-mode JSON of Proofs refers to,
%  directly or through other concepts, to the JSON of its shown rule proofs.
shared_concepts(Proofs, Dict) :-
    foldl(collect_concepts, Proofs, [], Concepts),
    findall(C-RJ, ( member(concept(C, S, Rules), Concepts),
                    shown_rules(brief, S, Rules, Shown),
                    maplist(proof_json(shared), Shown, RJ) ), Pairs),
    dict_pairs(Dict, _, Pairs).

collect_concepts(P, Seen0, Seen) :-
    (   P = concept(C, S, Rules)
    ->  (   memberchk(concept(C, _, _), Seen0)
        ->  Seen = Seen0
        ;   shown_rules(brief, S, Rules, Shown),
            foldl(collect_concepts, Shown, [P|Seen0], Seen)
        )
    ;   shown_children(P, Children),
        foldl(collect_concepts, Children, Seen0, Seen)
    ).

shown_children(rule(_, _, Body), Ps) :- !, body_proofs(Body, Ps).
shown_children(all(S, Ps), Shown) :- !, shown_parts(brief, S, false, Ps, Shown).
shown_children(any(S, Ps), Shown) :- !, shown_parts(brief, S, true, Ps, Shown).
shown_children(not(_, P), [P]) :- !.
shown_children(_, []).

body_proofs(all(_, Ps), Ps) :- !.
body_proofs(P, [P]).

%  A decisive part of an all (false) or any (true) settles it alone.
shown_parts(Mode, S, S, Parts, Shown) :- Mode \== full, !,
    include([P]>>proof_status(P, S), Parts, Shown).
shown_parts(_, _, _, Parts, Parts).

shown_rules(full, _, Rules, Rules) :- !.
shown_rules(_, S, Rules, Shown) :-
    include([rule(_, RS, _)]>>(RS == S), Rules, Shown).

holds(true, true).
holds(false, false).
holds(unknown, null).

%! condition_json(+Condition, -Dict) is det.
%
%  Dict is the JSON form of a rule-language Condition (no case values).
condition_json(all(Cs), _{all: Js}) :- !, maplist(condition_json, Cs, Js).
condition_json(any(Cs), _{any: Js}) :- !, maplist(condition_json, Cs, Js).
condition_json(not(C), _{not: J}) :- !, condition_json(C, J).
condition_json(decided(T, V), _{decided: _{topic: T, value: V}}) :- !.
condition_json(C, _{field: F, op: Op, value: Arg}) :-
    finding_test(C, F, Op, Arg), !.
condition_json(C, _{concept: C}).

%! condition_text(+Condition, -Text:string) is det.
%
%  Text is Condition as a knowledge engineer writes it.
condition_text(C, Text) :-
    finding_test(C, F, Op, Arg), !,
    (   is_list(Arg)
    ->  atomic_list_concat(Arg, ', ', Vs),
        format(string(Text), "~w ~w [~w]", [F, Op, Vs])
    ;   format(string(Text), "~w ~w ~w", [F, Op, Arg])
    ).
condition_text(C, Text) :-
    format(string(Text), "~w", [C]).
