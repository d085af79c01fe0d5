#!/usr/bin/env python3
"""Page chrome that leaks into extracted text (stdlib only).

    python3 extraction_leaks.py GOLD.jsonl PRED.jsonl [--list]

For each page and each chrome string below (captions and credits, copyright
lines, newsletter/follow/sign-up prompts, inline widgets), counts how many
MORE times the string occurs in the predicted text than in the gold text
(case-sensitive, as the strings are written on pages; never negative). A
page whose article really says "Subscribe" has it in the gold too, so only
the surplus counts. --list prints each leak with its page and context.
The last line is `leaks: items=N pages=P of=M`.
"""
import argparse, json

CHROME = [
    "(Image:", "AP Photo", "All Rights Reserved", "Subscribe", "Getty Images",
    "Photo:", "Read more", "Advertisement", "Sign up", "Click here", "Copyright",
    "©", "Follow us", "Newsletter", "Image caption", "Image copyright",
    "Share this", "MORE (",
]


def load(path):
    with open(path, encoding="utf-8") as f:
        return {r["id"]: r.get("text") or "" for r in map(json.loads, filter(str.strip, f))}


def context(text, needle, width=60):
    i = text.find(needle)
    return text[max(0, i - width):i + len(needle) + width].replace("\n", " / ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    gold, pred = load(a.gold), load(a.pred)
    items = pages = 0
    for pid, gtext in sorted(gold.items()):
        ptext = pred.get(pid, "")
        page_items = 0
        for s in CHROME:
            extra = ptext.count(s) - gtext.count(s)
            if extra > 0:
                page_items += extra
                if a.list:
                    print(f"{pid[:12]} +{extra} {s!r}: …{context(ptext, s)}…")
        items += page_items
        pages += page_items > 0
    print(f"leaks: items={items} pages={pages} of={len(gold)}")


if __name__ == "__main__":
    main()
