"""``wervel-lp doctor``: what this installation runs on, and how fast it can be.

SWI-Prolog's version and library, the walkers in use (in C, or the slower
Prolog fallback where the package was built without SWI-Prolog's headers or
a compiler, see setup.py), the decision-diagram cache and the kb's stamp.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

from .engine import PROLOG_DIR, kb_directory, kb_stamp

CACHE_ENV = "WERVEL_LP_CACHE"
"""Environment variable: the directory of the diagram cache (exact.pl's cache_file/2)."""

SLOW_WALKS = ("the decision diagrams are walked in Prolog, not in C (diagram_walk.so was not built): "
              "partial cases take some 8 times longer (recommend about 4.7 ms instead of 0.6 ms); "
              "reinstall with SWI-Prolog's headers and a C compiler present (`wervel-lp doctor`)")


def cache_directory() -> Path | None:
    """Where exact.pl keeps the compiled diagrams: $WERVEL_LP_CACHE, $XDG_CACHE_HOME/wervel-lp or ~/.cache/wervel-lp."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "wervel-lp"
    return Path(os.environ["HOME"]) / ".cache" / "wervel-lp" if os.environ.get("HOME") else None


def built_walkers() -> dict[str, bool]:
    """Which foreign libraries were built beside the engine (diagram_walk, text_join)."""
    return {name: (PROLOG_DIR / f"{name}.so").is_file() for name in ("diagram_walk", "text_join")}


def warn_if_slow(walks: str) -> None:
    """Warn once per cache directory (once per user) that the Prolog walks run, and what that costs."""
    if walks != "prolog" or os.environ.get("WERVEL_LP_WALK") == "prolog":
        return
    cache = cache_directory()
    marker = cache / "warned-prolog-walks" if cache else None
    if marker is not None and marker.exists():
        return
    warnings.warn(SLOW_WALKS, RuntimeWarning, stacklevel=3)
    if marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass


def swipl_text() -> str:
    """SWI-Prolog's version and the library this process loads (the one pyswip finds)."""
    exe = shutil.which("swipl")
    version = "not on the PATH"
    if exe:
        try:
            version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30,
                                     check=True).stdout.strip()
        except (OSError, subprocess.SubprocessError) as e:
            version = f"does not run ({e})"
    try:
        import pyswip.core as swi  # starts SWI-Prolog, as every command does
        library = f"{swi._path} (home {swi.SWI_HOME_DIR})"
    except Exception as e:  # pyswip's own failure to find SWI-Prolog, shown as the diagnosis
        library = f"pyswip cannot load it: {e}"
    return f"SWI-Prolog: {version}\n  executable: {exe or '-'}\n  library: {library}"


def report() -> str:
    """The doctor's report, one fact a line."""
    from . import __version__
    from .knowledge import knowledge_base

    kb = kb_directory()
    built = built_walkers()
    walks = knowledge_base().metadata["walks"]
    cache = cache_directory()
    files = sorted(cache.glob("diagrams-*.bin")) if cache and cache.is_dir() else []
    size = sum(f.stat().st_size for f in files)
    state = (f"{len(files)} diagram file(s), {size / 1e6:.1f} MB" if files
             else "empty (the first command builds it)" if cache else f"none (set {CACHE_ENV})")
    lines = [
        f"wervel-lp {__version__} on Python {sys.version.split()[0]} ({sys.executable})",
        swipl_text(),
        f"diagram walks: {walks}" + ("" if walks == "c" else f" (slower: {SLOW_WALKS.split(': ', 1)[1]})"),
        "foreign libraries: " + ", ".join(f"{n}.so {'built' if ok else 'missing'}" for n, ok in built.items()),
        f"diagram cache: {cache or '-'}: {state}",
        f"kb: {kb}, stamp {kb_stamp(kb)}",
    ]
    return "\n".join(lines) + "\n"
