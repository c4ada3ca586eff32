"""The ``wervel-lp`` command line.

Exit codes: 0 success; 1 ``check`` found an unacknowledged anomaly (or a stale register
region), or ``diff`` found a behavioural difference (``--accept`` to exit 0); 2 bad
input (invalid case, unknown topic, unreadable file, refused query), with a
one-line message on standard error that names the field; 3 the kb does not
load; 4 ``--batch`` lost lines (a worker process died); 130 interrupted
(Ctrl-C) and 143 terminated (SIGTERM), with one line and no traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

from .engine import KbError
from .knowledge import knowledge_base
from .render import findings, render_explanation, render_result, render_why_not
from .result import Result, recommend
from .schema import MAX_CASE_BYTES, ROOT_FIELD, CaseError, case_from_json

EXIT_OK, EXIT_ANOMALY, EXIT_BAD_INPUT, EXIT_KB, EXIT_LOST = 0, 1, 2, 3, 4
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """Report a usage error in one line, with the contract's exit code."""
        self.exit(EXIT_BAD_INPUT, f"wervel-lp: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _terminated)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("wervel-lp: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("wervel-lp: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except CaseError as e:
        print(f"wervel-lp: invalid input: {_one_line(str(e))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KbError as e:
        print(f"wervel-lp: knowledge base error: {_kb_line(e)}", file=sys.stderr)
        return EXIT_KB
    except BrokenPipeError:
        return EXIT_OK


class Terminated(Exception):
    """SIGTERM arrived: the command stops as it does on Ctrl-C, cleaning up its worker processes."""


def _terminated(_signum: int, _frame: Any) -> None:
    raise Terminated


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="wervel-lp", description=(
        "The Dutch guideline Wervelmetastasen as an explainable logic program."))
    p.add_argument("--version", action=_Version, help="the package version, the kb's version and stamp, and exit")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    r = sub.add_parser("recommend", help="decisions for a case, with their rules and proofs")
    r.add_argument("case", nargs="?", help="case JSON file, or - for standard input")
    r.add_argument("--format", choices=("text", "json", "html"),
                   help="text (the default for a case), json, or html (the whole result as one page); "
                        "--batch writes JSON Lines only")
    r.add_argument("--lang", choices=("nl", "en"), default="nl")
    r.add_argument("--compact", action="store_true",
                   help="JSON without the proof trees (rule ids, texts and quotes stay); implies --format json")
    r.add_argument("--batch", metavar="FILE", help="JSON Lines of cases (- for standard input); "
                   "writes JSON Lines of results in the same order")
    r.add_argument("--jobs", type=int, help="worker processes for --batch (default 1)")
    r.add_argument("--decisions-only", action="store_true",
                   help="--batch: write each case's decisions alone, without proofs (faster)")
    r.add_argument("--on-error", choices=("fail", "skip"), default="fail",
                   help="--batch: stop at a bad line (exit 2), or write an error record and go on")
    r.set_defaults(run=_recommend)

    e = sub.add_parser("explain", help="the proof of the decision on one topic")
    e.add_argument("case")
    e.add_argument("topic")
    e.add_argument("--format", choices=("text", "json", "dot", "svg", "html"), default="text")
    e.add_argument("--lang", choices=("nl", "en"), default="nl")
    e.set_defaults(run=_explain)

    w = sub.add_parser("why-not", help="why TOPIC=VALUE was not concluded")
    w.add_argument("case")
    w.add_argument("query", metavar="TOPIC=VALUE")
    w.add_argument("--format", choices=("text", "json"), default="text")
    w.add_argument("--lang", choices=("nl", "en"), default="nl")
    w.set_defaults(run=_why_not)

    q = sub.add_parser("query", help="run read-only Prolog queries on the kb (sandboxed)")
    q.add_argument("goal", nargs="?", help="a Prolog goal, e.g. 'rules_for_topic(mri, Ids)'")
    q.add_argument("--file", help="a file of '?- Goal.' queries (see queries/)")
    q.add_argument("--timeout", type=float, default=5.0, help="seconds per query (default 5)")
    q.add_argument("--max", type=int, default=100, help="solutions per query (default 100)")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q.set_defaults(run=_query)

    x = sub.add_parser("example", help="a minimal case on which TOPIC=VALUE is decided (ASP)")
    x.add_argument("query", metavar="TOPIC=VALUE")
    x.set_defaults(run=_example)

    d = sub.add_parser("diff", help="behavioural difference between two kb versions (ASP)")
    d.add_argument("old", help="a git revision or a kb directory")
    d.add_argument("new", help="a git revision or a kb directory")
    d.add_argument("--format", choices=("text", "json"), default="text")
    d.add_argument("--accept", action="store_true",
                   help="exit 0 although behaviour differs (a reviewed, intended change)")
    d.add_argument("--regions", type=int, default=10, metavar="N", help="at most N regions per change (default 10)")
    d.set_defaults(run=_diff)

    s = sub.add_parser("serve", help="HTTP service: CDS Hooks, JSON API and case page (docs/service.md)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    s.add_argument("--workers", type=int, default=1, help="worker processes, each with its own kb (default 1)")
    s.add_argument("--public-url", help="the service's address in the cards' links (default: as requested)")
    s.set_defaults(run=_serve)

    j = sub.add_parser("schema", help="the JSON Schema of a case or of a result, from the kb")
    j.add_argument("what", choices=("case", "result"))
    j.add_argument("--compact", action="store_true", help="result: the compact result (no proof trees)")
    j.set_defaults(run=_schema)

    c = sub.add_parser("check", help="consistency check of the rule set (ASP)")
    c.add_argument("--format", choices=("text", "json", "sarif"), default="text",
                   help="text (one line when it passes), json (with a summary object) or sarif (code scanning)")
    c.add_argument("--regions", type=int, default=3, metavar="N",
                   help="enumerate at most N regions per anomaly (default 3; the gate itself is exact)")
    c.add_argument("--verbose", action="store_true", help="text: every anomaly and region, acknowledged too")
    c.add_argument("--timings", action="store_true", help="also the seconds per phase, on standard error")
    c.set_defaults(run=_check)

    i = sub.add_parser("interview", help="one question at a time on a terminal, until the decisions settle")
    i.add_argument("case", nargs="?", help="a case file to start from (default: nothing known)")
    i.add_argument("--lang", choices=("nl", "en"), default="nl")
    i.add_argument("--out", help="write the case with the answers to this file (default: standard output)")
    i.set_defaults(run=_interview)

    d = sub.add_parser("doctor", help="SWI-Prolog, the walkers in use, the diagram cache and the kb's stamp")
    d.set_defaults(run=_doctor)
    return p


class _Version(argparse.Action):
    """``--version``: computed only when asked for (the kb stamp reads the kb's files)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        print(version_text())
        parser.exit()


def version_text() -> str:
    """``wervel-lp VERSION`` and the kb's directory, version and stamp (``--version``).

    The kb shipped with the package has the package's version; a kb named by
    ``$WERVEL_LP_KB`` is external. The stamp is a digest of the kb's files.
    """
    from . import __version__
    from .engine import KB_ENV, kb_directory, kb_stamp

    try:
        kb = kb_directory()
    except KbError as e:
        return f"wervel-lp {__version__}\nkb: {e}"
    from .doctor import SLOW_WALKS, built_walkers

    kb_version = "external" if os.environ.get(KB_ENV) else __version__
    walks = ("walkers: C" if built_walkers()["diagram_walk"]
             else f"walkers: Prolog ({SLOW_WALKS.split(': ', 1)[1]})")
    return f"wervel-lp {__version__}\nkb {kb_version} ({kb}), stamp {kb_stamp(kb)}\n{walks}"


def _recommend(args: argparse.Namespace) -> int:
    if (args.case is None) == (args.batch is None):
        raise CaseError("case", "give either a CASE file or --batch FILE")
    if args.compact and args.format in ("text", "html"):
        raise CaseError("compact", f"is a JSON form; it does not go with --format {args.format}")
    if args.batch is not None:
        if args.format in ("text", "html"):
            raise CaseError("format", f"--batch writes JSON Lines; --format {args.format} does not go with it")
        if args.compact and args.decisions_only:
            raise CaseError("compact", "--decisions-only writes no proofs already; give one of the two")
        return _batch(args)
    for option in ("jobs", "decisions_only"):
        if getattr(args, option) not in (None, False):
            raise CaseError(option.replace("_", "-"), "goes with --batch FILE")
    result = _result(args.case)
    if args.format == "json" or args.compact:
        print(result.to_json(indent=2, compact=args.compact))
    elif args.format == "html":
        from .pictures import result_page

        print(result_page(result, knowledge_base(), args.lang), end="")
    else:
        print(render_result(result, knowledge_base(), args.lang), end="")
    return EXIT_OK


def _batch(args: argparse.Namespace) -> int:
    from .batch import WorkersLost, run_batch

    jobs = 1 if args.jobs is None else args.jobs
    if jobs < 1:
        raise CaseError("jobs", "expected a whole number >= 1")
    try:
        source = sys.stdin.buffer if args.batch == "-" else open(args.batch, "rb")  # noqa: SIM115
    except OSError as e:
        raise CaseError("$", f"cannot read {args.batch!r}: {e.strerror}") from None
    with source:
        try:
            bad = run_batch(source, sys.stdout, sys.stderr, jobs=jobs, on_error=args.on_error,
                            decisions_only=args.decisions_only, compact=args.compact)
        except WorkersLost as e:
            sys.stdout.flush()
            print(f"wervel-lp: {e}", file=sys.stderr)
            return EXIT_LOST
    return EXIT_BAD_INPUT if bad and args.on_error == "fail" else EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    result = _result(args.case)
    expl = result.explain(args.topic)
    kb = knowledge_base()
    if args.format == "json":
        _print_json(expl.to_dict())
    elif args.format in ("dot", "svg"):
        from .pictures import proof_dot, to_svg

        dot = proof_dot(expl, kb, args.lang)
        print(dot if args.format == "dot" else to_svg(dot), end="")
    elif args.format == "html":
        from .pictures import result_page

        print(result_page(result, kb, args.lang, args.topic), end="")
    else:
        print(render_explanation(expl, kb, args.lang, findings(result)), end="")
    return EXIT_OK


def _why_not(args: argparse.Namespace) -> int:
    topic, value = _topic_value(args.query)
    result = _result(args.case)
    report = result.why_not(topic, value)
    if args.format == "json":
        _print_json(report.to_dict())
    else:
        print(render_why_not(report, knowledge_base(), args.lang), end="")
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from .diff import diff_specs, render_diff
    from .engine import kb_directory

    diffs = diff_specs(args.old, args.new, kb_directory().parent, args.regions)
    if args.format == "json":
        _print_json({"differs": bool(diffs), "regions": len(diffs), "changes": [d.to_dict() for d in diffs]})
    else:
        print(render_diff(diffs), end="")
    return EXIT_ANOMALY if diffs and not args.accept else EXIT_OK


def _example(args: argparse.Namespace) -> int:
    from .checker import minimal_case

    topic, value = _topic_value(args.query)
    case = minimal_case(knowledge_base(), topic, value)
    if case is None:
        print(f"wervel-lp: no valid case leads to {topic}={value}", file=sys.stderr)
        return EXIT_ANOMALY
    _print_json(case)
    return EXIT_OK


def _topic_value(query: str) -> tuple[str, str]:
    topic, sep, value = query.partition("=")
    if not sep:
        raise CaseError("topic", f"expected TOPIC=VALUE, got {query[:80]!r}")
    knowledge_base().check_topic_value(topic, value)
    return topic, value


def _query(args: argparse.Namespace) -> int:
    if (args.goal is None) == (args.file is None):
        raise CaseError("goal", "give either a GOAL or --file FILE")
    from .engine import kb_directory
    from .query import run_queries

    goals = [args.goal] if args.goal is not None else read_queries(args.file)
    answers = list(zip(goals, run_queries(kb_directory(), goals, args.timeout, args.max), strict=True))
    if args.format == "json":
        _print_json([{"query": g, **a} for g, a in answers])
    else:
        for goal, answer in answers:
            print(render_answer(goal, answer), end="")
    return EXIT_OK


def read_queries(path: str) -> list[str]:
    """The goals of a queries file: each ``?- Goal.`` (possibly over several lines)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise CaseError("file", f"cannot read {path!r}: {e}") from None
    goals = [m.group(1).strip() for m in re.finditer(r"^\?-\s*(.*?)\.\s*$", text, re.M | re.S)]
    if not goals:
        raise CaseError("file", f"no '?- Goal.' query in {path!r}")
    return goals


def render_answer(goal: str, answer: Mapping[str, Any]) -> str:
    """A query and its solutions, as swipl shows them."""
    shown = [",\n".join(f"{k} = {v}" for k, v in s) or "true" for s in answer["solutions"]]
    if not shown:
        body = "false."
    elif answer["truncated"]:
        body = " ;\n".join([*shown, "... (more solutions)"])
    else:
        body = " ;\n".join(shown) + "."
    return f"?- {goal}.\n{answer.get('output', '')}{body}\n\n"


def _serve(args: argparse.Namespace) -> int:
    if args.workers < 1:
        raise CaseError("workers", "expected a whole number >= 1")
    try:
        from .service import serve
    except ImportError as e:
        raise CaseError("serve", f"needs the serve extra: pip install 'wervel-lp[serve]' ({e.name} missing)") from None
    serve(args.host, args.port, args.workers, args.public_url)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from .schemas import case_schema, result_schema

    if args.what == "case":
        if args.compact:
            raise CaseError("compact", "goes with 'schema result'")
        _print_json(case_schema(knowledge_base()))
    else:
        _print_json(result_schema(knowledge_base(), args.compact))
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    import time

    from .checker import check, render_report, render_sarif  # clingo is only needed here

    start = time.perf_counter()
    kb = knowledge_base()
    loaded = time.perf_counter()
    report = check(kb, region_limit=args.regions)
    if args.format == "json":
        _print_json(report.to_dict())
    elif args.format == "sarif":
        _print_json(render_sarif(report))
    else:
        print(render_report(report, args.verbose), end="")
    if args.timings:
        sys.stdout.flush()
        phases = [("kb load (SWI-Prolog and the kb)", loaded - start), *report.timings]
        width = max(len(name) for name, _ in phases)
        print("\n".join(f"{name:<{width}}  {seconds:7.3f} s" for name, seconds in phases), file=sys.stderr)
    return EXIT_OK if report.passed else EXIT_ANOMALY


def _interview(args: argparse.Namespace) -> int:
    from .interview import run_interview

    if args.case == "-":
        raise CaseError("case", "the interview reads its answers from standard input; give the case as a file")
    case = read_case(args.case) if args.case else {}
    state = run_interview(case, args.lang, input, print)
    text = json.dumps(state.case, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if args.out:
        try:
            Path(args.out).write_text(text, encoding="utf-8")
        except OSError as e:
            raise CaseError("out", f"cannot write {args.out!r}: {e.strerror}") from None
    else:
        print(text, end="")
    return EXIT_OK


def _doctor(_args: argparse.Namespace) -> int:
    from .doctor import report

    print(report(), end="")
    return EXIT_OK


def _result(source: str) -> Result:
    return recommend(read_case(source))


def read_case(source: str) -> Any:
    """Read a case document from a file path or ``-`` (standard input)."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read(MAX_CASE_BYTES + 1)
        else:
            with open(source, "rb") as f:
                data = f.read(MAX_CASE_BYTES + 1)
    except OSError as e:
        raise CaseError(ROOT_FIELD, f"cannot read {source!r}: {e.strerror}") from None
    return case_from_json(data)


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _kb_line(error: KbError) -> str:
    """A kb error in one line: its heading, then each problem (file:line: message), separated by ``; ``."""
    head, *problems = [_one_line(line) for line in str(error).splitlines() if line.strip()]
    return head + (" " + "; ".join(problems) if problems else "")


if __name__ == "__main__":
    sys.exit(main())
