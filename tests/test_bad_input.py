"""Bad input that ended in a traceback: each is now a CaseError naming the field (exit 2 at
the command line, one line, no traceback).
"""

import fractions
import json
import subprocess
import sys

import numpy as np
import pytest

from wervel_lp import CaseError, decide, recommend
from wervel_lp.knowledge import knowledge_base

BASE = {"known_primary_malignancy": True, "back_pain": True, "metastases_on_imaging": True}


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wervel_lp.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


def assert_one_line_exit_2(out: subprocess.CompletedProcess[str], field: str) -> None:
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"wervel-lp: invalid input: {field}:"), out.stderr


@pytest.mark.parametrize("value", [10**400, -(10**400), 10**5000, float("inf"), float("nan")],
                         ids=["1e400", "-1e400", "5000_digits", "inf", "nan"])
@pytest.mark.parametrize("field", ["life_expectancy_months", "bone_metastases_count"])
def test_numbers_beyond_float_range_are_refused_naming_the_field(field, value):
    with pytest.raises(CaseError) as err:
        recommend({**BASE, field: value})
    assert err.value.field == field
    with pytest.raises(CaseError):
        decide({**BASE, field: value})


@pytest.mark.parametrize("digits", [400, 5000, 100_000])
@pytest.mark.parametrize("field", ["life_expectancy_months", "bone_metastases_count"])
def test_huge_integers_in_json_are_refused_naming_the_field(field, digits):
    out = cli("recommend", "-", stdin=f'{{"{field}": {"9" * digits}}}')
    assert_one_line_exit_2(out, field)


def test_big_integer_within_float_range_is_still_a_number():
    assert recommend({**BASE, "life_expectancy_months": 10**300}).decisions == \
        recommend({**BASE, "life_expectancy_months": 1000}).decisions


def test_deeply_nested_json_is_refused():
    out = cli("recommend", "-", stdin='{"back_pain": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert_one_line_exit_2(out, "$")
    assert "nested too deeply" in out.stderr or "expected" in out.stderr


def test_deeply_nested_value_in_the_api_is_refused_naming_the_field():
    value: list = []
    for _ in range(100_000):
        value = [value]
    with pytest.raises(CaseError) as err:
        recommend({"back_pain": value})
    assert err.value.field == "back_pain"


def test_an_endless_input_is_read_only_up_to_the_cap():
    out = subprocess.run([sys.executable, "-m", "wervel_lp.cli", "recommend", "/dev/zero"],
                         capture_output=True, text=True, timeout=120)
    assert_one_line_exit_2(out, "$")
    assert "larger than" in out.stderr


def test_a_large_case_on_standard_input_is_refused():
    out = cli("recommend", "-", stdin='{"back_pain": true, "x": "' + "a" * 2_000_000 + '"}')
    assert_one_line_exit_2(out, "$")


@pytest.mark.parametrize("value", [np.float64(12.0), np.int64(12), np.int32(12), np.float32(12.0),
                                   fractions.Fraction(12), 12, 12.0], ids=repr)
def test_numpy_scalars_and_number_types_are_taken_by_value(value):
    expected = recommend({**BASE, "life_expectancy_months": 12})
    assert recommend({**BASE, "life_expectancy_months": value}).to_json() == expected.to_json()
    count = recommend({**BASE, "bone_metastases_count": np.int64(2)}).to_json()
    assert count == recommend({**BASE, "bone_metastases_count": 2}).to_json()


def test_numpy_bool_is_a_bool_and_a_number_is_not():
    assert recommend({**BASE, "back_pain": np.bool_(True)}).to_json() == recommend(BASE).to_json()
    for value in (np.int64(1), 1, np.float64(1.0)):
        with pytest.raises(CaseError) as err:
            recommend({**BASE, "back_pain": value})
        assert err.value.field == "back_pain"
    with pytest.raises(CaseError):
        recommend({**BASE, "bone_metastases_count": np.float64(2.5)})


class LyingInt(int):
    """Validates as one value and prints (reaches Prolog) as another."""

    def __str__(self) -> str:
        return "0"

    def __repr__(self) -> str:
        return "0"

    def __ge__(self, other: object) -> bool:
        return True

    def __float__(self) -> float:
        return 0.0


class LyingStr(str):
    """Validates as one name and encodes (reaches Prolog) as another."""

    def encode(self, *args: object, **kwargs: object) -> bytes:  # noqa: D102
        return b"shell"

    def __str__(self) -> str:
        return "nonsense"


def test_a_number_subclass_reaches_the_kb_with_the_validated_value():
    honest = recommend({**BASE, "life_expectancy_months": 24}).to_json()
    assert recommend({**BASE, "life_expectancy_months": LyingInt(24)}).to_json() == honest
    with pytest.raises(CaseError):  # -5 is out of range, whatever __ge__ says
        recommend({**BASE, "life_expectancy_months": LyingInt(-5)})
    result = recommend({**BASE, "life_expectancy_months": LyingInt(24)})
    assert type(result.case["life_expectancy_months"]) is int


def test_a_str_subclass_is_read_by_its_value():
    case = {LyingStr("back_pain"): True, "tumour_type": LyingStr("breast"), "known_primary_malignancy": True}
    assert recommend(case).to_json() == recommend({"back_pain": True, "tumour_type": "breast",
                                                   "known_primary_malignancy": True}).to_json()
    result = recommend(BASE)
    assert result.why_not(LyingStr("treatment"), LyingStr("surgery")).topic == "treatment"


@pytest.mark.parametrize("bad", [None, 1, 2.5, ["treatment"], {"t": 1}, b"treatment", object()],
                         ids=lambda b: type(b).__name__)
def test_wrong_argument_types_to_explain_and_why_not_are_refused(bad):
    result = recommend(BASE)
    with pytest.raises(CaseError) as err:
        result.explain(bad)
    assert err.value.field == "topic"
    with pytest.raises(CaseError) as err:
        result.why_not(bad, "surgery")
    assert err.value.field == "topic"
    with pytest.raises(CaseError) as err:
        result.why_not("treatment", bad)
    assert err.value.field == "value"
    if bad is not None:  # None: no value to check
        with pytest.raises(CaseError):
            knowledge_base().check_topic_value("treatment", bad)


@pytest.mark.parametrize(("text", "key"), [
    ('{"back_pain": true, "back_pain": false}', "back_pain"),
    ('{"back_pain": true, "tumour_type": "breast", "tumour_type": "lung"}', "tumour_type"),
    ('{"nope": 1, "nope": 2}', "nope"),
])
def test_duplicate_keys_in_a_json_case_are_refused_naming_the_key(text, key):
    out = cli("recommend", "-", stdin=text)
    assert_one_line_exit_2(out, key)
    assert "more than once" in out.stderr
    batch = cli("recommend", "--batch", "-", "--on-error", "skip", stdin=text + "\n")
    record = json.loads(batch.stdout)
    assert record["error"]["field"] == key


def test_a_mapping_whose_keys_repeat_a_field_is_refused():
    class Key(str):
        def __hash__(self) -> int:
            return id(self)

        def __eq__(self, other: object) -> bool:
            return self is other

    with pytest.raises(CaseError) as err:
        recommend({Key("back_pain"): True, Key("back_pain"): False})
    assert err.value.field == "back_pain"
