#!/usr/bin/env python3
"""Publication-date check for `newsgraph extract` output (stdlib only).

    python3 extraction_dates.py HTML_DIR PRED.jsonl

For every page whose HTML states its own publication date, in a JSON-LD
`datePublished` or an `article:published_time` / `datePublished` meta tag
(placeholder dates before 1990 are skipped),
compares the calendar date (YYYY-MM-DD as the page writes it, no time-zone
shift) with the `published` field newsgraph printed for that page.
The last line is `dates: pages_with_date=N right=R wrong=W missing=M accuracy=R/N`.
"""
import json, os, re, sys

LD_RE = re.compile(r'<script[^>]*application/ld\+json[^>]*>(.*?)</script>', re.S | re.I)
META_RE = re.compile(r'<meta\b[^>]*>', re.I)
ATTR_RE = re.compile(r'([\w:-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
DATE_RE = re.compile(r'(\d{4})-(\d{2})-(\d{2})')


def plausible(value):
    """The YYYY-MM-DD in `value` if it is a real publication date (some CMSs
    write placeholders such as 0001-01-01)."""
    m = DATE_RE.search(value or '')
    if m and 1990 <= int(m.group(1)) <= 2100 and 1 <= int(m.group(2)) <= 12:
        return m.group(0)
    return None


def walk_published(node):
    """First datePublished value anywhere in a JSON-LD tree."""
    stack = [node]
    while stack:
        n = stack.pop(0)
        if isinstance(n, dict):
            v = n.get('datePublished')
            if isinstance(v, str):
                return v
            stack.extend(n.values())
        elif isinstance(n, list):
            stack.extend(n)
    return None


def page_date(html):
    for block in LD_RE.findall(html):
        try:
            v = walk_published(json.loads(block.strip()))
        except ValueError:
            continue
        if plausible(v):
            return plausible(v)
    for tag in META_RE.findall(html):
        attrs = {k.lower(): (v1 or v2) for k, v1, v2 in ATTR_RE.findall(tag)}
        key = attrs.get('property') or attrs.get('name') or attrs.get('itemprop') or ''
        if key.lower() in ('article:published_time', 'datepublished'):
            if plausible(attrs.get('content')):
                return plausible(attrs.get('content'))
    return None


def main():
    html_dir, pred_path = sys.argv[1], sys.argv[2]
    pred = {}
    with open(pred_path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                pred[rec['id']] = rec.get('published')
    n = right = wrong = missing = 0
    for name in sorted(os.listdir(html_dir)):
        if not name.endswith('.html'):
            continue
        with open(os.path.join(html_dir, name), encoding='utf-8', errors='replace') as f:
            want = page_date(f.read())
        if not want:
            continue
        n += 1
        got = pred.get(name[:-len('.html')])
        if not got:
            missing += 1
        elif got[:10] == want:
            right += 1
        else:
            wrong += 1
            print(f'wrong: {name}: page says {want}, newsgraph {got}')
    acc = right / n if n else 0.0
    print(f'dates: pages_with_date={n} right={right} wrong={wrong} missing={missing} accuracy={acc:.3f}')


if __name__ == '__main__':
    main()
