/** <module> JSON text for the bridge

The bridge's own JSON writer. library(http/json) in SWI-Prolog 9.0 leaks a
few hundred bytes per call (measured: 100,000 calls grew the process by
about 70 MB), so the per-call path does not use it. json_text/2 writes the
terms the bridge builds: dicts, lists, numbers, true/false/null, and atoms
or strings as JSON strings (escaped per RFC 8259).
*/
:- module(json_text, [json_text/2, json_ascii/2, join_text/2]).

%  text_join.c beside this file, built by `make`, joins the writer's
%  pieces in C (join_pieces/2); without it join_text/2 is
%  atomics_to_string/2 alone.
load_join_library :-
    prolog_load_context(directory, Dir),
    directory_file_path(Dir, text_join, Lib),
    catch(load_foreign_library(Lib), _, true).
:- load_join_library.

%! join_text(+Pieces:list, -Text:string) is det.
%
%  Text is atomics_to_string(Pieces): the pieces (atoms, strings, numbers)
%  joined. Where text_join.c is loaded, it copies one-byte texts without
%  converting them, several times faster; any other piece is left to
%  atomics_to_string/2.
:- if(current_predicate(join_pieces/2)).
join_text(Pieces, Text) :-
    (   join_pieces(Pieces, Text0)
    ->  Text = Text0
    ;   atomics_to_string(Pieces, Text)
    ).
:- else.
join_text(Pieces, Text) :-
    atomics_to_string(Pieces, Text).
:- endif.

%! json_text(+Term, -Text:string) is det.
%
%  Text is Term as compact JSON.
json_text(Term, Text) :-
    with_output_to(string(Text), write_value(Term)).

%! json_ascii(+Term, -Text:string) is det.
%
%  Text is Term as compact JSON in ASCII: every other character is written
%  as a \\u escape (a surrogate pair beyond U+FFFF). SWI-Prolog joins ASCII
%  strings several times faster than wide ones.
json_ascii(Term, Text) :-
    json_text(Term, Text0),
    string_codes(Text0, Codes0),
    ascii_codes(Codes0, Codes),
    string_codes(Text, Codes).

ascii_codes([], []).
ascii_codes([C|Cs], Out) :-
    (   C < 128
    ->  Out = [C|Out1]
    ;   escape_codes(C, Out, Out1)
    ),
    ascii_codes(Cs, Out1).

escape_codes(C, Codes, Cs) :-
    (   C > 0xFFFF
    ->  H is 0xD800 + ((C - 0x10000) >> 10), L is 0xDC00 + ((C - 0x10000) /\ 0x3FF),
        format(codes(Codes, Cs), "\\u~|~`0t~16r~4+\\u~|~`0t~16r~4+", [H, L])
    ;   format(codes(Codes, Cs), "\\u~|~`0t~16r~4+", [C])
    ).

write_value(D) :- is_dict(D), !,
    dict_pairs(D, _, Pairs),
    put_char('{'), write_members(Pairs), put_char('}').
write_value([]) :- !, write('[]').
write_value(L) :- is_list(L), !,
    put_char('['), write_elements(L), put_char(']').
write_value(N) :- number(N), !, write(N).     % floats in shortest round-trip form
write_value(true) :- !, write(true).
write_value(false) :- !, write(false).
write_value(null) :- !, write(null).
write_value(T) :- write_text(T).

write_members([]).
write_members([K-V|KVs]) :-
    write_text(K), put_char(':'), write_value(V),
    (   KVs == [] -> true ; put_char(','), write_members(KVs) ).

write_elements([X|Xs]) :-
    write_value(X),
    (   Xs == [] -> true ; put_char(','), write_elements(Xs) ).

write_text(T) :-
    put_char('"'),
    (   plain(T) -> write(T) ; forall(sub_atom(T, _, 1, _, C), write_char(C)) ),
    put_char('"').

%  No quote, backslash or control character: written as it is. One C-level
%  split over the characters that need escaping decides it.
%  (NUL cannot be in the separator set, which C reads up to its first NUL.)
plain(T) :-
    escaped_chars(Chars),
    split_string(T, Chars, "", [_]),
    \+ sub_atom(T, _, _, _, '\0\').

:- dynamic escaped_chars/1.
:- initialization(( numlist(1, 31, Codes0), append(Codes0, [0'", 0'\\], Codes),
                    string_codes(S, Codes), assertz(escaped_chars(S)) ), now).

write_char('"') :- !, write('\\"').
write_char('\\') :- !, write('\\\\').
write_char(C) :- char_code(C, X), X < 32, !, format("\\u~|~`0t~16r~4+", [X]).
write_char(C) :- put_char(C).
