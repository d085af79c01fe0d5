#!/usr/bin/env python3
"""Actor-pair agreement of predicted events with gold, ignoring the event code.

    events_pairs.py GOLD.jsonl PRED.jsonl

Like score_events.py, but an event is (source country, target country) only:
actor codes cut to their first three letters, events whose modality is negated,
conditional or hypothetical not counted. It tells actor coding apart from verb
coding on sets whose verb codes follow their own dictionary (petrarch_unittest).
Last line: `pairs_f1=... precision=... recall=...`.
"""
import collections
import json
import sys


def actor(a):
    if isinstance(a, dict):
        a = a.get("actor") or ""
    return (a or "")[:3].upper()


def main():
    gold = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                gold[d["id"]] = collections.Counter(
                    (actor(e.get("source")), actor(e.get("target"))) for e in d.get("events", []))
    pred = {}
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                c = collections.Counter()
                for e in d.get("events", []):
                    if str(e.get("modality") or "").lower() in ("negated", "conditional", "hypothetical"):
                        continue
                    c[(actor(e.get("source")), actor(e.get("target")))] += 1
                pred[(d.get("document") or {}).get("id", d.get("id"))] = c
    tp = sum(sum((g & pred.get(i, collections.Counter())).values()) for i, g in gold.items())
    n_gold = sum(sum(g.values()) for g in gold.values())
    n_pred = sum(sum(pred.get(i, collections.Counter()).values()) for i in gold)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"pairs_f1={f:.4f} precision={p:.4f} recall={r:.4f} n_gold={n_gold} n_pred={n_pred}")


if __name__ == "__main__":
    main()
