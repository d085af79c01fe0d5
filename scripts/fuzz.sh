#!/usr/bin/env bash
# Fuzzes each target for a set time, one after the other, single process:
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default 60 s; all targets)
# Targets (fuzz/fuzz_targets/): extract, analyze, warc, feed, jsonl.
# FUZZ_TARGET_DIR sets cargo-fuzz's target directory (e.g. to share builds
# with a snapshot of the tree: `git archive HEAD | tar -x -C DIR`, then run
# DIR/scripts/fuzz.sh, so that others' edits in progress do not break it).
# The corpus grows in fuzz/corpus/<target> (kept between runs, not in git),
# starting from the team's seeds in fuzz/seeds/<target>. Prints executions
# and coverage per target; exits non-zero if any target found a crash (the
# input is saved under fuzz/artifacts/<target>/ — turn it into a test).
# Needs cargo-fuzz (`cargo install cargo-fuzz`); uses the nightly toolchain
# if installed, else stable with RUSTC_BOOTSTRAP=1.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(extract analyze warc feed jsonl)

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "cargo-fuzz is not installed (cargo install cargo-fuzz): fuzzing skipped"
  exit 0
fi
target_dir=()
[ -z "${FUZZ_TARGET_DIR:-}" ] || target_dir=(--target-dir "$FUZZ_TARGET_DIR")
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz() { local cmd="$1"; shift; cargo +nightly fuzz "$cmd" "${target_dir[@]}" "$@"; }
else
  fuzz() { local cmd="$1"; shift; RUSTC_BOOTSTRAP=1 cargo fuzz "$cmd" "${target_dir[@]}" "$@"; }
fi

# Memory-safe Rust: no sanitizer, for speed; debug assertions stay on
# (overflow checks), as cargo-fuzz builds with them.
logs="$(mktemp -d)"
if ! fuzz build -s none >"$logs/build.log" 2>&1; then
  tail -30 "$logs/build.log"
  echo "fuzz targets do not build"
  exit 1
fi
status=0
summary=()
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  echo "=== $t: ${seconds}s"
  set +e
  fuzz run -s none "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 >"$logs/$t.log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logs/$t.log" | grep -o '[0-9]*$' | tail -1 || true)
  last=$(grep -E '#[0-9]+.*cov: [0-9]+' "$logs/$t.log" | tail -1 || true)
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' | grep -o '[0-9]*' || true)
  ft=$(echo "$last" | grep -o 'ft: [0-9]*' | grep -o '[0-9]*' || true)
  corpus=$(find "corpus/$t" -type f | wc -l)
  if [ "$rc" -ne 0 ]; then
    status=1
    result="CRASH (see fuzz/artifacts/$t/)"
    grep -E 'panicked|ERROR|SUMMARY|Test unit written|^error' "$logs/$t.log" | head -5 || true
  else
    result="ok"
  fi
  summary+=("$(printf '%-8s %10s execs  cov %6s  ft %6s  corpus %6s  %s' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "$result")")
done
echo
echo "fuzz summary (${seconds}s per target):"
printf '%s\n' "${summary[@]}"
rm -rf "$logs"
exit "$status"
