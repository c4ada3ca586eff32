"""Exhaustive mutation testing of the kb (``make mutation``).

Every mutant that tests/mutants.pl generates (every rule, priority, requirement and topic
under every operator; nothing sampled) is applied to a copy of the kb and judged in a fresh
worker process that loads that kb once:

1. it does not load: *stillborn* (the kb's own validation refuses it; not counted in the score);
2. ``wervel-lp check`` fails on it (gate only, no region enumeration): *killed by check*;
3. a test with a clinical expectation fails on it (tests/test_rules.py, test_decisions.py,
   test_faithful.py, test_review.py, test_guideline_details.py, run in-process with pytest):
   *killed by tests*. Golden-text and docs-are-current tests are not run: they fail on any
   change. For a deleted rule, the tests that look the rule up by id are deselected;
4. otherwise it *survives*, unless tests/equivalent_mutants.json marks it equivalent (no case
   is decided differently), with the reason.

The score is killed / (all - stillborn - equivalent). Usage:
``python tests/mutation.py [--jobs 2] [--operator OP] [--limit N] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import collections
import functools
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CLINICAL = ["tests/test_rules.py", "tests/test_guideline_details.py", "tests/test_decisions.py",
            "tests/test_faithful.py", "tests/test_review.py"]
"""The tests with a clinical expectation, in the order they run: the rule tests first (they need no decision
diagrams), then the detailed expectations that killed the survivors of earlier runs."""
STRUCTURAL = "not every_rule_has_a_firing"
EQUIVALENT = ROOT / "tests" / "equivalent_mutants.json"
TARGET = 0.95


def generate(kb_dir: Path = ROOT / "kb") -> list[dict[str, Any]]:
    """Every mutant of the kb in ``kb_dir``, in file order."""
    out = subprocess.run(
        ["swipl", "-q", "-g", f"mutants('{kb_dir}')", "-t", "halt",
         str(kb_dir / "load.pl"), str(ROOT / "tests" / "mutants.pl")],
        capture_output=True, text=True, check=True, timeout=300)
    return [json.loads(line) for line in out.stdout.splitlines()]


def key(mutant: dict[str, Any]) -> str:
    """A stable name of a mutant: operator, target and a digest of its text."""
    import hashlib

    digest = hashlib.sha1(mutant["text"].encode()).hexdigest()[:8]
    return f"{mutant['operator']}:{mutant['target']}:{digest}"


def apply(mutant: dict[str, Any], kb_dir: Path) -> None:
    """Write the mutant into the kb copy in ``kb_dir``."""
    path = kb_dir / f"{mutant['file']}.pl"
    text = path.read_text(encoding="utf-8")
    end = mutant["end"]
    if not mutant["text"]:  # a deleted term goes with its full stop
        end = text.index(".", end) + 1
    path.write_text(text[: mutant["start"]] + mutant["text"] + text[end:], encoding="utf-8")


def judge(mutant: dict[str, Any] | None, cache: str) -> str:
    """In a fresh worker: ``stillborn``, ``check``, ``tests`` or ``survived``.

    ``cache`` is the directory of decision diagrams the workers share. ``None`` judges the kb itself, which
    must survive.
    """
    with tempfile.TemporaryDirectory(prefix="wervel-lp-mutant-") as tmp:
        kb_dir = Path(tmp) / "kb"
        shutil.copytree(ROOT / "kb", kb_dir)
        if mutant:
            apply(mutant, kb_dir)
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)  # the kb's own messages about a stillborn mutant
        os.environ["WERVEL_LP_KB"] = str(kb_dir)
        os.environ["WERVEL_LP_CACHE"] = cache
        # The diagrams only when a case needs them: most mutants are killed before one does.
        os.environ["WERVEL_LP_LAZY_DIAGRAMS"] = "1"
        # pytest's plugins (hypothesis, xdist, anyio) cost 2 s a start; the clinical tests use none.
        os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        from wervel_lp.checker import check
        from wervel_lp.engine import KbError
        from wervel_lp.knowledge import knowledge_base

        try:
            kb = knowledge_base()
        except KbError:
            return "stillborn"
        assert kb.engine.kb_dir == kb_dir.resolve(), "the kb was loaded before the mutant (by a preloaded module?)"
        if not check(kb, region_limit=0).passed:
            return "check"
        import pytest

        args = ["-q", "-x", "-p", "no:cacheprovider", "-k", STRUCTURAL, *[str(ROOT / f) for f in CLINICAL]]
        if mutant and mutant["operator"] == "delete_rule":
            for test in ("test_rule_fires_on_its_case", "test_rule_does_not_fire_on_its_counter_case"):
                args += ["--deselect", f"{ROOT}/tests/test_rules.py::{test}[{mutant['target']}]"]
        with open(os.devnull, "w") as devnull:
            sys.stdout, sys.stderr = devnull, devnull
            try:
                code = pytest.main(args)
            finally:
                sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        return "survived" if code == 0 else "tests"


PRELOAD = ["pytest", "clingo", "wervel_lp", "wervel_lp.checker", "wervel_lp.knowledge", "cases",
           *[Path(f).stem for f in CLINICAL]]
"""What every worker needs, imported once in the fork server: the libraries and the clinical test modules,
which pytest then finds imported (none of them touches the kb when imported: no Prolog starts there)."""


def run(mutants: list[dict[str, Any]], jobs: int,
        each: Callable[[dict[str, Any], str], None] | None = None) -> list[str]:
    """Judge every mutant, each in a worker process of its own (one kb load per mutant).

    Workers are forked from a server that has imported the libraries, so a worker starts in
    milliseconds; they share one cache of decision diagrams (a mutant of the requirements
    has the diagrams of the kb). ``each(mutant, verdict)`` is called as verdicts come in.
    """
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    verdicts = []
    with (tempfile.TemporaryDirectory(prefix="wervel-lp-mutation-cache-") as cache,
          ctx.Pool(jobs, maxtasksperchild=1) as pool):
        for mutant, verdict in zip(mutants, pool.imap(functools.partial(judge, cache=cache), mutants), strict=True):
            verdicts.append(verdict)
            if each:
                each(mutant, verdict)
    return verdicts


def main(argv: list[str] | None = None) -> int:
    """Run the mutation test; exit 1 below the target score."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--operator", action="append", help="only these operators")
    parser.add_argument("--limit", type=int, help="only the first N mutants (for a trial run; not a score)")
    parser.add_argument("--json", help="write every verdict to this file")
    parser.add_argument("--rerun", help="judge again only the mutants that survived in this --json file of an earlier "
                        "run, and report the score of that run with their new verdicts")
    parser.add_argument("--key", action="append", help="only the mutant with this key (as listed)")
    parser.add_argument("--write", metavar="DIR",
                        help="write each selected mutant's kb to DIR/KEY (for wervel-lp diff kb DIR/KEY); judge none")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tests"))
    mutants = generate()
    if args.operator:
        mutants = [m for m in mutants if m["operator"] in args.operator]
    earlier: list[dict[str, Any]] = json.loads(Path(args.rerun).read_text()) if args.rerun else []
    if args.rerun:
        survivors = {v["key"] for v in earlier if v["verdict"] == "survived"}
        mutants = [m for m in mutants if key(m) in survivors]
    if args.key:
        mutants = [m for m in mutants if key(m) in args.key]
    if args.limit:
        mutants = mutants[: args.limit]
    if args.write:
        for m in mutants:
            kb_dir = Path(args.write) / key(m)
            shutil.copytree(ROOT / "kb", kb_dir, dirs_exist_ok=True)
            apply(m, kb_dir)
            print(kb_dir)
        return 0
    equivalent = json.loads(EQUIVALENT.read_text(encoding="utf-8")) if EQUIVALENT.exists() else {}
    start = time.perf_counter()
    done = collections.Counter()

    def each(mutant: dict[str, Any], verdict: str) -> None:
        done[verdict] += 1
        if verdict == "survived" and key(mutant) not in equivalent:
            print(f"survivor {key(mutant)}  ({mutant['file']}.pl)", flush=True)
        if sum(done.values()) % 50 == 0:
            print(f"  ... {sum(done.values())} of {len(mutants)} judged ({time.perf_counter() - start:.0f} s)",
                  flush=True)

    # The kb itself, judged the way the mutants are, must pass: else every verdict would be a false kill.
    if run([None], 1) != ["survived"]:
        print("the kb itself fails the check or a clinical test in a mutation worker: no score", file=sys.stderr)
        return 2
    verdicts = run(mutants, args.jobs, each)
    seconds = time.perf_counter() - start
    if earlier:  # the earlier run's verdicts, with those of its survivors judged again
        again = {key(m): v for m, v in zip(mutants, verdicts, strict=True)}
        mutants = [{k: v for k, v in e.items() if k not in ("key", "verdict")} for e in earlier]
        verdicts = [again.get(e["key"], e["verdict"]) for e in earlier]
    verdicts = ["equivalent" if v == "survived" and key(m) in equivalent else v
                for m, v in zip(mutants, verdicts, strict=True)]
    counts = collections.Counter(verdicts)
    scored = len(mutants) - counts["stillborn"] - counts["equivalent"]
    killed = counts["check"] + counts["tests"]
    score = killed / scored if scored else 1.0
    per_op: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for m, v in zip(mutants, verdicts, strict=True):
        per_op[m["operator"]][v] += 1
    print(f"mutants: {len(mutants)}; stillborn {counts['stillborn']}, equivalent {counts['equivalent']}; "
          f"killed {killed} of {scored} (check {counts['check']}, tests {counts['tests']}); "
          f"survived {counts['survived']}; score {score:.1%} ({seconds:.0f} s)")
    for op, c in sorted(per_op.items()):
        print(f"  {op}: " + ", ".join(f"{k} {n}" for k, n in sorted(c.items())))
    for m, v in zip(mutants, verdicts, strict=True):
        if v == "survived":
            print(f"SURVIVED {key(m)}  ({m['file']}.pl)")
    if args.json:
        Path(args.json).write_text(json.dumps([{**m, "key": key(m), "verdict": v}
                                               for m, v in zip(mutants, verdicts, strict=True)], indent=1))
    return 0 if score >= TARGET or args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
