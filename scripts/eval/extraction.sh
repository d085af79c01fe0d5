#!/usr/bin/env bash
# Article extraction on the DEV split of the extraction benchmark
# (../shared/data/extraction, 122 pages): F1 of newsgraph, trafilatura and
# resiliparse with ../shared/eval/score_extraction.py, their speed measured in
# the same run (single process each, best of $PASSES passes), newsgraph's peak
# RSS, a publication-date check against the pages' own JSON-LD/meta, and the
# page chrome (captions, credits, rights lines, prompts, widgets) leaked into
# newsgraph's text beyond what the gold text holds (extraction_leaks.py).
#
#   bash scripts/eval/extraction.sh        (target/release/newsgraph, or
#                                           $NEWSGRAPH_BIN; built when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=../shared/data/extraction
SCORER=../shared/eval/score_extraction.py
PASSES=${PASSES:-3}
# Regression floors, a little under what was measured (see docs/extraction.md).
F1_FLOOR=${F1_FLOOR:-0.95}
DATE_FLOOR=${DATE_FLOOR:-0.90}
# Chrome items leaked beyond the gold; deterministic, so no slack.
LEAK_MAX=${LEAK_MAX:-0}
. scripts/eval/prelude.sh --skip "extraction: ../shared/data/extraction is absent; skipped" \
  "$DATA/html" "$SCORER"

# The peers need PyPI; without it newsgraph is still scored, alone.
tools="newsgraph"
if ( . scripts/eval/venv.sh trafilatura resiliparse ) >/dev/null; then
  . scripts/eval/venv.sh trafilatura resiliparse
  tools="newsgraph resiliparse trafilatura"
else
  echo "extraction: could not install trafilatura/resiliparse; peers skipped" >&2
fi

score() { python3 "$SCORER" "$DATA/gold.jsonl" "$1" --bootstrap 0 | tail -1; }
field() { sed -n "s/.*\b$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

declare -A f1 speed
for tool in $tools; do
  if [ "$tool" = newsgraph ]; then
    timing=$(NEWSGRAPH_BIN="$bin" python3 scripts/eval/extraction_peers.py newsgraph "$DATA/html" "$tmp/$tool.jsonl" --passes "$PASSES")
  else
    timing=$("$VENV_PYTHON" scripts/eval/extraction_peers.py "$tool" "$DATA/html" "$tmp/$tool.jsonl" --passes "$PASSES")
  fi
  result=$(score "$tmp/$tool.jsonl")
  echo "$tool: $result"
  echo "$tool: $timing"
  f1[$tool]=$(field f1 "$result")
  speed[$tool]=$(field docs_per_s "$timing")
  if [ "$tool" = newsgraph ]; then
    rss=$(field peak_rss_mb "$timing"); mbs=$(field mb_per_s "$timing")
    startup=$(field startup_seconds "$timing"); wall_speed=$(field wall_docs_per_s "$timing")
  fi
done

echo
dates=$(python3 scripts/eval/extraction_dates.py "$DATA/html" "$tmp/newsgraph.jsonl")
echo "$dates"
date_acc=$(field accuracy "$(tail -1 <<<"$dates")")

echo
leaks=$(python3 scripts/eval/extraction_leaks.py "$DATA/gold.jsonl" "$tmp/newsgraph.jsonl" --list)
echo "$leaks"
leak_items=$(field items "$(tail -1 <<<"$leaks")")
leak_pages=$(field pages "$(tail -1 <<<"$leaks")")

echo
echo "=== extraction summary (DEV, 122 pages)"
printf '%-12s F1=%s  docs/s=%s\n' newsgraph "${f1[newsgraph]}" "${speed[newsgraph]}"
printf '%-12s F1=%s  docs/s=%s\n' trafilatura "${f1[trafilatura]:-n/a}" "${speed[trafilatura]:-n/a}"
printf '%-12s F1=%s  docs/s=%s\n' resiliparse "${f1[resiliparse]:-n/a}" "${speed[resiliparse]:-n/a}"
ratio=$(python3 -c "print(f'{${speed[newsgraph]}/${speed[resiliparse]:-0}:.2f}' if ${speed[resiliparse]:-0} else 'n/a')")
echo "newsgraph: ${mbs} MB/s, ${ratio}x resiliparse's docs/s, peak RSS ${rss} MB"
echo "(speeds are per CPU-second; newsgraph's start-up, ${startup} CPU-s, excluded;"
echo " one plain run of newsgraph extract took ${wall_speed} docs per wall-second)"
echo "publication dates right: ${date_acc} of the pages that state one"
echo "chrome leaked beyond the gold: ${leak_items} items on ${leak_pages} pages"

fail=0
python3 -c "import sys; sys.exit(0 if ${f1[newsgraph]} >= $F1_FLOOR else 1)" \
  || { echo "REGRESSION: newsgraph F1 ${f1[newsgraph]} < floor $F1_FLOOR"; fail=1; }
python3 -c "import sys; sys.exit(0 if $date_acc >= $DATE_FLOOR else 1)" \
  || { echo "REGRESSION: date accuracy $date_acc < floor $DATE_FLOOR"; fail=1; }
[ "$leak_items" -le "$LEAK_MAX" ] \
  || { echo "REGRESSION: $leak_items chrome items leaked > $LEAK_MAX"; fail=1; }
exit $fail
