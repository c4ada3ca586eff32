/** <module> Load the kb for an embedding host (Python) and collect errors

pyswip does not raise on consult errors; boot/3 loads load.pl and the
bridge while a message hook collects every error and warning (instead of
printing them), so the host can refuse a kb that does not load clean. The
kb loads whole or not at all: a load that prints to standard output (the
host's JSON channel) is refused too. (A load that does not end is stopped
by the host: SWI-Prolog 9.0 does not deliver the signal of
call_with_time_limit/2 to a directive while it loads.)
*/
:- module(boot, [boot/2]).
:- use_module(library(memfile)).

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
    assertz(collected(Text)).

:- dynamic boot_collecting/0.

%  A message as one line, led by its file:line: its own where it names one
%  (a syntax error, a kb problem), else the place being loaded.
message_text(Term, Lines, Text) :-
    with_output_to(string(Msg), print_message_lines(current_output, '', Lines)),
    split_string(Msg, "\n", " \n", Parts0),
    exclude(==(""), Parts0, Parts),
    atomic_list_concat(Parts, ' ', Flat),
    (   located(Flat) -> Where = ""
    ;   message_location(Term, Where) -> true
    ;   source_location(File, Line) -> format(string(Where), "~w:~w: ", [File, Line])
    ;   Where = ""
    ),
    format(string(Text), "~w~w", [Where, Flat]).

%  Text starts with a location of its own (File:Line:).
located(Text) :-
    sub_atom(Text, Before, _, _, ': '),
    sub_atom(Text, 0, Before, _, Prefix),
    \+ sub_atom(Prefix, _, _, _, ' '),
    atomic_list_concat(Parts, ':', Prefix),
    append([_|_], [Line|Rest], Parts),
    atom_number(Line, _),
    forall(member(R, Rest), atom_number(R, _)),
    !.

%  "Initialization goal failed" only repeats that an error above stopped a directive.
consequence(Text) :-
    sub_string(Text, _, _, 0, "Initialization goal failed").

%  Only a location that is known: an error raised outside a clause being
%  loaded has an unbound context.
message_location(error(_, file(File, Line, _, _)), Where) :-
    ground(File:Line),
    format(string(Where), "~w:~w: ", [File, Line]).

%! boot(+LoadFile:text, -Errors:string) is det.
%
%  Loads LoadFile (kb/load.pl) and the JSON bridge (wervel_lp/prolog/bridge.pl) into `user`;
%  Errors is the text of all errors and warnings raised while
%  loading, one a line ("" when it loaded clean). Output written to standard
%  output while loading (a directive that prints) is an error, and is kept
%  from standard output. The kb is compiled with the `optimise` flag
%  (arithmetic compiled inline, as `swipl -O`): the host does not debug it.
boot(LoadFile0, Errors) :-
    atom_string(LoadFile, LoadFile0),
    set_prolog_flag(optimise, true),
    retractall(collected(_)),
    setup_call_cleanup(
        assertz(boot_collecting),
        catch(load_quietly(LoadFile), E, ( format(string(Text), "~q", [E]), assertz(collected(Text)) )),
        retractall(boot_collecting)),
    findall(T, collected(T), Texts0),
    exclude(consequence, Texts0, Texts1),
    (   Texts1 == [] -> Texts2 = Texts0 ; Texts2 = Texts1 ),
    list_to_set(Texts2, Texts),
    atomic_list_concat(Texts, '\n', Atom),
    atom_string(Atom, Errors).

load_quietly(LoadFile) :-
    printed(( load_files(user:LoadFile, [silent(true)]),
              load_files(user:wervel_lp(bridge), [silent(true)]) ),
            Printed),
    (   Printed == ""
    ->  true
    ;   string_length(Printed, Length),
        Shown is min(Length, 60),
        sub_string(Printed, 0, Shown, _, Start),
        format(string(Text), "~w: loading the kb printed to standard output \c
                              (a directive must not print): ~q", [LoadFile, Start]),
        assertz(collected(Text))
    ).

%  Printed is what Goal wrote to standard output, through current_output or
%  the alias user_output; nothing of it reaches the host's standard output.
:- meta_predicate printed(0, -).
printed(Goal, Printed) :-
    new_memory_file(File),
    stream_property(Out, alias(user_output)),
    current_output(Current),
    setup_call_cleanup(
        ( open_memory_file(File, write, S, [encoding(utf8)]),
          set_stream(S, alias(user_output)), set_output(S) ),
        once(Goal),
        ( set_stream(Out, alias(user_output)), set_output(Current), close(S) )),
    memory_file_to_string(File, Printed),
    free_memory_file(File).

