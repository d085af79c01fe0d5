#!/usr/bin/env python3
"""Turn CAMEO gold sentences into `newsgraph analyze --jsonl` input lines.

    events_convert.py GOLD.jsonl [REPEAT] > input.jsonl

GOLD lines are {"id", "text", "date": "YYYYMMDD", ...} (shared/data/cameo/gold) or
{"id", "text", "published": "YYYY-MM-DD", ...} (shared/data/events); output lines are {"id", "text", "published": "YYYY-MM-DD"}. REPEAT > 1 writes the
set that many times with ids suffixed "#n" (for speed measurement).
"""
import json
import sys


def published(date):
    date = str(date or "")
    if len(date) == 8 and date.isdigit():
        return f"{date[:4]}-{date[4:6]}-{date[6:]}"
    return None


def main():
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with open(sys.argv[1], encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    for n in range(repeat):
        for d in gold:
            out = {"id": d["id"] if repeat == 1 else f"{d['id']}#{n}", "text": d["text"]}
            p = d.get("published") or published(d.get("date"))
            if p:
                out["published"] = p
            print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
