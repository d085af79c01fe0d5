#!/usr/bin/env bash
# Scale run: N templated articles of our own (default 100,000) through the
# full pipeline into one database, then the API under load.
#
#   scripts/scale.sh                 # N=100000
#   N=20000 DURATION=20 scripts/scale.sh
#   KEEP_DB=/tmp/scale.db scripts/scale.sh   # keep the database; reuse it next time
#   NEWSGRAPH_BIN=/path/to/newsgraph scripts/scale.sh   # another build
#
# Prints documents/second end to end (2 cores, wall clock) and per CPU-second
# (user + system: what the pipeline costs, whatever else loads the machine),
# database size per 1,000 documents, peak RSS of the ingest, what a re-ingest of the same input adds
# (should be 0), then scripts/load.sh's requests/s and p50/p99 per API query
# type against `newsgraph serve` on this database. Not run by CI (minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
N="${N:-100000}"
export DURATION="${DURATION:-30}"
export LATENCY_SECONDS="${LATENCY_SECONDS:-5}"

bin="${NEWSGRAPH_BIN:-$root/target/release/newsgraph}"
[ -x "$bin" ] || cargo build --release -p newsgraph
export NEWSGRAPH_BIN="$bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== generating $N articles"
python3 scripts/scale-articles.py "$N" "$work/articles.jsonl"
echo "input: $(du -m "$work/articles.jsonl" | cut -f1) MB"

db="${KEEP_DB:-$work/scale.db}"
if [ -n "${KEEP_DB:-}" ] && [ -f "$db" ]; then
  echo "== reusing $db (no ingest timing)"
  wall=0 rss_kb=0 cpu=0
else
  echo "== ingest (cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$bin" ingest --db "$db" "$work/articles.jsonl" 2>"$work/ingest.log"
  tail -1 "$work/ingest.log"
  read -r wall rss_kb usr sys <"$work/time.txt"
  cpu=$(python3 -c "print(float('$usr') + float('$sys'))")
fi
docs=$("$bin" stats --db "$db" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
# Fold the WAL into the file so the size is what stays on disk.
python3 - "$db" <<'PY'
import sqlite3, sys
sqlite3.connect(sys.argv[1]).execute("PRAGMA wal_checkpoint(TRUNCATE)")
PY
bytes=$(stat -c %s "$db")

echo "== re-ingest of the same input"
/usr/bin/time -f "%e" -o "$work/time2.txt" "$bin" ingest --db "$db" "$work/articles.jsonl" 2>"$work/ingest2.log" || true
tail -1 "$work/ingest2.log"
docs_after=$("$bin" stats --db "$db" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')

# Query parameters that exist in the generated data.
doc_id=$(head -1 "$work/articles.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
cat >"$work/paths.txt" <<PATHS
document /api/documents/$doc_id
search /api/search?q=fishing+quotas
quotes_by_speaker /api/quotes?speaker=Solberg
quotes_by_words /api/quotes?q=lasting+peace
events_by_actor /api/events?actor=TUR
events_by_target /api/events?target=JPN
events_by_code /api/events?code=11
events_by_dates /api/events?from=2023-01-01&to=2023-01-31
events_by_place /api/events?place=Oslo
graph /api/graph
graph_dates /api/graph?from=2023-01-01&to=2023-12-31
timeline /api/timeline/Turkey
actor_find /api/actors?q=Turkey
ui_actor /actors/Turkey
contradictions /api/contradictions
contradictions_actor /api/contradictions?actor=TUR
ui_contradictions /contradictions
actors /api/actors
stats /api/stats
ui_article /documents/$doc_id
ui_graph /graph
ui_search /search?q=grain+exports
PATHS
echo "== load"
DB="$db" PATHS_FILE="$work/paths.txt" bash scripts/load.sh | tee "$work/load.txt"

python3 - "$docs" "$wall" "$bytes" "$rss_kb" "$docs_after" "$cpu" <<'PY'
import sys
docs, wall, size, rss_kb, after = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
cpu = float(sys.argv[6])
print()
if wall > 0:
    print(f"summary: {docs} documents ingested in {wall:.1f} s: {docs / wall:.0f} documents/s end to end")
    print(f"summary: {cpu:.1f} CPU-seconds: {docs / max(cpu, 0.01):.0f} documents per CPU-second")
print(f"summary: database {size / 1e6:.1f} MB, {size / 1e3 / max(docs, 1) * 1000 / 1e3:.2f} MB per 1,000 documents")
if rss_kb > 0:
    print(f"summary: peak RSS of the ingest {rss_kb / 1024:.0f} MB")
print(f"summary: re-ingest of the same input added {after - docs} documents")
PY
grep '^summary' "$work/load.txt"
