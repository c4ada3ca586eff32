"""The consistency check: its report, its example cases, and that it catches
defects injected into a copy of the kb.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wervel_lp import recommend
from wervel_lp.checker import check

KB = Path(__file__).parent.parent / "kb"


@pytest.fixture(scope="module")
def report(kb):
    return check(kb)


def test_check_passes_on_the_kb(report, kb):
    assert report.unacknowledged == () and report.stale == () and report.passed
    stats = report.to_dict()["stats"]
    assert stats["rules"] == len(kb.rules) and stats["classes"] > 10**20
    assert report.to_dict()["summary"]["passed"] is True


def test_every_region_holds_its_anomaly_and_is_acknowledged(report):
    """Each region's minimal example reproduces the gap, and the register acknowledges every region."""
    for anomaly in report.anomalies:
        assert anomaly.regions, anomaly.subject
        for region in anomaly.regions:
            assert region.acknowledged and region.acknowledged_by and region.size >= 1
            assert anomaly.topic not in recommend(region.example_case).decisions
            for field, value in region.example_case.items():
                assert field not in region.box or value in region.box[field] or isinstance(value, int)


def test_an_anomaly_is_located_at_its_kb_lines(report):
    gap = next(a for a in report.anomalies if a.subject == "start_of_therapy_for_symptomatic_metastases")
    assert gap.locations[0].startswith("kb/requirements.pl:")
    assert any(loc.startswith("kb/anomalies.pl:") for loc in gap.locations)
    assert any(loc.startswith("kb/timing.pl:") for loc in gap.locations)


def test_every_anomaly_example_is_a_valid_case_that_reproduces_it(report):
    for anomaly in report.anomalies:
        if anomaly.example_case is None:
            continue
        result = recommend(anomaly.example_case)  # accepted by the contract
        if anomaly.kind == "gap":
            assert anomaly.topic not in result.decisions, anomaly.subject


def check_mutant(tmp_path, edit):
    """Run `wervel-lp check --format json` on a copy of the kb changed by ``edit``."""
    kb = tmp_path / "kb"
    shutil.copytree(KB, kb)
    edit(kb)
    out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "check", "--format", "json"],
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "WERVEL_LP_KB": str(kb)})
    return out.returncode, (json.loads(out.stdout) if out.stdout.strip() else None), out.stderr


def new_anomalies(report):
    """The (kind, subject) of every anomaly the register does not acknowledge."""
    return {(a["kind"], a["subject"]) for a in report["anomalies"] if not a["acknowledged"]}


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_deleting_a_priority_rule_shows_an_unresolved_overlap(tmp_path):
    """Without "surgery over radiotherapy" both values win for an unstable spine."""
    def edit(kb):  # the whole term goes: an unknown term in a chapter no longer loads
        path = kb / "treatment_indication.pl"
        text = path.read_text(encoding="utf-8")
        start = text.index("priority(surgery_over_radiotherapy_when_indicated, treatment,")
        path.write_text(text[:start] + text[text.index("]).\n", start) + 4:], encoding="utf-8")
    code, report, err = check_mutant(tmp_path, edit)
    assert code == 1, err
    (a,) = [a for a in report["anomalies"] if not a["acknowledged"] and a["kind"] == "unresolved_overlap"]
    assert a["topic"] == "treatment"
    assert {"radiotherapy_first_choice", "surgery_preferred"} <= set(a["rules"])
    assert recommend(a["example_case"]).to_dict()["undetermined"]


def test_moving_a_threshold_breaks_a_safety_constraint(tmp_path):
    """Surgery from 2 months of life expectancy violates "minstens drie maanden"."""
    def edit(kb):
        replace(kb / "treatment_indication.pl",
                "life_expectancy_months >= 3]", "life_expectancy_months >= 2]")
    code, report, _ = check_mutant(tmp_path, edit)
    assert code == 1
    kinds = new_anomalies(report)
    assert ("safety", "no_surgery_under_three_months") in kinds


def test_a_rule_that_cannot_fire_is_unreachable(tmp_path):
    def edit(kb):
        replace(kb / "timing.pl", "postoperative_neurology in [insufficient_recovery, deteriorating]]",
                "postoperative_neurology in [insufficient_recovery, deteriorating], operated = false]")
    code, report, _ = check_mutant(tmp_path, edit)
    assert code == 1
    kinds = new_anomalies(report)
    assert ("unreachable", "postoperative_radiotherapy_earlier") in kinds


def test_a_kb_that_does_not_load_fails_with_file_and_line(tmp_path):
    def edit(kb):
        head = "rule(radiotherapy_reirradiation, radiotherapy_schedule = reirradiation,"
        replace(kb / "radiotherapy.pl", head, head + ",")
    code, _, err = check_mutant(tmp_path, edit)
    assert code == 3
    assert "radiotherapy.pl:" in err and "Traceback" not in err


def test_a_condition_on_an_unknown_field_is_refused(tmp_path):
    def edit(kb):
        replace(kb / "radiotherapy.pl", "all([operated = true, definitive_diagnosis",
                "all([operatd = true, definitive_diagnosis")
    code, _, err = check_mutant(tmp_path, edit)
    assert code == 3
    assert "unknown case field operatd" in err and "radiotherapy.pl:" in err


def test_a_priority_between_exclusive_rules_is_unused(tmp_path):
    """Biopsy within 1 day (MESCC) and within 1 week (no MESCC) never fire together."""
    def edit(kb):
        path = kb / "additional_diagnostics.pl"
        path.write_text(path.read_text(encoding="utf-8") + (
            "\npriority(day_over_week, biopsy, value(within_1_day), value(within_1_week),\n"
            "         [why(\"never applies\")]).\n"), encoding="utf-8")
    code, report, _ = check_mutant(tmp_path, edit)
    assert code == 1
    kinds = new_anomalies(report)
    assert kinds == {("unused_priority", "day_over_week")}


def test_a_rule_without_a_quote_is_refused_with_file_and_line(tmp_path):
    def edit(kb):
        path = kb / "follow_up.pl"
        text = path.read_text(encoding="utf-8")
        start = text.index('       quote("Laat de patiënt mobiliseren')
        end = text.index("\n", start)
        path.write_text(text[:start] + text[end + 1:], encoding="utf-8")
    code, _, err = check_mutant(tmp_path, edit)
    assert code == 3
    assert "follow_up.pl:" in err and "missing or empty property quote" in err


def test_a_missing_chapter_file_is_refused(tmp_path):
    code, _, err = check_mutant(tmp_path, lambda kb: (kb / "timing.pl").unlink())
    assert code == 3 and "timing" in err and "Traceback" not in err


def test_the_python_api_refuses_a_broken_kb(tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(KB, kb)
    replace(kb / "diagnostics.pl", "rule(instruct_patient,", "rule(instruct_patient")
    script = ("from wervel_lp import recommend\n"
              "from wervel_lp.engine import KbError\n"
              "try:\n    recommend({})\nexcept KbError as e:\n    print('refused:', e)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "WERVEL_LP_KB": str(kb)})
    assert out.stdout.startswith("refused: the kb does not load clean") and "diagnostics.pl:" in out.stdout


def test_a_new_gap_in_a_topic_with_an_acknowledged_gap_fails(tmp_path):
    """The 14-day start rule re-encoded on radicular pain instead of radicular deficit opens a new gap
    (a radicular deficit without pain) in a topic whose register entry covers other cases only.
    """
    def edit(kb):
        replace(kb / "timing.pl", "any([pain, radicular_deficit in [unilateral, bilateral]])",
                "any([pain, radicular_pain in [unilateral, bilateral]])")
    code, report, _ = check_mutant(tmp_path, edit)
    assert code == 1
    assert ("gap", "start_of_therapy_for_symptomatic_metastases") in new_anomalies(report)
    assert report["gate_example"] is not None and report["summary"]["passed"] is False
    (gap,) = [a for a in report["anomalies"] if not a["acknowledged"]]
    assert any(not r["acknowledged"] for r in gap["regions"])


def test_a_new_gap_in_an_acknowledged_topic_fails_the_check(tmp_path):
    """The register acknowledges the MRI deadline gap (a1) region by region: severe or interscapular pain alone, a
    non-progressive unilateral deficit, a deficit without radicular findings. An edit that lets a moderate condition
    without back pain raise the suspicion opens a new gap in the same topic, outside those regions: the check fails.
    """
    def edit(kb):
        replace(kb / "diagnostics.pl", "all([back_pain = true, back_pain_alarm_symptom])", "back_pain_alarm_symptom")
    code, report, _ = check_mutant(tmp_path, edit)
    assert code == 1
    assert ("gap", "mri_urgency_when_mri_indicated") in new_anomalies(report)


def test_closing_an_acknowledged_gap_makes_its_region_stale(tmp_path):
    """Post-operative "> 1 jaar" written as ``>= 12`` closes the gap at exactly 12 months (the only post-operative
    gap): the register's region for it no longer holds an anomaly case, and the check fails until it is removed.
    """
    def edit(kb):
        replace(kb / "radiotherapy.pl", "any([life_expectancy_months > 12, oligometastatic])",
                "any([life_expectancy_months >= 12, oligometastatic])")
    code, report, _ = check_mutant(tmp_path, edit)
    assert code == 1
    assert {(s["id"], s["region"]) for s in report["stale"]} == {("a5_postoperative_schedule_at_one_year", 1)}
    assert report["stale"][0]["location"].startswith("kb/anomalies.pl:")


def test_a_passing_check_prints_one_line():
    out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "check"], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0 and out.stdout.count("\n") == 1 and "passed" in out.stdout


def test_sarif_points_at_the_kb_lines_of_the_rules_involved(tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(KB, kb)
    path = kb / "treatment_indication.pl"
    text = path.read_text(encoding="utf-8")
    start = text.index("priority(surgery_over_radiotherapy_when_indicated, treatment,")
    path.write_text(text[:start] + text[text.index("]).\n", start) + 4:], encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "check", "--format", "sarif"],
                         capture_output=True, text=True, timeout=300, env={**os.environ, "WERVEL_LP_KB": str(kb)})
    assert out.returncode == 1
    sarif = json.loads(out.stdout)
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    errors = [r for r in run["results"] if r["level"] == "error"]
    (overlap,) = [r for r in errors if r["ruleId"] == "unresolved_overlap"]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for loc in overlap["locations"]}
    assert "kb/treatment_indication.pl" in uris
    assert all(loc["physicalLocation"]["region"]["startLine"] > 0 for loc in overlap["locations"])
    assert run["properties"]["summary"]["passed"] is False
