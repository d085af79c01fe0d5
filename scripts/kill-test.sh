#!/usr/bin/env bash
# Crash safety at length: kills `newsgraph ingest` with SIGKILL at random
# points KILLS times in a row (default 50) and checks the database after
# each kill (integrity, nothing lost that was reported stored, nothing
# duplicated), then that a final run completes the set. The test itself is
# crates/newsgraph/tests/ingest_kill.rs (10 kills under `cargo test -- --ignored`:
# it needs the sqlite3 shell).
#   scripts/kill-test.sh [KILLS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export NEWSGRAPH_KILLS="${1:-50}"
if [ -n "${2:-}" ]; then export NEWSGRAPH_KILL_SEED="$2"; fi
cargo test -q -p newsgraph --test ingest_kill -- --ignored --nocapture 2>&1 | grep -E '^round|kills mid|panicked|test result|error'
