"""Throughput of the Python binding against the CLI, one thread, same run.

Both analyse the same records (the HTML pages of a folder, decoded as UTF-8
with replacement so that the CLI's JSON Lines can carry them, repeated
--repeat times): the CLI as `RAYON_NUM_THREADS=1 newsgraph analyze --jsonl`,
its start-up (loading the models, measured on an empty batch) subtracted;
Python as `Pipeline().analyze_many(records, threads=1)`, building the result
dicts included. Rates are documents per CPU-second (user + system), the best
of --rounds alternating runs (the CLI first in odd rounds, Python first in
even ones); then analyze_many on all cores, wall clock. Each batch is about a
second of CPU: on a slower machine (2026-12-07) three CI runs of the same
code, best of 2 rounds of 2 repeats, read python/CLI as 0.98, 1.14 and 0.80,
so the defaults are now 3 repeats and 5 rounds.

Exits 1 when Python falls under --floor of the CLI's rate.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import json
from pathlib import Path

import newsgraph


def child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cli_cpu(cli: str, batch: Path) -> float:
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    before = child_cpu()
    subprocess.run([cli, "analyze", "--jsonl", str(batch)], env=env, check=True, stdout=subprocess.DEVNULL)
    return child_cpu() - before


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", type=Path)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--floor", type=float, default=0.80)
    args = ap.parse_args()

    pages = sorted(args.pages.glob("*.html"))
    records = [
        {"id": f"{p.stem}-{i}", "html": p.read_bytes().decode("utf-8", errors="replace")}
        for i in range(args.repeat)
        for p in pages
    ]
    with tempfile.TemporaryDirectory() as tmp:
        batch, empty = Path(tmp) / "batch.jsonl", Path(tmp) / "empty.jsonl"
        batch.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        empty.write_text("", encoding="utf-8")
        pipeline = newsgraph.Pipeline()
        cli_best = py_best = float("inf")
        for n in range(args.rounds):
            for side in ("cli", "py") if n % 2 == 0 else ("py", "cli"):
                if side == "cli":
                    startup = cli_cpu(args.cli, empty)
                    cli_best = min(cli_best, cli_cpu(args.cli, batch) - startup)
                else:
                    t0 = time.process_time()
                    results = pipeline.analyze_many(records, threads=1)
                    py_best = min(py_best, time.process_time() - t0)
                    del results
        t0 = time.perf_counter()
        one = pipeline.analyze_many(records, threads=1)
        t1 = time.perf_counter()
        many = pipeline.analyze_many(records)
        t2 = time.perf_counter()
    failed = sum("error" in r for r in one)
    assert one == many, "analyze_many on all cores gave other results than on one thread"
    n = len(records)
    cli_rate, py_rate = n / cli_best, n / py_best
    ratio = py_rate / cli_rate
    print(
        f"python analyze_many, one thread: {py_rate:.0f} docs per CPU-second; "
        f"CLI analyze --jsonl, one thread: {cli_rate:.0f} (start-up excluded); "
        f"python/CLI = {ratio:.2f} ({n} records from {len(pages)} pages, {failed} error values)"
    )
    print(
        f"python analyze_many, all {os.cpu_count()} cores: {n / (t2 - t1):.0f} docs/s wall "
        f"vs {n / (t1 - t0):.0f} on one thread ({(t1 - t0) / (t2 - t1):.2f}x; load average "
        f"{os.getloadavg()[0]:.1f})"
    )
    if ratio < args.floor:
        print(f"FAIL: python/CLI throughput {ratio:.2f} is under the floor {args.floor}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
