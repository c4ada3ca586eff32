"""Batch use: many cases in, one result per case out, streaming.

:func:`recommend_many` serves Python callers. :func:`run_batch` serves
``wervel-lp recommend --batch FILE``. It reads JSON Lines and writes JSON
Lines in input order, in windows, so memory stays constant. A bad line is
reported on standard error with its line number; with ``on_error="skip"`` an
error record takes its place in the output, so nothing is dropped silently.
``jobs`` worker processes share the work, each with its own engine. With
``decisions_only`` each output line holds the decisions alone, evaluated
without proofs.
"""

from __future__ import annotations

import functools
import itertools
import json
import multiprocessing
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, Literal

from .knowledge import knowledge_base
from .result import Result, recommend
from .schema import CaseError

WINDOW = 2048
BLOCK = 64


def recommend_many(cases: Iterable[Mapping[str, Any]],
                   errors: Literal["raise", "return"] = "raise") -> Iterator[Result | CaseError]:
    """Recommend for each case in turn, lazily.

    With ``errors="raise"`` a bad case raises :class:`CaseError`; with
    ``errors="return"`` the error takes the case's place in the output.
    """
    for case in cases:
        try:
            yield recommend(case)
        except CaseError as e:
            if errors == "raise":
                raise
            yield e


def decide_many(cases: Iterable[Mapping[str, Any]],
                errors: Literal["raise", "return"] = "raise") -> Iterator[dict[str, str] | CaseError]:
    """:func:`~wervel_lp.decide` for each case in turn, lazily, a block of cases to a kb call.

    With ``errors="raise"`` a bad case raises :class:`CaseError` (after the
    decisions of the cases before it); with ``errors="return"`` the error
    takes the case's place in the output.
    """
    iterator = iter(cases)
    while block := list(itertools.islice(iterator, BLOCK)):
        for outcome in _decisions_block(block):
            if isinstance(outcome, CaseError):
                if errors == "raise":
                    raise outcome
                yield outcome
            else:
                decisions: dict[str, str] = json.loads(outcome)["decisions"]
                yield decisions


def _decisions_block(items: list[Any]) -> list[str | CaseError]:
    """The decisions text of each case in ``items`` (cases, or errors found already), in place.

    The valid cases are decided in one call to the kb; a bad case gives its
    :class:`CaseError`.
    """
    kb = knowledge_base()
    outcomes: list[dict[str, Any] | CaseError] = []
    for item in items:
        try:
            outcomes.append(item if isinstance(item, CaseError) else kb.schema.validate(item))
        except CaseError as e:
            outcomes.append(e)
    answers = iter(kb.decisions_many([o for o in outcomes if not isinstance(o, CaseError)]))
    return [o if isinstance(o, CaseError) else next(answers) for o in outcomes]


def line_result(numbered: tuple[int, str]) -> tuple[str, str | None]:
    """One numbered input line to (output JSON line, error message or None)."""
    number, text = numbered
    try:
        result = recommend(_case(text)).to_json()
    except CaseError as e:
        return _error_record(number, e)
    return _record(number, result), None


def block_results(block: list[tuple[int, str]], decisions_only: bool = False) -> list[tuple[str, str | None]]:
    """:func:`line_result` for each line of a block (one task for a worker process).

    With ``decisions_only`` the valid cases of the block are decided in one
    call to the kb.
    """
    if not decisions_only:
        return [line_result(numbered) for numbered in block]
    outcomes = _decisions_block([_case_or_error(text) for _, text in block])
    return [_error_record(number, outcome) if isinstance(outcome, CaseError) else (_record(number, outcome), None)
            for (number, _), outcome in zip(block, outcomes, strict=True)]


def _case(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise CaseError("$", f"not valid JSON: {e.msg}") from None


def _case_or_error(text: str) -> Any:
    try:
        return _case(text)
    except CaseError as e:
        return e


def _record(number: int, answer: str) -> str:
    """The output line of a kb answer (a JSON object): the answer with the line number first."""
    return f'{{"line":{number},{answer[1:]}'


def _error_record(number: int, e: CaseError) -> tuple[str, str]:
    record = {"line": number, "error": {"field": e.field, "message": e.message}}
    return json.dumps(record, ensure_ascii=False, sort_keys=True), f"line {number}: {e}"


def run_batch(source: IO[str], out: IO[str], err: IO[str], *, jobs: int = 1,
              on_error: Literal["skip", "fail"] = "fail", decisions_only: bool = False) -> int:
    """Stream results for the JSON Lines in ``source``; return the number of bad lines."""
    lines = ((n, text) for n, text in enumerate(source, start=1) if text.strip())
    progress = _Progress(err)
    bad = 0
    pool = multiprocessing.get_context("spawn").Pool(jobs) if jobs > 1 else None
    try:
        while window := list(itertools.islice(lines, WINDOW)):
            # Workers get blocks of lines, so that the parent handles a few large messages.
            blocks = [window[i:i + BLOCK] for i in range(0, len(window), BLOCK)]
            task = functools.partial(block_results, decisions_only=decisions_only)
            results = pool.imap(task, blocks) if pool else map(task, blocks)
            for block in results:
                for text, error in block:
                    if error is not None:
                        bad += 1
                        print(f"wervel-lp: {' '.join(error.split())}", file=err)
                        if on_error == "fail":
                            return bad
                    out.write(text + "\n")
                progress.tick(len(block))
    finally:
        if pool:
            pool.terminate()
        progress.done()
    return bad


class _Progress:
    """A one-line progress report on a terminal; silent otherwise."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.active = stream.isatty()
        self.count = 0
        self.start = self.last = time.monotonic()

    def tick(self, n: int = 1) -> None:
        self.count += n
        now = time.monotonic()
        if self.active and now - self.last > 0.5:
            self.last = now
            rate = self.count / (now - self.start)
            self.stream.write(f"\r{self.count} cases, {rate:.0f}/s")
            self.stream.flush()

    def done(self) -> None:
        if self.active and self.count:
            self.stream.write(f"\r{self.count} cases in {time.monotonic() - self.start:.1f} s\n")

