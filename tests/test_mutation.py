"""Mutation testing (tests/mutation.py, ``make mutation``): the generator is exhaustive over its
operators, and the runner judges a mutant by the check or by a clinical test only. The full run
(about a thousand mutants) is ``make mutation``; here, two mutants go through the runner.
"""

import collections
import json

import pytest
from mutation import EQUIVALENT, generate, key, run

from wervel_lp.knowledge import knowledge_base


@pytest.fixture(scope="module")
def mutants():
    return generate()


def test_every_rule_priority_requirement_and_topic_is_mutated(mutants, kb):
    by_op = collections.defaultdict(set)
    for m in mutants:
        by_op[m["operator"]].add(m["target"])
    assert by_op["delete_rule"] == set(kb.rules)
    assert by_op["delete_priority"] == by_op["swap_priority"] == set(kb.priorities)
    # The requirements that pathway_requirements/0 derives from kb/topics.pl (topic_step/2,
    # step_ends/3) have no text of their own to delete; the generator does not mutate those
    # declarations yet (issue 28, left for later).
    derived = {r["id"] for r in kb.metadata["requirements"] if "_presupposes_" in r["id"] or "_ends_" in r["id"]}
    assert by_op["delete_requirement"] == {r["id"] for r in kb.metadata["requirements"]} - derived
    assert by_op["hit_policy"] == set(kb.topics)
    assert by_op["move_threshold"] == by_op["strictness"] != set()
    assert {"drop_condition", "negate_test", "other_value", "weaken_requirement"} <= set(by_op)


def test_the_generator_is_deterministic_and_samples_nothing(mutants):
    again = generate()
    assert [key(m) for m in again] == [key(m) for m in mutants]
    assert len({key(m) for m in mutants}) == len(mutants)


def test_the_runner_credits_the_check_and_the_clinical_tests(mutants):
    """Deleting "surgery over radiotherapy" leaves an unresolved overlap the check finds; swapping the
    night-time pain from the alarm symptoms passes the check and is caught by a clinical test.
    """
    priority = next(m for m in mutants if m["operator"] == "delete_priority"
                    and m["target"] == "surgery_over_radiotherapy_when_indicated")
    dropped = next(m for m in mutants if m["operator"] == "drop_condition"
                   and m["target"] == "alarm_symptoms_with_back_pain" and "night_pain" not in m["text"])
    assert run([priority, dropped], jobs=2) == ["check", "tests"]


def test_the_kb_in_this_process_is_untouched():
    assert knowledge_base().rules


def test_every_equivalent_mutant_is_generated_and_has_a_reason(mutants):
    """tests/equivalent_mutants.json names mutants of this kb (a stale key would hide nothing), each with a reason."""
    equivalent = json.loads(EQUIVALENT.read_text(encoding="utf-8"))
    assert set(equivalent) <= {key(m) for m in mutants}
    assert all(len(reason) > 40 for reason in equivalent.values())
