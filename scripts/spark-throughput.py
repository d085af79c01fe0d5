"""Throughput of newsgraph on Spark (local[2]) against `newsgraph ingest`,
same records, same machine, same run.

The records are CC-NEWS-shaped WARC archives that this script writes
(crates/python/tests/warcgen.py: invented articles, no corpus), --files
archives of --pages pages each. Three runs over them, each on two cores:

- ingest: `newsgraph ingest --db NEW.db ARCHIVES` (two workers on a
  two-core machine; extraction, analysis and the SQLite writes);
- package: `Pipeline.analyze_warc` over the archives in two processes, one
  archive at a time each (what a Spark task does, without Spark);
- spark: `newsgraph.spark.analyze_warc` + `write_tables` in a local[2]
  session that is already up (the job: listing, scheduling, Arrow transfers
  to and from the JVM, the cached rows and five Parquet writes).

Each is measured in CPU-seconds (user + system of every process it runs:
for Spark the driver, the JVM and its Python workers, read from /proc) and
in wall-clock seconds. The machine is shared, so the CPU figures are the
comparable ones: rates are pages per CPU-second, the best of --rounds
alternating runs. Spark's own overhead is reported apart: the session's
start-up (JVM, first Python workers, once per application) and the job's
CPU beyond the package's. Exits 1 when Spark's rate falls under --floor of
ingest's.
"""

import argparse
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "crates" / "python" / "tests"))

import warcgen  # noqa: E402


TICK = os.sysconf("SC_CLK_TCK")


def tree_cpu(root: int) -> float:
    """CPU-seconds of process `root` and every process below it, with the
    children they have already reaped (Spark's finished Python workers)."""
    stats = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the name: state ppid … utime(12) stime(13) cutime(14) cstime(15).
        stats[int(entry)] = (int(fields[1]), sum(int(x) for x in fields[11:15]))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, (0, 0))[1]
        todo.extend(p for p, (ppid, _) in stats.items() if ppid == pid)
    return total / TICK


def own_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def analyse_archive(path: str) -> int:
    import newsgraph

    pipeline = analyse_archive.__dict__.setdefault("pipeline", newsgraph.Pipeline(max_analysis_ms=20_000))
    return sum(t["documents"].num_rows for t in pipeline.analyze_warc(path, threads=1))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=str(ROOT / "target" / "release" / "newsgraph"))
    ap.add_argument("--files", type=int, default=6)
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--floor", type=float, default=0.70)
    args = ap.parse_args()

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from newsgraph import spark as ngspark

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        archives = warcgen.write_archives(tmp / "in", args.files, args.pages)
        paths = [str(a.path) for a in archives]
        n = warcgen.page_count(archives)
        size = sum(a.path.stat().st_size for a in archives)

        t0 = time.perf_counter()
        spark = (
            SparkSession.builder.master("local[2]").appName("newsgraph-throughput")
            .config("spark.ui.enabled", "false").getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        jvm = spark.sparkContext._gateway.proc.pid
        startup = time.perf_counter() - t0
        startup_cpu = tree_cpu(jvm)

        cpu = {"ingest": [], "package": [], "spark": []}
        wall = {"ingest": [], "package": [], "spark": []}
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            workers = [p.pid for p in pool._pool]  # noqa: SLF001 (the pool's processes, for their CPU)
            for r in range(args.rounds):
                db = tmp / f"ingest-{r}.db"
                c0, t0 = child_cpu(), time.perf_counter()
                subprocess.run([args.cli, "ingest", "--db", str(db), *paths], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                wall["ingest"].append(time.perf_counter() - t0)
                cpu["ingest"].append(child_cpu() - c0)

                c0, t0 = sum(tree_cpu(w) for w in workers), time.perf_counter()
                done = sum(pool.map(analyse_archive, paths, chunksize=1))
                wall["package"].append(time.perf_counter() - t0)
                cpu["package"].append(sum(tree_cpu(w) for w in workers) - c0)
                assert done == n, (done, n)

                c0, t0 = tree_cpu(jvm) + own_cpu(), time.perf_counter()
                rows = ngspark.analyze_warc(spark, [str(tmp / "in" / "*.warc.gz")])
                counts = ngspark.write_tables(rows, str(tmp / f"out-{r}"))
                wall["spark"].append(time.perf_counter() - t0)
                cpu["spark"].append(tree_cpu(jvm) + own_cpu() - c0)
                assert counts["documents"] + counts["errors"] == n, counts
        spark.stop()

    best = {k: min(v) for k, v in cpu.items()}
    rate = {k: n / v for k, v in best.items()}
    ratio = rate["spark"] / rate["ingest"]
    print(f"{n} pages in {args.files} archives ({size / 1e6:.1f} MB gzipped), 2 cores, "
          f"best of {args.rounds} rounds; load average {os.getloadavg()[0]:.1f}")
    for k, label in [("ingest", "ingest (SQLite)"), ("package", "package, 2 processes"),
                     ("spark", "spark local[2] job")]:
        print(f"{label:22} {best[k]:6.1f} CPU-s {rate[k]:6.1f} pages/CPU-s   "
              f"wall {', '.join(f'{w:.1f}' for w in wall[k])} s")
    print(f"spark/ingest = {ratio:.2f} (pages per CPU-second); spark/package = "
          f"{rate['spark'] / rate['package']:.2f}; by best wall clock spark/ingest = "
          f"{min(wall['ingest']) / min(wall['spark']):.2f}")
    print(f"Spark's own overhead: session start-up {startup:.1f} s wall, {startup_cpu:.1f} CPU-s "
          f"(once per application; the first job also warms the JVM: its wall {wall['spark'][0]:.1f} s); "
          f"the job's CPU beyond the package's {best['spark'] - best['package']:.1f} CPU-s "
          f"({(best['spark'] - best['package']) / best['spark']:.0%} of the job)")
    if ratio < args.floor:
        print(f"FAIL: spark/ingest throughput {ratio:.2f} is under the floor {args.floor}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
