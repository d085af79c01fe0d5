#!/usr/bin/env python3
"""Person-name lists for the NER tagger from the 1990 US Census name
frequency files (a US government work, public domain), as shipped by the
PyPI package `names` (MIT).

Prints `first<TAB>name<TAB>rank` lines for every given name (male and
female lists merged, best rank kept) and `last<TAB>name<TAB>rank` lines
for the `--surnames` most frequent surnames, lower-cased, sorted by kind
and name. `newsgraph train ner --names FILE` reads the result and stores
only each name's frequency bands in the model (the list stays out of the
repository).

    . scripts/eval/venv.sh names
    $VENV_PYTHON crates/nlp/tools/census_names.py > /tmp/person_names.tsv
"""
import argparse
import os

import names


def read(path, limit=None):
    out = {}
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 4:
                continue
            rank = int(parts[3])
            if limit is not None and rank > limit:
                break
            name = parts[0].lower()
            out[name] = min(rank, out.get(name, rank))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--surnames", type=int, default=20000)
    args = ap.parse_args()
    data = os.path.dirname(names.__file__)
    first = read(os.path.join(data, "dist.male.first"))
    for name, rank in read(os.path.join(data, "dist.female.first")).items():
        first[name] = min(rank, first.get(name, rank))
    last = read(os.path.join(data, "dist.all.last"), args.surnames)
    for kind, table in (("first", first), ("last", last)):
        for name in sorted(table):
            print(f"{kind}\t{name}\t{table[name]}")


if __name__ == "__main__":
    main()
