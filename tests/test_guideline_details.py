"""Clinical expectations from the guideline text that kill survivors of the mutation test
(tests/mutation.py): each one pins a detail no other test pinned.
"""

import pytest
from cases import FULL

from wervel_lp import recommend

NO_ALARM = {**FULL, "night_pain": False, "progressive_pain": False, "new_local_pain": False,
            "spinal_tenderness": False, "general_condition": "good", "adequate_imaging_available": False}
NO_ALARM = {k: v for k, v in NO_ALARM.items() if k != "metastases_on_imaging"}


@pytest.mark.parametrize("symptom", ["night_pain", "progressive_pain", "new_local_pain", "spinal_tenderness"])
def test_each_alarm_symptom_alone_with_back_pain_indicates_an_mri(symptom):
    """"Alarmsymptomen bij rugpijn die kunnen wijzen op wervelmetastasen zijn: - nachtelijke rugpijn -
    progressieve rugpijn - nieuwe lokale rugpijn - druk-/kloppijn over de wervelkolom - een matige conditie":
    each symptom on its own makes back pain suspect, so the MRI is indicated.
    """
    assert "mri" not in recommend(NO_ALARM).decisions
    assert recommend({**NO_ALARM, symptom: True}).decisions["mri"] == "indicated"
