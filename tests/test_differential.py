"""Differential test of the translation: the Prolog evaluator and the ASP
translation give identical three-valued rule statuses and resolutions on the
examples, a pairwise covering set of cases and 10,000 random valid cases;
``decide``, which reads the decisions off the decision diagrams, gives the
same decisions as the evaluation with proofs. The exact decisions over
completions are compared with their own ASP encoding in test_exact.py.
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
    assert decide(case) == recommend(case).decisions
    return kb.statuses_and_decisions(case)


def prolog_bulk_view(kb, case):
    return kb.statuses_and_decisions(case)


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
