"""`wervel-lp diff`: the behavioural difference between two versions of the kb."""

import shutil
from pathlib import Path

from wervel_lp import recommend
from wervel_lp.diff import diff

KB = Path(__file__).parent.parent / "kb"


def copy_kb(tmp_path, name):
    target = tmp_path / name
    shutil.copytree(KB, target)
    return target


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_same_kb_has_no_difference():
    assert diff(KB, KB) == []


def test_a_refactoring_has_no_difference(tmp_path):
    """Reordering the conditions of a rule and renaming a concept change no decision."""
    new = copy_kb(tmp_path, "new")
    recovery = "postoperative_neurology in [insufficient_recovery, deteriorating]"
    edit(new / "timing.pl", f"all([operated = true,\n          {recovery}])",
         f"all([{recovery},\n          operated = true])")
    for f in new.glob("*.pl"):
        text = f.read_text(encoding="utf-8")
        f.write_text(text.replace("oligometastatic", "oligometastatic_disease"), encoding="utf-8")
    assert diff(KB, new) == []


def test_a_moved_threshold_shows_the_topic_and_a_minimal_case(tmp_path):
    """A deficit over exactly 7 days: "> 7 dagen" moved to ">= 7" starts therapy within 72 hours."""
    new = copy_kb(tmp_path, "new")
    edit(new / "timing.pl", "deficit_onset_days > 7, ambulatory = true",
         "deficit_onset_days >= 7, ambulatory = true")
    (d,) = diff(KB, new)
    assert d.topic == "start_treatment"
    assert d.old == () and d.new == ("within_72_hours",)
    assert d.example_case["deficit_onset_days"] == 7
    assert "start_treatment" not in recommend(d.example_case).decisions
    assert d.new_recommendations[0]["rule"] == "start_within_72_hours_slow_deficit_ambulatory"
