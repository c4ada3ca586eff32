/** <module> Load the wervel-lp knowledge base

    swipl kb/load.pl

loads every chapter of the guideline Wervelmetastasen, validates the rule
store (every problem is printed with file:line) and makes the query
predicates (kb_queries.pl, engine.pl) available at the toplevel. See
queries/ for ready-made queries, and kb/README.md for the rule language.

This directory holds only knowledge. The machinery that reads it (the
rule store, the evaluator, the ASP translation, the bridge to Python)
lives with the Python package, in wervel_lp/prolog/, and is found through
the file search path `wervel_lp`: a host that sets it (Python does, as
does `swipl -p wervel_lp=DIR`) judges this kb with its own engine; else
the engine beside this kb in the source tree (or the installed package)
is used. The path `kb` names this directory.
*/
:- prolog_load_context(directory, Dir),
   retractall(user:file_search_path(kb, _)),
   asserta(user:file_search_path(kb, Dir)),
   (   user:file_search_path(wervel_lp, _)
   ->  true
   ;   member(Rel, ['../wervel_lp/prolog', '../prolog']),
       directory_file_path(Dir, Rel, Engine),
       exists_directory(Engine)
   ->  asserta(user:file_search_path(wervel_lp, Engine))
   ;   print_message(error, format("~w: no wervel_lp/prolog engine beside the kb; \c
                                    run swipl -p wervel_lp=DIR", [Dir]))
   ).

:- use_module(schema).
:- use_module(topics).
:- use_module(wervel_lp(rulebase)).
:- use_module(wervel_lp(messages)).
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
:- use_module(wervel_lp(engine)).
:- use_module(wervel_lp(kb_queries)).

:- initialization(validate_kb, now).
