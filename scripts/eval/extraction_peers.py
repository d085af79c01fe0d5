#!/usr/bin/env python3
"""Time one extractor over a directory of HTML pages, single process.

    python extraction_peers.py trafilatura|resiliparse|newsgraph HTML_DIR OUT.jsonl

Writes one {"id", "text"} per page to OUT.jsonl and prints one line
`tool=... docs=... seconds=... docs_per_s=... mb_per_s=... [...]`.

Speed is CPU time (user + system), best of --passes passes: the machine is
shared with other builds, and wall time there measures the queue for a core
more than the work. All three tools are single-threaded, so on a quiet
machine CPU time and wall time agree. For the Python peers only the
extraction calls are timed (files are read beforehand, imports excluded).
For newsgraph the process's start-up is cancelled out (see time_newsgraph);
file reading and JSON output stay in, which favours the peers.
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
    """Runs the newsgraph binary as a child process. Its start-up (loading
    the whole pipeline) is cancelled out: the CPU time of one run over
    HTML_DIR is subtracted from that of a run over HTML_DIR given REPEAT
    times, leaving REPEAT-1 passes of pure reading, extraction and output.
    Also reports the plain wall time of one run and peak RSS."""
    import resource, subprocess
    binary = os.environ.get('NEWSGRAPH_BIN', 'target/release/newsgraph')
    repeat = 4

    def run(copies, out_path):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        with open(out_path, 'wb') as out:
            proc = subprocess.run([binary, 'extract'] + [a.html_dir] * copies, stdout=out)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            raise SystemExit(f'newsgraph extract exited with {proc.returncode}')
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return cpu, wall

    once = [run(1, a.out) for _ in range(a.passes)]
    many = [run(repeat, a.out + '.repeat') for _ in range(a.passes)]
    os.remove(a.out + '.repeat')
    cpu_once = min(c for c, _ in once)
    cpu_many = min(c for c, _ in many)
    wall_once = min(w for _, w in once)
    work = max((cpu_many - cpu_once) / (repeat - 1), 1e-6)
    startup = max(cpu_once - work, 0.0)
    # ru_maxrss of children is in KiB on Linux: the largest child so far.
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f'tool=newsgraph docs={docs} seconds={work:.3f} '
          f'docs_per_s={docs / work:.1f} mb_per_s={mb / work:.2f} '
          f'startup_seconds={startup:.3f} wall_seconds={wall_once:.3f} '
          f'wall_docs_per_s={docs / wall_once:.1f} peak_rss_mb={rss_mb:.1f}')


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
        t0 = time.process_time()
        for _id, raw in pages:
            try:
                texts.append(run(raw))
            except Exception as e:  # a peer's crash on one page is its empty output
                print(f'{a.tool}: {_id}: {e}', file=sys.stderr)
                texts.append('')
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
    with open(a.out, 'w', encoding='utf-8') as f:
        for (pid, _), text in zip(pages, texts):
            f.write(json.dumps({'id': pid, 'text': text}) + '\n')
    print(f'tool={a.tool} docs={len(pages)} seconds={best:.3f} '
          f'docs_per_s={len(pages) / best:.1f} mb_per_s={mb / best:.2f}')


if __name__ == '__main__':
    main()
