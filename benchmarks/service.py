"""The HTTP service under load: requests/s and latency p50/p99 with one and two uvicorn workers.

Localhost only and bounded: each run starts ``wervel-lp serve`` on 127.0.0.1
(a free port), sends at most ``--requests`` requests or for at most
``--seconds`` seconds from ``--clients`` client processes of ``--threads``
keep-alive connections each, and stops the service. Prints a table and
appends it to benchmarks/RESULTS.md. The clients run on the same 2 cores as
the service, so the figures are a floor.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from wervel_lp.service.local import HOST, LocalService

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
WARM_UP = 100


def bodies(path: str) -> list[bytes]:
    """One request body per example case for ``path``."""
    cases = [json.loads(p.read_text()) for p in EXAMPLES]
    if path == "/recommend":
        return [json.dumps(c).encode() for c in cases]
    return [json.dumps({"hook": "patient-view", "hookInstance": "b8d7a1c2-0000-4000-8000-000000000000",
                        "context": {"patientId": "1", "case": c}}).encode() for c in cases]


def client(port: int, path: str, threads: int, quota: int, deadline: float) -> tuple[list[float], int]:
    """One client process: ``threads`` keep-alive connections sending up to ``quota`` requests in all."""
    sent = iter(range(quota))
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]
    payloads = bodies(path)

    def run() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        mine: list[float] = []
        while time.time() < deadline:
            with lock:
                n = next(sent, None)
            if n is None:
                break
            start = time.perf_counter()
            connection.request("POST", path, payloads[n % len(payloads)], {"Content-Type": "application/json"})
            answer = connection.getresponse()
            answer.read()
            mine.append(time.perf_counter() - start)
            if answer.status != 200:
                with lock:
                    errors[0] += 1
        connection.close()
        with lock:
            latencies.extend(mine)

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return latencies, errors[0]


def load(port: int, path: str, args: argparse.Namespace) -> dict[str, Any]:
    """Send the bounded load to ``path``; requests/s, p50 and p99 in ms, errors."""
    client(port, path, 2, WARM_UP, time.time() + 30)  # each worker's engines and caches warm
    quota = args.requests // args.clients
    start = time.perf_counter()
    deadline = time.time() + args.seconds
    with ProcessPoolExecutor(args.clients) as pool:
        runs = list(pool.map(client, *zip(*[(port, path, args.threads, quota, deadline)] * args.clients,
                                          strict=True)))
    elapsed = time.perf_counter() - start
    latencies = sorted(x for lat, _ in runs for x in lat)
    return {"n": len(latencies), "rps": len(latencies) / elapsed,
            "p50": statistics.median(latencies) * 1e3,
            "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1e3,
            "errors": sum(e for _, e in runs)}


def main() -> None:
    """Measure, print the table and append it to benchmarks/RESULTS.md."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--requests", type=int, default=3000, help="requests per measurement at most (default 3000)")
    p.add_argument("--seconds", type=float, default=20.0, help="seconds per measurement at most (default 20)")
    p.add_argument("--clients", type=int, default=2, help="client processes (default 2)")
    p.add_argument("--threads", type=int, default=4, help="connections per client process (default 4)")
    p.add_argument("--no-record", action="store_true", help="print only; do not append to RESULTS.md")
    args = p.parse_args()
    rows = []
    load_before = os.getloadavg()[0]
    for workers in (1, 2):
        with LocalService(workers=workers) as service:
            for path, name in (("/recommend", "POST /recommend (full result with proofs)"),
                               ("/cds-services/wervelmetastasen", "POST /cds-services/wervelmetastasen (cards)")):
                r = load(service.port, path, args)
                rows.append(f"| {name} | {workers} | {r['n']:,} | {r['rps']:,.0f} | {r['p50']:.1f} ms | "
                            f"{r['p99']:.1f} ms | {r['errors']} |")
                print(rows[-1], flush=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=ROOT).stdout.strip()
    lines = [f"## {date.today()} {commit}: the HTTP service (benchmarks/service.py)", "",
             f"uvicorn on 127.0.0.1; {args.clients} client processes x {args.threads} keep-alive connections "
             f"on the same 2 cores; the {len(EXAMPLES)} examples in turn; at most {args.requests:,} requests "
             f"or {args.seconds:g} s per row. Load average {load_before:.1f} before the run (other work on the "
             "machine).", "",
             "| request | workers | requests | requests/s | p50 | p99 | errors |", "|---|---|---|---|---|---|---|",
             *rows, ""]
    print("\n".join(lines))
    if not args.no_record:
        with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
