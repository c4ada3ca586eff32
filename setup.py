"""Build the engine's foreign libraries with the package (everything else is in pyproject.toml).

``wervel_lp/prolog/diagram_walk.c`` and ``text_join.c`` are compiled against the SWI-Prolog
found on the PATH (its headers through ``swipl --dump-runtime-variables``) into
``wervel_lp/prolog/diagram_walk.so`` and ``text_join.so``, where exact.pl and json_text.pl load
them. They are optional: where SWI-Prolog's headers or a C compiler are missing, the install
still succeeds and the engine does the same work in Prolog, slower (``wervel-lp doctor`` says which).
"""

from __future__ import annotations

import os
import subprocess

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

FOREIGN = ("diagram_walk", "text_join")


def swipl_variables() -> dict[str, str]:
    """SWI-Prolog's runtime variables (PLBASE, PLSOEXT, ...), or {} where swipl does not run."""
    try:
        out = subprocess.run(["swipl", "--dump-runtime-variables"], capture_output=True, text=True,
                             timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    pairs = (line.rstrip(";").split("=", 1) for line in out.splitlines() if "=" in line)
    return {name.strip(): value.strip().strip('"') for name, value in pairs}


class BuildForeign(build_ext):
    """build_ext for SWI-Prolog foreign libraries: named NAME.so (as Prolog loads them), no libpython."""

    def get_ext_filename(self, fullname: str) -> str:
        """``wervel_lp/prolog/NAME.so`` rather than Python's ``NAME.cpython-...so``."""
        return os.path.join(*fullname.split(".")) + "." + PL.get("PLSOEXT", "so")

    def get_libraries(self, ext: Extension) -> list[str]:
        """Only the extension's own libraries: the symbols of SWI-Prolog come from the process."""
        return list(ext.libraries)

    def copy_file(self, infile: str, outfile: str, *args: object, **kwargs: object) -> tuple[str, bool]:
        """Copy beside ``outfile`` and move over it: a process that has the old library loaded keeps it."""
        tmp = f"{outfile}.new"
        _, copied = super().copy_file(infile, tmp, *args, **kwargs)  # type: ignore[arg-type]
        os.replace(tmp, outfile)
        return outfile, copied

    def get_export_symbols(self, ext: Extension) -> list[str]:
        """No ``PyInit_`` symbol: SWI-Prolog calls the library's ``install`` function."""
        return list(ext.export_symbols)


PL = swipl_variables()
HEADERS = os.path.join(PL.get("PLBASE", ""), "include")
EXTENSIONS = [
    Extension(f"wervel_lp.prolog.{name}", [f"wervel_lp/prolog/{name}.c"], include_dirs=[HEADERS],
              define_macros=[("_REENTRANT", None), ("__SWI_PROLOG__", None)], extra_compile_args=["-O2"],
              optional=True)
    for name in FOREIGN
] if os.path.isfile(os.path.join(HEADERS, "SWI-Prolog.h")) else []

setup(ext_modules=EXTENSIONS, cmdclass={"build_ext": BuildForeign})
