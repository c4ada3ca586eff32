/** <module> Definitional implications applied to a case

The schema declares definitional implications between findings
(schema:implication/4: night pain is back pain, a complete cord lesion is a
neurological deficit, ...). Besides refusing a case that breaks one (they
are contradictions too), the engine applies them as inferences before it
evaluates a case, so that the evaluator, the exact layer and the proofs
all see the findings the case implies:

  - forward: where If is known to hold and Then's field is unknown, Then is
    added;
  - backward: where Then's field is known with the other value and the
    negation of If leaves If's field a single value, that value is added.

Both are repeated until nothing changes. Each added finding is reported
with the implication it follows from.
*/
:- module(inference,
          [ infer_case/3,            % +Case0, -Case, -Inferred
            case_contradiction/2,    % +Case, -Id
            value_test/3             % +Op, +Value, +Arg
          ]).
:- use_module(library(lists)).
:- use_module(kb(schema)).
:- use_module(rulebase, [finding_test/4]).

%! infer_case(+Case0:dict, -Case:dict, -Inferred:list) is det.
%
%  Case is Case0 with every finding its implications add; Inferred lists
%  them as `inferred(Field, Value, From, ImplicationId)`, in the order
%  found: From is the known field it follows from.
infer_case(Case0, Case, Inferred) :-
    presence(Case0, Present),
    infer(Case0, Present, Case, Inferred, []).

%  Present: which of the fields the steps add Case0 has (presence/2).
infer(Case0, Present0, Case, Inferred0, Inferred) :-
    (   inference(Case0, Present0, F, V, From, Id)
    ->  put_dict(F, Case0, V, Case1),
        now_present(F, Present0, Present1),
        Inferred0 = [inferred(F, V, From, Id)|Inferred1],
        infer(Case1, Present1, Case, Inferred1, Inferred)
    ;   Case = Case0, Inferred0 = Inferred
    ).

holds(Cond, Case) :-
    finding_test(Cond, F, Op, Arg),
    get_dict(F, Case, X),
    \+ unknown_value(F, X),
    value_test(Op, X, Arg).

%! value_test(+Op, +Value, +Arg) is semidet.
%
%  The known Value of a field passes the finding test `Field Op Arg`.
value_test(=, X, V) :- X == V.
value_test(in, X, Vs) :- memberchk(X, Vs).
value_test(<, X, N) :- number(X), X < N.
value_test(=<, X, N) :- number(X), X =< N.
value_test(>, X, N) :- number(X), X > N.
value_test(>=, X, N) :- number(X), X >= N.

%  The implications as the steps they allow, read from the schema as the
%  module loads:
%
%    - forward(Id, G, Op, Arg, F, V): where `G Op Arg` holds and F is
%      absent, F = V;
%    - backward(Id, F, V, G, W): where F is known and not V and G is not
%      known, G = W, the one value of G that fails `G Op Arg`;
%
%  written out as inference(+Case, +Present, -F, -V, -From, -Id), the first
%  of them that adds a finding to Case, in that order: one if-then-else
%  over the steps, each step's test specialised to its fields and operator
%  (step_goal/4). Present, `present(P1, ...)`, says which of the fields the
%  steps add Case has (`true` or `false`): presence/2 looks them up once a
%  case, now_present/3 sets one that a step added. In a case that has
%  them, most steps fail on that alone.
term_expansion(implication_steps, Clauses) :-
    findall(forward(Id, G, Op, Arg, F, V),
            ( implication(Id, If, F = V, _), finding_test(If, G, Op, Arg) ),
            Forward),
    findall(backward(Id, F, V, G, W),
            ( implication(Id, If, F = V, _), finding_test(If, G, Op, Arg),
              findall(W0, ( field_value(G, W0), \+ value_test(Op, W0, Arg) ), [W]) ),
            Backward),
    append(Forward, Backward, Steps),
    findall(T-_, ( member(forward(_, _, _, _, T, _), Forward) ; member(backward(_, _, _, T, _), Backward) ),
            Targets),
    sort(1, @<, Targets, Presence),
    pairs_values(Presence, Ps),
    Present =.. [present|Ps],
    maplist(presence_goal(Case), Presence, PresenceGoals),
    foldl(then, PresenceGoals, true, Looked),
    findall(now_present(T, Present0, Present1),
            ( nth1(I, Presence, T-_), now_present_terms(Present, I, Present0, Present1) ),
            NowPresent),
    maplist(step_goal(Case, Presence), Steps, Goals),
    reverse(Goals, Reversed),
    foldl(else_chain(F-V-From-Id), Reversed, fail, Chain),
    append([ [(presence(Case, Present) :- Looked)],
             NowPresent,
             [(inference(Case, Present, F, V, From, Id) :- Chain)] ], Clauses).

%  P is `true` where Case has field T, else `false`.
presence_goal(Case, T-P, ( get_dict(T, Case, _) -> P = true ; P = false )).

then(Goal, Rest, ( Goal, Rest )).

%  Present1 is Present0 with its I-th field set present (arguments fresh).
now_present_terms(Present, I, Present0, Present1) :-
    functor(Present, Name, N),
    functor(Present0, Name, N),
    Present0 =.. [_|Args0],
    nth1(I, Args1, true, Rest),
    nth1(I, Args0, _, Rest),
    Present1 =.. [Name|Args1].

%  Goal tests the step on Case; Out = F-V-From-Id is the finding it adds.
%  Presence holds `Field-P` for the fields looked up first.
step_goal(Case, Presence, forward(Id, G, Op, Arg, F, V), (F-V-G-Id)-Goal) :-
    memberchk(F-P, Presence),
    known_goal(G, Case, X, Known),
    clause(value_test(Op, X, Arg), Test),
    Goal = ( P == false, Known, Test ).
step_goal(Case, Presence, backward(Id, F, V, G, W), (G-W-F-Id)-Goal) :-
    (   unknown_value(G, _)             % present is not known: test it
    ->  known_goal(G, Case, _, KnownG),
        Unknown = ( \+ KnownG )
    ;   memberchk(G-P, Presence),
        Unknown = ( P == false )
    ),
    Goal = ( Unknown, get_dict(F, Case, X), X \== V ).

%  Known: field F has a known value X in Case.
known_goal(F, Case, X, Known) :-
    (   unknown_value(F, _)
    ->  Known = ( get_dict(F, Case, X), \+ unknown_value(F, X) )
    ;   Known = get_dict(F, Case, X)
    ).

%  The steps' goals nested from the last: ( G1 -> Out = O1 ; ( G2 -> ... ; fail ) ).
else_chain(Out, O-G, Else, ( G -> Out = O ; Else )).

implication_steps.

%! case_contradiction(+Case:dict, -Id) is semidet.
%
%  Contradiction Id of the schema holds in Case.
case_contradiction(Case, Id) :-
    contradiction(Id, Conds, _),
    forall(member(C, Conds), holds(C, Case)), !.
