"""newsgraph on Apache Spark: WARC archives in, Parquet tables out.

    python -m newsgraph.spark --input 'PATH/*.warc.gz' --output DIR

or, in a PySpark job of your own::

    from newsgraph.spark import analyze_warc, write_tables
    rows = analyze_warc(spark, ["s3a://bucket/crawl/*.warc.gz"])
    counts = write_tables(rows, "s3a://bucket/newsgraph")

Spark lists the input files (any file system it reads: local, HDFS, S3A…)
and runs one task per archive. Each task reads its archive with the same
WARC reader as ``newsgraph ingest`` (``Pipeline.analyze_warc``: gzip members
decompressed within the record limit, one bad member skipped, not the file)
and analyses it in batches with ``mapInArrow``: the tables cross from the
Rust core to pyarrow through the Arrow C data interface and from Python to
the JVM as Arrow batches, never as Python objects. Spark writes five Parquet
datasets, ``DIR/documents``, ``DIR/entities``, ``DIR/quotes`` and
``DIR/events`` Hive-partitioned by the document's publication date
(``date=YYYY-MM-DD/part-….parquet``; no date: Spark's
``date=__HIVE_DEFAULT_PARTITION__``), and ``DIR/errors``, one row per record
that could not be read or analysed (``origin`` is ``file@offset``, ``error``
the reason). Every page record and every unreadable record is one row of
``documents`` or ``errors``; records that are not pages (requests,
metadata, images) are passed over, as ``newsgraph ingest`` does.

The limits default to ``newsgraph ingest``'s: records over 64 MiB and
analyses over 20 s are refused by name.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple
from urllib.parse import unquote, urlparse

from pyspark.sql import DataFrame, SparkSession

import newsgraph

# pyarrow ships no type information: its objects are typed by these names.
_Schema = Any
"""A pyarrow.Schema."""
_Batch = Any
"""A pyarrow.RecordBatch."""

TABLES = ("documents", "entities", "quotes", "events", "errors")
"""The tables written, each to a folder of its name."""

DATED = ("documents", "entities", "quotes", "events")
"""The tables partitioned by the document's publication date."""

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Records larger than this are refused (``newsgraph ingest --max-bytes``)."""

DEFAULT_MAX_ANALYSIS_MS = 20_000
"""Analyses longer than this are refused (``newsgraph ingest --max-analysis-ms``)."""

DEFAULT_BATCH_RECORDS = 256
"""Records analysed per Arrow batch: a task holds one batch at a time."""

_Options = Tuple[Tuple[str, ...], int, int, int]
"""(actor tables, max_bytes, max_analysis_ms, batch_records)."""

_PIPELINES: Dict[_Options, newsgraph.Pipeline] = {}
"""One pipeline per worker process and options: Spark reuses its Python
workers across tasks, so the models load once per worker, not per task."""


def output_schemas() -> Dict[str, _Schema]:
    """The schema of each table as written: ``Pipeline.analyze_arrow``'s
    columns without ``record`` (an index within one batch, meaningless across
    a corpus), plus ``date`` (the document's publication date) for the dated
    tables; every column nullable, as Spark reads Parquet."""
    import pyarrow as pa  # type: ignore[import-untyped]

    out = {}
    for name, schema in newsgraph.table_schemas().items():
        fields = [f.with_nullable(True) for f in schema if f.name != "record"]
        if name in DATED:
            fields.append(pa.field("date", pa.date32()))
        out[name] = pa.schema(fields)
    return out


def _union_schema(schemas: Dict[str, _Schema]) -> _Schema:
    """The one schema mapInArrow returns: ``table`` names the table of the
    row, whose columns are in the struct column of that name (the others are
    null), so that one pass over the archives feeds all five tables."""
    import pyarrow as pa  # type: ignore[import-untyped]

    return pa.schema(
        [pa.field("table", pa.string())] + [pa.field(n, pa.struct(list(schemas[n]))) for n in TABLES]
    )


def _union_batches(
    tables: Dict[str, _Batch], schemas: Dict[str, _Schema], union: _Schema
) -> Iterator[_Batch]:
    """The five tables of one analysed batch as batches of the union schema."""
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    documents = tables["documents"]
    ids, dates = documents.column("document_id"), documents.column("published")
    for name in TABLES:
        table = tables[name]
        n = table.num_rows
        if n == 0:
            continue
        columns = [table.column(f.name) for f in schemas[name] if f.name != "date"]
        if name == "documents":
            columns.append(dates)
        elif name in DATED:
            # A child row takes its document's date (ids are unique in a batch
            # but for a URL crawled twice, when the first one's date is taken).
            columns.append(pc.take(dates, pc.index_in(table.column("document_id"), value_set=ids)))
        struct = pa.StructArray.from_arrays(columns, fields=list(schemas[name]))
        arrays = [pa.array([name] * n, pa.string())] + [
            struct if other == name else pa.nulls(n, union.field(other).type) for other in TABLES
        ]
        yield pa.RecordBatch.from_arrays(arrays, schema=union)


def _worker_pipeline(options: _Options) -> newsgraph.Pipeline:
    pipeline = _PIPELINES.get(options)
    if pipeline is None:
        actors, max_bytes, max_analysis_ms, _ = options
        pipeline = newsgraph.Pipeline(list(actors), max_bytes=max_bytes, max_analysis_ms=max_analysis_ms)
        _PIPELINES[options] = pipeline
    return pipeline


def _local_path(uri: str) -> Optional[str]:
    """The local path of a ``file:`` URI (or a plain path), else None."""
    parsed = urlparse(uri)
    if parsed.scheme in ("", "file"):
        return unquote(parsed.path)
    return None


def _archive_batches(pipeline: newsgraph.Pipeline, uri: str, batch_records: int) -> Iterator[Dict[str, _Batch]]:
    """Analyses the archive at `uri` batch by batch, on the calling thread
    (Spark runs one task per core). A local archive is streamed; one on
    another file system is read whole through pyarrow's file systems."""
    local = _local_path(uri)
    if local is not None:
        return pipeline.analyze_warc(local, name=uri, batch_records=batch_records, threads=1)
    from pyarrow import fs  # type: ignore[import-untyped]

    scheme = urlparse(uri).scheme
    # Hadoop's S3 connectors name the scheme s3a (or s3n); pyarrow's is s3.
    location = "s3" + uri[len(scheme):] if scheme in ("s3a", "s3n") else uri
    filesystem, path = fs.FileSystem.from_uri(location)
    with filesystem.open_input_stream(path) as stream:
        data = stream.readall()
    return pipeline.analyze_warc(data, name=uri, batch_records=batch_records, threads=1)


def _analyse_paths(options: _Options) -> Callable[[Iterator[_Batch]], Iterator[_Batch]]:
    """The mapInArrow function: batches of archive paths in, table rows out."""

    def run(batches: Iterator[_Batch]) -> Iterator[_Batch]:
        pipeline = _worker_pipeline(options)
        schemas = output_schemas()
        union = _union_schema(schemas)
        for batch in batches:
            for uri in batch.column("path").to_pylist():
                for tables in _archive_batches(pipeline, uri, options[3]):
                    yield from _union_batches(tables, schemas, union)

    return run


def list_archives(spark: SparkSession, inputs: Sequence[str]) -> List[str]:
    """The files that `inputs` (paths, folders or globs on any file system
    Spark reads) name, listed by Hadoop's file system API as Spark lists its
    own inputs (a folder stands for the files below it)."""
    jvm, jsc = getattr(spark, "_jvm", None), getattr(spark, "_jsc", None)
    if jvm is None or jsc is None:
        # Spark Connect has no JVM handle: let a binaryFile scan list them
        # (a Spark job, slower, but the same files).
        listed = spark.read.format("binaryFile").load(list(inputs)).select("path").collect()
        return sorted(row.path for row in listed)
    conf = jsc.hadoopConfiguration()
    found = []
    for pattern in inputs:
        path = jvm.org.apache.hadoop.fs.Path(pattern)
        filesystem = path.getFileSystem(conf)
        for status in filesystem.globStatus(path) or []:
            if status.isFile():
                found.append(status.getPath().toString())
                continue
            files = filesystem.listFiles(status.getPath(), True)
            while files.hasNext():
                file = files.next().getPath()
                # Hidden and bookkeeping files (.crc, _SUCCESS), as Spark skips them.
                if not file.getName().startswith((".", "_")):
                    found.append(file.toString())
    return sorted(set(found))


def analyze_warc(
    spark: SparkSession,
    inputs: Sequence[str],
    *,
    actors: Sequence[str] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_analysis_ms: int = DEFAULT_MAX_ANALYSIS_MS,
    batch_records: int = DEFAULT_BATCH_RECORDS,
) -> DataFrame:
    """The analysis of every WARC archive that `inputs` name, as a DataFrame
    of the union schema (``table`` plus one struct column per table; see
    `write_tables`), one task per archive. Lazy: nothing runs until an
    action. `actors` are extra PETRARCH actor tables, paths every executor
    can read."""
    from pyspark.sql.pandas.types import from_arrow_schema

    archives = list_archives(spark, inputs)
    if not archives:
        raise ValueError(f"no files match {list(inputs)}")
    files = spark.createDataFrame(
        spark.sparkContext.parallelize([(a,) for a in archives], len(archives)), "path string"
    )
    options: _Options = (tuple(actors), max_bytes, max_analysis_ms, batch_records)
    union = _union_schema(output_schemas())
    return files.mapInArrow(_analyse_paths(options), from_arrow_schema(union))


def write_tables(rows: DataFrame, output: str) -> Dict[str, int]:
    """Writes the five tables of `analyze_warc` as Parquet under `output`
    (``documents``, ``entities``, ``quotes``, ``events`` partitioned by
    ``date``; ``errors``), replacing what is there, and returns each table's
    row count. The analysis runs once: its rows are kept (memory, then disk)
    while the five datasets are written."""
    from pyspark import StorageLevel

    kept = rows.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for name in TABLES:
            table = kept.where(kept["table"] == name).select(f"{name}.*")
            writer = table.write.mode("overwrite")
            if name in DATED:
                writer = writer.partitionBy("date")
            writer.parquet(f"{output.rstrip('/')}/{name}")
        counts = {name: 0 for name in TABLES}
        for row in kept.groupBy("table").count().collect():
            counts[row["table"]] = row["count"]
    finally:
        kept.unpersist()
    return counts


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python -m newsgraph.spark``: prints the row counts as JSON."""
    ap = argparse.ArgumentParser(
        prog="python -m newsgraph.spark",
        description="Analyse WARC archives on Spark and write documents, entities, quotes, "
        "events and errors as Parquet.",
    )
    ap.add_argument("--input", action="append", required=True,
                    help="WARC files, folders or globs (any file system Spark reads); repeatable")
    ap.add_argument("--output", required=True, help="folder of the five Parquet datasets (replaced)")
    ap.add_argument("--master", help="Spark master (default: spark-submit's, else local[*], "
                    "whose workers run this Python)")
    ap.add_argument("--actors", action="append", default=[],
                    help="extra PETRARCH actor table, readable on every executor; repeatable")
    ap.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                    help="refuse records larger than this (default: 64 MiB, as ingest)")
    ap.add_argument("--max-analysis-ms", type=int, default=DEFAULT_MAX_ANALYSIS_MS,
                    help="refuse analyses longer than this (default: 20000, as ingest)")
    ap.add_argument("--batch-records", type=int, default=DEFAULT_BATCH_RECORDS,
                    help="records per Arrow batch (default: 256)")
    args = ap.parse_args(argv)

    builder = SparkSession.builder.appName("newsgraph")
    master = args.master
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Not under spark-submit, which would say where to run.
        master = "local[*]"
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            # Local workers run the Python that has newsgraph installed
            # (pyspark reads the variable when the session starts).
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    try:
        rows = analyze_warc(
            spark, args.input, actors=args.actors, max_bytes=args.max_bytes,
            max_analysis_ms=args.max_analysis_ms, batch_records=args.batch_records,
        )
        counts = write_tables(rows, args.output)
    finally:
        spark.stop()
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
