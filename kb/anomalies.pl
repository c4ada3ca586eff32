/** <module> Register of acknowledged anomalies

Where the guideline text is itself silent or self-contradictory, the
consistency check finds an anomaly. Each one that the knowledge engineers
have reviewed is recorded here with the guideline quotes, the explanation,
and the decision taken (left undetermined, or a named interpretation in
docs/interpretations.md). `wervel-lp check` reports these as acknowledged
and fails only on anomalies not in this register.
*/
:- module(anomalies,
          [ acknowledged/5           % ?Id, ?Kind, ?Topic, ?Explanation, ?Decision
          ]).

%! acknowledged(?Id, ?Kind, ?Topic, ?Explanation:string, ?Decision) is nondet.
%
%  Anomaly Id of Kind (gap, conflict, unresolved_overlap, unreachable,
%  redundant, safety) on Topic has been reviewed. Decision is
%  `undetermined` or `interpretation(InterpretationId)`.
:- discontiguous acknowledged/5.
acknowledged(_, _, _, _, _) :- fail.
