"""Type stubs of the native module (crates/python/src/lib.rs)."""

import datetime
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union, final

__all__ = [
    "NewsgraphError",
    "Pipeline",
    "SCHEMA",
    "WarcBatches",
    "__version__",
    "analyze",
    "extract",
    "table_schemas",
]

SCHEMA: str
"""The schema identifier in every result: "newsgraph/1"."""

__version__: str

_Content = Union[str, bytes, bytearray]
"""An article: HTML or plain text; bytes in any encoding (decoded as the CLI does)."""

_Published = Union[str, datetime.date, None]
"""A publication date: "2022-03-13" (a timestamp's date part counts) or a date."""

_Record = Union[Mapping[str, Any], str, bytes, bytearray]
"""A dict {"id", "html"|"text", "url"?, "published"?} (a JSON Lines record of
``newsgraph analyze --jsonl``; html/text may be str or bytes), or bare content
whose id is its index."""

_Result = Dict[str, Any]
"""A newsgraph/1 object {"schema", "document", "entities", "quotes", "events",
"flags"}, or in analyze_many an error object {"schema", "document": {"id"},
"origin", "error"}."""

class NewsgraphError(ValueError):
    """An input newsgraph cannot analyse (empty, over the size limit, binary,
    no article text) or an actor table it cannot parse; the message names the
    input and the reason."""

def analyze(
    content: _Content,
    *,
    url: Optional[str] = None,
    published: _Published = None,
    id: Optional[str] = None,
) -> _Result:
    """Analyses one article into the newsgraph/1 object.

    ``id`` is the document's id in the result (default: ``url``, else
    "document"). Raises NewsgraphError for input that cannot be analysed,
    TypeError for content that is not str or bytes, ValueError for a bad date.
    """

def extract(
    content: _Content,
    *,
    url: Optional[str] = None,
    published: _Published = None,
    id: Optional[str] = None,
) -> Dict[str, Any]:
    """The clean article and its metadata, without analysis: {"id", "url",
    "title", "byline", "published", "site", "language", "text", …} as
    ``newsgraph extract`` prints it."""

@final
class Pipeline:
    """The pipeline with its models loaded; build once, share between threads."""

    def __new__(
        cls,
        actors: Optional[Sequence[Union[str, os.PathLike[str]]]] = None,
        *,
        max_bytes: Optional[int] = None,
        max_analysis_ms: Optional[int] = None,
    ) -> "Pipeline":
        """``actors``: PETRARCH-format actor tables whose entries win over the
        built-in lexicon (``newsgraph analyze --actors``). ``max_bytes``:
        inputs and WARC records over this size are refused (default 64 MiB).
        ``max_analysis_ms``: a record whose analysis takes longer is refused,
        and a long one whose pace shows it is expected to take longer is
        refused as soon as that shows (default: no limit;
        ``newsgraph ingest`` uses 20000). Raises OSError
        for an unreadable table, NewsgraphError for one that does not parse."""

    def analyze(
        self,
        content: _Content,
        *,
        url: Optional[str] = None,
        published: _Published = None,
        id: Optional[str] = None,
    ) -> _Result:
        """Like the module-level analyze, with this pipeline's tables and limits."""

    def extract(
        self,
        content: _Content,
        *,
        url: Optional[str] = None,
        published: _Published = None,
        id: Optional[str] = None,
    ) -> Dict[str, Any]:
        """Like the module-level extract, under this pipeline's limits."""

    def analyze_many(self, records: Iterable[_Record], threads: Optional[int] = None) -> List[_Result]:
        """Analyses every record in parallel with the GIL released; one result
        per record, in input order. A record that cannot be read or analysed
        gives an error object naming it ("origin": "records[3]") and the
        reason, as ``newsgraph analyze --jsonl`` does; nothing is dropped.
        ``threads``: default all cores (or RAYON_NUM_THREADS); 1 runs on the
        calling thread."""

    def analyze_arrow(self, records: Iterable[_Record], threads: Optional[int] = None) -> Dict[str, Any]:
        """Analyses the records like analyze_many and returns five
        ``pyarrow.RecordBatch`` objects: "documents" (one row per analysed
        record, ``record`` its index), "entities" (one row per mention),
        "quotes", "events" (GDELT 2.0 column names: GLOBALEVENTID, SQLDATE,
        Actor1Code, EventCode, QuadClass, GoldsteinScale, ActionGeo_Lat…, then
        document_id, modality, evidence_start, evidence_end, sentence…) and
        "errors" (one row per record that failed: record, document_id,
        origin, error). Handed over through the Arrow C data interface;
        needs pyarrow 14 or later (ImportError otherwise)."""

    def analyze_warc(
        self,
        source: Union[str, os.PathLike[str], bytes, bytearray],
        *,
        name: Optional[str] = None,
        batch_records: int = 256,
        threads: Optional[int] = None,
    ) -> "WarcBatches":
        """Reads a WARC archive (a path, or its bytes; gzip members or plain)
        with the reader of ``newsgraph ingest`` and analyses its pages
        ``batch_records`` at a time: each step yields the five tables of
        analyze_arrow. Pages are response records with a textual payload (id:
        WARC-Target-URI, published: WARC-Date, the HTTP charset honoured);
        other records are passed over; an unreadable record (corrupt gzip
        member, truncated, over max_bytes) is an "errors" row whose origin is
        ``name@offset`` (``name``: default the path, or "warc")."""

@final
class WarcBatches:
    """The batches of Pipeline.analyze_warc: an archive of any size costs
    one batch of memory."""

    def __iter__(self) -> "WarcBatches": ...
    def __next__(self) -> Dict[str, Any]:
        """The five tables (pyarrow.RecordBatch) of the next batch of records."""

def table_schemas() -> Dict[str, Any]:
    """The pyarrow.Schema of each of the five tables of analyze_arrow and
    analyze_warc (no models loaded)."""
