"""The installation as a user meets it: the walkers setup.py builds, `doctor`, `--version`, `check --timings`."""

import json
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from wervel_lp import __version__, doctor
from wervel_lp.engine import PROLOG_DIR, kb_directory, kb_stamp

tomllib = pytest.importorskip("tomllib")  # Python 3.11

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wervel_lp.cli", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


def build_ext(tmp_path: Path, path: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    lib = tmp_path / "lib"
    out = subprocess.run([sys.executable, "setup.py", "-q", "build_ext", "--build-lib", str(lib),
                          "--build-temp", str(tmp_path / "tmp")], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, env={**os.environ, "PATH": path})
    return out, lib / "wervel_lp" / "prolog"


def test_setup_builds_both_walkers_as_prolog_loads_them(tmp_path):
    out, built = build_ext(tmp_path, os.environ["PATH"])
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in built.iterdir()) == ["diagram_walk.so", "text_join.so"]
    # SWI-Prolog loads each and finds the predicates exact.pl and json_text.pl call.
    goal = (f"load_foreign_library('{built}/diagram_walk'), load_foreign_library('{built}/text_join'), "
            "current_predicate(walk_cells/2), current_predicate(join_pieces/2)")
    assert subprocess.run(["swipl", "-q", "-g", goal, "-t", "halt"], timeout=60).returncode == 0


def test_without_swi_prolog_headers_the_install_still_succeeds_with_no_walker(tmp_path):
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "swipl").write_text('#!/bin/sh\necho \'PLBASE="/nonexistent";\'\n')
    (shim / "swipl").chmod(0o755)
    out, built = build_ext(tmp_path, f"{shim}:{os.environ['PATH']}")
    assert out.returncode == 0, out.stderr
    assert not built.exists() or not list(built.glob("*.so"))


def test_doctor_names_swi_prolog_the_walkers_the_cache_and_the_kb(tmp_path):
    out = cli("doctor", env={"WERVEL_LP_CACHE": str(tmp_path / "cache")})
    assert out.returncode == 0, out.stderr
    version = subprocess.run(["swipl", "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    assert version in out.stdout
    walks = "c" if (PROLOG_DIR / "diagram_walk.so").is_file() else "prolog"
    assert re.search(rf"^diagram walks: {walks}\b", out.stdout, re.M)
    assert f"diagram cache: {tmp_path / 'cache'}: " in out.stdout
    assert f"stamp {kb_stamp(kb_directory())}" in out.stdout


def test_version_says_which_walkers_run():
    out = cli("--version")
    walks = "C" if (PROLOG_DIR / "diagram_walk.so").is_file() else "Prolog"
    assert out.stdout.splitlines()[-1].startswith(f"walkers: {walks}")


def test_the_slow_walks_are_warned_of_once_per_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WERVEL_LP_CACHE", str(tmp_path))
    monkeypatch.delenv("WERVEL_LP_WALK", raising=False)
    with pytest.warns(RuntimeWarning, match="8 times"):
        doctor.warn_if_slow("prolog")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doctor.warn_if_slow("prolog")  # the second time: no warning
        doctor.warn_if_slow("c")


def test_check_timings_go_to_standard_error_and_add_up():
    out = cli("check", "--timings", "--format", "json")
    report = json.loads(out.stdout)  # the timings leave standard output as it was
    phases = dict(re.findall(r"^(.+?)\s+(\d+\.\d+) s$", out.stderr, re.M))
    assert {"kb load (SWI-Prolog and the kb)", "ASP translation and grounding", "region enumeration",
            "anomaly search"} <= set(phases)
    check_phases = sum(float(s) for name, s in phases.items() if not name.startswith("kb load"))
    assert check_phases <= report["summary"]["seconds"] + 0.01


def test_one_version_and_spdx_license_metadata():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert isinstance(project["license"], str)  # PEP 639: an SPDX expression, not a table
    assert {"test", "serve", "dev"} <= set(project["optional-dependencies"])
    if __version__ != "0+unknown":
        assert __version__ == project["version"]
    service = (ROOT / "wervel_lp" / "service" / "app.py").read_text()
    assert "version=__version__" in service
