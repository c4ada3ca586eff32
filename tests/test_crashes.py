"""Processes that share SWI-Prolog with pyswip, or fork, must not crash.

Each scenario runs in a fresh interpreter: a crash there is a signal, not a
failed assertion in this one.
"""

import subprocess
import sys
import textwrap

import pytest

CASE = "{'back_pain': True, 'night_pain': True, 'known_primary_malignancy': True, 'adequate_imaging_available': False}"


def run_script(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-X", "faulthandler", "-c", textwrap.dedent(script)],
                          capture_output=True, text=True, timeout=240)


@pytest.mark.parametrize("order", ["pyswip_first", "wervel_lp_first"])
def test_pyswip_and_wervel_lp_share_one_prolog_in_either_order(order):
    first, second = (("import pyswip", "from wervel_lp import recommend") if order == "pyswip_first"
                     else ("from wervel_lp import recommend", "import pyswip"))
    out = run_script(f"""
        {first}
        {second}
        import threading
        print(list(pyswip.Prolog.query('X = 1')))
        print(recommend({CASE}).decisions['mri'])
        print(list(pyswip.Prolog.query('X = 2')))
        t = threading.Thread(target=lambda: print(recommend({CASE}).decisions['mri']))
        t.start(); t.join()
    """)
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout.split() == ["[{'X':", "1}]", "indicated", "[{'X':", "2}]", "indicated"]


def test_fork_while_threads_are_inside_prolog_gives_a_working_child():
    """Three threads call the kb without pause while the main thread forks 10 children; each
    child decides correctly, calls from a new thread of its own, and exits cleanly.
    """
    out = run_script(f"""
        import os, sys, threading, time
        from wervel_lp import recommend
        case = {CASE}
        expected = recommend(case).decisions
        def loop():
            while True:
                recommend(case)
        for _ in range(3):
            threading.Thread(target=loop, daemon=True).start()
        time.sleep(0.3)
        statuses = []
        for _ in range(10):
            pid = os.fork()
            if pid == 0:
                ok = [recommend(case).decisions == expected for _ in range(40)]
                t = threading.Thread(target=lambda: ok.append(recommend(case).decisions == expected))
                t.start(); t.join()
                sys.stdout.flush()
                sys.exit(0 if all(ok) else 5)
            statuses.append(os.waitpid(pid, 0)[1])
        print(statuses)
    """)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str([0] * 10)
    assert "WARNING" not in out.stderr and "Fatal" not in out.stderr


def test_a_child_forked_while_a_call_cannot_finish_refuses_clearly():
    """Where the calls inside Prolog do not finish in time for the fork, the child refuses
    with a one-line KbError instead of crashing.
    """
    out = run_script(f"""
        import os, threading
        import wervel_lp.engine as engine_module
        from wervel_lp import recommend
        from wervel_lp.engine import KbError
        engine_module.FORK_WAIT = 0.0
        case = {CASE}
        recommend(case)
        e = engine_module.engine()
        e._inside += 1          # a call that never finishes, as far as the fork can tell
        pid = os.fork()
        if pid == 0:
            try:
                recommend(case)
            except KbError as err:
                print("refused:", err, flush=True)
                os._exit(0)
            os._exit(5)
        e._inside -= 1
        print(os.waitpid(pid, 0)[1])
        print(recommend(case).decisions['mri'])
    """)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("refused: this process was forked while 1 call(s)")
    assert lines[1:] == ["0", "indicated"]
