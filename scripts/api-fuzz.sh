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
. scripts/test-server.sh

db="$work/demo.db"
"$bin" demo --db "$db" >/dev/null
"$bin" ingest --db "$db" tests/browser/fixtures/hostile.jsonl 2>/dev/null
start_server "$db"

status=0
"$schemathesis" run "$base/openapi.json" \
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
