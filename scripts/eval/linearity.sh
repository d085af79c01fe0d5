#!/usr/bin/env bash
# Is analysis time linear in a document's length? (issue 14)
#  1. `analyze` of pages of n = 25k, 100k, 400k paragraphs of
#     `<p>Officials said the talks would go on.</p>`;
#  2. `analyze` of 1x, 4x, 16x a real article (the seed article repeated),
#     and of two long kinds of page written here, at n, 4n and 16n: a live
#     blog (a new person quoted in every update, countries, cities, seats
#     and outlets, countryless roles and "its", "we", "it", denials) and a
#     table of figures by country;
#  3. the 53 MB page (1.2M paragraphs) under analyze's default limits: it must
#     finish or be refused by name within --max-analysis-ms (20 s); prints
#     its wall time and peak RSS;
#  4. process start to first output of `analyze` on the seed article, beside
#     `cat` of the same file (the best of 7 runs each).
# Prints CPU seconds (user + system, the least of several interleaved runs),
# the same less the cost of starting the process (the analysis of one
# short sentence), and the ratios; fails when 16x / 1x of the article, of
# the live blog or of the table, or 400k / 25k of the page, is more than
# 1.25 times linear (20).
set -euo pipefail
verdict=0
cd "$(dirname "$0")/../.."
seed=../shared/examples/seed-article.txt
. scripts/eval/prelude.sh "linearity evaluation" "$seed"

python3 - "$tmp" "$seed" <<'PY'
import sys
tmp, seed = sys.argv[1], sys.argv[2]
para = "<p>Officials said the talks would go on.</p>\n"
for n in (25_000, 100_000, 400_000):
    with open(f"{tmp}/page-{n}.html", "w") as f:
        f.write("<html><head><title>Talks</title></head><body><article>\n")
        f.write(para * n)
        f.write("</article></body></html>\n")
import json
article = open(seed, encoding="utf-8").read().strip()
# Each batch holds 64 copies of the article in all, as 64 documents of 1x,
# 16 of 4x or 4 of 16x: the same text to read, so start-up weighs the same
# and the time per document is well above the noise of starting a process.
for k in (1, 4, 16):
    with open(f"{tmp}/article-{k}.jsonl", "w") as f:
        for n in range(64 // k):
            text = "\n\n".join([article] * k) + "\n"
            f.write(json.dumps({"id": f"a{n}", "text": text, "published": "2024-05-02"}) + "\n")
with open(f"{tmp}/start.txt", "w") as f:
    f.write("Officials said the talks would go on.\n")

# Two long kinds of page, as the article: 16 documents of n units, 4 of 4n,
# 1 of 16n. Every person is new (a live blog's cast grows with it), so
# nothing is learnt once for the whole page.
first = "Mara Tomas Ana Ilse Oskar Lena Pavel Nora Emil Sara Jonas Vera Aron Hedda Milo Greta".split()
last = "Klint Vell Berg Marsh Dunmore Halvik Orrin Pellow Quist Rasko Stenholm Tarrow Ulvik Varga Wendt Zorn".split()
syllables = ["", "ar", "ell", "ow", "ind", "ask", "ev", "olm"]
countries = "France Germany Kenya Brazil Chile Japan India Egypt Canada Mexico Nigeria Poland Spain Peru Ghana Norway".split()
cities = "Nairobi Lima Paris Berlin Tokyo Cairo Lagos Madrid Warsaw Oslo Accra Rabat".split()
bodies = ["the World Bank", "the Harbour Authority", "the Kremlin", "the United Nations", "the Red Cross", "the Central Bank"]
def person(i):
    j = i // len(first)
    return (f"{first[i % len(first)]} {last[j % len(last)]}"
            + syllables[j // len(last) % len(syllables)] + syllables[j // len(last) // len(syllables) % len(syllables)])
def update(i):
    p, q = person(2 * i), person(2 * i + 1)
    c = [countries[(3 * i + k) % len(countries)] for k in range(4)]
    return [
        f"{10 + i % 12}:{i % 60:02d} {p}, a spokeswoman for {bodies[i % len(bodies)]}, said the ferries would "
        f"resume on Friday. \"We are working around the clock,\" {p.split()[1]} said.",
        f"Officials from {c[0]}, {c[1]} and {c[2]} met in {cities[i % len(cities)]}, while {c[3]} sent envoys. "
        "The White House said the talks were reported by Reuters.",
        "Police said protesters had gathered outside the ministry. Its spokesman said the army would stay, and it urged calm.",
        f"{c[1]} denied reports that its troops had crossed the border. {q} told reporters the claims were false.",
    ][i % 4]
def rows(i):
    return "\n".join(f"{countries[(i + k) % len(countries)]} | {2000 + (i + k) % 24} | {(7 * i + k) % 90 / 10:.1f}% | {12000 + 13 * i + k:,}"
                     for k in range(3))
for kind, unit, sep, n in (("blog", update, "\n\n", 300), ("table", rows, "\n", 500)):
    for k in (1, 4, 16):
        with open(f"{tmp}/{kind}-{k}.jsonl", "w") as f:
            for d in range(16 // k):
                text = "Updates\n\n" + sep.join(unit(u) for u in range(n * k)) + "\n"
                f.write(json.dumps({"id": f"{kind}{d}", "text": text, "published": "2024-05-02"}) + "\n")
PY

# CPU seconds come from getrusage (microseconds; /usr/bin/time counts in
# hundredths, and a small batch here is 0.2 CPU-s). The inputs that are
# compared run interleaved, round after round (25k, 100k, 400k, 25k, ...),
# so that a minute in which the machine is slower weighs on both sides of a
# ratio; each input keeps its least time. On a slower machine (2026-12-07)
# CI runs of the same code, each input timed in its own block of runs, read
# the page's 400k / 25k as 17.0 and 20.95 and the live blog's 16x / 1x as
# 18.2 and 22.8, close to the limit of 20 by noise alone.
python3 - "$bin" "$tmp" >"$tmp/verdict" <<'PY' || verdict=$?
import os, resource, subprocess, sys
binary, tmp = sys.argv[1], sys.argv[2]
env = dict(os.environ, RAYON_NUM_THREADS="1")

def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

def cpu(path):
    """User + system seconds of one `analyze` of path, one thread."""
    jsonl = ["--jsonl"] if path.endswith(".jsonl") else []
    before = children_cpu()
    done = subprocess.run([binary, "analyze", *jsonl, "--compact", "--max-analysis-ms", "600000",
                           "--published", "2024-05-02", path],
                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    spent = children_cpu() - before
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
        print(f"analyze failed on {path}")
        sys.exit(2)
    return spent

def best_interleaved(paths, rounds, least=0.5):
    """The least CPU-s of each path over `rounds` rounds that run every path in
    turn; a path under `least` seconds runs several times in its turn, so a
    small batch is timed as often as a large one is long."""
    best = {p: float("inf") for p in paths}
    for _ in range(rounds):
        for p in paths:
            spent = 0.0
            while spent < least:
                t = cpu(p)
                best[p] = min(best[p], t)
                spent += max(t, 0.01)
    return best

start = best_interleaved([f"{tmp}/start.txt"], 5)[f"{tmp}/start.txt"]
print(f"process start and model load (one short sentence): {start:.3f} CPU-s")
print()
print("| input | size | CPU-s | less start | per unit (ms) |")
print("|---|---|---|---|---|")
groups = [
    ("page", 5, [("page 25k paragraphs (per paragraph)", "page-25000.html", 25_000),
                 ("page 100k paragraphs (per paragraph)", "page-100000.html", 100_000),
                 ("page 400k paragraphs (per paragraph)", "page-400000.html", 400_000)]),
    ("article", 3, [("seed article 1x, 64 documents (per document)", "article-1.jsonl", 64),
                    ("seed article 4x, 16 documents (per document)", "article-4.jsonl", 16),
                    ("seed article 16x, 4 documents (per document)", "article-16.jsonl", 4)]),
    ("live blog", 5, [("live blog 300 updates, 16 documents (per document)", "blog-1.jsonl", 16),
                      ("live blog 1,200 updates, 4 documents (per document)", "blog-4.jsonl", 4),
                      ("live blog 4,800 updates, 1 document", "blog-16.jsonl", 1)]),
    ("table", 5, [("table 1,500 rows, 16 documents (per document)", "table-1.jsonl", 16),
                  ("table 6,000 rows, 4 documents (per document)", "table-4.jsonl", 4),
                  ("table 24,000 rows, 1 document", "table-16.jsonl", 1)]),
]
net = {}
for kind, rounds, rows in groups:
    best = best_interleaved([f"{tmp}/{file}" for _, file, _ in rows], rounds)
    for label, file, units in rows:
        t = best[f"{tmp}/{file}"]
        # Per unit (per document for a batch), the start-up taken off.
        n = max(t - start, 0.0005) / units
        net[(kind, units)] = n
        size = os.path.getsize(f"{tmp}/{file}") / 1024
        print(f"| {label} | {size:,.0f} KiB | {t:.3f} | {n * units:.3f} | {n * 1000:.4f} |")

# Per paragraph -> whole page, to compare with n.
p1, p4, p16 = (net[("page", n)] * n for n in (25_000, 100_000, 400_000))
a1, a4, a16 = (net[("article", n)] for n in (64, 16, 4))
b1, b4, b16 = (net[("live blog", n)] for n in (16, 4, 1))
t1, t4, t16 = (net[("table", n)] for n in (16, 4, 1))
print()
print(f"page: 100k / 25k = {p4 / p1:.2f} (linear 4), 400k / 25k = {p16 / p1:.2f} (linear 16)")
print(f"article: 4x / 1x = {a4 / a1:.2f} (linear 4), 16x / 1x = {a16 / a1:.2f} (linear 16)")
print(f"live blog: 4x / 1x = {b4 / b1:.2f} (linear 4), 16x / 1x = {b16 / b1:.2f} (linear 16)")
print(f"table: 4x / 1x = {t4 / t1:.2f} (linear 4), 16x / 1x = {t16 / t1:.2f} (linear 16)")
bad = []
for name, r in (("article", a16 / a1), ("live blog", b16 / b1), ("table", t16 / t1)):
    if r > 20:
        bad.append(f"{name} 16x / 1x = {r:.2f} > 20")
if p16 / p1 > 20:
    bad.append(f"page 400k / 25k = {p16 / p1:.2f} > 20")
if bad:
    print("superlinear: " + "; ".join(bad))
    sys.exit(1)
PY
cat "$tmp/verdict"

echo
python3 - "$bin" "$seed" <<'PY'
import subprocess, sys, time
def first_output(cmd, runs=7):
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        p.stdout.read(1)
        best = min(best, time.perf_counter() - t0)
        p.stdout.read()
        p.wait()
    return best
binary, seed = sys.argv[1], sys.argv[2]
a = first_output([binary, "analyze", "--compact", seed])
c = first_output(["cat", seed])
print(f"process start to first output, seed article: analyze {a * 1000:.1f} ms, cat {c * 1000:.1f} ms")
PY

echo
python3 - "$tmp/big.html" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("<html><head><title>Talks</title></head><body><article>\n")
    f.write("<p>Officials said the talks would go on.</p>\n" * 1_200_000)
    f.write("</article></body></html>\n")
PY
status=0
/usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" analyze --compact "$tmp/big.html" >"$tmp/out" 2>"$tmp/err" || status=$?
# (/usr/bin/time puts "Command exited with non-zero status" first.)
read -r wall rss_kb < <(tail -n 1 "$tmp/time")
if [ "$status" -eq 0 ]; then
  outcome="analysed"
elif grep -qE "cannot analyse $tmp/big.html: its analysis (took longer than 20000 ms|would take about [0-9.]+ s, over the 20000 ms limit)" "$tmp/err"; then
  outcome="refused: $(sed 's/^error: //' "$tmp/err")"
else
  cat "$tmp/err"; echo "analyze of the 53 MB page failed otherwise"; exit 1
fi
echo "53 MB page (1.2M paragraphs), default limits: ${wall} s wall, peak RSS $(( rss_kb / 1024 )) MB, $outcome"
# The limit is on the analysis: starting, reading and extracting come on top.
python3 -c "import sys; w = float('$wall'); sys.exit(f'took {w} s, over the 20 s limit by more than 5 s') if w > 25 else None"
exit "$verdict"
