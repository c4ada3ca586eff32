"""Where the patient stands on the pathway (issue 19): the steps of kb/topics.pl, taken or not,
shown in the text and HTML of an explanation, in Dutch and English from the kb's labels.
"""

import json
from pathlib import Path

import pytest
from cases import MESCC_DEFICIT, UNKNOWN_ORIGIN, UNSTABLE, full

from wervel_lp import recommend
from wervel_lp.knowledge import knowledge_base
from wervel_lp.pictures import proof_html
from wervel_lp.render import _step_taken, findings, pathway_line, render_explanation, render_result


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Pathway: [x] imaging shows spinal metastases; [ ] the definitive diagnosis has been made"),
    ("nl", "Traject: [x] beeldvorming toont wervelmetastasen; [ ] de definitieve diagnose is gesteld"),
])
def test_explain_shows_the_pathway_and_the_step_the_treatment_waits_for(lang, expected):
    """Nog voordat de behandeling start weefsel voor histologisch ... onderzoek te verkrijgen:
    before the biopsy of an unknown primary, the treatment waits for the definitive diagnosis.
    """
    kb = knowledge_base()
    result = recommend(full(UNKNOWN_ORIGIN, MESCC_DEFICIT))
    text = render_explanation(result.explain("treatment"), kb, lang, findings(result))
    assert expected in text
    step = kb.steps["definitive_diagnosis"][lang]
    assert f"'{step}'" in text
    assert expected.split(": ", 1)[1].split(";")[0] in proof_html(result.explain("treatment"), kb, lang,
                                                                 findings(result))


def test_the_pathway_of_an_operated_patient():
    """An operated patient has taken every step; a case without a word on the operation shows it
    as not known, and inferred findings count (a postoperative course means an operation).
    """
    kb = knowledge_base()
    operated = recommend(full(UNSTABLE, postoperative_neurology="recovering", operated=None))
    assert pathway_line(findings(operated), kb, "en").count("[x]") == 3
    assert "[?] the patient has had the operation" in pathway_line({"metastases_on_imaging": True}, kb, "en")
    assert "Pathway: " in render_result(operated, kb, "en")


EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))

# The course, step by step (issue 28): each stage adds what that step makes true.
COURSE = [
    ("imaging done", {"metastases_on_imaging": True}),
    ("biopsy taken", {"histology_obtained": True, "urgent_ct_thorax_abdomen_pelvis_made": True,
                      "recent_staging_ct": True}),
    ("operated", {"operated": True}),
    ("irradiated", {"prior_radiotherapy_same_level": True}),
    ("worsening", {"deterioration_under_radiotherapy_and_corticosteroids": True,
                   "neurological_deficit": True, "deficit_progressive": True}),
]


def _given(result):
    advice = {r.value for r in result.recommendations if r.topic == "advice"}
    return lambda topic: advice if topic == "advice" else {result.decisions[topic]} - {None} \
        if topic in result.decisions else set()


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_course_walked_step_by_step_repeats_no_step_and_skips_none(example):
    """Each example advanced along the course (imaging, biopsy, operation, radiotherapy, worsening): at every
    stage no decision is one that a step taken ends (kb/topics.pl step_ends/3: no pre-operative work-up after
    the operation, "een tweede behandeling" only after the first), and none presupposes a step not taken
    (topic_step/2: "nog voordat de behandeling start weefsel ... te verkrijgen").
    """
    kb = knowledge_base()
    case = json.loads(example.read_text(encoding="utf-8"))
    for stage, changes in [("as given", {}), *COURSE]:
        case = {**case, **changes}
        result = recommend(case)
        given, known = _given(result), findings(result)
        for step, reached in kb.step_reached.items():
            taken = _step_taken(reached, known)
            if taken:
                for topic, values in kb.step_ends[step]:
                    assert not given(topic) & values, (stage, step, topic)
            elif taken is False:
                for topic in kb.step_topics[step]:
                    assert not given(topic), (stage, step, topic)
