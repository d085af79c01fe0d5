#!/usr/bin/env bash
# Long documents beside normal ones (issue 14): `ingest` of BIG pages of
# 1.2M paragraphs (53 MB each, every page's sentence its own) mixed into
# NORMAL real articles (PolNeAR's 924 texts, then the extraction dev pages),
# on the machine's cores. Every normal article must be stored (or skipped as
# a duplicate of one stored), and every big page either reported failed by
# name with its limit as the reason or, when its analysis fits its limit (a
# fast idle machine), stored whole; all within LIMIT seconds of wall time.
# Prints wall time, CPU time, peak RSS and how many big pages went each way.
#
# CI runs a small mix (BIG=2, NORMAL=200, LIMIT 90; ingest's default --max-analysis-ms
# of 20000 unless MAX_ANALYSIS_MS is set);
# the issue's figure is
#   BIG=20 NORMAL=1000 LIMIT=120 bash scripts/eval/ingest_big.sh
# (in docs/measurements.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
polnear=../shared/data/attribution/polnear/docs.jsonl
pages=../shared/data/extraction/html
. scripts/eval/prelude.sh "long-document ingest evaluation" "$polnear" "$pages"
big="${BIG:-2}"
normal="${NORMAL:-200}"
limit="${LIMIT:-90}"
max_ms="${MAX_ANALYSIS_MS:-20000}"
mkdir -p "$tmp/in"

python3 - "$tmp/in" "$polnear" "$pages" "$big" "$normal" <<'PY'
import json, os, sys
out, polnear, pages, big, normal = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
written = 0
with open(os.path.join(out, "normal.jsonl"), "w") as f:
    for line in open(polnear, encoding="utf-8"):
        if written == normal:
            break
        d = json.loads(line)
        f.write(json.dumps({"id": d["doc_id"], "text": d["text"]}) + "\n")
        written += 1
for name in sorted(os.listdir(pages)):
    if written == normal:
        break
    with open(os.path.join(out, name), "wb") as page:
        page.write(open(os.path.join(pages, name), "rb").read())
    written += 1
if written < normal:
    sys.exit(f"only {written} normal articles available")
cities = ["Lagos", "Quito", "Hanoi", "Oslo", "Lima", "Accra", "Riga", "Doha", "Baku", "Minsk",
          "Dakar", "Sofia", "Tunis", "Amman", "Kabul", "Dhaka", "Seoul", "Hobart", "Perth", "Cork"]
for i in range(big):
    city = cities[i % len(cities)]
    # As long as the issue's page (45 bytes a paragraph, 53 MB in all).
    para = f"<p>{city} officials said talks would go on.</p>\n"
    with open(os.path.join(out, f"big-{i:02}.html"), "w") as f:
        f.write(f"<html><head><title>Talks in {city}</title></head><body><article>\n")
        f.write(para * 1_200_000)
        f.write("</article></body></html>\n")
PY

/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$bin" ingest --db "$tmp/db" \
  --max-analysis-ms "$max_ms" "$tmp/in" >/dev/null 2>"$tmp/err" || {
  cat "$tmp/err"; echo "ingest crashed"; exit 1; }
read -r wall usr sys rss_kb < <(tail -n 1 "$tmp/time")
summary=$(grep '^ingested into' "$tmp/err")
added=$(sed -E 's/.*: ([0-9]+) added.*/\1/' <<<"$summary")
dups=$(sed -E 's/.* ([0-9]+) duplicates.*/\1/' <<<"$summary")
failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$summary")
big_reported=$(grep -cE '^  failed: big-[0-9]*: .*(took longer than|would take about)' "$tmp/err" || true)
big_stored=$(python3 - "$tmp/db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
print(db.execute("SELECT count(*) FROM documents WHERE id LIKE 'big-%'").fetchone()[0])
PY
)
echo "$big big pages (53 MB) + $normal articles, $(nproc) cores, --max-analysis-ms $max_ms:" \
  "${wall} s wall, $(python3 -c "print(round($usr + $sys, 1))") CPU-s, peak RSS $(( rss_kb / 1024 )) MB;" \
  "$added added, $dups duplicates, $failed failed ($big_reported big pages reported by name," \
  "$big_stored analysed within the limit and stored)"
bad=()
[ $(( added + dups )) -eq $(( normal + big_stored )) ] ||
  bad+=("normal articles stored or duplicates: $(( added + dups - big_stored )) of $normal")
[ "$failed" -eq "$big_reported" ] && [ $(( big_reported + big_stored )) -eq "$big" ] ||
  bad+=("failures: $failed; big pages reported: $big_reported, stored: $big_stored, of $big")
python3 -c "import sys; sys.exit(1) if float('$wall') > float('$limit') else None" || bad+=("took ${wall} s, over $limit s")
if [ "${#bad[@]}" -gt 0 ]; then
  grep -v '^  failed: .*big-' "$tmp/err" | head -20
  printf 'FAIL: %s\n' "${bad[@]}"
  exit 1
fi
