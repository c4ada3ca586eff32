/** <module> Load the kb for an embedding host (Python) and collect errors

pyswip does not raise on consult errors; boot/2 loads load.pl and the
bridge while a message hook collects every error and warning printed on
the way, so the host can refuse a kb that does not load clean.
*/
:- module(boot, [boot/2]).

%  The engine is the one beside this file: the kb's load.pl finds it
%  through the search path `wervel_lp`, so every kb a host loads is judged
%  by the host's own engine.
:- prolog_load_context(directory, Dir),
   retractall(user:file_search_path(wervel_lp, _)),
   asserta(user:file_search_path(wervel_lp, Dir)).

:- dynamic collected/1.
:- multifile user:message_hook/3.
user:message_hook(Term, Kind, Lines) :-
    boot_collecting,
    memberchk(Kind, [error, warning]),
    message_text(Term, Lines, Text),
    assertz(collected(Text)),
    fail.

:- dynamic boot_collecting/0.

message_text(Term, Lines, Text) :-
    (   message_location(Term, Where) -> true ; Where = "" ),
    with_output_to(string(Msg), print_message_lines(current_output, '', Lines)),
    split_string(Msg, "\n", " \n", Parts0),
    exclude(==(""), Parts0, Parts),
    atomic_list_concat(Parts, ' ', Flat),
    format(string(Text), "~w~w", [Where, Flat]).

message_location(error(_, file(File, Line, _, _)), Where) :-
    format(string(Where), "~w:~w: ", [File, Line]).

%! boot(+LoadFile:text, -Errors:string) is det.
%
%  Loads LoadFile (kb/load.pl) and the JSON bridge (wervel_lp/prolog/bridge.pl) into `user`; Errors is
%  the text of all errors and warnings printed while loading, one a line
%  ("" when it loaded clean). The kb is compiled with the `optimise` flag
%  (arithmetic compiled inline, as `swipl -O`): the host does not debug it.
boot(LoadFile0, Errors) :-
    atom_string(LoadFile, LoadFile0),
    set_prolog_flag(optimise, true),
    retractall(collected(_)),
    setup_call_cleanup(
        assertz(boot_collecting),
        catch(( load_files(user:LoadFile, [silent(true)]),
                load_files(user:wervel_lp(bridge), [silent(true)]) ),
              E,
              ( message_to_codes_(E, Text), assertz(collected(Text)) )),
        retractall(boot_collecting)),
    findall(T, collected(T), Texts),
    atomic_list_concat(Texts, '\n', Atom),
    atom_string(Atom, Errors).

message_to_codes_(E, Text) :-
    format(string(Text), "~q", [E]).
