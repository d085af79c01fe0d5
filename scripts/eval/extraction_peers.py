#!/usr/bin/env python3
"""Time one extractor over a directory of HTML pages, single process.

    python extraction_peers.py trafilatura|resiliparse|newsgraph HTML_DIR OUT.jsonl

Writes one {"id", "text"} per page to OUT.jsonl and prints one line
`tool=... docs=... seconds=... docs_per_s=... mb_per_s=... [peak_rss_mb=...]`.
For the Python peers only the extraction calls are timed (files are read
beforehand); for newsgraph the `newsgraph extract HTML_DIR` process is timed
(file reading and JSON output included) and its start-up, measured on a
one-page directory, is subtracted and reported apart; its peak RSS is read
from getrusage. Best of --passes passes.
"""
import argparse, json, os, sys, time


def load(html_dir):
    pages = []
    for name in sorted(os.listdir(html_dir)):
        if name.endswith('.html'):
            with open(os.path.join(html_dir, name), 'rb') as f:
                pages.append((name[:-len('.html')], f.read()))
    return pages


def extractor(tool):
    if tool == 'trafilatura':
        import trafilatura

        def run(raw):
            html = raw.decode('utf-8', errors='replace')
            return trafilatura.extract(html, include_comments=False, include_tables=True) or ''
        return run
    if tool == 'resiliparse':
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        def run(raw):
            tree = HTMLTree.parse_from_bytes(raw, 'utf-8')
            return extract_plain_text(tree, main_content=True)
        return run
    raise SystemExit(f'unknown tool {tool}')


def time_newsgraph(a, docs, mb):
    """Runs the newsgraph binary as a child process: wall time, the same
    minus the process's start-up (measured on a one-page directory, so the
    figure compares with the peers', which exclude their import time), and
    peak RSS."""
    import resource, subprocess, tempfile
    binary = os.environ.get('NEWSGRAPH_BIN', 'target/release/newsgraph')

    def best_wall(html_dir, out_path):
        best = None
        for _ in range(a.passes):
            t0 = time.perf_counter()
            with open(out_path, 'wb') as out:
                proc = subprocess.run([binary, 'extract', html_dir], stdout=out)
            dt = time.perf_counter() - t0
            if proc.returncode != 0:
                raise SystemExit(f'newsgraph extract {html_dir} exited with {proc.returncode}')
            best = dt if best is None else min(best, dt)
        return best

    with tempfile.TemporaryDirectory() as tiny:
        with open(os.path.join(tiny, 'tiny.html'), 'w') as f:
            f.write('<html><body><p>A one-line page, so that only start-up is timed.</p></body></html>')
        startup = best_wall(tiny, os.path.join(tiny, 'out.jsonl'))
    wall = best_wall(a.html_dir, a.out)
    # ru_maxrss of children is in KiB on Linux: the largest child so far.
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    work = max(wall - startup, 1e-6)
    print(f'tool=newsgraph docs={docs} seconds={work:.3f} '
          f'docs_per_s={docs / work:.1f} mb_per_s={mb / work:.2f} '
          f'wall_seconds={wall:.3f} startup_seconds={startup:.3f} '
          f'wall_docs_per_s={docs / wall:.1f} peak_rss_mb={rss_mb:.1f}')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('tool')
    ap.add_argument('html_dir')
    ap.add_argument('out')
    ap.add_argument('--passes', type=int, default=1)
    a = ap.parse_args()
    pages = load(a.html_dir)
    mb = sum(len(raw) for _, raw in pages) / 1e6
    if a.tool == 'newsgraph':
        return time_newsgraph(a, len(pages), mb)
    run = extractor(a.tool)
    best = None
    for _ in range(a.passes):
        texts = []
        t0 = time.perf_counter()
        for _id, raw in pages:
            try:
                texts.append(run(raw))
            except Exception as e:  # a peer's crash on one page is its empty output
                print(f'{a.tool}: {_id}: {e}', file=sys.stderr)
                texts.append('')
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    with open(a.out, 'w', encoding='utf-8') as f:
        for (pid, _), text in zip(pages, texts):
            f.write(json.dumps({'id': pid, 'text': text}) + '\n')
    print(f'tool={a.tool} docs={len(pages)} seconds={best:.3f} '
          f'docs_per_s={len(pages) / best:.1f} mb_per_s={mb / best:.2f}')


if __name__ == '__main__':
    main()
