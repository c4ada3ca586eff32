"""Every command of the README's short tour runs as written: the shell commands (from a
directory that looks like a checkout: .venv, examples, kb), the Python block and the Prolog
queries, each checked for its exit code and a sensible output.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
TOUR = README[README.index("## A short tour"):README.index("\n## ", README.index("## A short tour") + 1)]


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", TOUR, re.S)


def commands() -> list[str]:
    """The shell commands of the tour, without their comments."""
    found = []
    for block in blocks("sh"):
        for line in block.splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            if command and not command.startswith("#"):
                found.append(command)
    return found


def test_the_tour_has_the_batch_and_check_commands():
    assert any("--batch examples/cases.jsonl" in c for c in commands())
    assert any(c.endswith("wervel-lp check") for c in commands())


def test_cases_jsonl_holds_every_example_case():
    lines = (ROOT / "examples" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.json"))]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """A directory where the tour's relative paths work: the test's own venv as .venv."""
    here = tmp_path_factory.mktemp("tour")
    (here / ".venv").symlink_to(Path(sys.executable).parent.parent)
    for name in ("examples", "kb"):
        (here / name).symlink_to(ROOT / name)
    return here


def has_main() -> bool:
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", "-q", "main^{commit}"],
                          capture_output=True).returncode == 0


def expect(command: str, out: subprocess.CompletedProcess[str], here: Path) -> None:
    """What each kind of command must do besides exiting as it should."""
    cases = (ROOT / "examples" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    if " diff " in command:
        assert out.returncode in (0, 1), out.stderr
        return
    assert out.returncode == 0, (command, out.stderr)
    assert out.stderr == "", (command, out.stderr)
    if "> results.jsonl" in command or "> decisions.jsonl" in command:
        written = (here / command.split("> ")[-1]).read_text().splitlines()
        assert len(written) == len(cases)
        assert [json.loads(line)["line"] for line in written] == list(range(1, len(cases) + 1))
        assert all("decisions" in json.loads(line) for line in written)
    elif "> proof.html" in command:
        assert "<html" in (here / "proof.html").read_text().lower()
    elif "--format json" in command or "--compact" in command or " schema " in command or " example " in command:
        assert isinstance(json.loads(out.stdout), (dict, list))
    elif "--version" in command:
        assert out.stdout.startswith("wervel-lp ")
    else:
        assert out.stdout.strip()


@pytest.mark.parametrize("command", commands())
def test_a_tour_command_runs_as_written(command, checkout):
    if " diff main " in command and not has_main():
        pytest.skip("no main branch in this checkout")
    out = subprocess.run(command, shell=True, cwd=checkout, capture_output=True, text=True, timeout=300)
    expect(command, out, checkout)


def test_the_tour_python_block_runs():
    (code,) = blocks("python")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "did you mean back_pain?" in out.stdout and "[x]" in out.stdout


def test_the_tour_prolog_queries_succeed():
    (block,) = blocks("prolog")
    goals = [m.group(1) for m in re.finditer(r"\?-\s*(.*?)\.\s*$", block, re.M | re.S)]
    assert len(goals) >= 4
    for goal in goals:
        out = subprocess.run(["swipl", "-q", "-g", f"(({goal}) -> halt(0) ; halt(1))", "kb/load.pl"],
                             capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert out.returncode == 0, (goal, out.stderr)
