"""The SWI-Prolog engine that holds the knowledge base.

This is the only module that touches pyswip. SWI-Prolog is started, the kb
loaded and every query run on one dedicated thread, because pyswip is not
thread-safe: callers on any thread submit work and wait for its answer.

Case data never becomes query text. Each call builds the goal as a term
(``bridge:recommend_json(CaseJSON, Result)``) whose arguments are atoms
holding JSON that Python has validated; the kb reads it with a JSON parser.
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from functools import cache
from pathlib import Path
from typing import Any

KB_ENV = "WERVEL_LP_KB"
"""Environment variable that points to another kb directory (for tests and diffs)."""


class KbError(RuntimeError):
    """The knowledge base did not load clean, or failed on a query."""


def kb_directory() -> Path:
    """Locate the kb: ``$WERVEL_LP_KB``, the installed copy, or the source tree."""
    if os.environ.get(KB_ENV):
        return Path(os.environ[KB_ENV]).resolve()
    here = Path(__file__).resolve().parent
    for candidate in (here / "kb", here.parent / "kb"):
        if (candidate / "load.pl").is_file():
            return candidate
    raise KbError(f"no kb/load.pl next to {here}; set {KB_ENV}")


class _PrologThread(threading.Thread):
    """The one thread on which SWI-Prolog runs; others hand it jobs."""

    def __init__(self) -> None:
        super().__init__(name="wervel-lp-prolog", daemon=True)
        self._jobs: queue.SimpleQueue[tuple[Callable[..., Any], tuple[Any, ...], Future[Any]]] = (
            queue.SimpleQueue())
        self.start()

    def run(self) -> None:
        while True:
            fn, args, future = self._jobs.get()
            try:
                future.set_result(fn(*args))
            except BaseException as e:  # handed to the caller, never lost
                future.set_exception(e)

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn(*args)`` on the Prolog thread and return its result."""
        future: Future[Any] = Future()
        self._jobs.put((fn, args, future))
        return future.result()


class Engine:
    """One SWI-Prolog engine with the kb loaded, driven from a single thread."""

    def __init__(self, kb_dir: Path) -> None:
        """Start SWI-Prolog on its own thread and load the kb from ``kb_dir``."""
        self.kb_dir = kb_dir
        self._thread = _PrologThread()
        self._thread.call(self._boot)

    def _boot(self) -> None:
        from pyswip import Functor, Prolog, Query, Variable  # starts SWI-Prolog on this thread
        from pyswip.core import PL_cleanup

        # Clean up on this thread at exit, before pyswip's own handler tries from another.
        atexit.register(lambda: self._thread.call(PL_cleanup, 0))
        # pyswip is untyped: its classes are kept as Any.
        self._functor: Any = Functor
        self._query: Any = Query
        self._variable: Any = Variable
        load = self.kb_dir / "load.pl"
        if not load.is_file():
            raise KbError(f"{load}: no such file")
        Prolog.consult(str(self.kb_dir / "boot.pl"))
        errors = self._solve("boot", str(load))
        if errors:
            raise KbError("the kb does not load clean:\n" + "\n".join(_text(e) for e in errors))

    def _solve(self, name: str, *args: str) -> Any:
        """Run ``name(Args..., Out)`` once and return Out; runs on the engine thread."""
        out = self._variable()
        goal = self._functor(name, len(args) + 1)(*args, out)
        query = self._query(goal)
        try:
            if not query.nextSolution():
                raise KbError(f"{name}/{len(args) + 1} failed")
            return out.value
        finally:
            query.closeQuery()

    def call_json(self, name: str, *args: str) -> Any:
        """Call bridge predicate ``name`` and return its decoded JSON answer."""
        raw = self._thread.call(self._solve, name, *args)
        answer = json.loads(_text(raw))
        if isinstance(answer, dict) and "error" in answer:
            raise KbError(f"{name}: {answer['error']}")
        return answer


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


@cache
def engine() -> Engine:
    """The process-wide engine, started on first use."""
    return Engine(kb_directory())
