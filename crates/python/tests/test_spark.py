"""newsgraph.spark end to end: Spark in local mode (local[2]) over WARC
archives the test writes (a few thousand CC-NEWS-shaped records, the damaged
ones of warcgen included), Parquet out, read back with DuckDB.

Needs Java (17+) and pyspark and duckdb in the virtualenv, as
scripts/python-tests.sh installs them; skipped, saying which is missing,
elsewhere."""

import datetime
import os
import shutil
import sys

import pytest

import warcgen

pyspark = pytest.importorskip("pyspark", reason="needs pyspark (scripts/python-tests.sh installs it)")
duckdb = pytest.importorskip("duckdb", reason="needs duckdb (scripts/python-tests.sh installs it)")
pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="needs Java 17+ on PATH for Spark")

import newsgraph  # noqa: E402
from newsgraph import spark as ngspark  # noqa: E402

FILES, PAGES_PER_FILE = 4, 500


@pytest.fixture(scope="module")
def session():
    from pyspark.sql import SparkSession

    # The workers must run this Python, which has newsgraph installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("newsgraph-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def job(session, tmp_path_factory):
    folder = tmp_path_factory.mktemp("spark")
    # Short articles: the test is about rows and counts, and must stay quick.
    archives = warcgen.write_archives(folder / "in", FILES, PAGES_PER_FILE, with_bad=True, paragraphs=(1, 2))
    rows = ngspark.analyze_warc(session, [str(folder / "in" / "*.warc.gz")], batch_records=128)
    counts = ngspark.write_tables(rows, str(folder / "out"))
    return archives, counts, folder / "out"


def test_every_record_in_is_a_document_or_an_error_out(job):
    archives, counts, out = job
    pages = warcgen.page_count(archives)
    bad = sum(len(a.bad) for a in archives)
    assert pages == FILES * PAGES_PER_FILE and bad == 4
    assert counts["documents"] == pages and counts["errors"] == bad
    assert counts["entities"] > pages and counts["events"] > 0 and counts["quotes"] > 0
    db = duckdb.connect()
    for name in ngspark.TABLES:
        n = db.execute(f"select count(*) from read_parquet('{out}/{name}/**/*.parquet')").fetchone()[0]
        assert n == counts[name], name


def test_the_parquet_tables_answer_a_duckdb_query(job):
    archives, counts, out = job
    db = duckdb.connect()
    docs = f"read_parquet('{out}/documents/*/*.parquet', hive_partitioning = true)"
    events = f"read_parquet('{out}/events/*/*.parquet', hive_partitioning = true)"
    # Hive partitions by date, from WARC-Date: the seven days of the generated week.
    days = db.execute(f"select distinct date from {docs} order by date").fetchall()
    assert [d[0] for d in days] == [datetime.date(2022, 3, 13) + datetime.timedelta(days=k) for k in range(7)]
    assert db.execute(f"select count(*) from {docs} where published <> date").fetchone()[0] == 0
    # Events join their documents by id, and every event keeps its evidence.
    joined = db.execute(
        f"""select e.EventRootCode, count(*) as n
            from {events} e join {docs} d on e.document_id = d.document_id
            where substr(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) = e.sentence
            group by 1 order by n desc"""
    ).fetchall()
    assert sum(n for _, n in joined) == counts["events"], joined
    assert len(joined) >= 3, joined
    # The errors name the archive and offset of each damaged record.
    errors = db.execute(f"select origin, error from read_parquet('{out}/errors/*.parquet') order by origin").fetchall()
    damaged = next(a for a in archives if a.bad)
    assert all(origin.rpartition("@")[0].endswith(damaged.path.name) for origin, _ in errors), errors


def test_spark_rows_are_the_packages_rows_for_the_same_archive(job):
    archives, _, out = job
    db = duckdb.connect()
    archive = archives[0]
    local = {"documents": [], "events": []}
    for batch in newsgraph.Pipeline().analyze_warc(archive.path):
        for name in local:
            local[name].extend(batch[name].to_pylist())
    ids = ", ".join(f"'{d['document_id']}'" for d in local["documents"])
    spark_events = db.execute(
        f"""select document_id, EventCode, evidence_start from read_parquet('{out}/events/*/*.parquet')
            where document_id in ({ids}) order by all"""
    ).fetchall()
    mine = sorted((e["document_id"], e["EventCode"], e["evidence_start"]) for e in local["events"])
    assert spark_events == mine
