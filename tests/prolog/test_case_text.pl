/* Tests of wervel_lp/prolog/case_text.pl: the case text Python sends, decoded. */
:- use_module(library(plunit)).
:- prolog_load_context(directory, Dir),
   directory_file_path(Dir, '../../wervel_lp/prolog/case_text', File),
   use_module(File).

:- begin_tests(case_text).

%  The text of the case Pairs (Field-Value), written as the Python bridge
%  writes it: a character per field in schema order, then the numbers.
encoded(Pairs, Text) :-
    findall(F-T, schema:field(F, T, _), Fields),
    foldl(field_char(Pairs), Fields, Chars, [], Numbers),
    reverse(Numbers, InOrder),
    foldl([N, S0, S]>>format(string(S), "~w|~w", [S0, N]), InOrder, "", Tail),
    atomics_to_string(Chars, Codes),
    string_concat(Codes, Tail, Text).

field_char(Pairs, F-Type, Char, Ns0, Ns) :-
    (   memberchk(F-V, Pairs)
    ->  once(value_char(Type, V, Char, Ns0, Ns))
    ;   Char = '0', Ns = Ns0
    ).

value_char(bool, true, '1', Ns, Ns).
value_char(bool, false, '2', Ns, Ns).
value_char(enum(Vs), V, Char, Ns, Ns) :- nth1(I, Vs, V), C is 0'0 + I, char_code(Char, C).
value_char(number(_), V, '1', Ns, [V|Ns]).
value_char(integer(_), V, '1', Ns, [V|Ns]).

test(findings_of_every_kind, true(Case == Expected)) :-
    Pairs = [back_pain-true, ambulatory-false, tumour_type-hodgkin_lymphoma,
             radicular_pain-bilateral, life_expectancy_months-2.5, deficit_onset_days-3],
    encoded(Pairs, Text),
    case_text:read_case(Text, Case),
    dict_pairs(Expected, case, Pairs).

test(an_unknown_value_is_left_out, true(Case == case{back_pain: true})) :-
    encoded([back_pain-true, tumour_type-unknown], Text),
    case_text:read_case(Text, Case).

test(no_findings, true(Case == case{})) :-
    encoded([], Text),
    case_text:read_case(Text, Case).

test(a_text_too_short_is_refused, error(domain_error(case_text, "0101"))) :-
    case_text:read_case("0101", _).

:- end_tests(case_text).
