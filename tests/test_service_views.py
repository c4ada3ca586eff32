"""What the page and the cards show of a result, read generically.

Issue 12's ``ask``, ``possible`` and ``provisional`` where a result has them, ``missing`` where not.
"""

import json
import re

import pytest

pytest.importorskip("fastapi")

from wervel_lp import recommend
from wervel_lp.result import Result
from wervel_lp.service.cds_hooks import cards
from wervel_lp.service.page import result_html
from wervel_lp.service.views import form_steps

CASE = {"known_primary_malignancy": True, "back_pain": True, "night_pain": True}


def extended(kb):
    """The result for CASE with each undetermined entry given ask (missing reversed), possible, provisional."""
    data = recommend(CASE).to_dict()
    for entry in data["undetermined"]:
        entry["ask"] = list(reversed(entry["missing"]))
        entry["possible"] = [kb.topics[entry["topic"]].values[0], None]
        entry["provisional"] = {"value": kb.topics[entry["topic"]].values[0], "fields": entry["missing"][:1]}
    return Result._from_answer(kb, CASE, json.dumps(data)), data["undetermined"]


def test_open_topics_ask_in_the_results_order_when_it_has_one(kb):
    result, undetermined = extended(kb)
    page = result_html(result, kb, "en")
    for entry in undetermined:
        item = re.search(rf'<li class="open-topic" data-topic="{entry["topic"]}">(.*?)</li></ol>', page).group(1)
        assert re.findall(r'data-field="(\w+)"', item) == entry["ask"]
    assert 'class="provisional"' in page and "no decision" in page
    detail = cards(result, kb, "en", "http://127.0.0.1/")[-1]["detail"]
    first = undetermined[0]
    asked = ", ".join(kb.schema.fields[f].label_en for f in first["ask"])
    assert asked in detail and "provisional" in detail and "possible outcomes" in detail


def test_open_topics_fall_back_to_missing(kb):
    result = recommend(CASE)
    page = result_html(result, kb, "nl")
    for entry in result.to_dict()["undetermined"]:
        item = re.search(rf'<li class="open-topic" data-topic="{entry["topic"]}">(.*?)</li></ol>', page).group(1)
        assert re.findall(r'data-field="(\w+)"', item) == entry["ask"]   # the missing fields, most informative first
        assert sorted(entry["ask"]) == sorted(entry["missing"])
    assert 'class="provisional"' not in page


def test_every_field_is_in_one_step_and_steps_follow_the_chapters(kb):
    steps = form_steps(kb)
    names = [f.name for s in steps for f in s.fields]
    assert sorted(names) == sorted(kb.schema.fields) and len(names) == len(set(names))
    assert steps[0].module == "diagnostics" and "mri" in steps[0].topics
    assert all(s.topics for s in steps if s.module)
