#!/usr/bin/env bash
# Is analysis time linear in a document's length? (issue 14)
#  1. `analyze` of pages of n = 25k, 100k, 400k paragraphs of
#     `<p>Officials said the talks would go on.</p>`;
#  2. `analyze` of 1x, 4x, 16x a real article (the seed article repeated).
# Prints CPU seconds (user + system, the best of a few runs for the small
# ones), the same less the cost of starting the process (the analysis of one
# short sentence), and the ratios; fails when 16x / 1x of the article, or
# 400k / 25k of the page, is more than 1.25 times linear (20 and 20).
set -euo pipefail
cd "$(dirname "$0")/../.."
seed=../shared/examples/seed-article.txt
if [ ! -f "$seed" ]; then
  echo "../shared/examples is absent: linearity evaluation skipped"
  exit 0
fi
bin="${NEWSGRAPH_BIN:-target/release/newsgraph}"
[ -x "$bin" ] || cargo build --release -q -p newsgraph
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" "$seed" <<'PY'
import sys
tmp, seed = sys.argv[1], sys.argv[2]
para = "<p>Officials said the talks would go on.</p>\n"
for n in (25_000, 100_000, 400_000):
    with open(f"{tmp}/page-{n}.html", "w") as f:
        f.write("<html><head><title>Talks</title></head><body><article>\n")
        f.write(para * n)
        f.write("</article></body></html>\n")
article = open(seed, encoding="utf-8").read().strip()
for k in (1, 4, 16):
    with open(f"{tmp}/article-{k}.txt", "w") as f:
        f.write("\n\n".join([article] * k) + "\n")
with open(f"{tmp}/start.txt", "w") as f:
    f.write("Officials said the talks would go on.\n")
PY

# cpu FILE RUNS: the least user + system seconds of RUNS analyses of FILE.
cpu() {
  local best="" run
  for run in $(seq "$2"); do
    /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$bin" analyze --compact --published 2024-05-02 "$1" >"$tmp/out" 2>"$tmp/err" || {
      cat "$tmp/err"; echo "analyze failed on $1"; exit 1; }
    best=$(python3 -c "
u, s, m = open('$tmp/time').read().split()
t = float(u) + float(s)
b = '$best'
print(min(t, float(b)) if b else t)")
  done
  echo "$best"
}

start=$(cpu "$tmp/start.txt" 5)
echo "process start and model load (one short sentence): ${start} CPU-s"
echo
echo "| input | size | CPU-s | less start | per 1,000 units (ms) |"
echo "|---|---|---|---|---|"
declare -A net
row() { # label file units runs
  local t size
  t=$(cpu "$2" "$4")
  size=$(du -h "$2" | cut -f1)
  net[$1]=$(python3 -c "print(max(float('$t') - float('$start'), 0.0005))")
  python3 -c "
t, n, u = float('$t'), float('${net[$1]}'), int('$3')
print(f'| $1 | $size | {t:.3f} | {n:.3f} | {n / u * 1000 * 1000:.2f} |')"
}
row "page 25k paragraphs" "$tmp/page-25000.html" 25000 1
row "page 100k paragraphs" "$tmp/page-100000.html" 100000 1
row "page 400k paragraphs" "$tmp/page-400000.html" 400000 1
row "seed article 1x" "$tmp/article-1.txt" 1 5
row "seed article 4x" "$tmp/article-4.txt" 4 5
row "seed article 16x" "$tmp/article-16.txt" 16 3

python3 - "${net[page 25k paragraphs]}" "${net[page 100k paragraphs]}" "${net[page 400k paragraphs]}" \
  "${net[seed article 1x]}" "${net[seed article 4x]}" "${net[seed article 16x]}" <<'PY'
import sys
p1, p4, p16, a1, a4, a16 = map(float, sys.argv[1:])
print()
print(f"page: 100k / 25k = {p4 / p1:.2f} (linear 4), 400k / 25k = {p16 / p1:.2f} (linear 16)")
print(f"article: 4x / 1x = {a4 / a1:.2f} (linear 4), 16x / 1x = {a16 / a1:.2f} (linear 16)")
bad = []
if a16 / a1 > 20:
    bad.append(f"article 16x / 1x = {a16 / a1:.2f} > 20")
if p16 / p1 > 20:
    bad.append(f"page 400k / 25k = {p16 / p1:.2f} > 20")
if bad:
    sys.exit("superlinear: " + "; ".join(bad))
PY
