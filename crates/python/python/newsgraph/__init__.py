"""newsgraph reads news and writes down what it read, with proof.

``analyze`` returns the ``newsgraph/1`` object that ``newsgraph analyze``
prints (the same pipeline and serializer, so ``json.dumps(result, indent=2,
ensure_ascii=False)`` is the CLI's output); ``Pipeline.analyze_many`` runs
many records on all cores with the GIL released. Every span is a code-point
offset into ``result["document"]["text"]``.
"""

from newsgraph._newsgraph import (
    SCHEMA,
    NewsgraphError,
    Pipeline,
    __version__,
    analyze,
    extract,
)

__all__ = ["SCHEMA", "NewsgraphError", "Pipeline", "__version__", "analyze", "extract"]
