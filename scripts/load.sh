#!/usr/bin/env bash
# Load test of `newsgraph serve` on loopback with wrk (Debian).
#
#   scripts/load.sh                     # demo database, 64 connections, 60 s
#   DURATION=20 CONNECTIONS=64 scripts/load.sh
#   DB=/path/to/big.db PATHS_FILE=paths.txt LATENCY_SECONDS=10 scripts/load.sh
#
# 1. Mixed load: every query type in turn, $CONNECTIONS connections for
#    $DURATION seconds; prints requests/s and errors (non-2xx, socket errors).
# 2. Latency per query type: each path alone for $LATENCY_SECONDS seconds at
#    $LATENCY_CONNECTIONS connections; prints p50/p99 and requests/s.
# PATHS_FILE holds lines "name /path?query" (default: paths valid for the
# demo database). Exits non-zero if any request failed. Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
DURATION="${DURATION:-60}"
CONNECTIONS="${CONNECTIONS:-64}"
LATENCY_SECONDS="${LATENCY_SECONDS:-5}"
LATENCY_CONNECTIONS="${LATENCY_CONNECTIONS:-4}"
THREADS="${THREADS:-2}"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bin="${NEWSGRAPH_BIN:-$root/target/release/newsgraph}"
[ -x "$bin" ] || cargo build --release -p newsgraph

. scripts/test-server.sh

db="${DB:-}"
if [ -z "$db" ]; then
  db="$work/demo.db"
  "$bin" demo --db "$db" >/dev/null
fi
paths="${PATHS_FILE:-}"
if [ -z "$paths" ]; then
  paths="$work/paths.txt"
  cat >"$paths" <<'PATHS'
document /api/documents/harbor-talks
search /api/search?q=talks
quotes_by_speaker /api/quotes?speaker=Dubois
quotes_by_words /api/quotes?q=agreement
events_by_actor /api/events?actor=CAN
events_by_code /api/events?code=04
events_by_dates /api/events?from=2025-04-01&to=2025-05-31
graph /api/graph
timeline /api/timeline/Sudan
actors /api/actors
stats /api/stats
ui_article /documents/harbor-talks
ui_graph /graph
PATHS
fi

start_server "$db" --max-concurrent 256

# Every path must answer 200 before it is measured.
while read -r name path; do
  [ -z "$name" ] && continue
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
  [ "$code" = 200 ] || { echo "error: $name $path answered $code"; exit 1; }
done <"$paths"

errors_of() { # wrk output → non-2xx + socket errors
  awk '/Non-2xx or 3xx responses/ {n+=$NF}
       /Socket errors/ {gsub(",", ""); for (i=1;i<=NF;i++) if ($i ~ /^[0-9]+$/) n+=$i}
       END {print n+0}' "$1"
}
rps_of() { awk '/Requests\/sec/ {print $2}' "$1"; }
ms_of() { # wrk latency value (us, ms, s) → ms
  awk -v v="$1" 'BEGIN { n=v; sub(/[a-z]+$/, "", n);
    if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'
}

# Mixed load: each request takes the next path in turn.
{
  echo "paths = {"
  while read -r name path; do [ -n "$name" ] && printf '  "%s",\n' "$path"; done <"$paths"
  echo "}"
  echo 'counter = 0'
  echo 'request = function() counter = counter + 1; return wrk.format("GET", paths[(counter % #paths) + 1]) end'
} >"$work/mixed.lua"
echo "== mixed load: $CONNECTIONS connections, ${DURATION}s, $THREADS wrk threads, $(grep -c . "$paths") query types"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$work/mixed.lua" "$base" >"$work/mixed.txt"
cat "$work/mixed.txt"
mixed_rps=$(rps_of "$work/mixed.txt")
mixed_errors=$(errors_of "$work/mixed.txt")
curl -sf "$base/api/stats" >/dev/null || { echo "error: server stopped answering"; cat "$work/serve.log"; exit 1; }

echo
echo "== latency per query type: $LATENCY_CONNECTIONS connections, ${LATENCY_SECONDS}s each"
printf '%-20s %10s %10s %10s %8s\n' query p50_ms p99_ms req/s errors
total_errors=$mixed_errors
slowest_p99=0 slowest_name=""
while read -r name path; do
  [ -z "$name" ] && continue
  wrk -t1 -c"$LATENCY_CONNECTIONS" -d"${LATENCY_SECONDS}s" --timeout 10s --latency "$base$path" >"$work/one.txt"
  p50=$(ms_of "$(awk '$1=="50%" {print $2}' "$work/one.txt")")
  p99=$(ms_of "$(awk '$1=="99%" {print $2}' "$work/one.txt")")
  errs=$(errors_of "$work/one.txt")
  total_errors=$((total_errors + errs))
  printf '%-20s %10s %10s %10s %8s\n' "$name" "$p50" "$p99" "$(rps_of "$work/one.txt")" "$errs"
  if awk -v a="$p99" -v b="$slowest_p99" 'BEGIN { exit !(a > b) }'; then
    slowest_p99=$p99 slowest_name=$name
  fi
done <"$paths"

echo
echo "summary: mixed load at $CONNECTIONS connections for ${DURATION}s: $mixed_rps requests/s, $mixed_errors errors"
echo "summary: slowest p99 alone: $slowest_p99 ms ($slowest_name)"
echo "summary: errors in all runs: $total_errors"
[ "$total_errors" -eq 0 ]
