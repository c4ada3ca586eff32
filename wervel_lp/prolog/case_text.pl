/** <module> The case as the Python bridge sends it

Python sends a case it has validated against schema.pl as one text: one
character per field, in the order of field/3, then the values of the
known number fields:

  - `0`: the field is unknown;
  - a bool field: `1` true, `2` false;
  - an enum field: `1` for its first value, `2` for its second, and so on;
  - a number field: `1`, and its value follows the field characters, after
    a `|`, in the order of the fields.

For example `0102...|3.5` says: the first field unknown, the second true,
the third unknown, the fourth false (or an enum's second value), ..., and
the one known number field holds 3.5. The text is decoded character by
character, never read as Prolog, so no string a caller sends can run as
Prolog. read_case/2 is one clause, written from schema.pl as this module
compiles: a field is one string_code/3, not a split and a lookup.
*/
:- module(case_text,
          [ read_case/2              % +Text, -Case
          ]).
:- use_module(library(apply)).
:- use_module(library(error)).
:- use_module(kb(schema)).

%! read_case(+Text:string, -Case:dict) is det.
%
%  Case is the dict of known findings (as engine:case_from_pairs/2 makes)
%  that Text encodes. Findings that mean "not known" (unknown_value/2) are
%  left out. Raises a domain error for a text that is not a case.
read_case(Text, Case) :-
    (   read_case_(Text, Case0)
    ->  Case = Case0
    ;   domain_error(case_text, Text)
    ).

term_expansion(read_case_clause, (read_case_(Text, Case) :- Body)) :-
    findall(F-Type, field(F, Type, _), Fields),
    length(Fields, N),
    foldl(field_goal(Text), Fields, Goals, 1-Pairs-Numbers, _-[]-[]),
    goals_conj([ string_length(Text, Length), Length >= N,
                 split_string(Text, "|", "", [_|Numbers]) | Goals ], Conj),
    Body = (Conj, dict_pairs(Case, case, Pairs)).

%  The goal that reads field F at position I: it adds F-Value to the pairs
%  (a difference list) unless F is unknown, taking a number from Numbers.
field_goal(Text, F-Type, Goal, I-P0-N0, I1-P1-N1) :-
    I1 is I + 1,
    field_goal(Type, F, C, P0, P1, N0, N1, Decode),
    Goal = ( string_code(I, Text, C), Decode ).

field_goal(bool, F, C, P0, P1, N, N,
           ( C == 0'1 -> P0 = [F-true|P1] ; C == 0'2 -> P0 = [F-false|P1] ; P0 = P1 )).
field_goal(enum(Vs), F, C, P0, P1, N, N,
           ( C == 0'0 -> P0 = P1 ; K is C - 0'0, arg(K, Values, V), Known ))  :-
    length(Vs, NV),
    must_be(between(1, 70), NV),            % the characters stay below `|`
    Values =.. [values|Vs],
    (   unknown_value(F, _)
    ->  Known = ( unknown_value(F, V) -> P0 = P1 ; P0 = [F-V|P1] )
    ;   Known = ( P0 = [F-V|P1] )
    ).
field_goal(number(_), F, C, P0, P1, N0, N1, Decode) :-
    number_goal(F, C, P0, P1, N0, N1, Decode).
field_goal(integer(_), F, C, P0, P1, N0, N1, Decode) :-
    number_goal(F, C, P0, P1, N0, N1, Decode).

number_goal(F, C, P0, P1, N0, N1,
            ( C == 0'0 -> P0 = P1, N0 = N1 ; N0 = [S|N1], number_string(V, S), P0 = [F-V|P1] )).

goals_conj([G], G) :- !.
goals_conj([G|Gs], (G, Conj)) :- goals_conj(Gs, Conj).

read_case_clause.
