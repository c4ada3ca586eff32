"""`--batch` under faults: a killed worker, undecodable lines, lone CRs, Ctrl-C and SIGTERM.
Each hung, lost lines, shifted line numbers or printed tracebacks before.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
EXAMPLES = [json.dumps(json.loads(p.read_text(encoding="utf-8")))
            for p in sorted((ROOT / "examples").glob("*.json"))]
COMMAND = [sys.executable, "-m", "wervel_lp.cli", "recommend", "--batch"]


def batch_file(tmp_path: Path, lines: list[bytes]) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def wait_for_workers(pid: int, n: int) -> list[int]:
    for _ in range(600):
        workers = children(pid)
        if len(workers) >= n:
            return workers
        time.sleep(0.1)
    raise AssertionError("workers did not start")


def test_a_killed_worker_stops_the_batch_naming_the_lost_lines(tmp_path):
    path = batch_file(tmp_path, [line.encode() for line in EXAMPLES * 3000])
    proc = subprocess.Popen([*COMMAND, str(path), "--jobs", "2"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    workers = wait_for_workers(proc.pid, 2)
    time.sleep(4)
    os.kill(workers[-1], signal.SIGKILL)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 4, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert lines[0].startswith("wervel-lp: a worker process ended abruptly; lines ")
    first = int(lines[0].split("lines ")[1].split()[0])
    written = [json.loads(line)["line"] for line in out.splitlines()]
    assert written == list(range(1, first))  # every line before the lost ones, in order, none after


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_undecodable_line_is_an_error_record_and_the_others_stay(tmp_path, jobs):
    lines = [EXAMPLES[0].encode(), b'{"tumour_type": "\xff\xfe"}', EXAMPLES[1].encode(), b"\x80", EXAMPLES[2].encode()]
    out = subprocess.run([*COMMAND, str(batch_file(tmp_path, lines)), "--on-error", "skip", "--jobs", jobs],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["line"] for r in records] == [1, 2, 3, 4, 5]
    assert [("error" in r) for r in records] == [False, True, False, True, False]
    assert records[1]["error"]["message"].startswith("the line is not UTF-8 text")
    assert out.stderr.count("wervel-lp: invalid input: line") == 2 and "Traceback" not in out.stderr


def test_an_undecodable_line_fails_the_batch_after_the_lines_before_it(tmp_path):
    lines = [EXAMPLES[0].encode(), b"\xff"]
    out = subprocess.run([*COMMAND, str(batch_file(tmp_path, lines))], capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert [json.loads(line)["line"] for line in out.stdout.splitlines()] == [1]
    assert out.stderr.startswith("wervel-lp: invalid input: line 2: $: the line is not UTF-8 text")


def test_a_lone_cr_inside_a_line_does_not_shift_line_numbers(tmp_path):
    lines = [b'{"back_pain": true,\r "night_pain": true}', b'{"back_pain": "x"}', EXAMPLES[0].encode()]
    out = subprocess.run([*COMMAND, str(batch_file(tmp_path, lines)), "--on-error", "skip"],
                         capture_output=True, text=True, timeout=120)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["line"] for r in records] == [1, 2, 3]
    assert "error" not in records[0] and records[1]["error"]["field"] == "back_pain"


def test_an_over_long_line_is_an_error_record(tmp_path):
    lines = [b'{"back_pain": true, "x": "' + b"a" * (1 << 21) + b'"}', EXAMPLES[0].encode()]
    out = subprocess.run([*COMMAND, str(batch_file(tmp_path, lines)), "--on-error", "skip"],
                         capture_output=True, text=True, timeout=120)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["line"] for r in records] == [1, 2] and "larger than" in records[0]["error"]["message"]


def endless_batch(jobs: str) -> subprocess.Popen[str]:
    """A batch reading a pipe that never ends, in a process group of its own (as at a terminal)."""
    proc = subprocess.Popen([*COMMAND, "-", "--jobs", jobs], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert proc.stdin is not None
    proc.stdin.write("\n".join(EXAMPLES * 200) + "\n")
    proc.stdin.flush()
    if jobs != "1":
        wait_for_workers(proc.pid, int(jobs))
    time.sleep(2)
    return proc


@pytest.mark.parametrize("attempt", range(3))
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_a_batch_without_traceback_or_hang(jobs, attempt):
    proc = endless_batch(jobs)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip() == "wervel-lp: interrupted"


@pytest.mark.parametrize("group", [False, True], ids=["parent", "process_group"])
def test_sigterm_with_jobs_prints_no_worker_traceback(group):
    proc = endless_batch("2")
    workers = children(proc.pid)
    if group:
        os.killpg(proc.pid, signal.SIGTERM)
    else:
        proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert "Traceback" not in err and "Error" not in err
    assert proc.returncode in (143, -signal.SIGTERM)
    time.sleep(1)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()
                and "zombie" not in Path(f"/proc/{w}/status").read_text()]
