"""Case validation: bad input is refused as a whole, with the field named."""

import math

import pytest

from wervel_lp import CaseError, decide, recommend


@pytest.mark.parametrize(("case", "field"), [
    ({"back_pain": 1}, "back_pain"),                      # JSON 1 is not a bool
    ({"back_pain": "true"}, "back_pain"),
    ({"life_expectancy_months": "12"}, "life_expectancy_months"),
    ({"life_expectancy_months": -1}, "life_expectancy_months"),
    ({"life_expectancy_months": math.inf}, "life_expectancy_months"),
    ({"life_expectancy_months": math.nan}, "life_expectancy_months"),
    ({"life_expectancy_months": True}, "life_expectancy_months"),
    ({"bone_metastases_count": 2.5}, "bone_metastases_count"),
    ({"radicular_pain": True}, "radicular_pain"),
    ({"radicular_pain": "left"}, "radicular_pain"),
    ({"tumour_type": "Breast"}, "tumour_type"),
    ({"shoe_size": 42}, "shoe_size"),
    ({"complete_cord_lesion": True, "neurological_deficit": False}, "complete_cord_lesion"),
    ({"known_primary_malignancy": False, "tumour_type": "lung"}, "tumour_type"),
    ({"mescc_on_imaging": True, "metastases_on_imaging": False}, "mescc_on_imaging"),
    ({"back_pain": True, 3: True}, '"3"'),                # keys of mixed types; named quoted
])
@pytest.mark.parametrize("entry", [recommend, decide])
def test_bad_case_is_refused_naming_the_field(case, field, entry):
    with pytest.raises(CaseError) as err:
        entry(case)
    assert err.value.field == field
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize("document", [[], "case", 3, None])
def test_a_case_must_be_an_object(document):
    with pytest.raises(CaseError) as err:
        recommend(document)
    assert err.value.field == "$"


def test_null_and_unknown_tumour_type_mean_unknown():
    """Absent, null and tumour_type "unknown" are all an unknown finding."""
    base = {"back_pain": True, "night_pain": True}
    assert recommend({**base, "tumour_type": None}).to_json() == recommend(base).to_json()
    assert recommend({**base, "tumour_type": "unknown"}).to_json() == recommend(base).to_json()


def test_same_case_gives_byte_identical_json():
    case = {"back_pain": True, "night_pain": True, "known_primary_malignancy": True}
    assert recommend(case).to_json() == recommend(dict(reversed(case.items()))).to_json()
