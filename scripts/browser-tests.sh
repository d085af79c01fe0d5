#!/usr/bin/env bash
# End-to-end tests of the web UI in headless Chromium.
#
# Installs Debian's chromium if missing and playwright-core (npm) into
# tests/browser, fills a temporary database with `newsgraph demo` plus a
# claim, its denial and an unrelated article, two articles naming one person
# two ways, and a hostile fixture (<script>, onerror= in the article text), starts
# `newsgraph serve` on a free loopback port, and runs tests/browser/*.test.mjs
# with node's test runner. Screenshots go to $TEST_OUTPUT/screenshots
# (default ./test-output).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
TEST_OUTPUT="${TEST_OUTPUT:-$root/test-output}"
mkdir -p "$TEST_OUTPUT"
TEST_OUTPUT=$(cd "$TEST_OUTPUT" && pwd)
export TEST_OUTPUT

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium (Debian)"
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  echo "installing playwright-core (npm)"
  (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi

bin="$root/target/release/newsgraph"
[ -x "$bin" ] || bin="$root/target/debug/newsgraph"
if [ ! -x "$bin" ]; then
  cargo build --release -p newsgraph
  bin="$root/target/release/newsgraph"
fi

. scripts/test-server.sh

db="$work/demo.db"
"$bin" demo --db "$db" >"$work/demo.log"
"$bin" ingest --db "$db" tests/browser/fixtures/hostile.jsonl 2>"$work/ingest.log"
# One person as "Barack Obama" in one article and "President Obama" in another.
"$bin" ingest --db "$db" tests/browser/fixtures/people.jsonl 2>>"$work/ingest.log"
# One outlet's claim, another's denial by the accused government a day
# later, and an unrelated claim between the same countries (the server
# tests' fixtures).
denials=crates/server/tests/fixtures/denials
"$bin" ingest --db "$db" --published 2025-06-02 "$denials/claim.txt" 2>>"$work/ingest.log"
"$bin" ingest --db "$db" --published 2025-06-03 "$denials/denial.txt" 2>>"$work/ingest.log"
"$bin" ingest --db "$db" --published 2025-06-04 "$denials/unrelated.txt" 2>>"$work/ingest.log"

start_server "$db"

export NEWSGRAPH_URL="$base"
status=0
(cd tests/browser && node --test --test-reporter=spec ./*.test.mjs) || status=$?
echo "screenshots: $(ls "$TEST_OUTPUT/screenshots" 2>/dev/null | wc -l) in $TEST_OUTPUT/screenshots"
exit $status
