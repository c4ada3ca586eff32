/** <module> Load the wervel-lp knowledge base

    swipl kb/load.pl

loads every chapter of the guideline Wervelmetastasen, validates the rule
store (every problem is printed with file:line) and makes the query
predicates of engine.pl and kb.pl available at the toplevel. See
queries/ for ready-made queries.
*/
:- use_module(schema).
:- use_module(topics).
:- use_module(rulebase).
:- use_module(messages).
:- use_module(diagnostics).
:- use_module(corticosteroids).
:- use_module(additional_diagnostics).
:- use_module(treatment_indication).
:- use_module(radiotherapy).
:- use_module(timing).
:- use_module(follow_up).
:- use_module(requirements).
:- use_module(anomalies).
:- use_module(coverage).
:- use_module(engine).
:- use_module(kb).

:- initialization(validate_kb, now).
