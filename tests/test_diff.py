"""`wervel-lp diff`: the behavioural difference between two versions of the kb."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from wervel_lp import recommend
from wervel_lp.diff import diff, render_diff

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
    edit(new / "timing.pl", f"all([postoperative_radiotherapy_possible,\n          {recovery}])",
         f"all([{recovery},\n          postoperative_radiotherapy_possible])")
    for f in new.glob("*.pl"):
        text = f.read_text(encoding="utf-8")
        f.write_text(text.replace("oligometastatic", "oligometastatic_disease"), encoding="utf-8")
    assert diff(KB, new) == []


def test_a_moved_threshold_shows_the_topic_and_a_minimal_case(tmp_path):
    """A deficit over exactly 7 days: "> 7 dagen" moved to ">= 7" starts therapy within 72 hours."""
    new = copy_kb(tmp_path, "new")
    edit(new / "timing.pl", "deficit_onset_days > 7, ambulatory = true",
         "deficit_onset_days >= 7, ambulatory = true")
    diffs = diff(KB, new)
    assert {(d.topic, d.old, d.new) for d in diffs} == {("start_treatment", (), ("within_72_hours",))}
    d = diffs[0]
    assert all(x.example_case["deficit_onset_days"] == 7 for x in diffs)
    assert d.topic == "start_treatment"
    assert d.old == () and d.new == ("within_72_hours",)
    assert d.example_case["deficit_onset_days"] == 7
    assert "start_treatment" not in recommend(d.example_case).decisions
    assert d.new_recommendations[0]["rule"] == "start_within_72_hours_slow_deficit_ambulatory"
    example = next(line for line in render_diff(diffs).splitlines() if "example:" in line)
    assert "deficit_onset_days=7" in example and "ambulatory=true" in example and "True" not in example


def test_a_stricter_deadline_overriding_an_old_one_shows_the_value_to_value_change(tmp_path):
    """A new rule: MRI within 24 hours for a unilateral radicular pain (old: "binnen 1 week"), with a
    priority over the week. The diff lists the change within_1_week -> within_24_hours with its region,
    and the command exits 1 unless the change is accepted.
    """
    new = copy_kb(tmp_path, "new")
    path = new / "diagnostics.pl"
    text = path.read_text(encoding="utf-8")
    start = text.index("rule(mri_within_1_week_unilateral_radicular_pain,")
    end = text.index("]).", start) + 3
    rule = text[start:end].replace("rule(mri_within_1_week_unilateral_radicular_pain,",
                                   "rule(mri_within_24_hours_unilateral_radicular_pain,")
    rule = rule.replace("mri_urgency = within_1_week", "mri_urgency = within_24_hours")
    path.write_text(text + "\n" + rule + "\n\npriority(day_over_week_radicular, mri_urgency,\n"
                    "         rule(mri_within_24_hours_unilateral_radicular_pain),\n"
                    "         rule(mri_within_1_week_unilateral_radicular_pain),\n"
                    "         [why(\"stricter\")]).\n", encoding="utf-8")
    diffs = diff(KB, new)
    changes = {(d.topic, d.old, d.new) for d in diffs}
    assert ("mri_urgency", ("within_1_week",), ("within_24_hours",)) in changes
    d = next(d for d in diffs if d.old == ("within_1_week",))
    assert d.example_case["radicular_pain"] == "unilateral" and d.size > 1
    assert recommend(d.example_case).decisions.get("mri_urgency") == "within_1_week"
    assert d.new_recommendations[0]["rule"] == "mri_within_24_hours_unilateral_radicular_pain"
    out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "diff", str(KB), str(new), "--format", "json",
                          "--regions", "1"],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 1
    report = json.loads(out.stdout)
    assert report["differs"] and report["changes"][0]["region"]["size"] > 0
    accepted = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "diff", str(KB), str(new), "--accept",
                               "--regions", "1"],
                              capture_output=True, text=True, timeout=600)
    assert accepted.returncode == 0 and "within_1_week -> within_24_hours" in accepted.stdout
