"""The guided interview on a terminal: ``wervel-lp interview [CASE.json]``.

One question at a time (contract section 1, "The next question"): the field to ask now,
its allowed values, and what each answer would decide. ``?`` answers "not known" (the
field is not asked again); end of input (Ctrl-D) stops and keeps the answers given. Each
decision is printed as it settles; the case is returned (and the CLI writes it).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .knowledge import KnowledgeBase, knowledge_base
from .labels import decision_label, field_label, topic_label, value_label
from .render import answer_label, question_lines
from .result import decide, next_question
from .schema import CaseError

NOT_KNOWN = "?"
"""The answer that means "not known": the field is not asked again."""

PROMPT = {"nl": "antwoord", "en": "answer"}
WORDS = {
    "nl": {"options": "mogelijke antwoorden", "not_known": "niet bekend", "number": "een getal ≥ {min}",
           "decided": "besloten", "done": "Geen vraag meer die een open beslissing kan veranderen.",
           "stopped": "Gestopt; de antwoorden tot nu toe zijn bewaard.", "again": "niet begrepen: {error}",
           "known_now": "Al besloten"},
    "en": {"options": "allowed answers", "not_known": "not known", "number": "a number ≥ {min}",
           "decided": "decided", "done": "No question left that can change an open decision.",
           "stopped": "Stopped; the answers so far are kept.", "again": "not understood: {error}",
           "known_now": "Decided already"},
}
YES = {"ja", "j", "yes", "y", "true", "1"}
NO = {"nee", "n", "no", "false", "0"}


@dataclass
class Interview:
    """The state of an interview: the findings known so far and the fields the user could not answer."""

    case: dict[str, Any]
    unanswerable: list[str] = field(default_factory=list)


def run_interview(case: Mapping[str, Any], lang: str, read: Callable[[str], str],
                  write: Callable[[str], None]) -> Interview:
    """Ask the next question until none is left or input ends; return the answers.

    ``read(prompt)`` returns a line and raises ``EOFError`` at the end of input;
    ``write(text)`` shows a line.
    """
    kb = knowledge_base()
    state = Interview(dict(kb.schema.validate(case)))
    decided = decide(state.case)
    if decided:
        write(f"{WORDS[lang]['known_now']}:")
        for topic, value in decided.items():
            write(f"  {topic_label(kb, topic, lang)}: {decision_label(kb, topic, value, lang)}")
    while (question := next_question(state.case, state.unanswerable)) is not None:
        write("")
        for line in question_lines(question, kb, lang):
            write(line)
        write(f"  ({WORDS[lang]['options']}: {_options(kb, question.field, lang)})")
        try:
            value = _ask(kb, state, question.field, lang, read, write)
        except EOFError:
            write("")
            write(WORDS[lang]["stopped"])
            return state
        if value is NOT_KNOWN:
            state.unanswerable.append(question.field)
            continue
        state.case[question.field] = value
        now = decide(state.case)
        for topic, settled in now.items():
            if decided.get(topic) != settled:
                write(f"  -> {WORDS[lang]['decided']}: {topic_label(kb, topic, lang)}: "
                      f"{decision_label(kb, topic, settled, lang)}")
        decided = now
    write("")
    write(WORDS[lang]["done"])
    return state


def _ask(kb: KnowledgeBase, state: Interview, name: str, lang: str,
         read: Callable[[str], str], write: Callable[[str], None]) -> Any:
    """Read answers until one is valid for the case: a value of ``name``, or NOT_KNOWN."""
    while True:
        text = read(f"{PROMPT[lang]}> ").strip()
        if text == NOT_KNOWN:
            return NOT_KNOWN
        try:
            value = parse_answer(kb, name, text, lang)
            kb.schema.validate({**state.case, name: value})  # the whole case: contradictions too
            return value
        except CaseError as e:
            write("  " + WORDS[lang]["again"].format(error=str(e)))


def parse_answer(kb: KnowledgeBase, name: str, text: str, lang: str) -> Any:
    """The value of field ``name`` that ``text`` gives; :class:`CaseError` on ``name`` if none.

    ja/nee (yes/no), an enum value (its name, label or number in the list shown), or a number.
    """
    spec = kb.schema.fields[name]
    word = text.lower()
    if spec.kind == "bool":
        if word in YES or word == value_label(kb, name, True, lang).lower():
            return True
        if word in NO or word == value_label(kb, name, False, lang).lower():
            return False
        raise CaseError(name, "expected ja/nee (yes/no) or ?")
    if spec.kind == "enum":
        values = _enum_values(kb, name)
        if word.isdigit() and 1 <= int(word) <= len(values):
            return values[int(word) - 1]
        for v in values:
            if word in (v, value_label(kb, name, v, lang).lower()):
                return v
        raise CaseError(name, f"expected a number 1-{len(values)}, a value of {name}, or ?")
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        raise CaseError(name, "expected a number or ?") from None
    if not math.isfinite(number):
        raise CaseError(name, "expected a finite number or ?")
    return int(number) if spec.kind == "integer" and number.is_integer() else number


def _enum_values(kb: KnowledgeBase, name: str) -> tuple[str, ...]:
    spec = kb.schema.fields[name]
    return tuple(v for v in spec.values if v not in spec.unknown_values)


def _options(kb: KnowledgeBase, name: str, lang: str) -> str:
    """The allowed answers of ``name`` as shown: ja/nee, numbered enum values, or a number; and ``?``."""
    spec = kb.schema.fields[name]
    if spec.kind == "bool":
        shown = f"{answer_label(kb, name, True, lang)}/{answer_label(kb, name, False, lang)}"
    elif spec.kind == "enum":
        shown = ", ".join(f"{i} {value_label(kb, name, v, lang)}" for i, v in enumerate(_enum_values(kb, name), 1))
    else:
        shown = WORDS[lang]["number"].format(min=spec.minimum) + f" ({field_label(kb, name, lang)})"
    return f"{shown}; {NOT_KNOWN} = {WORDS[lang]['not_known']}"
