/** <module> Knowledge engineers' queries, run in a process of their own

`wervel-lp query` (wervel_lp/query.py) starts `swipl` on this file: never
the process that serves recommendations, and under OS limits that the
parent sets once the kb has loaded (CPU seconds, address space, no file
can be opened or written). Safety does not rest on library(sandbox): a goal
may only call the kb's documented query predicates and pure built-ins
(query_predicate/2, pure_builtin/2), through the control constructs and
meta-calls that query_goal/1 checks argument by argument. Anything else,
a variable goal or a module-qualified one included, is refused before it
runs.

Protocol, on standard input and output (UTF-8):

  1. argv: LoadFile Seconds MaxSolutions.
  2. The kb is loaded (boot/2); the runner writes `ready CPUSeconds` or,
     if the kb does not load, `{"error": Text}` and halts with status 3.
  3. It reads the goals, each as `Length\n` followed by Length characters,
     and writes one JSON line per goal: `{"solutions": [[[Var, Value]]],
     "truncated": Bool, "output": Text}` or `{"error": Text}`.
*/
:- module(query_runner, [main/0]).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(aggregate)).
:- use_module(library(pairs)).
:- use_module(library(solution_sequences)).
:- use_module(library(time)).
:- use_module(library(readutil)).
:- use_module(boot).
:- use_module(json_text).

max_goal_depth(100).          % nesting of the goal term
max_text(10000).              % characters of a binding or of the printed output
max_answer(4000000).          % characters of one JSON answer

%! main is det.
%
%  Runs the protocol above; the entry point of `swipl query_runner.pl`.
main :-
    current_prolog_flag(argv, [LoadFile, Seconds0, Max0|_]),
    atom_number(Seconds0, Seconds),
    atom_number(Max0, Max),
    set_stream(user_input, encoding(utf8)),
    set_stream(user_output, encoding(utf8)),
    boot(LoadFile, Errors),
    (   Errors == ""
    ->  statistics(cputime, CPU),
        format("ready ~3f~n", [CPU]),
        flush_output,
        answer_goals(Seconds, Max)
    ;   write_answer(_{error: Errors}),
        halt(3)
    ).

answer_goals(Seconds, Max) :-
    read_line_to_string(user_input, Line),
    (   Line == end_of_file
    ->  true
    ;   number_string(Length, Line),
        read_string(user_input, Length, Text),
        catch(goal_answer(Text, Seconds, Max, Answer), E, error_answer(E, Seconds, Answer)),
        write_answer(Answer),
        answer_goals(Seconds, Max)
    ).

write_answer(Answer) :-
    json_ascii(Answer, JSON0),
    max_answer(Limit),
    (   string_length(JSON0, N), N > Limit
    ->  format(string(Msg), "the answer is longer than ~D characters; ask for fewer solutions", [Limit]),
        json_ascii(_{error: Msg}, JSON)
    ;   JSON = JSON0
    ),
    format("~s~n", [JSON]),
    flush_output.

goal_answer(Text, Seconds, Max, _{solutions: Solutions, truncated: Truncated, output: Output}) :-
    term_string(Goal, Text, [variable_names(Names), module(user), syntax_errors(error)]),
    max_goal_depth(Depth),
    (   within_depth(Goal, Depth) -> true ; throw(refused(too_deep(Depth))) ),
    query_goal(Goal),
    Limit is Max + 1,
    with_output_to(string(Printed),
                   call_with_time_limit(Seconds, findnsols(Limit, Names, user:Goal, Answers))),
    !,
    capped(Printed, Output),
    length(Answers, N),
    (   N > Max -> Truncated = true, length(Shown, Max), append(Shown, _, Answers)
    ;   Truncated = false, Shown = Answers
    ),
    maplist(bindings, Shown, Solutions).

bindings(Names, Bindings) :-
    findall([Name, Text],
            ( member(Name=Value, Names), \+ sub_atom(Name, 0, _, _, '_'), nonvar(Value),
              format(string(Text0), "~W", [Value, [quoted(true), portray(true), max_depth(50)]]),
              capped(Text0, Text) ),
            Bindings).

capped(Text, Capped) :-
    max_text(Limit),
    (   string_length(Text, N), N > Limit
    ->  sub_string(Text, 0, Limit, _, Start), string_concat(Start, "...", Capped)
    ;   Capped = Text
    ).

within_depth(T, D) :-
    (   compound(T)
    ->  D > 0, D1 is D - 1,
        forall(arg(_, T, A), within_depth(A, D1))
    ;   true
    ).

                 /*******************************
                 *       WHAT A GOAL MAY CALL   *
                 *******************************/

%! query_goal(+Goal) is det.
%
%  Goal calls only query predicates and pure built-ins, through control
%  constructs and meta-calls whose goal arguments are checked in turn.
%  @error refused(What) otherwise.
query_goal(G) :- var(G), !, throw(refused(variable_goal)).
query_goal((A, B)) :- !, query_goal(A), query_goal(B).
query_goal((A ; B)) :- !, query_goal(A), query_goal(B).
query_goal((A -> B)) :- !, query_goal(A), query_goal(B).
query_goal((A *-> B)) :- !, query_goal(A), query_goal(B).
query_goal(\+ A) :- !, query_goal(A).
query_goal(_:_) :- !, throw(refused(module_qualified)).
query_goal(G) :- goal_arguments(G, Goals), !, maplist(query_goal, Goals).
query_goal(G) :- closure_argument(G, Closure, Extra), !, query_closure(Closure, Extra).
query_goal(G) :- callable(G), functor(G, Name, Arity),
    ( query_predicate(Name, Arity) ; pure_builtin(Name, Arity) ), !.
query_goal(G) :- callable(G), !, functor(G, Name, Arity), throw(refused(Name/Arity)).
query_goal(G) :- throw(refused(not_a_goal(G))).

%  Meta-calls whose arguments are goals, called as they are.
goal_arguments(findall(_, G, _), [G]).
goal_arguments(findall(_, G, _, _), [G]).
goal_arguments(forall(C, A), [C, A]).
goal_arguments(aggregate_all(_, G, _), [G]).
goal_arguments(setof(_, G, _), [S]) :- strip_carets(G, S).
goal_arguments(bagof(_, G, _), [S]) :- strip_carets(G, S).
goal_arguments(once(G), [G]).
goal_arguments(ignore(G), [G]).
goal_arguments(distinct(_, G), [G]).
goal_arguments(limit(_, G), [G]).
goal_arguments(order_by(_, G), [G]).

strip_carets(G, G) :- var(G), !.
strip_carets(_^G0, G) :- !, strip_carets(G0, G).
strip_carets(G, G).

%  Meta-calls whose argument is a closure called with Extra more arguments.
closure_argument(maplist(C, _), C, 1).
closure_argument(maplist(C, _, _), C, 2).
closure_argument(maplist(C, _, _, _), C, 3).
closure_argument(include(C, _, _), C, 1).
closure_argument(exclude(C, _, _), C, 1).
closure_argument(partition(C, _, _, _), C, 1).
closure_argument(foldl(C, _, _, _), C, 3).
closure_argument(foldl(C, _, _, _, _), C, 4).

query_closure(C, _) :- var(C), !, throw(refused(variable_goal)).
query_closure(C, Extra) :-
    callable(C), !,
    C =.. List0,
    length(More, Extra),
    append(List0, More, List),
    G =.. List,
    query_goal(G).
query_closure(C, _) :- throw(refused(not_a_goal(C))).

%! query_predicate(?Name, ?Arity) is nondet.
%
%  The kb's documented query predicates (kb_queries.pl, the rule store,
%  the schema, the topics, the evaluator; see queries/README.md).
query_predicate(Name, Arity) :- query_predicate_(Name/Arity).

query_predicate_(case_decisions/2).
query_predicate_(show_proof/2).
query_predicate_(rules_for_topic/2).
query_predicate_(rules_in_section/2).
query_predicate_(rule_quote/2).
query_predicate_(rules_quoting/2).
query_predicate_(topic_fields/2).
query_predicate_(failed_conditions/4).
query_predicate_(rule/4).
query_predicate_(concept/3).
query_predicate_(priority/5).
query_predicate_(section/2).
query_predicate_(obligation/4).
query_predicate_(incompatible/3).
query_predicate_(safety/3).
query_predicate_(rule_property/2).
query_predicate_(rule_topic/3).
query_predicate_(beats/4).
query_predicate_(beaters/2).
query_predicate_(condition_field/2).
query_predicate_(condition_node/2).
query_predicate_(finding_test/4).
query_predicate_(node_rules/2).
query_predicate_(node_order/1).
query_predicate_(kb_problems/1).
query_predicate_(field/3).
query_predicate_(field_label/3).
query_predicate_(value_label/4).
query_predicate_(unknown_value/2).
query_predicate_(contradiction/3).
query_predicate_(field_value/2).
query_predicate_(topic/3).
query_predicate_(topic_label/3).
query_predicate_(topic_value_label/4).
query_predicate_(acknowledged/4).
query_predicate_(not_encoded/2).
query_predicate_(recommend/2).
query_predicate_(decision/3).
query_predicate_(explain/3).
query_predicate_(why_not/4).

%! pure_builtin(?Name, ?Arity) is nondet.
%
%  Built-ins without side effects: no assert or retract, no files, streams
%  or OS, no flags, no attributed variables (freeze/2 and friends run goals
%  later), no format/2 (`~@` runs a goal; a column can take gigabytes), no
%  throw/1 or catch/3 (an exception term is printed as a message, which can
%  run a goal; catch/3 can catch the time limit).
pure_builtin(Name, Arity) :- pure_builtin_(Name/Arity).

pure_builtin_(true/0).
pure_builtin_(fail/0).
pure_builtin_(false/0).
pure_builtin_((=)/2).
pure_builtin_((\=)/2).
pure_builtin_((==)/2).
pure_builtin_((\==)/2).
pure_builtin_((@<)/2).
pure_builtin_((@>)/2).
pure_builtin_((@=<)/2).
pure_builtin_((@>=)/2).
pure_builtin_(compare/3).
pure_builtin_((is)/2).
pure_builtin_((<)/2).
pure_builtin_((>)/2).
pure_builtin_((=<)/2).
pure_builtin_((>=)/2).
pure_builtin_((=:=)/2).
pure_builtin_((=\=)/2).
pure_builtin_(var/1).
pure_builtin_(nonvar/1).
pure_builtin_(atom/1).
pure_builtin_(number/1).
pure_builtin_(integer/1).
pure_builtin_(float/1).
pure_builtin_(atomic/1).
pure_builtin_(compound/1).
pure_builtin_(callable/1).
pure_builtin_(is_list/1).
pure_builtin_(string/1).
pure_builtin_(is_dict/1).
pure_builtin_(ground/1).
pure_builtin_(functor/3).
pure_builtin_(arg/3).
pure_builtin_((=..)/2).
pure_builtin_(term_variables/2).
pure_builtin_(atom_codes/2).
pure_builtin_(atom_chars/2).
pure_builtin_(char_code/2).
pure_builtin_(atom_length/2).
pure_builtin_(atom_concat/3).
pure_builtin_(sub_atom/5).
pure_builtin_(atom_number/2).
pure_builtin_(atom_string/2).
pure_builtin_(number_codes/2).
pure_builtin_(number_string/2).
pure_builtin_(upcase_atom/2).
pure_builtin_(downcase_atom/2).
pure_builtin_(string_concat/3).
pure_builtin_(sub_string/5).
pure_builtin_(string_chars/2).
pure_builtin_(string_codes/2).
pure_builtin_(string_code/3).
pure_builtin_(string_to_atom/2).
pure_builtin_(string_length/2).
pure_builtin_(string_lower/2).
pure_builtin_(string_upper/2).
pure_builtin_(split_string/4).
pure_builtin_(atomic_list_concat/2).
pure_builtin_(atomic_list_concat/3).
pure_builtin_(member/2).
pure_builtin_(memberchk/2).
pure_builtin_(append/3).
pure_builtin_(append/2).
pure_builtin_(length/2).
pure_builtin_(nth0/3).
pure_builtin_(nth1/3).
pure_builtin_(last/2).
pure_builtin_(reverse/2).
pure_builtin_(msort/2).
pure_builtin_(sort/2).
pure_builtin_(sort/4).
pure_builtin_(list_to_set/2).
pure_builtin_(sum_list/2).
pure_builtin_(max_list/2).
pure_builtin_(min_list/2).
pure_builtin_(max_member/2).
pure_builtin_(min_member/2).
pure_builtin_(numlist/3).
pure_builtin_(subtract/3).
pure_builtin_(intersection/3).
pure_builtin_(union/3).
pure_builtin_(delete/3).
pure_builtin_(select/3).
pure_builtin_(selectchk/3).
pure_builtin_(permutation/2).
pure_builtin_(flatten/2).
pure_builtin_(nextto/3).
pure_builtin_(sumlist/2).
pure_builtin_(keysort/2).
pure_builtin_(pairs_keys_values/3).
pure_builtin_(pairs_keys/2).
pure_builtin_(pairs_values/2).
pure_builtin_(between/3).
pure_builtin_(succ/2).
pure_builtin_(plus/3).
pure_builtin_(get_dict/3).
pure_builtin_(dict_pairs/3).
pure_builtin_(write/1).
pure_builtin_(print/1).
pure_builtin_(writeln/1).
pure_builtin_(nl/0).

                 /*******************************
                 *            ERRORS            *
                 *******************************/

error_answer(E, Seconds, _{error: Text}) :-
    (   catch(error_text(E, Seconds, Text0), _, fail) -> true ; Text0 = "the query raised an error" ),
    capped(Text0, Text).

error_text(time_limit_exceeded, Seconds, Text) :- !,
    format(string(Text), "the query did not finish within ~w s", [Seconds]).
error_text(refused(What), _, Text) :- !,
    refused_text(What, Text).
error_text(error(syntax_error(What), _), _, Text) :- !,
    (   atom(What) -> true ; What = "cannot read the goal" ),
    format(string(Text), "syntax error: ~w", [What]).
error_text(error(resource_error(What), _), _, Text) :- !,
    format(string(Text), "the query ran out of ~q", [What]).
%  Only the errors of built-ins and the kb are put into words by the message
%  machinery; any other term is written, never interpreted as a message.
error_text(error(Formal, _), _, Text) :-
    compound(Formal), functor(Formal, Name, Arity),
    memberchk(Name/Arity, [type_error/2, domain_error/2, existence_error/2, permission_error/3,
                           representation_error/1, evaluation_error/1]),
    !,
    '$messages':translate_message(error(Formal, _), Lines, []),
    with_output_to(string(Text0), print_message_lines(current_output, '', Lines)),
    split_string(Text0, "\n", " ", Parts),
    atomic_list_concat(Parts, ' ', Flat),
    atom_string(Flat, Text).
error_text(instantiation_error, _, "arguments are not sufficiently instantiated") :- !.
error_text(error(instantiation_error, _), _, "arguments are not sufficiently instantiated") :- !.
error_text(E, _, Text) :-
    format(string(Text), "the query raised ~W", [E, [quoted(true), max_depth(8), portray(false)]]).

refused_text(variable_goal, "a goal must not be a variable (call/N is not offered)").
refused_text(module_qualified, "module-qualified goals are not allowed").
refused_text(too_deep(D), Text) :-
    format(string(Text), "the goal is nested more than ~w deep", [D]).
refused_text(not_a_goal(G), Text) :-
    format(string(Text), "not a goal: ~W", [G, [quoted(true), max_depth(5)]]).
refused_text(Name/Arity, Text) :-
    format(string(Text), "~q is not allowed in a query: only the kb's query predicates and pure \c
                          built-ins (see queries/README.md)", [Name/Arity]).
