/* plunit tests of the join of the JSON writer's pieces (json_text:join_text/2, in C in
   wervel_lp/prolog/text_join.c where make has built it): it gives what atomics_to_string/2
   gives, for every kind of piece, and its errors where that refuses a list. */
:- use_module(library(plunit)).
:- use_module("../../wervel_lp/prolog/json_text").

:- begin_tests(text_join).

test(loaded, [condition(exists_source(library(shlib))), true(Loaded == true)]) :-
    module_property(json_text, file(File)),
    file_directory_name(File, Dir),
    directory_file_path(Dir, 'text_join.so', Lib),
    (   exists_file(Lib)
    ->  ( current_predicate(json_text:join_pieces/2) -> Loaded = true ; Loaded = false )
    ;   Loaded = true                   % not built: atomics_to_string/2 alone
    ).

test(as_atomics_to_string, [forall(member(Pieces, [
        [],
        ['{"a":', 1, ',"b":', "two", '}'],
        [abc, "", '', "d"],
        [2.75, -0.0, 1.0e10, 1.0e-5, 0.1, 123456789012345678901234567890, -7],
        ['caf\u00e9', "na\u00efef"],            % one byte (ISO Latin 1), not ASCII
        ['\u20ac', "x"],                        % a wide atom: left to atomics_to_string/2
        ["\u20ac", y],                          % a wide string
        [a, 'b\u0000c', "d\u0000e"],            % NUL inside
        ['[]', '{}']
    ])), true(Text == Expected)]) :-
    atomics_to_string(Pieces, Expected),
    join_text(Pieces, Text).

test(long, true(Text == Expected)) :-
    length(L, 3000), maplist(=('0123456789abcdef0123456789abcdef'), L),   % past the first buffer
    atomics_to_string(L, Expected),
    join_text(L, Text).

test(refused_alike, [forall(member(Bad, [[f(x)], [a|_], [a|b], foo, [_], [[]], [a, []]])), true(E1 =@= E2)]) :-
    catch(atomics_to_string(Bad, _), error(E1, _), true),
    catch(join_text(Bad, _), error(E2, _), true),
    nonvar(E1).

:- end_tests(text_join).
