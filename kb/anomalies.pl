/** <module> Register of acknowledged anomalies

Where the guideline text is itself silent or self-contradictory, the
consistency check (`wervel-lp check`) finds an anomaly. Each one that the
knowledge engineers have reviewed is recorded here: its kind and subject
(as the check names them), the guideline quotes, the explanation, and the
decision taken: `undetermined` (the kb leaves the topic open for such
cases) or `interpretation(Id)` (a named interpretation in
docs/interpretations.md). The check reports these as acknowledged and fails
only on anomalies that are not in this register.
*/
:- module(anomalies,
          [ acknowledged/4           % ?Id, ?Kind, ?Subject, ?Properties
          ]).

%! acknowledged(?Id, ?Kind, ?Subject, ?Properties) is nondet.
%
%  Anomaly Id, found by the check as Kind on Subject (a topic, obligation,
%  requirement or rule id), has been reviewed. Properties: quotes(List),
%  explanation(String), decision(undetermined | interpretation(Id)).
:- discontiguous acknowledged/4.
