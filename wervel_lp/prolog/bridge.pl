/** <module> The JSON bridge between the kb and Python

The only predicates the Python package calls. Every case arrives as one
text built by Python from a case it has already validated against
schema.pl (case_text.pl): it is decoded, never read as Prolog, so no
string a caller sends can run as Prolog. Every answer is one JSON text
(json_text.pl); every error is caught and returned as `{"error": Message}`.
*/
:- module(bridge,
          [ kb_metadata_json/1,      % -JSON
            recommend_json/2,        % +CaseText, -JSON
            next_question_json/4,    % +CaseText, +Unanswerable, +Weights, -JSON
            decisions_json/2,        % +CaseText, -JSON
            decisions_lines_json/2,  % +CaseTexts, -Lines
            why_not_json/4,          % +CaseText, +Topic, +Value, -JSON
            rule_statuses_json/2,    % +CaseText, -JSON
            asp_program_json/1,      % -JSON
            walk_agreement_json/2    % +CaseText, -JSON
          ]).
:- use_module(library(apply)).
:- use_module(library(apply_macros)).   % maplist, foldl, include ... expanded inline: no meta-call per element
:- use_module(library(lists)).
:- use_module(library(pairs)).
:- use_module(library(yall)).
:- use_module(kb(schema)).
:- use_module(case_text).
:- use_module(kb(topics)).
:- use_module(rulebase).
:- use_module(engine).
:- use_module(exact).
:- use_module(inference).
:- use_module(proof_json).
:- use_module(interview).
:- use_module(json_text).
:- use_module(asp_export).
:- use_module(kb(anomalies)).
:- use_module(kb(coverage)).

%  The evaluator and the static JSON parts are compiled as the bridge loads,
%  before callers on several threads can ask for them at once. A kb that
%  cannot compile (a cycle) is reported by validate_kb/0 instead. The
%  decision diagrams are compiled then too, unless $WERVEL_LP_LAZY_DIAGRAMS
%  is set: then the first case that needs them compiles them (under a mutex),
%  which the mutation test (tests/mutation.py) uses, where most mutants are
%  judged on cases that do not need them.
:- initialization(catch(( engine:ensure_evaluator, proof_json:ensure_parts, eager_diagrams ), _, true)).

eager_diagrams :-
    (   getenv('WERVEL_LP_LAZY_DIAGRAMS', _) -> true ; exact:ensure_exact ).

%! kb_metadata_json(-JSON:string) is det.
%
%  JSON describes the kb: schema, contradictions, topics, concepts,
%  sections, rules, priorities, and the problems found when loading it.
kb_metadata_json(JSON) :-
    guarded(kb_metadata, JSON).

%! recommend_json(+CaseText:text, -JSON:string) is det.
%
%  JSON is the result object (decisions, recommendations with their
%  proofs, undetermined, warnings) for the validated case CaseText.
recommend_json(CaseText, JSON) :-
    guarded(result_answer(CaseText), JSON).

result_answer(CaseText, JSON) :-
    read_case(CaseText, Case),
    exact_evaluation(Case, Evaluation),
    interview_json(Case, [], [], Interview),
    result_json(Evaluation, Interview, JSON).

%! next_question_json(+CaseText:text, +Unanswerable:text, +Weights:text, -JSON:string) is det.
%
%  JSON is `{"next_question": Question|null, "trees": {}}`
%  (interview:interview_json/5) for the validated case CaseText, with the
%  fields of Unanswerable (names separated by commas, validated by Python)
%  never asked, under Weights: empty for the uniform measure, else lines
%  `Field<TAB>Value<TAB>Weight` (validated by Python) for bool and enum
%  fields, a field's weights read relative to their sum.
next_question_json(CaseText, Unanswerable, Weights, JSON) :-
    guarded(next_question_answer(CaseText, Unanswerable, Weights), JSON).

next_question_answer(CaseText, UnanswerableText, WeightsText, Answer) :-
    read_case(CaseText, Case),
    split_string(UnanswerableText, ",", "", Names0),
    exclude(==(""), Names0, Names),
    maplist([N, F]>>( atom_string(F, N), field(F, _, _) ), Names, Unanswerable),
    weights_text(WeightsText, Weights),
    interview_json(Case, Unanswerable, Weights, false, Answer).

weights_text(Text, Weights) :-
    split_string(Text, "\n", "", Lines0),
    exclude(==(""), Lines0, Lines),
    maplist([L, F-V-W]>>( split_string(L, "\t", "", [FS, VS, WS]),
                          atom_string(F, FS), atom_string(V, VS), number_string(W, WS) ), Lines, Given),
    cell_weights(Given, Weights).

%! decisions_json(+CaseText:text, -JSON:string) is det.
%
%  JSON is `{"decisions": {Topic: Value}}` for the validated case CaseText,
%  read off the topic diagrams without evaluating the rules
%  (exact:exact_decided/3): the fast path for callers that need the
%  decisions alone.
decisions_json(CaseText, JSON) :-
    guarded(decisions_answer(CaseText), JSON).

decisions_answer(CaseText, JSON) :-
    read_case(CaseText, Case),
    exact_decided(single, Case, Decisions),
    decisions_json_text(Decisions, JSON).

%! decisions_lines_json(+CaseTexts:text, -Lines:string) is det.
%
%  CaseTexts holds validated case texts, one per line; Lines holds, line
%  for line, what decisions_json/2 answers for each. One call for many
%  cases: the call from Python costs about a quarter of deciding a case.
decisions_lines_json(CaseTexts, Lines) :-
    split_string(CaseTexts, "\n", "", Texts),
    maplist(decisions_json, Texts, Answers),
    lines_pieces(Answers, Pieces),
    join_text(Pieces, Lines).

lines_pieces([Line], [Line]) :- !.
lines_pieces([Line|Lines], [Line, "\n"|Pieces]) :-
    lines_pieces(Lines, Pieces).

%! rule_statuses_json(+CaseText:text, -JSON:string) is det.
%
%  JSON is `{"rules": {Id: Status}, "decided": [[Topic, Value]]}`: every
%  rule's status for the case (true, false or null for unknown) and every
%  decided topic value, advice included. No proofs: for bulk comparison.
rule_statuses_json(CaseText, JSON) :-
    guarded(statuses_answer(CaseText), JSON).

%  The three-valued statuses of the case as given (no inferences): what
%  the ASP translation computes for the same case.
statuses_answer(CaseText, JSON) :-
    read_case(CaseText, Case),
    evaluate(Case, Env),
    statuses_json(Env, JSON).

%! why_not_json(+CaseText:text, +Topic:atom, +Value:atom, -JSON:string) is det.
%
%  JSON reports, for each rule that concludes Value on Topic, its full proof
%  and the firing rules that beat it.
why_not_json(CaseText, Topic, Value, JSON) :-
    guarded(why_not_text(CaseText, Topic, Value), JSON).

%  Goal gives a dict for json_text/2, or JSON text already written.
:- meta_predicate guarded(1, -).
guarded(Goal, JSON) :-
    catch(( call(Goal, Answer) -> true ; Answer = _{error: "goal failed"} ),
          E,
          ( message_to_codes(E, Msg), Answer = _{error: Msg} )),
    (   string(Answer) -> JSON = Answer ; json_text(Answer, JSON) ).

message_to_codes(E, Msg) :-
    message_to_codes(E, [], Codes) -> string_codes(Msg, Codes)
    ; format(string(Msg), "~q", [E]).

message_to_codes(E, _, Codes) :-
    '$messages':translate_message(E, Lines, []),
    with_output_to(codes(Codes), print_message_lines(current_output, '', Lines)).

why_not_text(CaseText, Topic0, Value0, JSON) :-
    atom_string(Topic, Topic0),
    atom_string(Value, Value0),
    read_case(CaseText, Case0),
    infer_case(Case0, Case, _),
    why_not(Case, Topic, Value, Report),
    why_not_json_text(Report, JSON).

kb_metadata(_{fields: Fields, contradictions: Contradictions, topics: Topics,
              concepts: Concepts, sections: Sections, rules: Rules,
              priorities: Priorities, strengths: Strengths, problems: Problems,
              requirements: Requirements, acknowledged: Acknowledged,
              not_encoded: NotEncoded, steps: Steps, walks: Walks,
              finding_steps: FindingSteps, field_steps: FieldSteps}) :-
    exact_walks(Walks),
    findall(_{step: S, order: O, label: _{nl: NL, en: EN}}, finding_step(S, O, NL, EN), FindingSteps),
    findall(F-S, field_step(F, S), FSs), dict_pairs(FieldSteps, steps, FSs),
    findall(F, field_json(F), Fields),
    findall(_{id: Id, conditions: CJ, explanation: Ex},
            ( contradiction(Id, Cs, Ex), maplist(condition_json, Cs, CJ) ),
            Contradictions),
    findall(_{topic: T, policy: P, values: Vs, label: _{nl: NL, en: EN}, value_labels: VL},
            ( topic(T, P, Vs), topic_label(T, nl, NL), topic_label(T, en, EN),
              findall(_{value: V, nl: VN, en: VE, urgency: U},
                      ( member(V, Vs), topic_value_label(T, V, nl, VN), topic_value_label(T, V, en, VE),
                        value_urgency(T, V, U) ),
                      VL) ),
            Topics),
    findall(_{concept: C, text: _{nl: NL, en: EN}},
            concept(C, nl(NL), en(EN)), Concepts),
    findall(_{step: S, label: _{nl: NL, en: EN}, reached: RJ, topics: Ts, ends: Es},
            ( step(S, Reached, NL, EN), condition_json(Reached, RJ), findall(T, topic_step(T, S), Ts),
              findall(_{topic: T, values: Vs},
                      ( step_ends(S, T, Vs0), ( Vs0 == all -> topic(T, _, Vs) ; Vs = Vs0 ) ), Es) ),
            Steps),
    findall(_{section: S, title: Title}, section(S, Title), Sections),
    findall(R, rule_json(R), Rules),
    findall(_{id: Id, topic: T, why: Why, beats: Pairs},
            ( priority(Id, T, _, _, Props), memberchk(why(Why), Props),
              findall([W, L], beats(T, W, L, Id), Pairs) ),
            Priorities),
    findall(_{strength: S, wording: W}, rulebase:strength(S, W), Strengths),
    findall(_{id: Id, kind: K, topic: T, why: Why},
            ( requirement(K, Id, T, Props), memberchk(why(Why), Props) ),
            Requirements),
    findall(_{id: Id, kind: K, subject: S, quotes: Qs, explanation: Ex, decision: D},
            ( acknowledged(Id, K, S, Props),
              option_or(quotes(Qs), Props, []),
              option_or(explanation(Ex), Props, ""),
              memberchk(decision(D0), Props),
              format(string(D), "~w", [D0]) ),
            Acknowledged),
    findall(_{start: S, reason: R}, not_encoded(S, R), NotEncoded),
    kb_problems(Ps),
    maplist([P, M]>>message_to_codes(P, M), Ps, Problems).

requirement(obligation, Id, T, Props) :- obligation(Id, T, _, Props).
requirement(incompatible, Id, null, Props) :- incompatible(Id, _, Props).
requirement(safety, Id, null, Props) :- safety(Id, _, Props).

option_or(Opt, Props, _) :- memberchk(Opt, Props), !.
option_or(Opt, _, Default) :- arg(1, Opt, Default).

field_json(_{field: F, type: TJ, meaning: M, label: _{nl: NL, en: EN},
             value_labels: VL, unknown_values: UV}) :-
    field(F, Type, M),
    type_json(Type, TJ),
    field_label(F, nl, NL),
    field_label(F, en, EN),
    findall(_{value: V, nl: VN, en: VE},
            ( value_label(F, V, nl, VN), ( value_label(F, V, en, VE) -> true ; atom_string(V, VE) ) ),
            VL),
    findall(V, unknown_value(F, V), UV).

type_json(bool, _{kind: bool}).
type_json(enum(Vs), _{kind: enum, values: Vs}).
type_json(number(Min), _{kind: number, minimum: Min}).
type_json(integer(Min), _{kind: integer, minimum: Min}).

rule_json(_{id: Id, conclusion: CJ, conditions: Cond, section: S, strength: St,
            quote: Q, text: _{nl: NL, en: EN}, source: Src, module: M}) :-
    rule(Id, Conclusion, Conds, Props),
    conclusion_json(Conclusion, CJ),
    condition_json(Conds, Cond),
    memberchk(section(S), Props),
    memberchk(strength(St), Props),
    memberchk(quote(Q), Props),
    memberchk(nl(NL), Props),
    memberchk(en(EN), Props),
    memberchk(module(M), Props),
    (   memberchk(source(File:Line), Props)
    ->  file_base_name(File, Base), Src = _{file: Base, line: Line}
    ;   Src = null
    ).


%! walk_agreement_json(+CaseText:text, -JSON:string) is det.
%
%  JSON is `{"walks": "c" or "prolog", "disagreements": [...]}`: where the
%  diagrams' walks in C are loaded, every topic diagram on which they answer
%  the validated case CaseText otherwise than the walks in Prolog
%  (exact:walk_agreement/2). A check of the C library against its
%  definition, for the tests.
walk_agreement_json(CaseText, JSON) :-
    guarded(walk_agreement_answer(CaseText), JSON).

walk_agreement_answer(CaseText, _{walks: Walks, disagreements: Ds}) :-
    read_case(CaseText, Case),
    walk_agreement(Case, Disagreements),
    exact_walks(Walks),
    maplist([walk(Key, C, P), _{diagram: K, c: C, prolog: P}]>>format(string(K), "~w", [Key]),
            Disagreements, Ds).

%! asp_program_json(-JSON:string) is det.
%
%  JSON is `{"program": Text}`, the ASP translation of the kb (asp_export.pl).
asp_program_json(JSON) :-
    guarded([_{program: P}]>>asp_program(P), JSON).
