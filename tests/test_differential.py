"""Differential test: the Prolog evaluator and the ASP translation give
identical rule statuses and decisions on the examples, a pairwise covering
set of cases and 10,000 random valid cases; the decisions-only evaluation
(``decide``) gives the same decisions as the evaluation with proofs.
"""

import json
from pathlib import Path

import pytest
from generate import field_values, pairwise_cases, random_cases

from wervel_lp import decide, recommend
from wervel_lp.checker import Solver, _text

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))


@pytest.fixture(scope="module")
def solver(kb):
    return Solver.for_kb(kb)


def prolog_view(kb, case):
    statuses, decided = kb.statuses_and_decisions(case)
    result = recommend(case)
    assert decided == set(result.decisions.items()) | {
        (r.topic, r.value) for r in result.recommendations if r.topic == "advice"}
    assert decide(case) == result.decisions
    return statuses, decided


def prolog_bulk_view(kb, case):
    statuses, decided = kb.statuses_and_decisions(case)
    assert decide(case) == {t: v for t, v in decided if kb.topics[t].policy != "collect"}
    return statuses, decided


def asp_view(solver, case):
    statuses, decided = {}, set()
    for s in solver.evaluate(case):
        name = s.name
        if name in ("fires", "rfalse"):
            statuses[_text(s.arguments[0])] = name == "fires"
        elif name == "decided":
            t, v = s.arguments
            decided.add((_text(t), _text(v)))
    return statuses, decided


def assert_same(kb, solver, case, view=prolog_view):
    p_status, p_decided = view(kb, case)
    a_status, a_decided = asp_view(solver, case)
    p_known = {r: s for r, s in p_status.items() if s is not None}
    assert p_known == a_status, f"rule statuses differ on {json.dumps(case)}"
    assert p_decided == a_decided, f"decisions differ on {json.dumps(case)}"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_agree(kb, solver, example):
    assert_same(kb, solver, kb.schema.validate(json.loads(example.read_text())))


def test_pairwise_covering_cases_agree(kb, solver):
    cases = pairwise_cases(kb.schema, field_values(solver))
    assert len(cases) > 50
    for case in cases:
        assert_same(kb, solver, case)


def test_ten_thousand_random_cases_agree(kb, solver):
    values = field_values(solver)
    n = 0
    for unknown in (0.1, 0.5):
        for case in random_cases(kb.schema, values, 5000, seed=int(unknown * 100), unknown=unknown):
            assert_same(kb, solver, case, view=prolog_bulk_view)
            n += 1
    assert n == 10_000
