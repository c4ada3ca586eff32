"""The guided interview (docs/contract.md, section 1, "The next question").

An open case is a conversation: the next question, what each answer decides, the residual
trees. The guideline cases check what a clinician expects of one question; the properties
check, on random partial cases, that the question is never one already known, unanswerable or
inapplicable, that what it promises holds, and that following it always ends with the true
patient's decisions.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from cases import FULL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_exact import VALUES, completion_of, partial_cases

from wervel_lp import CaseError, Question, decide, next_question, recommend
from wervel_lp.completions import Completions
from wervel_lp.knowledge import knowledge_base
from wervel_lp.labels import field_label
from wervel_lp.render import render_result

KB = knowledge_base()
EARLY = {"known_primary_malignancy": True, "tumour_type": "breast", "back_pain": True,
         "night_pain": True, "radicular_pain": "unilateral"}
"""The issue's early case: known breast cancer, back pain, night pain, unilateral radicular pain."""


def settled(case: dict[str, Any], topic: str) -> tuple[bool, str | None]:
    """Whether ``topic`` is settled for ``case`` (decided, or no completion decides it), and to what."""
    result = recommend(case)
    if topic in result.decisions:
        return True, result.decisions[topic]
    return all(u.topic != topic for u in result.undetermined), None


def a_value(question: Question, answer: Any) -> Any:
    """A value of the question's field in ``answer``'s cell (its value for a bool or enum)."""
    if answer.cell is None:
        return answer.value
    cell = answer.cell
    if "=" in cell:
        return cell["="]
    low, high = cell.get(">"), cell.get("<")
    value = (low + high) / 2 if low is not None and high is not None else (
        high - 1 if high is not None and high - 1 >= 0 else (high or 0) / 2 if high is not None else low + 1)
    if KB.schema.fields[question.field].kind == "integer":
        value = int(value) if low is None or int(value) > low else int(low) + 1
    return value


# --- guideline cases ----------------------------------------------------------

STAGING = {"known_primary_malignancy": False, "mescc_suspected": True, "metastases_on_imaging": True}


def test_a_missing_recent_staging_ct_settles_the_urgent_ct_through_its_implication():
    """"met spoed een CT- of PET-CT van thorax, abdomen en bekken te maken": with an unknown primary
    the urgent CT is ordered unless it was made; an urgent CT just made is a recent staging CT, so
    `recent_staging_ct = false` settles it: the CT has not been made and must be ordered. The field
    that settles it is missing for the topic, though flipping it alone never changes the outcome.
    """
    u = next(u for u in recommend(STAGING).undetermined if u.topic == "staging_ct")
    assert "recent_staging_ct" in u.missing and "recent_staging_ct" in u.ask
    assert settled({**STAGING, "recent_staging_ct": False}, "staging_ct") == (True, "urgent_ct_thorax_abdomen_pelvis")
    assert settled({**STAGING, "recent_staging_ct": False}, "staging_ct") != \
        settled({**STAGING, "recent_staging_ct": True}, "staging_ct")


def test_a_field_the_user_cannot_answer_is_not_asked_again():
    first = next_question(EARLY)
    assert first is not None
    second = next_question(EARLY, unanswerable=[first.field])
    assert second is not None and second.field != first.field


def test_onset_days_are_not_asked_before_a_deficit_is_known():
    """"binnen 24 uur bij eenzijdige radiculaire uitval die binnen 7 dagen ontstaan en progressief is":
    the onset of a deficit has a value only once there is a deficit.
    """
    asked = set()
    case: dict[str, Any] = dict(EARLY)
    unanswerable: list[str] = []
    for _ in range(60):
        q = next_question(case, unanswerable)
        if q is None:
            break
        asked.add(q.field)
        if q.field == "neurological_deficit":
            break
        unanswerable.append(q.field)
    assert "deficit_onset_days" not in asked


def test_the_first_question_of_the_early_case_is_of_history_and_examination():
    """History and examination come before imaging: at first presentation the next question is
    one the clinician can answer at the bedside.
    """
    q = next_question(EARLY)
    assert q is not None and KB.field_steps[q.field] == "history_examination"


def test_the_early_case_reads_short():
    """At most 25 lines in either language, no list of more than 5 fields, no empty section."""
    result = recommend(EARLY)
    for lang in ("nl", "en"):
        labels = {field_label(KB, f, lang) for f in KB.schema.fields}
        text = render_result(result, KB, lang)
        lines = text.rstrip("\n").split("\n")
        assert len(lines) <= 25, text
        for line in lines:
            run = longest = 0
            for part in line.replace(":", ",").split(","):
                run = run + 1 if part.strip() in labels else 0
                longest = max(longest, run)
            assert longest <= 5, line
        for i, line in enumerate(lines):
            if line and not line.startswith(" ") and ":" not in line:
                assert i + 1 < len(lines) and lines[i + 1].startswith("  "), f"empty section {line!r}"


def test_the_result_json_carries_the_next_question_and_each_open_topics_tree():
    data = recommend(EARLY).to_dict()
    assert data["next_question"]["field"] == next_question(EARLY).field
    for u in data["undetermined"]:
        if u["reason"] == "missing_findings":
            assert "tree" in u


def test_weights_and_unanswerable_are_validated():
    with pytest.raises(CaseError) as e:
        next_question(EARLY, unanswerable=["no_such_field"])
    assert e.value.field == "unanswerable"
    with pytest.raises(CaseError) as e:
        next_question(EARLY, weights={"mescc_suspected": {True: -1}})
    assert e.value.field == "weights.mescc_suspected"
    with pytest.raises(CaseError):
        next_question(EARLY, weights={"life_expectancy_months": {3: 1}})


def test_weights_change_the_order_of_the_questions():
    """A prior that makes one finding almost certain leaves little to learn from asking it: the
    question moves to another field, or its expected information drops.
    """
    uniform = next_question(EARLY, unanswerable=["adequate_imaging_available"])
    assert uniform is not None and KB.schema.fields[uniform.field].kind == "bool"
    skewed = next_question(EARLY, unanswerable=["adequate_imaging_available"],
                           weights={uniform.field: {True: 1, False: 10_000}})
    assert skewed is not None
    assert skewed.field != uniform.field or skewed.information < uniform.information


# --- properties on random partial cases ---------------------------------------

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=partial_cases(), data=st.data())
def test_the_next_question_is_unknown_answerable_and_applicable(case, data):
    result = recommend(case)
    missing = sorted({f for u in result.undetermined for f in u.missing})
    unanswerable = data.draw(st.lists(st.sampled_from(missing), unique=True)) if missing else []
    q = next_question(case, unanswerable)
    if q is None:
        return
    assert q.field not in case and q.field not in unanswerable
    assert q.field in missing
    # applicable: every allowed answer is a value the case accepts with its other findings
    assert q.answers
    for answer in q.answers:
        KB.schema.validate({**case, q.field: a_value(q, answer)})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=partial_cases())
def test_each_answer_settles_what_it_promises(case):
    q = next_question(case)
    if q is None:
        return
    for answer in q.answers:
        answered = {**case, q.field: a_value(q, answer)}
        for topic, value in answer.settles.items():
            assert settled(answered, topic) == (True, value), (json.dumps(answered), topic)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_following_the_interview_ends_with_the_true_patients_decisions(data):
    """A true patient drawn from the valid complete cases; from nothing known, each next question
    answered from the patient until there is none: the decisions are the patient's.
    """
    truth = completion_of(data.draw, {}, set(VALUES))
    if truth is None:
        return
    case: dict[str, Any] = {}
    for _ in range(len(VALUES) + 1):
        q = next_question(case)
        if q is None:
            break
        case[q.field] = truth[q.field]
    assert next_question(case) is None
    assert decide(case) == decide(truth)


@pytest.fixture(scope="module")
def oracle() -> Completions:
    return Completions.for_kb(KB)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=partial_cases())
def test_the_missing_fields_agree_with_the_asp_oracle(oracle, case):
    """Every field with an outcome-removing answer (implications included) is missing, as the
    independent ASP encoding of the completions finds (wervel_lp/completions.py).
    """
    asp = oracle.exact(case)          # 3-9 s a case: the outcome of every cell of every unknown field
    for u in recommend(case).undetermined:
        if u.reason == "missing_findings":
            assert set(u.missing) == set(asp[u.topic].missing), (u.topic, json.dumps(case))


def test_a_decided_case_has_no_next_question():
    assert next_question(FULL) is None or next_question(FULL).field not in FULL


# --- the interview on a terminal ----------------------------------------------

def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "wervel_lp", *args]


def test_the_interview_reads_answers_and_writes_the_case(tmp_path):
    """`?` is "not known"; end of input stops and keeps the answers."""
    start = tmp_path / "case.json"
    start.write_text(json.dumps(EARLY))
    out = tmp_path / "out.json"
    first = next_question(EARLY)
    assert first is not None and KB.schema.fields[first.field].kind == "bool"
    run = subprocess.run(_cli("interview", str(start), "--lang", "en", "--out", str(out)),
                         input="no\n?\n", capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    written = json.loads(out.read_text())
    assert written == {**EARLY, first.field: False}
    assert "Stopped" in run.stdout


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is installed by make test (make tmux)")
def test_the_interview_on_a_real_terminal(tmp_path):
    """Driven under tmux with send-keys; the screen shows the question, the allowed answers and
    each decision as it settles.
    """
    start = tmp_path / "case.json"
    start.write_text(json.dumps(EARLY))
    out = tmp_path / "out.json"
    session = f"wervel-{uuid.uuid4().hex[:8]}"
    command = " ".join(_cli("interview", str(start), "--lang", "nl", "--out", str(out)))
    env = {**os.environ, "TERM": "xterm"}
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "50", command],
                   check=True, env=env, cwd=Path(__file__).parent.parent)
    try:
        screen = _wait_for(session, "antwoord>")
        assert "Volgende vraag" in screen and "? = niet bekend" in screen
        subprocess.run(["tmux", "send-keys", "-t", session, "nee", "Enter"], check=True)
        screen = _wait_for(session, "besloten: MRI: MRI-scan maken")
        subprocess.run(["tmux", "send-keys", "-t", session, "C-d"], check=True)
        deadline = time.monotonic() + 60      # the session ends with the program, the case written
        while subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode == 0 \
                and time.monotonic() < deadline:
            time.sleep(0.2)
        assert json.loads(out.read_text())["adequate_imaging_available"] is False
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def _wait_for(session: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True,
                                text=True).stdout
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not on the screen:\n{screen}")
