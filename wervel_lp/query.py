"""Knowledge engineers' Prolog queries, run in a process of their own.

``wervel-lp query`` and :meth:`KnowledgeBase.query` never run a goal in a
process that serves recommendations. Each run starts ``swipl`` on
``wervel_lp/prolog/query_runner.pl``, which loads the kb and then, under OS
limits set from here (CPU seconds, address space, no file can be opened or
written), answers the goals. A goal may only call the kb's documented query
predicates and pure built-ins (the runner checks it before it runs), is at
most :data:`MAX_GOAL_CHARS` characters and :data:`MAX_NESTING` brackets deep,
and gets ``seconds`` of time. Every failure is a :class:`CaseError` naming
the field ``goal``, in one line.
"""

from __future__ import annotations

import json
import math
import resource
import subprocess
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .engine import PROLOG_DIR, KbError, load_timeout
from .schema import CaseError

MAX_GOAL_CHARS = 10_000
"""The longest goal text accepted."""
MAX_NESTING = 100
"""The deepest nesting of brackets in a goal text."""
MAX_SOLUTIONS = 10_000
"""The most solutions a query may ask for."""
MEMORY_MARGIN = 1 << 30
"""Address space a query may add to the runner's, in bytes."""

_SIGNALS = {9: "it was killed", 24: "it used up its CPU time", 25: "it tried to write a file",
            11: "it crashed (segmentation fault)", 6: "it aborted"}


def run_queries(kb_dir: Path, goals: Sequence[str], seconds: float = 5.0,
                max_solutions: int = 100) -> list[dict[str, Any]]:
    """The answers to ``goals`` on the kb in ``kb_dir``, each ``{solutions, truncated, output}``.

    Raises :class:`CaseError` (field ``goal``) for the first goal that is
    refused, does not parse, raises an error or runs over its time, and
    :class:`~wervel_lp.engine.KbError` if the kb does not load.
    """
    if not (isinstance(seconds, (int, float)) and math.isfinite(seconds) and 0 < seconds <= 3600):
        raise CaseError("timeout", "expected a number of seconds > 0 and <= 3600")
    if not (isinstance(max_solutions, int) and 0 < max_solutions <= MAX_SOLUTIONS):
        raise CaseError("max", f"expected a whole number from 1 to {MAX_SOLUTIONS}")
    for goal in goals:
        check_goal_text(goal)
    answers = _Runner(kb_dir, seconds, max_solutions).answers(goals)
    for answer in answers:
        if "error" in answer:
            raise CaseError("goal", " ".join(str(answer["error"]).split()))
    return answers


def check_goal_text(goal: object) -> None:
    """Refuse a goal text that is not text, too long, holds control characters or nests too deep."""
    if not isinstance(goal, str):
        raise CaseError("goal", f"expected text, got {type(goal).__name__}")
    if len(goal) > MAX_GOAL_CHARS:
        raise CaseError("goal", f"longer than {MAX_GOAL_CHARS:,} characters")
    if any((ord(c) < 32 and c not in "\t\n\r") or 0xD800 <= ord(c) <= 0xDFFF for c in goal):
        raise CaseError("goal", "holds a control character or a lone surrogate")
    depth = 0
    for c in goal:
        if c in "([{":
            depth += 1
            if depth > MAX_NESTING:
                raise CaseError("goal", f"nested more than {MAX_NESTING} brackets deep")
        elif c in ")]}":
            depth -= 1


class _Runner:
    """One ``swipl`` process of query_runner.pl, for one list of goals."""

    def __init__(self, kb_dir: Path, seconds: float, max_solutions: int) -> None:
        self.load = (kb_dir / "load.pl").resolve()
        self.seconds = seconds
        self.max_solutions = max_solutions

    def answers(self, goals: Sequence[str]) -> list[dict[str, Any]]:
        if not self.load.is_file():
            raise KbError(f"{self.load}: no such file")
        command = ["swipl", "--no-tty", "--no-signals", "-q", "--stack-limit=512m",
                   "-g", "query_runner:main", "-t", "halt(1)", str(PROLOG_DIR / "query_runner.pl"), "--",
                   str(self.load), repr(float(self.seconds)), str(self.max_solutions)]
        # A session of its own: a Ctrl-C at the terminal reaches this process, which ends the runner.
        with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, cwd="/", start_new_session=True) as proc:
            try:
                return self._talk(proc, goals)
            finally:
                if proc.poll() is None:
                    proc.kill()

    def _talk(self, proc: subprocess.Popen[bytes], goals: Sequence[str]) -> list[dict[str, Any]]:
        assert proc.stdin is not None and proc.stdout is not None
        waited = load_timeout()
        watchdog = threading.Timer(waited, proc.kill)
        watchdog.start()
        try:
            ready = proc.stdout.readline().decode("utf-8", "replace")
        finally:
            watchdog.cancel()
        if not ready.startswith("ready "):
            self._load_failed(proc, ready, waited)
        cpu = math.ceil(float(ready.split()[1]) + len(goals) * self.seconds) + 2
        _limit(proc.pid, cpu)
        request = "".join(f"{len(goal)}\n{goal}" for goal in goals).encode("utf-8")
        wall = len(goals) * (self.seconds + 2) + 10
        try:
            out, _ = proc.communicate(request, timeout=wall)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise CaseError("goal", f"the query did not finish within {wall:g} s") from None
        lines = out.decode("utf-8", "replace").splitlines()
        answers: list[dict[str, Any]] = []
        for line in lines[:len(goals)]:
            try:
                answers.append(json.loads(line))
            except json.JSONDecodeError:
                break
        if len(answers) < len(goals):
            raise CaseError("goal", f"the query process stopped: {_ending(proc.returncode)}")
        return answers

    def _load_failed(self, proc: subprocess.Popen[bytes], first: str, waited: float) -> None:
        try:
            error = json.loads(first)["error"]
        except (json.JSONDecodeError, KeyError, TypeError):
            proc.kill()
            proc.wait()
            if proc.returncode == -9:
                raise KbError(f"the kb did not load within {waited:g} s") from None
            raise KbError(f"the query process could not load the kb: {_ending(proc.returncode)}") from None
        raise KbError("the kb does not load clean: " + " ".join(str(error).split()))


def _limit(pid: int, cpu_seconds: int) -> None:
    """Apply the OS limits to the runner, whose kb has loaded and which has read nothing yet."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        size_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    open_fds = {int(fd.name) for fd in Path(f"/proc/{pid}/fd").iterdir()}
    first_free = next(fd for fd in range(len(open_fds) + 1) if fd not in open_fds)
    for which, value in ((resource.RLIMIT_CPU, cpu_seconds),
                         (resource.RLIMIT_AS, size_kb * 1024 + MEMORY_MARGIN),
                         (resource.RLIMIT_FSIZE, 0),
                         (resource.RLIMIT_CORE, 0),
                         # No new file descriptor: no file, socket or pipe can be opened.
                         (resource.RLIMIT_NOFILE, first_free)):
        # CPU: SIGXCPU at the soft limit (SIGKILL at the hard one, a second later).
        resource.prlimit(pid, which, (value, value + 1 if which == resource.RLIMIT_CPU else value))


def _ending(returncode: int | None) -> str:
    if returncode is not None and returncode < 0:
        return _SIGNALS.get(-returncode, f"it ended with signal {-returncode}")
    return f"it ended with status {returncode}"
