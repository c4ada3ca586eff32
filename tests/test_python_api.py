"""What a Python caller relies on: the exported types, text of explanations, the typed case,
the JSON Schemas checked against real results, "did you mean" hints and compact results.
"""

import json
import pydoc
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import jsonschema
import pytest
from generate import field_values, pairwise_cases

import wervel_lp
from wervel_lp import Case, CaseError, Result, ResultWarning, Undetermined, recommend
from wervel_lp.schemas import CASE_MODULE, case_module, case_schema, result_schema

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
CASE = json.loads((ROOT / "examples" / "mescc_deficit_breast.json").read_text())


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wervel_lp", *args], capture_output=True, text=True, timeout=120,
                          cwd=ROOT)


def test_the_result_types_are_exported_and_warning_no_longer_shadows_the_builtin():
    import wervel_lp.result

    for name in ("Result", "Recommendation", "Explanation", "WhyNot", "Undetermined", "Inferred", "ResultWarning",
                 "RuleReport", "Case", "CaseError", "KbError"):
        assert name in wervel_lp.__all__ and hasattr(wervel_lp, name)
    assert not hasattr(wervel_lp.result, "Warning")
    assert ResultWarning.__name__ == "ResultWarning"


@pytest.mark.parametrize("case", [CASE, {}], ids=["demo", "empty"])
def test_explanation_prints_as_the_cli_explains(case):
    explanation = recommend(case).explain("treatment")
    out = subprocess.run([sys.executable, "-m", "wervel_lp", "explain", "-", "treatment", "--lang", "en"],
                         input=json.dumps(case), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert str(explanation) == explanation.text("en") == out.stdout
    assert "Pathway" in str(explanation)
    if not case:
        return
    assert "radiotherapy_first_choice" in str(explanation) and "Pathway" in str(explanation)
    assert explanation.text("nl").startswith("Behandeling") and "Traject" in explanation.text("nl")


def test_why_not_and_undetermined_print_as_text_with_json_values():
    result = recommend(CASE)
    report = result.why_not("treatment", "surgery")
    assert str(report).startswith("Treatment = surgery was not concluded.")
    assert "surgery_preferred" in str(report) and "regel surgery_preferred" in report.text("nl")
    assert "True" not in str(report) and "False" not in str(report)
    open_topic = next(u for u in result.undetermined if u.topic == "staging_ct")
    assert isinstance(open_topic, Undetermined)
    # the residual tree: each answer of the first question and what it decides
    assert str(open_topic).startswith("Staging") and "? yes -> " in str(open_topic)
    assert "? ja -> " in open_topic.text("nl")


def test_a_result_is_not_constructed_directly():
    with pytest.raises(TypeError, match="recommend"):
        Result({}, {}, "{}")
    shown = pydoc.render_doc(Result, renderer=pydoc.plaintext)
    assert "KnowledgeBase" not in shown and "_from_answer" not in shown
    assert "not constructed directly" in shown


def test_version_of_package_cli_and_module():
    assert wervel_lp.__version__ == version("wervel-lp")
    out = cli("--version")
    assert out.returncode == 0
    first, second, walkers = out.stdout.splitlines()
    assert first == f"wervel-lp {wervel_lp.__version__}"
    assert second.startswith(f"kb {wervel_lp.__version__} (") and "stamp " in second
    assert walkers.startswith("walkers: ")  # which ones: tests/test_install.py


def test_the_kb_stamp_changes_with_the_kb(tmp_path):
    import shutil

    from wervel_lp.engine import kb_stamp

    kb = tmp_path / "kb"
    shutil.copytree(ROOT / "kb", kb)
    assert kb_stamp(kb) == kb_stamp(ROOT / "kb")
    (kb / "timing.pl").write_text((kb / "timing.pl").read_text() + "\n% a comment\n")
    assert kb_stamp(kb) != kb_stamp(ROOT / "kb")


@pytest.mark.parametrize(("case", "field", "hint"), [
    ({"bak_pain": True}, "bak_pain", "back_pain"),
    ({"radicular_pain": "bilaterl"}, "radicular_pain", "bilateral"),
    ({"tumour_type": "Breast"}, "tumour_type", "breast"),
])
def test_a_misspelt_field_or_value_gets_a_hint(case, field, hint):
    with pytest.raises(CaseError) as err:
        recommend(case)
    assert err.value.field == field and f"(did you mean {hint}?)" in str(err.value)


def test_no_hint_when_nothing_is_close():
    with pytest.raises(CaseError) as err:
        recommend({"shoe_size": 42})
    assert "did you mean" not in str(err.value)


@pytest.mark.parametrize(("args", "hint"), [
    (("explain", "examples/mescc_deficit_breast.json", "treatmnt"), "treatment"),
    (("why-not", "examples/mescc_deficit_breast.json", "treatment=surgry"), "surgery"),
])
def test_a_misspelt_topic_or_value_gets_a_hint_in_the_cli(args, hint):
    out = cli(*args)
    assert out.returncode == 2 and len(out.stderr.splitlines()) == 1
    assert f"(did you mean {hint}?)" in out.stderr


def proofs(node):
    """Every value under a "proof" key, anywhere."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "proof":
                yield value
            yield from proofs(value)
    elif isinstance(node, list):
        for item in node:
            yield from proofs(item)


def test_a_compact_result_is_the_full_one_without_proof_trees():
    result = recommend(CASE)
    full, compact = result.to_dict(), result.to_dict(compact=True)
    assert not list(proofs(compact)) and list(proofs(full))
    assert compact["decisions"] == full["decisions"] and compact["undetermined"] == full["undetermined"]
    assert [(r["rule"], r["quote"]) for r in compact["recommendations"]] == [
        (r["rule"], r["quote"]) for r in full["recommendations"]]
    assert json.loads(result.to_json(compact=True)) == compact
    assert len(result.to_json(compact=True)) < len(result.to_json()) / 2


def test_the_typed_case_module_is_generated_from_the_current_kb(kb):
    assert CASE_MODULE.read_text(encoding="utf-8") == case_module(kb), "run python -m wervel_lp.schemas"
    assert set(Case.__annotations__) == set(kb.schema.fields)


def test_mypy_rejects_a_wrong_value_or_a_misspelt_field_in_a_typed_case(tmp_path):
    program = tmp_path / "caller.py"
    program.write_text(
        "from wervel_lp import Case, recommend\n"
        'good: Case = {"back_pain": True, "radicular_pain": "unilateral", "life_expectancy_months": 6}\n'
        "recommend(good)\n"
        'wrong_value: Case = {"back_pain": "yes"}\n'
        'wrong_enum: Case = {"radicular_pain": "left"}\n'
        'misspelt: Case = {"bak_pain": True}\n')
    out = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent",
                          str(program)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    errors = [line for line in out.stdout.splitlines() if ": error:" in line]
    assert {int(line.split(":")[1]) for line in errors} == {4, 5, 6}, out.stdout


@pytest.fixture(scope="module")
def generated_cases(kb):
    from wervel_lp.checker import Solver

    return list(pairwise_cases(kb.schema, field_values(Solver.for_kb(kb))))


def test_real_results_satisfy_the_result_schema(kb, generated_cases):
    full = jsonschema.Draft202012Validator(result_schema(kb))
    compact = jsonschema.Draft202012Validator(result_schema(kb, compact=True))
    cases = [json.loads(p.read_text()) for p in EXAMPLES] + generated_cases
    assert len(cases) > 50
    for case in cases:
        result = recommend(case)
        full.validate(json.loads(result.to_json()))
        compact.validate(json.loads(result.to_json(compact=True)))


def test_the_result_schema_refuses_what_is_not_a_result(kb):
    full = jsonschema.Draft202012Validator(result_schema(kb))
    data = recommend(CASE).to_dict()
    data["decisions"]["treatment"] = "homeopathy"
    assert not full.is_valid(data)
    data = recommend(CASE).to_dict()
    del data["recommendations"][0]["proof"]
    assert not full.is_valid(data)
    assert jsonschema.Draft202012Validator(result_schema(kb, compact=True)).is_valid(recommend(CASE).to_dict(True))


def test_valid_cases_satisfy_the_case_schema(kb, generated_cases):
    validator = jsonschema.Draft202012Validator(case_schema(kb))
    jsonschema.Draft202012Validator.check_schema(case_schema(kb))
    for case in [json.loads(p.read_text()) for p in EXAMPLES] + generated_cases:
        assert validator.is_valid(case), case


@pytest.mark.parametrize("case", [
    {"back_pain": 1}, {"back_pain": "true"}, {"life_expectancy_months": "12"}, {"life_expectancy_months": -1},
    {"bone_metastases_count": 2.5}, {"radicular_pain": True}, {"radicular_pain": "left"},
    {"tumour_type": "Breast"}, {"shoe_size": 42}, [], "back_pain",
    {"complete_cord_lesion": True, "neurological_deficit": False},
    {"known_primary_malignancy": False, "tumour_type": "lung"},
    {"mescc_on_imaging": True, "metastases_on_imaging": False},
], ids=json.dumps)
def test_invalid_cases_fail_the_case_schema(kb, case):
    assert not jsonschema.Draft202012Validator(case_schema(kb)).is_valid(case)
    with pytest.raises(CaseError):
        recommend(case)


def test_the_cli_prints_the_schemas():
    out = cli("schema", "case")
    assert out.returncode == 0 and json.loads(out.stdout)["title"] == "wervel-lp case"
    out = cli("schema", "result", "--compact")
    assert out.returncode == 0 and "proof" not in json.loads(out.stdout)["properties"]["recommendations"]["items"][
        "properties"]
