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
    infer(Case0, Case, Inferred, []).

infer(Case0, Case, Inferred0, Inferred) :-
    (   inference(Case0, F, V, From, Id)
    ->  put_dict(F, Case0, V, Case1),
        Inferred0 = [inferred(F, V, From, Id)|Inferred1],
        infer(Case1, Case, Inferred1, Inferred)
    ;   Case = Case0, Inferred0 = Inferred
    ).

%  The first inference in order: forward ones first, then backward ones,
%  each in the order of the implications.
inference(Case, F, V, From, Id) :-
    forward(Id, From, Op, Arg, F, V),
    \+ get_dict(F, Case, _),
    get_dict(From, Case, X),
    \+ unknown_value(From, X),
    value_test(Op, X, Arg).
inference(Case, G, W, F, Id) :-
    backward(Id, F, V, G, W),
    get_dict(F, Case, X), X \== V,
    \+ known(G, Case).

known(F, Case) :-
    get_dict(F, Case, X),
    \+ unknown_value(F, X).

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

%  The implications as the steps they allow, written out as the module
%  loads (after the schema, which it reads):
%
%    - forward(Id, G, Op, Arg, F, V): where `G Op Arg` holds and F is
%      absent, F = V;
%    - backward(Id, F, V, G, W): where F is known and not V and G is not
%      known, G = W, the one value of G that fails `G Op Arg`.
term_expansion(implication_steps, Steps) :-
    findall(forward(Id, G, Op, Arg, F, V),
            ( implication(Id, If, F = V, _), finding_test(If, G, Op, Arg) ),
            Forward),
    findall(backward(Id, F, V, G, W),
            ( implication(Id, If, F = V, _), finding_test(If, G, Op, Arg),
              findall(W0, ( field_value(G, W0), \+ value_test(Op, W0, Arg) ), [W]) ),
            Backward),
    append(Forward, Backward, Steps).

implication_steps.

%! case_contradiction(+Case:dict, -Id) is semidet.
%
%  Contradiction Id of the schema holds in Case.
case_contradiction(Case, Id) :-
    contradiction(Id, Conds, _),
    forall(member(C, Conds), holds(C, Case)), !.
