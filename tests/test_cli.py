"""The wervel-lp command line: output formats, languages and exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"
CASE = EXAMPLES / "mescc_deficit_breast.json"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "wervel_lp.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_recommend_json_is_the_result_object():
    out = run("recommend", str(CASE), "--format", "json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert set(result) == {"decisions", "inferred", "next_question", "recommendations", "undetermined", "warnings"}
    assert result["decisions"]["mri_urgency"] == "within_12_hours"
    rec = next(r for r in result["recommendations"] if r["topic"] == "mri_urgency")
    assert rec["quote"] and rec["text"]["nl"] and rec["text"]["en"] and rec["proof"]["rule"] == rec["rule"]


def test_recommend_reads_standard_input():
    out = run("recommend", "-", "--format", "json", stdin=CASE.read_text())
    assert out.returncode == 0
    assert json.loads(out.stdout)["decisions"]["treatment"] == "radiotherapy"


@pytest.mark.parametrize(("lang", "word"), [("nl", "Beslissingen"), ("en", "Decisions")])
def test_recommend_text_in_both_languages(lang, word):
    out = run("recommend", str(CASE), "--lang", lang)
    assert out.returncode == 0 and out.stdout.startswith(word)


def test_explain_prints_the_proof_back_to_the_quote():
    out = run("explain", str(CASE), "treatment", "--lang", "en")
    assert out.returncode == 0
    assert "radiotherapy_first_choice" in out.stdout
    assert "De werkgroep is van mening dat radiotherapie de behandeling van eerste keus" in out.stdout


def test_why_not_json():
    out = run("why-not", str(CASE), "treatment=surgery", "--format", "json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["concluded"] is False and report["rules"][0]["rule"] == "surgery_preferred"


@pytest.mark.parametrize("args", [
    ("explain", str(CASE), "no_such_topic"),
    ("why-not", str(CASE), "treatment=chemo"),
    ("why-not", str(CASE), "treatment"),
    ("recommend", "/nonexistent/case.json"),
    ("recommend", str(EXAMPLES)),
    ("frobnicate",),
])
def test_bad_input_exits_2_with_one_line(args):
    out = run(*args)
    assert out.returncode == 2
    assert out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


@pytest.mark.parametrize(("text", "field"), [
    ('{"back_pain": "yes"}', "back_pain"),
    ("[1, 2]", "$"),
    ("{not json", "$"),
    ('{"x": 1}', "x"),
])
def test_invalid_case_names_the_field(text, field):
    out = run("recommend", "-", stdin=text)
    assert out.returncode == 2
    assert f"invalid input: {field}:" in out.stderr


@pytest.mark.parametrize("query", [
    "treatment=radiotherapy_or_surgery_mdt", "mri_urgency=within_12_hours",
    "corticosteroids=withhold_until_biopsy", "start_treatment=within_72_hours"])
def test_example_gives_a_minimal_case_that_reproduces_the_decision(query):
    topic, value = query.split("=")
    out = run("example", query)
    assert out.returncode == 0, out.stderr
    from wervel_lp import recommend
    assert recommend(json.loads(out.stdout)).decisions[topic] == value


@pytest.mark.parametrize(("args", "named"), [
    (("recommend", str(CASE), "--jobs", "2"), "jobs"),
    (("recommend", str(CASE), "--compact", "--format", "text"), "compact"),
    (("schema", "case", "--compact"), "compact"),
])
def test_options_that_do_not_apply_are_refused_in_one_line(args, named):
    out = run(*args)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.splitlines() == [out.stderr.strip()] and f"invalid input: {named}:" in out.stderr


def test_recommend_compact_is_the_json_result_without_proofs():
    out = run("recommend", str(CASE), "--compact")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["decisions"]["treatment"] == "radiotherapy"
    assert all("proof" not in r and r["quote"] for r in result["recommendations"])


def test_check_examples_print_values_as_json():
    out = run("check", "--verbose")
    assert out.returncode == 0, out.stderr
    examples = [line for line in out.stdout.splitlines() if "example:" in line]
    assert examples and all("=True" not in e and "=False" not in e for e in examples)
    assert any("=false" in e for e in examples) and any('="' in e for e in examples)


def test_recommend_as_html_is_the_whole_result_page():
    """`recommend --format html`: one page with every decision, in the language asked."""
    out = run("recommend", str(CASE), "--format", "html", "--lang", "nl")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("<!DOCTYPE html>") and '<html lang="nl">' in out.stdout
    from html import escape

    from wervel_lp.knowledge import knowledge_base
    from wervel_lp.labels import decision_label

    decisions = json.loads(run("recommend", str(CASE), "--format", "json").stdout)["decisions"]
    assert decisions
    for topic, value in decisions.items():
        assert escape(decision_label(knowledge_base(), topic, value, "nl")) in out.stdout
    refused = run("recommend", "--batch", str(CASE), "--format", "html")
    assert refused.returncode == 2 and "--format html" in refused.stderr
