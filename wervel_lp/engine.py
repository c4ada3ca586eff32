"""The SWI-Prolog engine that holds the knowledge base.

This is the only module that touches pyswip. SWI-Prolog is started and the
kb loaded on a dedicated boot thread. Each Python thread that calls the kb
then gets a Prolog engine of its own (SWI-Prolog is multi-threaded; the kb
is shared, read-only code), so a call runs on the caller's thread, without
a hand-over, and calls on several threads run in parallel: ctypes releases
the GIL while Prolog works. pyswip's own query layer, which is not
thread-safe, is not used.

Case data never becomes query text. Each call is a fixed bridge predicate
(``recommend_json(CaseText, Result)``) called through SWI-Prolog's C
interface; its arguments are Prolog strings: for a case, the text of a case
Python has validated (wervel_lp/prolog/case_text.pl), which the kb decodes, never reads
as Prolog. The answer is one JSON text.
"""

from __future__ import annotations

import atexit
import ctypes
import functools
import hashlib
import json
import os
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

KB_ENV = "WERVEL_LP_KB"
"""Environment variable that points to another kb directory (for tests and diffs)."""

PROLOG_DIR = Path(__file__).resolve().parent / "prolog"
"""The engine's Prolog modules (rule store, evaluator, bridge), shipped with the package.

Every kb is judged by this engine: the kb's load.pl finds it through the search path ``wervel_lp``.
"""


FORK_WAIT = 5.0
"""Seconds a fork waits for the calls inside Prolog to finish (see Engine._before_fork)."""


LOAD_TIMEOUT_ENV = "WERVEL_LP_LOAD_TIMEOUT"
"""Environment variable: seconds the kb may take to load (default 120); a load that takes longer fails."""


def load_timeout() -> float:
    """The seconds the kb may take to load: ``$WERVEL_LP_LOAD_TIMEOUT``, or 120."""
    try:
        return float(os.environ.get(LOAD_TIMEOUT_ENV) or 120)
    except ValueError:
        raise KbError(f"{LOAD_TIMEOUT_ENV} must be a number of seconds") from None


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


def kb_stamp(kb_dir: Path) -> str:
    """A digest of the kb's Prolog files (names and contents): two kbs with the same stamp decide alike."""
    digest = hashlib.sha256()
    for path in sorted(kb_dir.glob("*.pl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class _PrologThread(threading.Thread):
    """The thread that starts and stops SWI-Prolog, and runs calls no other engine can take."""

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

    def call(self, fn: Callable[..., Any], *args: Any, timeout: float | None = None) -> Any:
        """Run ``fn(*args)`` on this thread and return its result (TimeoutError after ``timeout`` s)."""
        future: Future[Any] = Future()
        self._jobs.put((fn, args, future))
        return future.result(timeout)


class Engine:
    """SWI-Prolog with the kb loaded; every Python thread calls it on a Prolog engine of its own."""

    def __init__(self, kb_dir: Path) -> None:
        """Start SWI-Prolog on its own thread and load the kb from ``kb_dir``."""
        self.kb_dir = kb_dir
        self._thread = _PrologThread()
        self._local = threading.local()
        self._stopping = threading.Event()
        # Calls pass a gate that a fork closes until no call is inside Prolog (_before_fork).
        self._gate = threading.Condition()
        self._inside = 0
        self._forking = False
        self._fork_inside = 0
        self._forked_unsafe: str | None = None
        self._in_child = False
        self._owns_prolog = False
        seconds = load_timeout()
        try:
            self._thread.call(self._boot, timeout=seconds)
        except TimeoutError:
            # The boot thread stays inside Prolog; nothing may wait for it at exit,
            # nor try to stop Prolog (pyswip's handler would warn that it cannot).
            self._stopping.set()
            if hasattr(self, "_swi"):
                atexit.unregister(self._swi.cleanupProlog)
            raise KbError(f"the kb did not load within {seconds:g} s (a directive that does not end?); "
                          f"a slow machine may set {LOAD_TIMEOUT_ENV}") from None
        os.register_at_fork(before=self._before_fork, after_in_parent=self._after_fork_in_parent,
                            after_in_child=self._after_fork_in_child)

    def _run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn(*args)`` on a Prolog engine of the calling thread.

        A thread gets its engine on its first call (PL_thread_attach_engine)
        and gives it back when it ends. Where no engine can be attached, the
        call is handed to the boot thread instead. Once the interpreter exits
        and Prolog stops, a (daemon) thread still calling waits to be ended
        with the process instead of failing.
        """
        if self._forked_unsafe is not None:
            raise KbError(self._forked_unsafe)
        with self._gate:
            while self._forking:
                self._gate.wait()
            self._inside += 1
        try:
            if self._stopping.is_set():
                threading.Event().wait()
            if not getattr(self._local, "attached", None):
                self._local.attached = _AttachedEngine.attach(self._swi)
            if self._local.attached.ok:
                return fn(*args)
            return self._thread.call(fn, *args)
        except KbError:
            if self._stopping.is_set():
                threading.Event().wait()
            raise
        finally:
            with self._gate:
                self._inside -= 1
                if not self._inside:
                    self._gate.notify_all()

    def _before_fork(self) -> None:
        """Close the gate and let the calls inside Prolog finish, so that a child gets a quiet Prolog.

        A thread inside Prolog at the fork may hold Prolog's locks, which the
        child would inherit held. Calls take milliseconds; if one has not
        finished after FORK_WAIT seconds, the child refuses every call with a
        clear error instead.
        """
        with self._gate:
            self._forking = True
            self._gate.wait_for(lambda: not self._inside, timeout=FORK_WAIT)
            self._fork_inside = self._inside

    def _after_fork_in_parent(self) -> None:
        with self._gate:
            self._forking = False
            self._gate.notify_all()

    def _after_fork_in_child(self) -> None:
        # Only the forking thread lives on: the gate's lock and the boot thread are the parent's.
        self._gate = threading.Condition()
        self._forking = False
        self._inside = 0
        self._in_child = True
        self._thread = _PrologThread()
        if self._fork_inside:
            self._forked_unsafe = (
                f"this process was forked while {self._fork_inside} call(s) of other threads were inside "
                "Prolog; its copy of the kb cannot be used (fork between calls, or use 'spawn')")

    def _boot(self) -> None:
        import pyswip.core as swi  # importing pyswip starts SWI-Prolog, here on this thread

        self._swi = swi
        _declare_text_functions(swi)
        # A caller that imported pyswip first started SWI-Prolog on its own thread; then
        # this thread borrows an engine for the boot, and stopping Prolog is pyswip's.
        self._owns_prolog = swi._lib.PL_thread_self() != -1
        boot_engine = (_AttachedEngine(swi, ok=True, owned=False) if self._owns_prolog
                       else _AttachedEngine.attach(swi))
        self._local.attached = boot_engine
        atexit.register(self._cleanup)
        try:
            self._load_kb()
        finally:
            if not self._owns_prolog:
                boot_engine.detach()

    def _load_kb(self) -> None:
        """Load the engine's boot module and the kb; raise KbError with every load problem."""
        self._predicates: dict[tuple[str, int], Any] = {}
        load = self.kb_dir / "load.pl"
        if not load.is_file():
            raise KbError(f"{load}: no such file")
        self._solve("user:consult", str(PROLOG_DIR / "boot.pl"), arity=1)
        errors = self._solve("boot", str(load))
        if errors:
            raise KbError("the kb does not load clean:\n" + errors)

    def _cleanup(self) -> None:
        """At exit: give back the exiting thread's engine, then stop Prolog from its own thread.

        This runs before pyswip's own handler, which would try from another thread.
        """
        if self._stopping.is_set():
            return  # the boot never ended: its thread is still inside Prolog
        self._stopping.set()
        attached = getattr(self._local, "attached", None)
        if attached is not None:
            attached.detach()
        if not self._owns_prolog:
            return  # pyswip started Prolog: its own handler stops it
        # The process is ending: its memory need not be reclaimed, so engines of
        # threads that are still ending (or, in a forked child, gone) do not make
        # PL_cleanup complain. A child has no boot thread: it stops Prolog itself.
        if self._in_child:
            self._swi.PL_cleanup(_PL_CLEANUP_NO_RECLAIM_MEMORY)
        else:
            self._thread.call(self._swi.PL_cleanup, _PL_CLEANUP_NO_RECLAIM_MEMORY)

    def _solve(self, name: str, *args: str, arity: int | None = None) -> str:
        """Call ``name(Args..., Out)`` once, Out a text; on a thread with a Prolog engine.

        Built on SWI-Prolog's C interface directly (through pyswip's library
        handle): the arguments are put as UTF-8 strings into term references of
        a foreign frame, which is discarded afterwards. pyswip's Functor/Query
        layer is not used: it leaks about 0.5 KB per call.
        """
        swi = self._swi
        lib = swi._lib
        with_out = arity is None
        n: int = len(args) + 1 if arity is None else arity
        predicate = self._predicates.get((name, n))
        if predicate is None:
            module, _, plain = name.rpartition(":")
            predicate = self._predicates[(name, n)] = lib.PL_predicate(plain.encode(), n,
                                                                       (module or "user").encode())
        frame = lib.PL_open_foreign_frame()
        try:
            t0 = lib.PL_new_term_refs(n)
            for i, arg in enumerate(args):
                data = arg.encode("utf-8")
                lib.PL_put_chars(t0 + i, _PL_STRING | _REP_UTF8, len(data), data)
            if not lib.PL_call_predicate(None, _PL_Q_NODEBUG | _PL_Q_CATCH_EXCEPTION, predicate, t0):
                raise KbError(f"{name}/{n} failed")
            return _get_text(swi, t0 + n - 1) if with_out else ""
        finally:
            lib.PL_discard_foreign_frame(frame)

    def call_json(self, name: str, *args: str) -> Any:
        """Call bridge predicate ``name`` and return its decoded JSON answer."""
        return json.loads(self.call_text(name, *args))

    def call_text(self, name: str, *args: str) -> str:
        """Call bridge predicate ``name`` and return its JSON answer undecoded.

        Only an error answer (the bridge writes ``{"error":...}``) is decoded,
        and raised as :class:`KbError`.
        """
        text: str = self._run(self._solve, name, *args)
        if text.startswith('{"error":'):
            raise KbError(f"{name}: {json.loads(text)['error']}")
        return text


class _AttachedEngine:
    """The Prolog engine of one Python thread; destroyed with the thread's locals."""

    def __init__(self, swi: Any, *, ok: bool, owned: bool) -> None:
        self._swi = swi
        self.ok = ok
        self._owned = owned
        self._thread = threading.get_ident()

    @classmethod
    def attach(cls, swi: Any) -> _AttachedEngine:
        """Create a Prolog engine for the calling thread, unless it has one (pyswip's, say) already."""
        if swi._lib.PL_thread_self() != -1:
            return cls(swi, ok=True, owned=False)
        return cls(swi, ok=swi._lib.PL_thread_attach_engine(None) >= 0, owned=True)

    def detach(self) -> None:
        """Destroy the engine, on its own thread only.

        In a forked child, the parent's other threads are gone and their
        thread-local data are cleared on the forking thread: destroying
        "their" engine there would destroy the forking thread's own.
        """
        if self._owned and self.ok and threading.get_ident() == self._thread:
            self.ok = False
            self._swi._lib.PL_thread_destroy_engine()

    def __del__(self) -> None:
        # Runs on the ending thread, while its thread-local data are cleared.
        self.detach()


# From SWI-Prolog.h
_PL_CLEANUP_NO_RECLAIM_MEMORY = 0x10000
_PL_STRING, _REP_UTF8, _CVT_TEXT, _BUF_STACK = 6, 0x00100000, 0x00000001 | 0x00000002, 0x00010000
_PL_Q_NODEBUG, _PL_Q_CATCH_EXCEPTION = 0x0004, 0x0008


def _declare_text_functions(swi: Any) -> None:
    """Declare the ctypes signatures of the C functions this module calls."""
    swi._lib.PL_put_chars.argtypes = [ctypes.c_size_t, ctypes.c_int, ctypes.c_size_t, ctypes.c_char_p]
    swi._lib.PL_put_chars.restype = ctypes.c_int
    swi._lib.PL_get_nchars.argtypes = [ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t),
                                       ctypes.POINTER(ctypes.c_char_p), ctypes.c_uint]
    swi._lib.PL_get_nchars.restype = ctypes.c_int
    swi._lib.PL_predicate.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    swi._lib.PL_predicate.restype = ctypes.c_void_p
    swi._lib.PL_call_predicate.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t]
    swi._lib.PL_call_predicate.restype = ctypes.c_int
    swi._lib.PL_get_string.argtypes = [ctypes.c_size_t, ctypes.POINTER(ctypes.c_char_p),
                                       ctypes.POINTER(ctypes.c_size_t)]
    swi._lib.PL_get_string.restype = ctypes.c_int
    swi._lib.PL_thread_attach_engine.argtypes = [ctypes.c_void_p]
    swi._lib.PL_thread_attach_engine.restype = ctypes.c_int
    swi._lib.PL_thread_destroy_engine.argtypes = []
    swi._lib.PL_thread_destroy_engine.restype = ctypes.c_int
    swi._lib.PL_thread_self.argtypes = []
    swi._lib.PL_thread_self.restype = ctypes.c_int
    swi._lib.PL_mark_string_buffers.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
    swi._lib.PL_mark_string_buffers.restype = None
    swi._lib.PL_release_string_buffers_from_mark.argtypes = [ctypes.c_void_p]
    swi._lib.PL_release_string_buffers_from_mark.restype = None


def _get_text(swi: Any, term: int) -> str:
    """The atom or string in ``term`` as Python text.

    A string of one-byte characters (the kb's JSON is ASCII) is copied
    straight from the Prolog stack (PL_get_string), which is several times
    faster than a UTF-8 conversion. Any other text is converted to UTF-8 in
    SWI-Prolog's string buffers, which are released right after the copy
    (PL_STRINGS_MARK/RELEASE in C).
    """
    length = ctypes.c_size_t()
    chars = ctypes.c_char_p()
    if swi._lib.PL_get_string(term, ctypes.byref(chars), ctypes.byref(length)):
        return ctypes.string_at(chars, length.value).decode("latin-1")
    mark = ctypes.c_void_p()
    swi._lib.PL_mark_string_buffers(ctypes.byref(mark))
    try:
        if not swi._lib.PL_get_nchars(term, ctypes.byref(length), ctypes.byref(chars),
                                      _CVT_TEXT | _REP_UTF8 | _BUF_STACK):
            raise KbError("the kb answered with something other than text")
        return ctypes.string_at(chars, length.value).decode("utf-8")
    finally:
        swi._lib.PL_release_string_buffers_from_mark(mark)


T = TypeVar("T")


def once(make: Callable[[], T]) -> Callable[[], T]:
    """``make()``, computed on the first call only, even when several threads race to it.

    (``functools.cache`` would let racing threads each start SWI-Prolog.)
    """
    lock = threading.Lock()
    made: list[T] = []

    @functools.wraps(make)
    def made_once() -> T:
        if not made:
            with lock:
                if not made:
                    made.append(make())
        return made[0]
    return made_once


@once
def engine() -> Engine:
    """The process-wide engine, started on first use."""
    return Engine(kb_directory())
