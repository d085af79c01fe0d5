"""newsgraph reads news and writes down what it read, with proof.

``analyze`` returns the ``newsgraph/1`` object that ``newsgraph analyze``
prints (the same pipeline and serializer, so ``json.dumps(result, indent=2,
ensure_ascii=False)`` is the CLI's output); ``Pipeline.analyze_many`` runs
many records on all cores with the GIL released; ``Pipeline.analyze_arrow``
and ``Pipeline.analyze_warc`` return Arrow tables (``newsgraph.spark`` runs
the latter on Apache Spark). Every span is a code-point offset into
``result["document"]["text"]``.
"""

from newsgraph._newsgraph import (
    SCHEMA,
    NewsgraphError,
    Pipeline,
    WarcBatches,
    __version__,
    analyze,
    extract,
    table_schemas,
)

__all__ = [
    "SCHEMA",
    "NewsgraphError",
    "Pipeline",
    "WarcBatches",
    "__version__",
    "analyze",
    "extract",
    "table_schemas",
]
