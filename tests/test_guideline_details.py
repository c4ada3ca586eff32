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


NO_SUSPICION = {**NO_ALARM, "back_pain": False}


@pytest.mark.parametrize("changes", [{"general_condition": "moderate"}, {"general_condition": "poor"},
                                     {"spinal_tenderness": True}])
def test_an_alarm_symptom_without_back_pain_raises_no_suspicion(changes):
    """"Alarmsymptomen bij rugpijn die kunnen wijzen op wervelmetastasen zijn: [...] druk-/kloppijn over de
    wervelkolom - een matige conditie": they are alarm symptoms *with back pain*; a moderate condition or
    tenderness without back pain (and without other suspect pain or neurological signs) indicates no MRI.
    """
    assert "mri" not in recommend({**NO_SUSPICION, **changes}).decisions
    assert recommend({**NO_SUSPICION, **changes, "back_pain": True}).decisions["mri"] == "indicated"


@pytest.mark.parametrize("symptom", ["severe_pain_all_positions", "interscapular_pain"])
def test_severe_or_interscapular_pain_alone_indicates_an_mri(symptom):
    """"Ook hevige pijn in alle houdingen en pijn tussen de schouderbladen is verdacht.": each on its own,
    without back pain, is a suspicion, so a patient with a known primary gets an MRI.
    """
    assert "mri" not in recommend(NO_SUSPICION).decisions
    assert recommend({**NO_SUSPICION, symptom: True}).decisions["mri"] == "indicated"


@pytest.mark.parametrize(("changes", "urgency"), [
    ({"radicular_pain": "unilateral"}, "within_1_week"),
    ({"radicular_pain": "bilateral"}, "within_12_hours"),
    ({"radicular_deficit": "unilateral", "neurological_deficit": True, "deficit_progressive": True,
      "deficit_onset_days": 3}, "within_24_hours"),
    ({"radicular_deficit": "bilateral", "neurological_deficit": True}, "within_12_hours"),
    ({"mescc_suspected": True}, "within_12_hours"),
    ({"lhermitte_sign": True}, "within_12_hours"),
    ({"neurological_deficit": True}, None),  # the list gives no deadline (anomaly a1)
])
def test_each_neurological_sign_alone_indicates_an_mri_with_its_deadline(changes, urgency):
    """"Er wordt geadviseerd om bij een patiënt met verdenking op wervelmetastasen de MRI te maken: [...]
    binnen 1 week bij eenzijdige radiculaire pijn. [...] binnen 24 uur bij eenzijdige radiculaire uitval
    die binnen 7 dagen ontstaan en progressief is. [...] binnen 12 uur, bij klinische verdenking op MESMC
    of het symptoom van Lhermitte [...] of bij bilaterale radiculaire pijn en/of uitval": each of these
    signs, without back pain, makes the patient one with suspected spinal metastases
    (I-suspicion-from-neurological-signs), so the MRI is indicated, with that sign's deadline.
    """
    decisions = recommend({**NO_SUSPICION, **changes}).decisions
    assert decisions["mri"] == "indicated"
    assert decisions.get("mri_urgency") == urgency


DEFICIT = {**NO_SUSPICION, "neurological_deficit": True}


@pytest.mark.parametrize(("changes", "urgency"), [
    ({"radicular_deficit": "unilateral", "deficit_progressive": True, "deficit_onset_days": 7}, "within_24_hours"),
    ({"radicular_deficit": "unilateral", "deficit_progressive": True, "deficit_onset_days": 8}, "within_48_hours"),
    # not progressive: neither sentence applies (anomaly a1)
    ({"radicular_deficit": "unilateral", "deficit_progressive": False, "deficit_onset_days": 3}, None),
    ({"radicular_deficit": "unilateral", "deficit_progressive": False, "deficit_onset_days": 10}, None),
    # progressive, but not a radicular deficit: neither sentence applies (anomaly a1)
    ({"radicular_deficit": "none", "deficit_progressive": True, "deficit_onset_days": 3}, None),
    ({"radicular_deficit": "none", "deficit_progressive": True, "deficit_onset_days": 10}, None),
])
def test_the_24_and_48_hour_deadlines_are_for_a_progressive_unilateral_radicular_deficit(changes, urgency):
    """"binnen 48 uur bij eenzijdige radiculaire uitval die over meer dan 7 dagen ontstaan en progressief is.
    binnen 24 uur bij eenzijdige radiculaire uitval die binnen 7 dagen ontstaan en progressief is.": both need
    a unilateral radicular deficit that is progressive; 7 days is "binnen 7 dagen", 8 days "meer dan 7 dagen".
    """
    decisions = recommend({**DEFICIT, **changes}).decisions
    assert decisions["mri"] == "indicated"
    assert decisions.get("mri_urgency") == urgency
