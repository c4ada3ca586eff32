/** <module> Results and proofs as JSON text

Writes the evaluation of a case (engine.pl) as the JSON text that callers
receive, and the conditions of the rule language as JSON dicts.

The result object is `{decisions, recommendations, undetermined, warnings}`
(docs/contract.md); keys are sorted, the text is compact and ASCII (other
characters as \u escapes), so the same case always gives the same bytes.
A proof node:

    {conclusion, conditions: [Condition], holds, quote, rule, section}  % rule
    Condition = {condition, holds, satisfied_by: {field, value},
                 test: {op, value}}                                   % finding
              | {concept, condition, holds, proof: [Rule]}             % concept
              | {condition: "not", holds, negated: Condition}          % not/1
              | {condition, decision: {rules, topic, value}, holds}    % decided/2
              | {condition: "all"|"any", conditions: [Condition], holds}

`holds` is true, false or null (unknown). In `brief` mode (recommend) a node
shows only the parts that give it its status: the rules of a concept with
the concept's status, the parts of an `any` that holds or of an `all` that
fails; in `full` mode (why-not) all of them.

Speed: the text is a list of pieces joined once (json_text:join_text/2, in C where built).
Everything that does not depend on the case (quotes, labels, condition
texts) is written as JSON once per compilation of the rule store, into
the `*_parts` tables below.
*/
:- module(proof_json,
          [ result_json/2,           % +Evaluation, -Text
            result_json/3,           % +Evaluation, +Interview, -Text
            decisions_json_text/2,   % +Decisions, -Text
            why_not_json_text/2,     % +Report, -Text
            statuses_json/2,         % +Env, -Text
            condition_json/2,        % +Condition, -Dict
            conclusion_json/2,       % +Conclusion, -Dict
            condition_text/2         % +Condition, -Text
          ]).
:- use_module(library(apply)).
:- use_module(library(apply_macros)).   % maplist, foldl, include ... expanded inline: no meta-call per element
:- use_module(library(lists)).
:- use_module(library(pairs)).
:- use_module(kb(schema)).
:- use_module(kb(topics)).
:- use_module(rulebase).
:- use_module(engine).
:- use_module(json_text).

%! result_json(+Evaluation, -Text:string) is det.
%
%  Text is the contract's result object for Evaluation, `eval(Env, Layer,
%  Inferred)` (exact:exact_evaluation/2), with brief
%  proofs.
result_json(Evaluation, Text) :-
    result_json(Evaluation, _{next_question: null, trees: _{}}, Text).

%! result_json(+Evaluation, +Interview:dict, -Text:string) is det.
%
%  As result_json/2, with the `next_question` and each open topic's `tree`
%  of Interview (interview:interview_json/4).
result_json(eval(Env, Layer, Inferred), Interview, Text) :-
    ensure_parts,
    topic_resolutions(Env, Resolutions),
    phrase(result(Resolutions, Layer, Inferred, Interview), Pieces),
    join_text(Pieces, Text).

%! decisions_json_text(+Decisions:list, -Text:string) is det.
%
%  Text is `{"decisions": {Topic: Value}}` for the `Topic-Value` pairs of
%  Decisions (topics that are not advice: exact:exact_decided/3), as the
%  result object has them.
decisions_json_text(Decisions, Text) :-
    ensure_parts,
    maplist(decided_member_text, Decisions, Decided),
    phrase(decisions_object(Decided), Pieces),
    join_text(Pieces, Text).

decided_member_text(T-V, Text) :-
    decision_member_text(T, V, Text).

decisions_object(Decided) --> ['{'], decisions(Decided), ['}'].

%! why_not_json_text(+Report, -Text:string) is det.
%
%  Text is the JSON of a why_not/4 Report: `{concluded, rules: [{beaten_by:
%  [{priority, proof, rule, value}], proof}], topic, value}`, full proofs.
why_not_json_text(why_not(T, V, Concluded, Reports), Text) :-
    ensure_parts,
    phrase(why_not(T, V, Concluded, Reports), Pieces),
    join_text(Pieces, Text).

why_not(T, V, Concluded, Reports) -->
    ['{"concluded":', Concluded, ',"rules":['], seq(Reports, rule_report),
    ['],"topic":'], string(T), [',"value":'], string(V), ['}'].

%! statuses_json(+Env, -Text:string) is det.
%
%  Text is `{"decided": [[Topic, Value]], "rules": {Id: Status}}`: every
%  decided topic value, advice included, and every rule's status (true,
%  false or null for unknown) in the evaluation Env. No proofs.
statuses_json(Env, Text) :-
    ensure_parts,
    Env =.. [_|Nodes],
    foldl(node_statuses, Nodes, Statuses, []),
    topic_resolutions(Env, Rs),
    foldl(decided_values, Rs, Decided, []),
    phrase(statuses(Decided, Statuses), Pieces),
    join_text(Pieces, Text).

statuses(Decided, Statuses) -->
    ['{"decided":['], seq(Decided, decided_value), ['],"rules":{'], seq(Statuses, rule_status), ['}}'].

node_statuses(concept(_, _, Proofs), Ss0, Ss) :- !,
    foldl(rule_id_status, Proofs, Ss0, Ss).
node_statuses(resolution(_, _, _, _, Results, _, _), Ss0, Ss) :-
    foldl(result_id_status, Results, Ss0, Ss).

rule_id_status(rule(Id, S, _), [Id-S|T], T).
result_id_status(r(Id, _, S, _), [Id-S|T], T).

decided_values(T-resolution(_, decided, Vs, _, _, _, _), Ds0, Ds) :- !,
    foldl(topic_value(T), Vs, Ds0, Ds).
decided_values(_, Ds, Ds).

topic_value(T, V, [T-V|Ds], Ds).

decided_value(T-V) --> ['['], string(T), [','], string(V), [']'].
rule_status(Id-S) --> { rule_status_text(Id, S, Text) }, [Text].

rule_report(rule_report(Proof, Beaten)) -->
    { mode(full, M) },
    ['{"beaten_by":['], seq(Beaten, beaten(M)), ['],"proof":'], proof(M, Proof), ['}'].

beaten(M, beaten(W, V, PId, Proof)) -->
    ['{"priority":'], string(PId), [',"proof":'], proof(M, Proof),
    [',"rule":'], string(W), [',"value":'], string(V), ['}'].

                 /*******************************
                 *        RESULT OBJECT         *
                 *******************************/

result(Rs, Layer, Inferred, Interview) -->
    { result_members(Rs, Layer, Decided, Recs, Undetermined, Warnings, []),
      mode(brief, M),
      json_ascii(Interview.next_question, Next),
      Trees = Interview.trees },
    ['{'], decisions(Decided), [',"inferred":['], seq(Inferred, inferred),
    ['],"next_question":', Next, ',"recommendations":['], seq(Recs, recommendation(M)),
    ['],"undetermined":['], seq(Undetermined, undetermined(Trees)),
    ['],"warnings":['], seq(Warnings, warning), [']}'].

inferred(inferred(F, V, From, Id)) -->
    ['{"field":'], string(F), [',"from":'], string(From), [',"implication":'], string(Id),
    [',"value":'], value(V), ['}'].

%  The members of the result object, in one pass over the topics and their
%  exact layer (exact:exact_layer/3): those of "decisions", the
%  recommendations of the decided topics, the undetermined and conflicting
%  topics, and the warnings of provisional decisions (a difference list).
result_members([], [], [], [], [], Ws, Ws).
result_members([T-R|Rs], [T-X|Ls], Ds, Recs, Us, Ws0, Ws) :-
    R = resolution(_, Status, _, Winners, Results, _, Warnings),
    decision_member(T-R, T-X, Ds, Ds1),
    (   X == kleene, Status == decided
    ->  winner_recommendations(Winners, Results, Recs, Recs1), Us = Us1, Ws0 = Ws1
    ;   X == kleene, Status \== not_applicable
    ->  Recs = Recs1, Us = [T-R-X|Us1], Ws0 = Ws1
    ;   X = split(_, Proof)
    ->  split_recommendation(Proof, Recs, Recs1), Us = Us1, Ws0 = Ws1
    ;   X = given(Given, Splits)
    ->  include(given_winner(Results, Given), Winners, Shown),
        winner_recommendations(Shown, Results, Recs, Recs2),
        pairs_values(Splits, SplitProofs),
        foldl(split_recommendation, SplitProofs, Recs2, Recs1),
        Us = Us1, Ws0 = Ws1
    ;   X = open(_, _, _, _, _)
    ->  Recs = Recs1, Us = [T-R-X|Us1], append(Warnings, Ws1, Ws0)
    ;   Recs = Recs1, Us = Us1, Ws0 = Ws1
    ),
    result_members(Rs, Ls, Ds1, Recs1, Us1, Ws1, Ws).

given_winner(Results, Given, Id) :-
    memberchk(r(Id, V, _, _), Results),
    memberchk(V, Given).

winner_recommendations(Winners, Results, Recs0, Recs) :-
    include(fires, Results, Firing),
    foldl(winner_recommendation(Results, Firing), Winners, Recs0, Recs).

%  A decision that rests on a case split: the recommendation of the rule
%  that wins in the first branch, with the split as its proof. (Without a
%  split, where the only open rules read findings the case leaves no
%  value, the winning rules' own proofs.)
split_recommendation(rules(Ps), Recs0, Recs) :- !,
    foldl(rule_recommendation, Ps, Recs0, Recs).
split_recommendation(exhaustive([P|Ps]), [Id-exhaustive([P|Ps])-[]|Recs], Recs) :- !,
    P = rule(Id, _, _).
split_recommendation(Proof, [Id-Proof-[]|Recs], Recs) :-
    split_first_rule(Proof, Id).

rule_recommendation(P, [Id-P-[]|Recs], Recs) :-
    P = rule(Id, _, _).

split_first_rule(rules([rule(Id, _, _)|_]), Id) :- !.
split_first_rule(split(_, [branch(_, P)|_]), Id) :- split_first_rule(P, Id).

%  The member of "decisions" for a decided topic that is not advice.
decision_member(T-R, T-X, Ds0, Ds) :-
    (   X == kleene, R = resolution(_, decided, [V], _, _, _, _), decision_member_text(T, V, Text)
    ->  Ds0 = [Text|Ds]
    ;   X = split(V, _), decision_member_text(T, V, Text)
    ->  Ds0 = [Text|Ds]
    ;   Ds0 = Ds
    ).

%  The decided topics that are not advice (collect), in the order of their
%  names: the members' texts begin with the names, quoted.
decisions(Members0) -->
    { msort(Members0, Members) },
    ['"decisions":{'], seq(Members, piece), ['}'].

piece(Text) --> [Text].

winner_recommendation(Results, Firing, Id, [Id-P-Overrides|Recs], Recs) :-
    memberchk(r(Id, _, _, P), Results),
    beaten_part(Id, Beaten),
    (   Beaten == []
    ->  Overrides = []
    ;   foldl(override(Beaten), Firing, Overrides, [])
    ).

override(Beaten, r(L, LV, _, _), Os0, Os) :-
    (   memberchk(L-PIds, Beaten)
    ->  foldl(override_by(L, LV), PIds, Os0, Os)
    ;   Os0 = Os
    ).

override_by(L, LV, PId, [o(PId, L, LV)|Os], Os).

recommendation(M, Id-Proof-Overrides) -->
    { recommendation_parts(Id, Post) },
    ['{"overrides":['], seq(Overrides, override), ['],"proof":'], proof(M, Proof), [Post].

override(o(PId, L, LV)) -->
    ['{"priority":'], string(PId), [',"rule":'], string(L), [',"value":'], string(LV), ['}'].

undetermined(Trees, T-_-open(Possible, Missing, Ask, Provisional, Waiting)) --> !,
    ['{"ask":['], seq(Ask, string), ['],"missing":['], seq(Missing, string),
    ['],"possible":['], seq(Possible, outcome), [']'],
    (   { Provisional == none }
    ->  []
    ;   [',"provisional":{"overturned_by":['], seq(Missing, string), ['],"value":'], string(Provisional), ['}']
    ),
    [',"reason":"missing_findings","topic":'], string(T),
    (   { get_dict(T, Trees, Tree), json_ascii(Tree, TJ) } -> [',"tree":', TJ] ; [] ),
    [',"values":[]'],
    (   { Waiting = step(S, StepAsk) }
    ->  [',"waiting_for":{"ask":['], seq(StepAsk, string), ['],"step":'], string(S), ['}}']
    ;   ['}']
    ).
undetermined(_, T-R-_) -->
    { R = resolution(_, _, Values, _, _, _, _) },
    ['{"ask":[],"missing":[],"possible":['], seq(Values, string), ['],"reason":"conflict","topic":'], string(T),
    [',"values":['], seq(Values, string), [']}'].

outcome(none) --> !, [null].
outcome(V) --> string(V).

warning(warning(T, _Winner, WinValue, Rule, Value, PId, Fields)) -->
    ['{"decision":'], string(WinValue), [',"priority":'], string(PId), [',"rule":'], string(Rule),
    [',"topic":'], string(T), [',"unknown_fields":['], seq(Fields, string),
    ['],"value":'], string(Value), ['}'].

                 /*******************************
                 *            PROOFS            *
                 *******************************/

%  Mode is mode(brief|full, Memo): Memo holds the text of every concept
%  proof written so far, so that a concept that several rules refer to is
%  written once and copied.
proof(M, rule(Id, S, Body)) -->
    { rule_parts(Id, Pre, Post), body_proofs(Body, Ps) },
    [Pre], proofs(Ps, M), ['],"holds":'], holds(S), [Post].
proof(_, finding(C, S, F, X)) -->
    (   { finding_text(F, X, C, S, Text) }
    ->  [Text]
    ;   { once(finding_part(F, C, Pre, Mid, Post)) },
        [Pre], holds(S), [Mid], value(X), [Post]
    ).
proof(M, all(S, Ps)) -->
    { shown_parts(M, S, false, Ps, Shown) },
    ['{"condition":"all","conditions":['], proofs(Shown, M), ['],"holds":'], holds(S), ['}'].
proof(M, any(S, Ps)) -->
    { shown_parts(M, S, true, Ps, Shown) },
    ['{"condition":"any","conditions":['], proofs(Shown, M), ['],"holds":'], holds(S), ['}'].
proof(M, not(S, P)) -->
    ['{"condition":"not","holds":'], holds(S), [',"negated":'], proof(M, P), ['}'].
proof(M, concept(C, S, Rules)) -->
    { M = mode(_, Memo), arg(1, Memo, Done) },
    (   { memberchk(C-Text, Done) }
    ->  [Text]
    ;   { concept_part(C, Pre), shown_rules(M, S, Rules, Shown),
          phrase(proofs(Shown, M), Pieces, [']}']),
          holds_text(S, H),
          join_text([Pre, H, ',"proof":['|Pieces], Text),
          arg(1, Memo, Done1), setarg(1, Memo, [C-Text|Done1]) },
        [Text]
    ).
proof(_, decided(T, V, S, Winners, _)) -->
    { decided_part(T, V, Pre, Post) },
    [Pre], seq(Winners, string), [Post], holds(S), ['}'].

proof(M, split(F, Branches)) -->
    ['{"case_split":{"branches":['], seq(Branches, branch(M, F)), ['],"field":'], string(F),
    ['},"condition":"case split","holds":true}'].

proof(M, exhaustive(Ps)) -->
    ['{"condition":"every completion","exhaustive":{"rules":['], proofs(Ps, M), [']},"holds":true}'].

branch(M, F, branch(Cell, P)) -->
    ['{"cell":'], cell(F, Cell), [',"proof":['], branch_proofs(M, P), [']}'].

branch_proofs(M, rules(Ps)) --> proofs(Ps, M).
branch_proofs(M, split(F, Bs)) --> proof(M, split(F, Bs)).

%  A cell of a field: a value, or a range of numbers {op: bound, ...}.
cell(_, Cell) --> { atom(Cell), Cell \== any }, !, value(Cell).
cell(_, Cell) --> { cell_dict(Cell, D), json_ascii(D, J) }, [J].

cell_dict(any, _{}).
cell_dict(below(C), _{'<': C}).
cell_dict(eq(C), _{'=': C}).
cell_dict(open(A, inf), _{'>': A}) :- !.
cell_dict(open(A, B), _{'>': A, '<': B}).

proofs([], _) --> [].
proofs([P|Ps], M) --> proof(M, P), proofs_rest(Ps, M).
proofs_rest([], _) --> [].
proofs_rest([P|Ps], M) --> [','], proof(M, P), proofs_rest(Ps, M).

mode(Kind, mode(Kind, memo([]))).

body_proofs(all(_, Ps), Ps) :- !.
body_proofs(P, [P]).

%  A decisive part of an all (false) or any (true) settles it alone.
shown_parts(mode(brief, _), S, S, Parts, Shown) :- !,
    with_status(Parts, S, Shown).
shown_parts(_, _, _, Parts, Parts).

shown_rules(mode(full, _), _, Rules, Rules) :- !.
shown_rules(_, S, Rules, Shown) :-
    with_status(Rules, S, Shown).

with_status([], _, []).
with_status([P|Ps], S, Shown) :-
    (   proof_status(P, S) -> Shown = [P|Shown1] ; Shown = Shown1 ),
    with_status(Ps, S, Shown1).

holds(S) --> { holds_text(S, H) }, [H].

holds_text(true, true) :- !.
holds_text(false, false) :- !.
holds_text(_, null).

%  A finding's value: null, true, false, a number or an enum value.
value(X) --> { atomic(X), ( number(X) ; memberchk(X, [true, false, null]) ) }, !, [X].
value(X) --> string(X).

string(X) --> { atom(X), identifier_json(X, J) }, !, [J].
string(X) --> { json_ascii(X, J) }, [J].

seq([], _) --> [].
seq([X|Xs], G) --> call(G, X), seq_rest(Xs, G).
seq_rest([], _) --> [].
seq_rest([X|Xs], G) --> [','], call(G, X), seq_rest(Xs, G).

                 /*******************************
                 *        STATIC PARTS          *
                 *******************************/

:- dynamic parts_stamp/1, rule_parts/3, rule_status_text/3, decision_member_text/3,
           recommendation_parts/2, beaten_part/2, finding_part/5, finding_text/5, concept_part/2,
           decided_part/4, identifier_json/2.

ensure_parts :-
    kb_stamp(Stamp),
    (   parts_stamp(Stamp)
    ->  true
    ;   with_mutex(wervel_lp_compile, ( parts_stamp(Stamp) -> true ; compile_parts(Stamp) ))
    ).

compile_parts(Stamp) :-
    maplist(retractall, [parts_stamp(_), rule_parts(_, _, _), rule_status_text(_, _, _),
                         decision_member_text(_, _, _), recommendation_parts(_, _), beaten_part(_, _),
                         finding_part(_, _, _, _, _), finding_text(_, _, _, _, _), concept_part(_, _),
                         decided_part(_, _, _, _), identifier_json(_, _)]),
    forall(( distinct(A, kb_identifier(A)), atom(A) ),
           ( json_ascii(A, J), add_part(identifier_json(A, J)) )),
    forall(rule(Id, Conclusion, Conds, Props), compile_rule_parts(Id, Conclusion, Conds, Props)),
    forall(concept(C, _, _), ( concept_pre(C, Pre), add_part(concept_part(C, Pre)) )),
    forall(( topic(T, _, Vs), member(V, Vs) ), ( decided_pre_post(T, V, Pre, Post),
                                                 add_part(decided_part(T, V, Pre, Post)) )),
    forall(( topic(T, Policy, Vs), Policy \== collect, member(V, Vs) ),
           ( member_text(T, string(V), Text), add_part(decision_member_text(T, V, Text)) )),
    assertz(parts_stamp(Stamp)).

compile_rule_parts(Id, Conclusion, Conds, Props) :-
    memberchk(quote(Q), Props), memberchk(section(S), Props),
    conclusion_json(Conclusion, CJ),
    json_ascii(CJ, CT),
    json_ascii(_{quote: Q, rule: Id, section: S}, Tail),
    sub_string(Tail, 1, _, 0, TailMembers),
    format(string(Pre), '{"conclusion":~w,"conditions":[', [CT]),
    string_concat(",", TailMembers, Post),
    add_part(rule_parts(Id, Pre, Post)),
    forall(member(Status, [true, false, unknown]),
           ( member_text(Id, holds(Status), StatusText), add_part(rule_status_text(Id, Status, StatusText)) )),
    (   Conclusion = (T = V)
    ->  recommendation_post(Id, T, V, Props, RecPost),
        add_part(recommendation_parts(Id, RecPost)),
        findall(L-PIds, ( rule_topic(L, T, _), findall(PId, beats(T, Id, L, PId), PIds), PIds \== [] ),
                Beaten),
        assertz(beaten_part(Id, Beaten))
    ;   true
    ),
    forall(( sub_condition(Conds, C), finding_test(C, F, _, _), \+ finding_part(F, C, _, _, _) ),
           ( finding_pre_mid_post(C, Pre1, Mid, Post1),
             add_part(finding_part(F, C, Pre1, Mid, Post1)),
             forall(finding_case(F, X, Status),
                    ( phrase(proof(_, finding(C, Status, F, X)), Pieces),
                      atomics_to_string(Pieces, Text),
                      add_part(finding_text(F, X, C, Status, Text)) )) )).

%  A table row of JSON texts, stored as atoms: SWI-Prolog joins atoms
%  about twice as fast as strings.
add_part(Row0) :-
    Row0 =.. [Name|Args0],
    maplist(text_atom, Args0, Args),
    Row =.. [Name|Args],
    assertz(Row).

text_atom(X, A) :- ( string(X) -> atom_string(A, X) ; A = X ).

%  The text of the object member `"Key":Value`, Value a nonterminal.
member_text(Key, Value, Text) :-
    phrase(( string(Key), [':'], Value ), Pieces),
    atomics_to_string(Pieces, Text).

%  A finding of a field with few values (bool, enum) has a few texts,
%  written whole: unknown (null) or each value with either status.
finding_case(_, null, unknown).
finding_case(F, X, S) :-
    field(F, Type, _),
    (   Type == bool -> member(X, [true, false]) ; Type = enum(Xs), member(X, Xs) ),
    member(S, [true, false]).

recommendation_post(Id, T, V, Props, Post) :-
    memberchk(quote(Q), Props), memberchk(section(S), Props), memberchk(strength(St), Props),
    memberchk(nl(NL), Props), memberchk(en(EN), Props),
    (   section(S, Title) -> true ; Title = S ),
    json_ascii(_{quote: Q, rule: Id, section: S, section_title: Title, strength: St,
                text: _{nl: NL, en: EN}, topic: T, value: V}, Tail),
    sub_string(Tail, 1, _, 0, Members),
    string_concat(",", Members, Post).

%! conclusion_json(+Conclusion, -Dict) is det.
%
%  Dict is the JSON form of a rule's conclusion.
conclusion_json(concept(C), _{concept: C}).
conclusion_json(T = V, _{topic: T, value: V}).

sub_condition(C, C).
sub_condition(all(Cs), C) :- member(C0, Cs), sub_condition(C0, C).
sub_condition(any(Cs), C) :- member(C0, Cs), sub_condition(C0, C).
sub_condition(not(C0), C) :- sub_condition(C0, C).

finding_pre_mid_post(C, Pre, Mid, Post) :-
    finding_test(C, F, Op, Arg),
    condition_text(C, Text),
    json_ascii(Text, TextJ), json_ascii(F, FJ), json_ascii(_{op: Op, value: Arg}, TestJ),
    format(string(Pre), '{"condition":~w,"holds":', [TextJ]),
    format(string(Mid), ',"satisfied_by":{"field":~w,"value":', [FJ]),
    format(string(Post), '},"test":~w}', [TestJ]).

concept_pre(C, Pre) :-
    json_ascii(C, CJ),
    format(string(Pre), '{"concept":~w,"condition":~w,"holds":', [CJ, CJ]).

decided_pre_post(T, V, Pre, Post) :-
    format(string(Text), "decided(~w, ~w)", [T, V]),
    json_ascii(Text, TextJ), json_ascii(T, TJ), json_ascii(V, VJ),
    format(string(Pre), '{"condition":~w,"decision":{"rules":[', [TextJ]),
    format(string(Post), '],"topic":~w,"value":~w},"holds":', [TJ, VJ]).

%  The identifiers of the kb, whose JSON strings are written once: fields,
%  enum values, topics and their values, rules, concepts and priorities.
kb_identifier(A) :- field(A, _, _).
kb_identifier(V) :- field(_, enum(Vs), _), member(V, Vs).
kb_identifier(A) :- topic(A, _, _).
kb_identifier(V) :- topic(_, _, Vs), member(V, Vs).
kb_identifier(A) :- rule(A, _, _, _).
kb_identifier(A) :- concept(A, _, _).
kb_identifier(A) :- priority(A, _, _, _, _).
kb_identifier(A) :- implication(A, _, _, _).

                 /*******************************
                 *          CONDITIONS          *
                 *******************************/

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
