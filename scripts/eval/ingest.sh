#!/usr/bin/env bash
# Ingest from the sources people have, end to end (release binary):
#  1. the extraction benchmark's real pages as a directory of HTML files;
#  2. the same pages packed into a gzipped CC-NEWS-style WARC (one gzip member
#     per record, with request records and a redirect between the responses),
#     ingested into a fresh database: the same documents must be stored;
#  3. the WARC again: nothing added, and the stored URLs skipped before extraction;
#  4. a kill -9 midway through the WARC ingest, then a restart: the set completes.
# Prints documents/second (2 cores, full pipeline), peak RSS and database size.
set -euo pipefail
cd "$(dirname "$0")/../.."
pages=../shared/data/extraction/html
. scripts/eval/prelude.sh "ingest evaluation" "$pages"

python3 - "$pages" "$tmp/pages.warc.gz" <<'PY'
import gzip, os, sys
pages, out = sys.argv[1], sys.argv[2]
def record(kind, uri, http):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2022-03-13T10:00:00Z\r\nContent-Type: application/http; msgtype={kind}\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n")
with open(out, "wb") as f:
    for name in sorted(os.listdir(pages)):
        uri = f"http://pages.test/{name}"
        body = open(os.path.join(pages, name), "rb").read()
        f.write(record("request", uri, b"GET / HTTP/1.1\r\nHost: pages.test\r\n\r\n"))
        f.write(record("response", uri + "?old", b"HTTP/1.1 301 Moved\r\nLocation: " + uri.encode() + b"\r\n\r\n"))
        f.write(record("response", uri, b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body))
PY

# Runs an ingest under /usr/bin/time; sets $secs (wall), $cpu (user+sys
# seconds, independent of other load on the machine), $rss_mb, $added, $dups, $failed.
measure() {
  local db="$1"; shift
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$bin" ingest --db "$db" "$@" 2>"$tmp/err" >/dev/null || {
    cat "$tmp/err"; echo "ingest crashed"; exit 1; }
  read -r secs rss_kb usr sys <"$tmp/time"
  cpu=$(python3 -c "print(round(float('$usr') + float('$sys'), 2))")
  rss_mb=$(( rss_kb / 1024 ))
  local line; line=$(grep '^ingested into' "$tmp/err")
  added=$(sed -E 's/.*: ([0-9]+) added.*/\1/' <<<"$line")
  dups=$(sed -E 's/.* ([0-9]+) duplicates.*/\1/' <<<"$line")
  failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
}
rate() { python3 -c "import sys; a,s=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/max(s,0.01):.0f}')" "$1" "$2"; }

n=$(ls "$pages" | wc -l)
measure "$tmp/dir.db" "$pages"
dir_added=$added; dir_rate=$(rate "$added" "$secs"); dir_rss=$rss_mb; dir_cpu_rate=$(rate "$added" "$cpu")
echo "directory of $n HTML pages: $added added, $dups duplicates, $failed failed in ${secs}s = $dir_rate docs/s wall; ${cpu} CPU-s = $dir_cpu_rate docs per CPU-second; peak RSS ${rss_mb} MB"

measure "$tmp/warc.db" "$tmp/pages.warc.gz"
warc_added=$added; warc_rate=$(rate "$added" "$secs"); warc_rss=$rss_mb; warc_secs=$secs; warc_cpu_rate=$(rate "$added" "$cpu")
echo "WARC ($(du -k "$tmp/pages.warc.gz" | cut -f1) KB gzipped, $((n * 3)) records): $added added, $failed failed in ${secs}s = $warc_rate docs/s wall; $warc_cpu_rate docs per CPU-second; peak RSS ${rss_mb} MB"
db_kb=$(du -k "$tmp/warc.db" | cut -f1)

measure "$tmp/warc.db" "$tmp/pages.warc.gz"
echo "WARC again: $added added, $dups skipped as stored, in ${secs}s"
rerun_added=$added

# Kill midway, restart, compare with the uninterrupted run.
"$bin" ingest --db "$tmp/killed.db" "$tmp/pages.warc.gz" >/dev/null 2>&1 &
pid=$!
kill_at=$(python3 -c "print(round(max(0.1, float('$warc_secs') * 0.6), 2))")
sleep "$kill_at"
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
before=$(sqlite3 "$tmp/killed.db" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
measure "$tmp/killed.db" "$tmp/pages.warc.gz"
after=$(sqlite3 "$tmp/killed.db" "SELECT count(*) FROM documents")
integrity=$(sqlite3 "$tmp/killed.db" "PRAGMA integrity_check")
echo "killed after ${kill_at}s with $before stored; restart added $added; now $after (uninterrupted: $warc_added); integrity $integrity"

echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (wall-clock rates depend on it; per-CPU-second rates much less)"
echo "summary: dir $dir_rate docs/s wall, $dir_cpu_rate/CPU-s (RSS ${dir_rss} MB); WARC $warc_rate docs/s wall, $warc_cpu_rate/CPU-s (RSS ${warc_rss} MB); $((db_kb * 1000 / (warc_added > 0 ? warc_added : 1))) KB per 1000 docs; re-run added $rerun_added; kill+restart $after/$warc_added, integrity $integrity"
# Regression floors: every page read from both sources, nothing re-added,
# the restart completes the set, and the cost per document stays near what
# was measured (2026-11-29: 113-133 docs per CPU-second for the directory,
# with other builds running; 110 before the issue-6 speed work).
FLOOR_DOCS_PER_CPU_SECOND=70
fail=0
[ "$warc_added" -eq "$dir_added" ] || { echo "FAIL: the WARC gave $warc_added documents, the directory $dir_added"; fail=1; }
[ "$rerun_added" -eq 0 ] || { echo "FAIL: the re-run added $rerun_added"; fail=1; }
[ "$after" -eq "$warc_added" ] || { echo "FAIL: kill+restart stored $after, expected $warc_added"; fail=1; }
[ "$integrity" = ok ] || { echo "FAIL: integrity $integrity"; fail=1; }
[ "$dir_added" -ge $(( n * 9 / 10 )) ] || { echo "FAIL: only $dir_added of $n pages stored"; fail=1; }
[ "$dir_cpu_rate" -ge "$FLOOR_DOCS_PER_CPU_SECOND" ] || { echo "FAIL: $dir_cpu_rate docs per CPU-second, floor $FLOOR_DOCS_PER_CPU_SECOND"; fail=1; }
exit "$fail"
