"""`wervel-lp diff` never lets git read a revision as an option."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("spec", ["--output={file}", "--remote=/nonexistent", "-o{file}", "--exec=touch {file}x",
                                  "HEAD --output={file}", "\n--output={file}"])
def test_a_revision_that_looks_like_an_option_is_refused_and_touches_nothing(tmp_path, spec):
    target = tmp_path / "keep.txt"
    target.write_text("keep", encoding="utf-8")
    spec = spec.format(file=target)
    out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "diff", "--", spec, "HEAD"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 2
    assert out.stderr.startswith("wervel-lp: invalid input: revision:") and len(out.stderr.splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "keep"
    assert not Path(f"{target}x").exists()


def test_a_revision_is_resolved_to_a_commit_first():
    from wervel_lp.diff import _commit

    assert len(_commit("HEAD", ROOT)) == 40
    with pytest.raises(ValueError):
        _commit("no-such-revision-anywhere", ROOT)
