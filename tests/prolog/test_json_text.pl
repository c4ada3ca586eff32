/* plunit tests of the bridge's JSON writer: every JSON value kind and every
   character that must be escaped (RFC 8259). */
:- use_module(library(plunit)).
:- use_module("../../wervel_lp/prolog/json_text").

:- begin_tests(json_text).

test(values, [forall(member(Term-Expected, [
        _{a: 1, b: 2.5, c: true, d: false, e: null} - "{\"a\":1,\"b\":2.5,\"c\":true,\"d\":false,\"e\":null}",
        [] - "[]",
        [x, "y", [1]] - "[\"x\",\"y\",[1]]",
        _{} - "{}",
        '8gy_single_fraction' - "\"8gy_single_fraction\"",
        'patiënt' - "\"patiënt\""
    ])), true(Text == Expected)]) :-
    json_text:json_text(Term, Text).

test(escapes, [forall(member(Codes-Expected, [
        [0'a, 0'", 0'b] - "\"a\\\"b\"",
        [0'a, 0'\\, 0'b] - "\"a\\\\b\"",
        [0'a, 10, 0'b] - "\"a\\u000ab\"",
        [0'a, 9, 0'b] - "\"a\\u0009b\"",
        [0'a, 0, 0'b] - "\"a\\u0000b\"",
        [0'a, 31, 0'b] - "\"a\\u001fb\""
    ])), true(Text == Expected)]) :-
    atom_codes(A, Codes),
    json_text:json_text(A, Text).

:- end_tests(json_text).
