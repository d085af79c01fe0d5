#!/usr/bin/env bash
# Claims and denials within a document: runs `newsgraph analyze --verbatim
# --jsonl` over the 15 real articles of
# ../shared/data/contradictions/claims_denials_dev.jsonl (records {id, text,
# published}) and scores the `contradiction` flags with
# ../shared/eval/score_contradictions.py (a flag matches a hand-paired claim
# and denial when one of its spans overlaps each). Also scores the two
# halves of the set (articles in file order, first 8 and last 7) apart, so a
# rule that fits one half only shows.
#
# Usage: scripts/eval/contradictions.sh      (from the repository root)
# Needs: target/release/newsgraph (built when missing), python3.
set -euo pipefail
cd "$(dirname "$0")/../.."

SHARED=../shared
GOLD=$SHARED/data/contradictions/claims_denials_dev.jsonl
SCORER=$SHARED/eval/score_contradictions.py
. scripts/eval/prelude.sh --skip "contradictions.sh: $GOLD or $SCORER is absent; evaluation skipped" \
  "$GOLD" "$SCORER"

# Regression floors, a few points under what was measured when they were set
# (docs/measurements.md has the figures). Measured 2026-12-04: F1 0.692,
# precision 0.900, recall 0.562 (halves: F1 0.686 and 0.706).
FLOOR_F1=0.64
FLOOR_PRECISION=0.82

python3 - "$GOLD" "$tmp" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
lines = [l for l in open(src, encoding="utf-8") if l.strip()]
half = (len(lines) + 1) // 2
with open(f"{out}/in.jsonl", "w", encoding="utf-8") as rec, \
     open(f"{out}/gold_a.jsonl", "w", encoding="utf-8") as a, \
     open(f"{out}/gold_b.jsonl", "w", encoding="utf-8") as b:
    for n, line in enumerate(lines):
        d = json.loads(line)
        r = {"id": d["id"], "text": d["text"]}
        if d.get("published"):
            r["published"] = d["published"]
        rec.write(json.dumps(r, ensure_ascii=False) + "\n")
        (a if n < half else b).write(line if line.endswith("\n") else line + "\n")
PY

"$bin" analyze --verbatim --jsonl "$tmp/in.jsonl" > "$tmp/pred.jsonl"

echo "== claims and denials, dev (15 articles)"
python3 "$SCORER" "$GOLD" "$tmp/pred.jsonl" | tee "$tmp/all.txt"
echo
echo "== first half"
python3 "$SCORER" "$tmp/gold_a.jsonl" "$tmp/pred.jsonl" | tail -1
echo "== second half"
python3 "$SCORER" "$tmp/gold_b.jsonl" "$tmp/pred.jsonl" | tail -1

field() { tail -1 "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
f1=$(field "$tmp/all.txt" f1)
precision=$(field "$tmp/all.txt" precision)
echo
echo "== summary: contradiction flags F1 $f1, precision $precision (floors $FLOOR_F1, $FLOOR_PRECISION)"

python3 - "$f1" "$precision" "$FLOOR_F1" "$FLOOR_PRECISION" <<'PY'
import sys
f1, p, ff, fp = map(float, sys.argv[1:5])
bad = []
if f1 < ff:
    bad.append(f"F1 {f1} < floor {ff}")
if p < fp:
    bad.append(f"precision {p} < floor {fp}")
if bad:
    print("REGRESSION: " + "; ".join(bad))
    sys.exit(1)
PY
