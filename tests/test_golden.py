"""Golden files: the rendered result and treatment explanation of every example, in
Dutch and English. Regenerate with ``pytest tests/test_golden.py --regen-golden``
and review the diff as a clinician would.
"""

import difflib
import json
from pathlib import Path

import pytest

from wervel_lp import recommend
from wervel_lp.render import findings, render_explanation, render_result

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def test_there_are_at_least_ten_examples():
    assert len(EXAMPLES) >= 10


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_rendered_example_matches_golden(request, kb, example, lang):
    result = recommend(json.loads(example.read_text()))
    text = render_result(result, kb, lang)
    for topic in ("mri_urgency", "treatment"):
        text += "\n" + render_explanation(result.explain(topic), kb, lang, findings(result))
    golden = GOLDEN / f"{example.stem}.{lang}.txt"
    if request.config.getoption("--regen-golden"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"missing {golden}; run with --regen-golden"
    expected = golden.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True), text.splitlines(keepends=True),
                                            f"tests/golden/{golden.name}", "now"))
        pytest.fail(f"{golden.name} differs (after a deliberate change: pytest tests/test_golden.py "
                    f"--regen-golden, and review the diff):\n{diff}", pytrace=False)
