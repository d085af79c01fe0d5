#!/usr/bin/env bash
# Entity fragments on real news pages: runs `newsgraph analyze --jsonl` over
# the 122 DEV pages of the extraction benchmark (../shared/data/extraction)
# and counts entities that are only a title or a generic head word ("Mr",
# "Authority", "Court" as PERSON/ORG), end in a preposition, are a single
# letter, or are an all-caps sub-head (issue 17). About 10 s.
#   bash scripts/eval/ner_fragments.sh      (from the repo root, after
#                                            cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=../shared/data/extraction
BIN=${NEWSGRAPH_BIN:-target/release/newsgraph}
if [ ! -f "$DATA/gold.jsonl" ]; then
  echo "ner_fragments.sh: $DATA is absent; skipped"
  exit 0
fi
[ -x "$BIN" ] || cargo build --release -p newsgraph
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 - "$DATA" > "$TMP/pages.jsonl" <<'PY'
import json, os, sys
data = sys.argv[1]
for line in open(os.path.join(data, "gold.jsonl"), encoding="utf-8"):
    g = json.loads(line)
    path = os.path.join(data, "html", g["id"] + ".html")
    if os.path.exists(path):
        html = open(path, encoding="utf-8", errors="replace").read()
        print(json.dumps({"id": g["id"], "url": g["url"], "html": html}))
PY
"$BIN" analyze --jsonl "$TMP/pages.jsonl" > "$TMP/out.jsonl"
python3 scripts/eval/ner_fragments.py crates/lexicon/src/data/name_words.txt < "$TMP/out.jsonl" | tee "$TMP/summary.txt"
# Regression ceiling, a little above what was measured (see docs/measurements.md).
python3 - "$TMP/summary.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
n = int(re.search(r"title or head word: (\d+)", text).group(1))
if n > 3:
    print(f"REGRESSION: {n} title/head-word entities, ceiling 3")
    sys.exit(1)
PY
