"""`wervel-lp query` is safe by construction: goals run in a process of their own, under OS
limits, and may call only the kb's query predicates and pure built-ins. Each hostile goal
below got through library(sandbox), hung, or crashed the process before.
"""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wervel_lp import CaseError, recommend
from wervel_lp.knowledge import knowledge_base

PWNED = Path("/tmp/wervel-lp-pwned")
TOUCH = "shell('touch /tmp/wervel-lp-pwned')"
CASE = {"known_primary_malignancy": True, "back_pain": True, "night_pain": True,
        "adequate_imaging_available": False, "mescc_on_imaging": True, "neurological_deficit": True}

HOSTILE = {
    "attribute_hook_runs_shell": f"put_attr(X, freeze, user:{TOUCH}), X = 1",
    "attribute_hook_retracts_rules": "put_attr(X, freeze, user:retractall(rulebase:rule(_, _, _, _))), X = 1",
    "attribute_hook_halts": "put_attr(X, freeze, user:halt(0)), X = 1",
    "attribute_hook_writes_file": "put_attr(X, freeze, user:open('/tmp/wervel-lp-pwned', write, _)), X = 1",
    "freeze_runs_shell": f"freeze(X, {TOUCH}), X = 1",
    "message_runs_goal": f"print_message(error, format('~@', [{TOUCH}]))",
    "exception_message_runs_goal": f"throw(format('~@', [{TOUCH}]))",
    "culprit_in_error_message": f"rule_quote(format(\"~@\", [{TOUCH}]), Q)",
    "catch_loop_outlives_limit": "catch((repeat, fail), _, (repeat, fail))",
    "cleanup_loop_outlives_limit": "setup_call_cleanup(true, (repeat, fail), (repeat, fail))",
    "catch_swallows_time_limit": "catch((repeat, fail), _, true)",
    "huge_format_column": 'format("~t~100000000000|")',
    "deep_nesting": "X = " + "(" * 60_000 + "a" + ")" * 60_000,
    "deep_nesting_within_length": "X = " + "f(" * 2_000 + "a" + ")" * 2_000,
    "variable_goal": f"G = {TOUCH}, G",
    "call_n": f"call({TOUCH})",
    "closure": "maplist(shell, ['touch /tmp/wervel-lp-pwned'])",
    "inside_findall": f"findall(X, {TOUCH}, L)",
    "inside_negation": f"\\+ \\+ {TOUCH}",
    "module_qualified": "lists:append(X, Y, [1])",
    "assert": "assertz(rulebase:rule(a, b, c, d))",
    "retract": "retract(rule(instruct_patient, _, _, _))",
    "open_for_writing": "open('/tmp/wervel-lp-pwned', write, _)",
    "consult": "consult('/tmp/x.pl')",
    "halt": "halt",
    "endless": "between(1, inf, _), fail",
    "out_of_stack": "length(L, 1000000000)",
    "out_of_memory": "X is 2 ** 1000000000",
    "syntax_error": "X = f(",
    "control_character": "X = 'a\u0001b'",
    "too_long": "X = " + "a" * 20_000,
}


def query(goal: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wervel_lp.cli", "query", goal, "--timeout", "2", *extra],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("goal", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_goals_are_refused_in_one_line_with_exit_2(goal):
    started = time.monotonic()
    out = query(goal)
    assert out.returncode == 2, out.stderr
    assert out.stdout == ""
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("wervel-lp: invalid input: goal: ")
    assert "Traceback" not in out.stderr
    assert not PWNED.exists()
    assert time.monotonic() - started < 60


def test_goal_text_that_cannot_be_read_is_refused_before_any_process_starts():
    kb = knowledge_base()
    for goal in ["X = 'a\u0000b'", "X = '\ud800'", None, 42, ["rule(A, B, C, D)"]]:
        with pytest.raises(CaseError) as err:
            kb.query(goal)
        assert err.value.field == "goal"


def test_the_culprit_of_an_error_is_written_never_run():
    out = query(HOSTILE["culprit_in_error_message"])
    assert "Type error" in out.stderr and not PWNED.exists()


def test_a_refusal_names_the_predicate():
    assert "put_attr/3 is not allowed" in query(HOSTILE["attribute_hook_runs_shell"]).stderr
    assert "catch/3 is not allowed" in query(HOSTILE["catch_swallows_time_limit"]).stderr


def test_queries_cannot_change_the_decisions_of_the_calling_process():
    """knowledge_base().query(...) runs elsewhere: hostile goals leave recommend() as it was."""
    before = recommend(CASE).to_json()
    kb = knowledge_base()
    for name in ("attribute_hook_retracts_rules", "assert", "retract"):
        with pytest.raises(CaseError) as err:
            kb.query(HOSTILE[name], seconds=2)
        assert err.value.field == "goal"
    assert recommend(CASE).to_json() == before
    assert kb.query("rules_for_topic(mri, Ids)")["solutions"][0][0][0] == "Ids"


def test_pure_goals_and_kb_predicates_still_answer():
    out = query("rules_for_topic(mri, Ids), length(Ids, N), findall(T, topic(T, _, _), Ts), "
                "aggregate_all(count, rule(_, _, _, _), Rules), Rules > 10", "--format", "json")
    assert out.returncode == 0, out.stderr
    [answer] = json.loads(out.stdout)
    bindings = dict(answer["solutions"][0])
    assert bindings["N"] == "2" and "mri_urgency" in bindings["Ts"]


def test_ctrl_c_ends_a_running_query_without_traceback():
    proc = subprocess.Popen([sys.executable, "-m", "wervel_lp.cli", "query", "between(1, inf, _), fail",
                             "--timeout", "100"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    # this command's own runner (other runs on the machine may have theirs)
    runners = subprocess.run(["pgrep", "-P", str(proc.pid), "-f", "query_runner.pl"],
                             capture_output=True, text=True).stdout.split()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert err.strip() == "wervel-lp: interrupted"
    alive = subprocess.run(["pgrep", "-f", "query_runner.pl"], capture_output=True, text=True).stdout.split()
    assert runners and not set(runners) & set(alive)


def test_the_os_limits_hold_without_the_goal_check(tmp_path):
    """The limits the runner gets: no file can be opened or written, and CPU time is bounded."""
    from wervel_lp.query import _limit

    script = ("import sys, time\nprint('ready', flush=True)\nsys.stdin.readline()\n"
              f"try:\n    open({str(tmp_path / 'x')!r}, 'w')\n    print('opened')\n"
              "except OSError as e:\n    print('refused', e.errno)\n"
              "sys.stdout.flush()\nwhile True:\n    pass\n")
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline() == "ready\n"
    _limit(proc.pid, 2)
    proc.stdin.write("go\n")
    proc.stdin.flush()
    assert proc.stdout.readline().split()[0] == "refused"
    assert proc.wait(timeout=60) == -signal.SIGXCPU
    assert not (tmp_path / "x").exists()


@pytest.fixture(autouse=True)
def _no_pwned_file():
    PWNED.unlink(missing_ok=True)
    yield
    assert not PWNED.exists()
