"""Pipeline.analyze_warc: the ingest crate's WARC reader from Python, on
CC-NEWS-shaped archives the tests write (warcgen.py), damaged records
included."""

import datetime
import json

import pytest

import newsgraph
import warcgen
from conftest import run_cli

BAD_REASONS = {
    "corrupt gzip member": "bad gzip data",
    "truncated record": "shorter than its Content-Length",
    "binary payload": "binary data",
    "100 MB payload": "larger than the 67108864-byte limit",
}


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    return warcgen.write_archives(tmp_path_factory.mktemp("warc"), 2, 40, with_bad=True)


def collect(batches):
    tables = {name: [] for name in ("documents", "entities", "quotes", "events", "errors")}
    for batch in batches:
        for name, table in batch.items():
            tables[name].extend(table.to_pylist())
    return tables


def test_every_page_is_a_document_and_every_damaged_record_one_error(archives):
    pipeline = newsgraph.Pipeline(max_analysis_ms=20_000)
    for archive in archives:
        got = collect(pipeline.analyze_warc(archive.path, batch_records=16, threads=1))
        assert [d["document_id"] for d in got["documents"]] == archive.pages
        # Nothing dropped: one row per page or damaged record; the image, the
        # requests and the warcinfo record are not pages.
        assert len(got["documents"]) + len(got["errors"]) == len(archive.pages) + len(archive.bad)
        assert len(got["errors"]) == len(archive.bad)
        for kind, error in zip(archive.bad, got["errors"]):
            assert BAD_REASONS[kind] in error["error"], (kind, error)
            # The origin names the archive and the record's offset in it.
            path, _, offset = error["origin"].rpartition("@")
            assert path == str(archive.path) and int(offset) > 0, error
        # Dates from WARC-Date, events and entities found in the generated news.
        assert {d["published"] for d in got["documents"]} <= {
            datetime.date(2022, 3, 13) + datetime.timedelta(days=k) for k in range(7)
        }
        assert got["events"] and got["entities"] and got["quotes"]
    assert sum(len(a.bad) for a in archives) == 4


def test_pages_from_an_archive_are_analysed_as_the_cli_analyses_them(archives, cli, tmp_path):
    pipeline = newsgraph.Pipeline()
    first = next(iter(pipeline.analyze_warc(archives[0].path, batch_records=3)))
    events = first["events"].to_pylist()
    mentions = first["entities"].to_pylist()
    for doc in first["documents"].to_pylist():
        # The page as a file, with the URL and date the archive gives it.
        path = tmp_path / "page.html"
        path.write_text(archives[0].html[doc["document_id"]], encoding="utf-8")
        expected = json.loads(run_cli(cli, "analyze", "--url", doc["url"], "--published",
                                      doc["published"].isoformat(), str(path)))
        assert doc["text"] == expected["document"]["text"]
        mine = [e["EventCode"] for e in events if e["document_id"] == doc["document_id"]]
        assert mine == [e["cameo"] for e in expected["events"]]
        mine = [m for m in mentions if m["document_id"] == doc["document_id"]]
        assert len(mine) == sum(len(e["mentions"]) for e in expected["entities"])
    assert events, "the generated news reports events"


def test_bytes_and_paths_read_alike_and_a_missing_file_is_an_error_row(archives, tmp_path):
    pipeline = newsgraph.Pipeline()
    data = archives[0].path.read_bytes()
    from_bytes = collect(pipeline.analyze_warc(data, name="mem.warc.gz"))
    from_path = collect(pipeline.analyze_warc(str(archives[0].path)))
    assert [d["text"] for d in from_bytes["documents"]] == [d["text"] for d in from_path["documents"]]
    missing = collect(pipeline.analyze_warc(tmp_path / "absent.warc.gz", name="s3://bucket/absent.warc.gz"))
    assert missing["documents"] == [] and len(missing["errors"]) == 1
    assert missing["errors"][0]["origin"] == "s3://bucket/absent.warc.gz"
    assert "cannot be read" in missing["errors"][0]["error"]
    with pytest.raises(ValueError, match="batch_records"):
        pipeline.analyze_warc(data, batch_records=0)
    with pytest.raises(TypeError, match="path"):
        pipeline.analyze_warc(12)


def test_table_schemas_are_the_schemas_of_the_batches(archives):
    schemas = newsgraph.table_schemas()
    batch = next(iter(newsgraph.Pipeline().analyze_warc(archives[0].path, batch_records=4)))
    assert set(schemas) == set(batch)
    for name, table in batch.items():
        assert table.schema == schemas[name], name
    assert "GoldsteinScale" in schemas["events"].names and "date" not in schemas["events"].names
