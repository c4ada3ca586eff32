"""Exact decisions under missing findings (docs/contract.md, section 1).

A value is decided only when every completion of the unknown findings gives
it; an open topic lists what is possible, which fields matter and what to
ask. The guideline cases below state what a clinician expects of a partial
case; the properties check the semantics on random partial cases, and the
differential test compares the engine (decision diagrams in Prolog) with an
independent encoding of the same semantics in ASP (wervel_lp/completions.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cases import FULL, OPERATED, UNSTABLE, full
from generate import field_values, pairwise_cases, random_cases, repair
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wervel_lp import CaseError, decide, decide_many, recommend
from wervel_lp.checker import Solver
from wervel_lp.completions import Completions
from wervel_lp.knowledge import knowledge_base

KB = knowledge_base()
VALUES = field_values(Solver.for_kb(KB))
TOPICS = [t for t, info in KB.topics.items() if info.policy != "collect"]


@pytest.fixture(scope="module")
def completions() -> Completions:
    return Completions.for_kb(KB)


def outcome(result: Any, topic: str) -> dict[str, Any]:
    """The topic as the result gives it: decided value, or what is possible and missing."""
    if topic in result.decisions:
        return {"possible": {result.decisions[topic]}, "missing": set()}
    for u in result.undetermined:
        if u.topic == topic:
            return {"possible": set(u.possible), "missing": set(u.missing), "ask": u.ask,
                    "provisional": u.provisional}
    return {"possible": {None}, "missing": set()}


# --- guideline cases ----------------------------------------------------------

def test_a_life_expectancy_over_six_months_needs_no_answer_on_a_combined_procedure():
    """"er is een levensverwachting van minstens drie maanden (bij gecombineerde ingrepen wordt
    zes maanden aangehouden)": with 18 months both branches hold, so whether the operation is a
    combined procedure cannot change the surgical eligibility of an unstable spine.
    """
    case = full(UNSTABLE, life_expectancy_months=18, combined_procedure=None)
    result = recommend(case)
    assert result.decisions["surgery_eligible"] == "yes"
    assert result.decisions == recommend(full(UNSTABLE, life_expectancy_months=18)).decisions
    assert decide(case) == result.decisions
    proof = result.explain("surgery_eligible").recommendations[0].proof
    assert "combined_procedure" in json.dumps(proof)  # the split on the combined procedure is shown


def test_at_five_months_the_combined_procedure_decides_eligibility():
    """With 5 months, "minstens drie maanden" holds but "meer dan zes maanden" for a combined
    procedure does not: eligibility waits for that answer, and it is the field to ask.
    """
    result = recommend(full(UNSTABLE, life_expectancy_months=5, combined_procedure=None))
    open_topic = outcome(result, "surgery_eligible")
    assert "surgery_eligible" not in result.decisions
    assert open_topic["possible"] == {"yes", "no"}
    assert open_topic["ask"] == ("combined_procedure",)


def test_postoperative_interval_waits_for_the_neurological_course():
    """"Bij patiënten met onvoldoende neurologisch herstel of met neurologische achteruitgang
    na de operatie wordt eerder gestart": after an operation with the course unknown, the
    3-4 weeks interval is only provisional, never a decision.
    """
    result = recommend(full(OPERATED))
    assert "postoperative_radiotherapy" not in result.decisions
    open_topic = outcome(result, "postoperative_radiotherapy")
    assert open_topic["possible"] == {"after_3_to_4_weeks", "earlier"}
    assert open_topic["provisional"] == "after_3_to_4_weeks"
    assert open_topic["missing"] == {"postoperative_neurology"}


def test_a_finding_that_cannot_change_the_outcome_does_not_block_it():
    """The treatment of a fully described patient does not wait for the proton pump inhibitor's
    risk factors, which no treatment rule reads.
    """
    case = full(peptic_ulcer_history=None, nsaid_use=None, anticoagulant_use=None)
    assert recommend(case).decisions["treatment"] == recommend(full()).decisions["treatment"]


def test_definitional_implications_are_inferred():
    """Night pain is back pain: a case that says night pain and nothing about back pain is
    decided as if it said both.
    """
    case = {k: v for k, v in FULL.items() if k != "back_pain"}
    result = recommend(case)
    assert ("back_pain", True) in {(i.field, i.value) for i in result.inferred}
    assert result.decisions == recommend(FULL).decisions


def test_findings_that_contradict_through_an_implication_are_refused():
    """A lesion duration implies a complete cord lesion, which is a neurological deficit."""
    with pytest.raises(CaseError):
        recommend({"complete_cord_lesion_hours": 49, "neurological_deficit": False})


# --- properties on random partial cases ---------------------------------------

@st.composite
def partial_cases(draw: Any) -> dict[str, Any]:
    """A valid case with each field unknown or one of its domain values."""
    unknown = draw(st.floats(0.3, 0.9))
    case = {}
    for f in sorted(VALUES):
        if draw(st.floats(0, 1)) >= unknown:
            case[f] = draw(st.sampled_from(VALUES[f][1:]))
    case = {f: int(v) if KB.schema.fields[f].kind == "integer" else v for f, v in case.items()}
    fixed = repair(KB.schema, case)
    if fixed is None:
        return {}
    try:
        KB.schema.validate(fixed)
    except CaseError:
        return {}
    return fixed


def completion_of(draw: Any, case: dict[str, Any], fields: Any) -> dict[str, Any] | None:
    """``case`` with ``fields`` given drawn values, or None when they contradict the case."""
    filled = dict(case)
    for f in sorted(fields):
        filled[f] = draw(st.sampled_from(VALUES[f][1:]))
        if KB.schema.fields[f].kind == "integer":
            filled[f] = int(filled[f])
    try:
        KB.schema.validate(filled)
    except CaseError:
        return None
    return filled


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=partial_cases(), data=st.data())
def test_every_decision_holds_in_every_completion(case, data):
    decisions = recommend(case).decisions
    completion = completion_of(data.draw, case, set(VALUES) - set(case))
    if completion is not None:
        assert {t: recommend(completion).decisions.get(t) for t in decisions} == decisions


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=partial_cases(), data=st.data())
def test_answering_the_ask_fields_settles_the_topic(case, data):
    for u in recommend(case).undetermined:
        if u.reason != "missing_findings":
            continue
        answered = completion_of(data.draw, case, u.ask)
        if answered is not None:
            assert u.topic not in {v.topic for v in recommend(answered).undetermined}, (u.topic, u.ask)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=partial_cases())
def test_every_possible_value_is_reached_by_a_completion(completions, case):
    """Each possible value has a completion (found by ASP) that the engine decides so."""
    for u in recommend(case).undetermined:
        for value in u.possible:
            witness = completions.witness(case, u.topic, value)
            assert witness is not None, (u.topic, value)
            assert recommend(witness).decisions.get(u.topic) == value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=partial_cases())
def test_decide_reads_off_the_diagrams_what_recommend_evaluates(case):
    """decide() reads each topic off its decision diagram alone; recommend() evaluates the rules
    and looks up only the topics they leave open: both give the same decisions.
    """
    assert decide(case) == recommend(case).decisions, json.dumps(case)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=partial_cases())
def test_every_case_the_schema_accepts_has_a_completion(completions, case):
    """Some completion of an accepted case breaks no contradiction (ASP finds the outcomes of the
    valid ones): "every completion" is never vacuous, so a decision read off the diagrams is one
    that some completion, and so the three-valued evaluation where it settles a topic, gives.
    """
    exact = completions.exact(case, removing=False)
    assert all(topic in exact and exact[topic].possible for topic in TOPICS), json.dumps(case)


def split_leaf_conclusions(node: dict[str, Any]) -> list[tuple[str, str]]:
    """The (topic, value) of the rules at the ends of a proof's case split (the rule itself if none)."""
    if "case_split" not in node:
        return [(node["conclusion"]["topic"], node["conclusion"]["value"])] if "conclusion" in node else []
    return [c for branch in node["case_split"]["branches"] for p in branch["proof"]
            for c in split_leaf_conclusions(p)]


def assert_splits_show_their_own_value(case: dict[str, Any]) -> None:
    for rec in recommend(case).recommendations:
        for conclusion in split_leaf_conclusions(rec.proof):
            assert conclusion == (rec.topic, rec.value), (rec.topic, rec.value, json.dumps(case))


def test_a_case_split_ends_in_rules_of_its_own_value():
    """Every branch of the case split behind a value ends in rules that conclude that value: a split
    behind the advice "Bouw de corticosteroïden in 1-2 weken na behandeling volledig af" shows that
    rule, not another advice that also holds (as it once did).
    """
    cases = [c for i, unknown in enumerate((0.3, 0.5)) for c in random_cases(KB.schema, VALUES, 200, seed=21 + i,
                                                                               unknown=unknown)]
    splits = 0
    for case in cases:
        assert_splits_show_their_own_value(case)
        splits += sum("case_split" in rec.proof for rec in recommend(case).recommendations)
    assert splits > 10   # the cases do have splits to look at


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=partial_cases())
def test_case_splits_end_in_rules_of_their_own_value(case):
    assert_splits_show_their_own_value(case)


# --- the diagrams' walks in C against their definition in Prolog --------------

WALK_LIBRARY = Path(__file__).resolve().parent.parent / "wervel_lp" / "prolog" / "diagram_walk.so"


def test_the_walks_in_c_are_loaded_where_they_are_built():
    """`make` builds wervel_lp/prolog/diagram_walk.so; where it exists, exact.pl must walk with it."""
    if not WALK_LIBRARY.exists():
        pytest.skip("diagram_walk.so is not built (make builds it)")
    assert KB.metadata["walks"] == "c"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=partial_cases())
def test_the_walks_in_c_answer_as_the_walks_in_prolog(case):
    """On every topic diagram: the outcomes of the valid completions, the fields that split, and
    the outcomes found by the search that stops at the second one, node for node as exact.pl's
    own walks, which define them. A case the walks in C leave to exact.pl, one that would need a
    sub-query, counts as a disagreement too: on this kb's field order there is none.
    """
    answer = KB.engine.call_json("walk_agreement_json", KB._case_text(KB.schema.validate(case)))
    assert answer["disagreements"] == [], json.dumps(case)
    assert answer["walks"] == ("c" if WALK_LIBRARY.exists() else "prolog")


# --- the engine against the ASP encoding of the same semantics -----------------

def assert_same_as_asp(completions: Completions, case: dict[str, Any]) -> None:
    result = recommend(case)
    asp = completions.exact(case, removing=False)   # the flips only: the outcome-removing cells are
    for topic in TOPICS:                             # checked in full in tests/test_interview.py
        mine = outcome(result, topic)
        assert mine["possible"] == set(asp[topic].possible), (topic, json.dumps(case))
        assert set(asp[topic].missing) <= mine["missing"], (topic, json.dumps(case))
    assert decide(case) == result.decisions


def test_pairwise_cases_agree_with_asp(completions):
    cases = pairwise_cases(KB.schema, VALUES)
    assert len(cases) > 50
    for case in cases:
        assert_same_as_asp(completions, case)


def test_random_partial_cases_agree_with_asp(completions):
    """WERVEL_LP_EXACT_CASES (default 200; `make differential`: 10,000) cases, 30-90% unknown."""
    n = int(os.environ.get("WERVEL_LP_EXACT_CASES", "200"))
    fractions = (0.3, 0.5, 0.7, 0.9)
    for i, unknown in enumerate(fractions):
        for case in random_cases(KB.schema, VALUES, n // len(fractions), seed=100 + i, unknown=unknown):
            assert_same_as_asp(completions, case)


def test_every_entry_point_gives_the_same_exact_decisions(tmp_path):
    """recommend, decide, decide_many, --batch and --decisions-only agree on partial cases."""
    cases = [c for i, unknown in enumerate((0.3, 0.6, 0.9))
             for c in random_cases(KB.schema, VALUES, 20, seed=300 + i, unknown=unknown)]
    expected = [recommend(c).decisions for c in cases]
    assert [decide(c) for c in cases] == expected
    assert list(decide_many(cases)) == expected
    source = tmp_path / "cases.jsonl"
    source.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    for flags in ((), ("--decisions-only",)):
        out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "recommend", "--batch", str(source), *flags],
                             capture_output=True, text=True, timeout=300, check=True)
        assert [json.loads(line)["decisions"] for line in out.stdout.splitlines()] == expected
