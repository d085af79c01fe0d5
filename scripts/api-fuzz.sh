#!/usr/bin/env bash
# Property-based fuzzing of the JSON API with schemathesis (PyPI) against
# /openapi.json: no 5xx, documented status codes and content types, bad
# parameters rejected, valid ones accepted, responses match their schemas.
#
#   scripts/api-fuzz.sh              # 60 s budget
#   MAX_TIME=300 scripts/api-fuzz.sh
#
# Serves the demo database plus the hostile browser fixture on a free
# loopback port. Exits non-zero when schemathesis reports a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
MAX_TIME="${MAX_TIME:-60}"
. scripts/eval/venv.sh schemathesis
schemathesis="$NEWSGRAPH_VENV/bin/schemathesis"

bin="$root/target/release/newsgraph"
[ -x "$bin" ] || cargo build --release -p newsgraph
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

db="$work/demo.db"
"$bin" demo --db "$db" >/dev/null
"$bin" ingest --db "$db" tests/browser/fixtures/hostile.jsonl 2>/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --db "$db" --addr "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/stats" >/dev/null 2>&1 && break; sleep 0.1; done

status=0
"$schemathesis" run "http://127.0.0.1:$port/openapi.json" \
  --checks all --exclude-checks ignored_auth,object_level_authorization \
  --max-time "$MAX_TIME" -w 2 --no-color >"$work/st.log" 2>&1 || status=$?
sed -n '/SUMMARY/,$p' "$work/st.log"
[ "$status" -eq 0 ] || grep -E "^_+ GET|^- ST|Invalid component|curl -X" "$work/st.log" | cut -c1-300 | head -60
if grep -q "panicked" "$work/serve.log"; then
  echo "error: the server log shows a panic"; grep panicked "$work/serve.log" | head; status=1
fi
cases=$(grep -oE '[0-9]+ generated' "$work/st.log" | head -1 || true)
echo "summary: schemathesis ${cases:-? generated} test cases in ${MAX_TIME}s, exit status $status"
exit "$status"
