#!/usr/bin/env bash
# Source this file at the top of an evaluation script, from the repository's
# root, with the evaluation's name and the paths it needs:
#   . scripts/eval/prelude.sh "ingest evaluation" ../shared/data/extraction/html
# Skips the evaluation (exit 0, saying so) when a needed path is absent; sets
# $bin to the release binary ($NEWSGRAPH_BIN, else target/release/newsgraph,
# built when missing) and $tmp to a scratch directory removed on exit (kept
# when $KEEP is set, to look at what the evaluation wrote).
# `--skip MESSAGE` in place of the name prints MESSAGE as the skip line:
#   . scripts/eval/prelude.sh --skip "ner.sh: $ner is absent; skipped" "$ner"
set -euo pipefail
if [ "$1" = --skip ]; then
  prelude_skip=$2
  shift 2
else
  prelude_skip=
  prelude_name=$1
  shift
fi
for needed in "$@"; do
  if [ ! -e "$needed" ]; then
    echo "${prelude_skip:-$needed is absent: $prelude_name skipped}"
    exit 0
  fi
done
bin="${NEWSGRAPH_BIN:-target/release/newsgraph}"
if [ ! -x "$bin" ]; then
  # A build makes target/release/newsgraph, not the binary $NEWSGRAPH_BIN names.
  if [ -n "${NEWSGRAPH_BIN:-}" ]; then
    echo "NEWSGRAPH_BIN=$bin is not an executable" >&2
    exit 1
  fi
  cargo build --release -q -p newsgraph
fi
tmp="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
