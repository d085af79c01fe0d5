#!/usr/bin/env bash
# How well does the analysis budget project a long document's time? (issue 14)
# Analyses long documents of several kinds and sizes to their end (the
# `projection` example of the pipeline crate: an observing budget records
# every projection without refusing) and prints, per document, its actual
# analysis time beside what the sample of its text and each step projected
# (first, median and largest projection as a multiple of the actual time),
# the rest-of-analysis factor that would have made each step's projections
# exact, and, per limit and margin, how many documents that would have
# finished are refused early (the cost) and how many that would not are
# refused early rather than at their deadline (the gain).
# Kinds: news (PolNeAR's texts, one after another), a live blog of quotes,
# lists of names, tables of figures, the repeated sentence of issue 14's page,
# the same naming a city (ingest_big.sh's pages), the seed article repeated.
# The sizes are chosen so that the analyses take about 0.2 to 30 s here; SCALE
# (default 1) multiplies them, BIG=1 adds the 53 MB pages; CLOCK=cpu measures
# by the thread's CPU time instead of the wall clock (a loaded machine's
# other processes change a document's pace part-way); OUT=FILE keeps the
# example's JSON Lines. About 3 minutes of analysis (4 with BIG=1).
set -euo pipefail
cd "$(dirname "$0")/../.."
polnear=../shared/data/attribution/polnear/docs.jsonl
seed=../shared/examples/seed-article.txt
. scripts/eval/prelude.sh "projection evaluation" "$polnear" "$seed"
cargo build --release -q -p newsgraph-pipeline --example projection
example=target/release/examples/projection

python3 - "$tmp/docs.jsonl" "$polnear" "$seed" "${SCALE:-1}" "${BIG:-0}" <<'PY'
import json, random, sys
out, polnear, seed, scale, big = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5] == "1"
rng = random.Random(14)
news = [json.loads(l)["text"] for l in open(polnear, encoding="utf-8")]
article = open(seed, encoding="utf-8").read().strip()
first = ["Ana", "Tomas", "Maria", "Kwame", "Li", "Sofia", "Omar", "Ingrid", "Rahul", "Elena",
         "Pedro", "Aiko", "Fatima", "Jonas", "Chloe", "Dmitri", "Amara", "Lucas", "Mei", "Yusuf"]
last = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Kowalski", "Mensah", "Rossi",
        "Novak", "Silva", "Berg", "Duarte", "Kaya", "Nguyen", "Fischer", "Petrov", "Osei",
        "Larsen", "Quispe", "Varga"]
roles = ["the mayor of Lund", "a spokesman for the ministry", "the union's leader",
         "an opposition lawmaker", "the police chief", "a witness", "the minister of health"]
said = ["said", "told reporters", "wrote on social media", "added", "insisted"]
quotes = ["We will not back down", "The talks will go on next week",
          "Nobody was hurt, as far as we know", "This is a dark day for the city",
          "The figures speak for themselves", "We have asked the government to act"]
def name():
    return f"{rng.choice(first)} {rng.choice(last)}"
def kind_text(kind, size):
    parts, n = [], 0
    while n < size:
        if kind == "news":
            t = news[len(parts) % len(news)]
        elif kind == "quotes":
            t = (f"{rng.randrange(24):02}:{rng.randrange(60):02} — “{rng.choice(quotes)},” "
                 f"{name()}, {rng.choice(roles)}, {rng.choice(said)}.")
        elif kind == "names":
            t = ", ".join(name() for _ in range(6)) + "."
        elif kind == "table":
            t = (f"Region {rng.randrange(400)} | {rng.randrange(100000):,} | "
                 f"{rng.random() * 10:.1f}% | {rng.randrange(5000):,}")
        elif kind == "repeated":
            t = "Officials said the talks would go on."
        elif kind == "city":
            t = "Lagos officials said talks would go on."
        else:
            t = article
        parts.append(t)
        n += len(t.encode()) + 1
    return "\n".join(parts) + "\n"
# Bytes per kind for about 5 s here (names and quotes are the slowest per
# byte, the repeated sentence the fastest), from a quarter to 4 times that.
sizes = {"news": 3.0e6, "quotes": 1.5e6, "names": 1.0e6, "table": 6.0e6,
         "repeated": 7.0e6, "city": 8.0e6, "seed": 2.0e6}
with open(out, "w") as f:
    for kind, base in sizes.items():
        for k in (0.25, 0.6, 1.5, 4):
            size = int(base * k * scale)
            f.write(json.dumps({"id": f"{kind}-{size >> 10}k", "kind": kind,
                                "text": kind_text(kind, size)}) + "\n")
    if big:
        for kind in ("repeated", "city"):
            f.write(json.dumps({"id": f"{kind}-53M", "kind": kind,
                                "text": kind_text(kind, 53_000_000)}) + "\n")
PY

echo "clock: ${CLOCK:-wall} (CLOCK=cpu: the thread's CPU time); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
RAYON_NUM_THREADS=1 "$example" "$tmp/docs.jsonl" >"$tmp/out.jsonl"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -z "${OUT:-}" ] || cp "$tmp/out.jsonl" "$OUT"

python3 - "$tmp/out.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
srcs = ["sample", "tagging", "quotes", "events"]
print("\nProjected / actual full analysis (first, median and largest projection; '-': none made)")
print("| document | MB | actual s | " + " | ".join(srcs) + " |")
print("|---|---|---|" + "---|" * len(srcs))
for r in rows:
    cells = []
    for s in srcs:
        p = r["sources"].get(s)
        cells.append("-" if p is None or p["first"] is None
                     else f"{p['first']:.2f} / {p['median']:.2f} / {p['max']:.2f}")
    print(f"| {r['id']} | {r['bytes'] / 1e6:.1f} | {r['actual']:.2f} | " + " | ".join(cells) + " |")
print("\nRest-of-analysis factor that would have made each projection exact (p10 / median / p90)")
print("| document | " + " | ".join(srcs) + " |")
print("|---|" + "---|" * len(srcs))
for r in rows:
    cells = []
    for s in srcs:
        p = r["sources"].get(s)
        cells.append("-" if p is None else f"{p['factor_p10']:.2f} / {p['factor_median']:.2f} / {p['factor_p90']:.2f}")
    print(f"| {r['id']} | " + " | ".join(cells) + " |")
print("\nRefused early, per limit and margin: would have finished (the cost) / would not (the gain)")
margins = sorted({l["margin"] for r in rows for l in r["limits"]})
limits = sorted({l["limit"] for r in rows for l in r["limits"]})
print("| limit s | documents finishing / not | " + " | ".join(f"margin {m}" for m in margins) + " |")
print("|---|---|" + "---|" * len(margins))
for lim in limits:
    cells, fin, over = [], 0, 0
    for m in margins:
        cost = gain = 0
        fin = over = 0
        for r in rows:
            l = next(x for x in r["limits"] if x["limit"] == lim and x["margin"] == m)
            fin += l["finishes"]
            over += not l["finishes"]
            if l["refused_at"] is not None:
                if l["finishes"]:
                    cost += 1
                else:
                    gain += 1
        cells.append(f"{cost} / {gain}")
    print(f"| {lim:g} | {fin} / {over} | " + " | ".join(cells) + " |")
cost_names = [(r["id"], l["limit"], l["margin"], round(r["actual"], 2))
              for r in rows for l in r["limits"] if l["refused_at"] is not None and l["finishes"]]
if cost_names:
    print("\nrefused though it would have finished (id, limit, margin, actual s):")
    for c in cost_names:
        print("  ", *c)
PY
