"""Batch use: many cases in, one result per case out, streaming.

:func:`recommend_many` serves Python callers. :func:`run_batch` serves
``wervel-lp recommend --batch FILE``. It reads JSON Lines and writes JSON
Lines in input order, in windows, so memory stays constant. Lines end at
newline only (a lone CR is part of its line) and are read as bytes, at most
:data:`~wervel_lp.schema.MAX_CASE_BYTES` each: a line that is too long or
not UTF-8 is a bad line like any other. A bad line is reported on standard
error with its line number; with ``on_error="skip"`` an error record takes
its place in the output, so nothing is dropped silently. ``jobs`` worker
processes share the work, each with its own engine; a worker that dies
(killed, out of memory) stops the batch with :class:`WorkersLost`, naming
the lines that got no output. With ``decisions_only`` each output line
holds the decisions alone, without proofs; with ``compact`` the
result without its proof trees (:meth:`~wervel_lp.Result.to_json`).

Every output line is one JSON object on one line, ``line`` (the input line
number) first, then the result's keys (or ``error``) in sorted order, with
no spaces: a result line and an error line are written alike.
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import json
import multiprocessing
import signal
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import IO, Any, Literal

from .knowledge import knowledge_base
from .result import Result, recommend
from .schema import MAX_CASE_BYTES, ROOT_FIELD, CaseError, case_from_json

WINDOW = 2048
BLOCK = 64
MAX_SKIP = 1 << 28
"""Bytes of an over-long line skipped to reach the next line; beyond, the batch stops reading."""

Line = tuple[int, "str | CaseError"]
"""A numbered input line: its text, or the error that makes it a bad line already."""


class WorkersLost(RuntimeError):
    """A worker process died: the lines from ``first`` on got no output."""

    def __init__(self, first: int, last: int) -> None:
        super().__init__(f"a worker process ended abruptly; lines {first} to {last} "
                         "(and any after them) were not processed")
        self.first = first
        self.last = last


def recommend_many(cases: Iterable[Mapping[str, Any]],
                   errors: Literal["raise", "return"] = "raise") -> Iterator[Result | CaseError]:
    """Recommend for each case in turn, lazily.

    With ``errors="raise"`` a bad case raises :class:`CaseError`; with
    ``errors="return"`` the error takes the case's place in the output.

    Raises:
        CaseError: with ``errors="raise"``, for the first bad case.
        KbError: the kb does not load, or fails on a case.
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

    Raises:
        CaseError: with ``errors="raise"``, for the first bad case.
        KbError: the kb does not load, or fails on a case.
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


def line_result(numbered: Line, compact: bool = False) -> tuple[str, str | None]:
    """One numbered input line to (output JSON line, error message or None)."""
    number, text = numbered
    try:
        result = recommend(_case(text)).to_json(compact=compact)
    except CaseError as e:
        return _error_record(number, e)
    return _record(number, result), None


def block_results(block: list[Line], decisions_only: bool = False,
                  compact: bool = False) -> list[tuple[str, str | None]]:
    """:func:`line_result` for each line of a block (one task for a worker process).

    With ``decisions_only`` the valid cases of the block are decided in one
    call to the kb.
    """
    if not decisions_only:
        return [line_result(numbered, compact) for numbered in block]
    outcomes = _decisions_block([_case_or_error(text) for _, text in block])
    return [_error_record(number, outcome) if isinstance(outcome, CaseError) else (_record(number, outcome), None)
            for (number, _), outcome in zip(block, outcomes, strict=True)]


def _case(text: str | CaseError) -> Any:
    if isinstance(text, CaseError):
        raise text
    return case_from_json(text)


def _case_or_error(text: str | CaseError) -> Any:
    try:
        return _case(text)
    except CaseError as e:
        return e


def _record(number: int, answer: str) -> str:
    """The output line of a kb answer (a JSON object): the answer with the line number first."""
    return f'{{"line":{number},{answer[1:]}'


def _error_record(number: int, e: CaseError) -> tuple[str, str]:
    """The output line of a bad input line, written as :func:`_record` writes a result; and its message."""
    error = json.dumps({"error": {"field": e.field, "message": e.message}}, separators=(",", ":"), sort_keys=True)
    return _record(number, error), f"invalid input: line {number}: {e}"


def read_lines(source: IO[bytes]) -> Iterator[Line]:
    """The numbered non-blank lines of ``source``, split at newline only; bad ones as a CaseError."""
    number = 0
    while chunk := source.readline(MAX_CASE_BYTES + 1):
        number += 1
        if len(chunk) > MAX_CASE_BYTES and not chunk.endswith(b"\n"):
            yield number, CaseError(ROOT_FIELD, f"the line is larger than {MAX_CASE_BYTES:,} bytes")
            skipped = 0
            while chunk and not chunk.endswith(b"\n"):
                if skipped > MAX_SKIP:
                    raise CaseError(ROOT_FIELD, f"line {number} does not end within {MAX_SKIP:,} bytes; "
                                    "the rest of the input is not read")
                chunk = source.readline(1 << 20)
                skipped += len(chunk)
            continue
        try:
            text = chunk.decode("utf-8")
        except UnicodeDecodeError as e:
            yield number, CaseError(ROOT_FIELD, f"the line is not UTF-8 text (byte {e.start + 1})")
            continue
        if text.strip():
            yield number, text


def run_batch(source: IO[bytes], out: IO[str], err: IO[str], *, jobs: int = 1,
              on_error: Literal["skip", "fail"] = "fail", decisions_only: bool = False,
              compact: bool = False) -> int:
    """Stream results for the JSON Lines in ``source`` (bytes); return the number of bad lines.

    Raises :class:`WorkersLost` if a worker process dies.
    """
    lines = read_lines(source)
    progress = _Progress(err)
    bad = 0
    task = functools.partial(block_results, decisions_only=decisions_only, compact=compact)
    pool = (ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                                initializer=_worker_started) if jobs > 1 else None)
    try:
        while window := list(itertools.islice(lines, WINDOW)):
            # Workers get blocks of lines, so that the parent handles a few large messages.
            blocks = [window[i:i + BLOCK] for i in range(0, len(window), BLOCK)]
            results: Iterable[Any] = _submitted(pool, task, blocks) if pool else map(task, blocks)
            for block, outcome in zip(blocks, results, strict=True):
                for text, error in _block_outcome(outcome, block, window):
                    if error is not None:
                        bad += 1
                        print(f"wervel-lp: {' '.join(error.split())}", file=err)
                        if on_error == "fail":
                            return bad
                    out.write(text + "\n")
                progress.tick(len(block))
    finally:
        if pool:
            _stop(pool)
        progress.done()
    return bad


def _submitted(pool: ProcessPoolExecutor, task: Any, blocks: list[list[Line]]) -> list[Future[Any]]:
    """The blocks handed to the workers; a pool already broken loses them all."""
    try:
        return [pool.submit(task, block) for block in blocks]
    except BrokenProcessPool:
        raise WorkersLost(blocks[0][0][0], blocks[-1][-1][0]) from None


def _block_outcome(outcome: Any, block: list[Line], window: list[Line]) -> list[tuple[str, str | None]]:
    """A block's results, waiting for a worker's; a dead worker loses the block and the rest of the window."""
    if not isinstance(outcome, Future):
        results: list[tuple[str, str | None]] = outcome
        return results
    try:
        done: list[tuple[str, str | None]] = outcome.result()
    except BrokenProcessPool:
        raise WorkersLost(block[0][0], window[-1][0]) from None
    return done


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now, by their process ids: a batch that stops waits for none of them."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(10)
    # Let the pool's manager thread see them gone and close its pipe before the interpreter
    # exits: Python 3.11's exit handler would otherwise race it and print a traceback.
    if manager is not None:
        manager.join(10)


def _worker_started() -> None:
    """In a worker: Ctrl-C is the parent's to handle, and the worker ends when the parent does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


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

