"""Where the patient stands on the pathway (issue 19): the steps of kb/topics.pl, taken or not,
shown in the text and HTML of an explanation, in Dutch and English from the kb's labels.
"""

import pytest
from cases import MESCC_DEFICIT, UNKNOWN_ORIGIN, UNSTABLE, full

from wervel_lp import recommend
from wervel_lp.knowledge import knowledge_base
from wervel_lp.pictures import proof_html
from wervel_lp.render import findings, pathway_line, render_explanation, render_result


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
