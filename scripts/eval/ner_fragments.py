"""Counts entity fragments in `newsgraph analyze --jsonl` output.

Reads the analysis of each page (one JSON object a line on stdin) and
prints how many single-token PERSON/ORG entities are only a title or a
generic head word ("Mr", "Authority", "Court"), with the other fragment
shapes issue 17 names: names ending in a preposition ("University in"),
one-letter ORGs ("E"), and entities written in capitals that also occur
case-folded in the same page as a lower-case word ("US FALLS").

The titles and head words are the `[titles]` and `[heads]` sections of
crates/lexicon/src/data/name_words.txt, the lists the tagger reads.

    newsgraph analyze --jsonl pages.jsonl | python3 ner_fragments.py NAME_WORDS
"""

import json
import sys

PREPOSITIONS = {"in", "of", "at", "on", "for", "from", "to", "by", "with", "and", "the"}


def sections(path):
    out, current = {}, None
    for raw in open(path, encoding="utf-8"):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], set())
        elif current is not None:
            current.add(line)
    return out


def main():
    words = sections(sys.argv[1])
    generic = words["titles"] | words["org-heads"] | words["place-heads"]
    docs = entities = fragments = prep = letters = caps = 0
    examples = {}
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        doc = json.loads(line)
        docs += 1
        for e in doc.get("entities", []):
            if e["type"] == "DATE":
                continue
            entities += 1
            name = e["name"]
            tokens = name.split()
            if e["type"] in ("PERSON", "ORG") and len(tokens) == 1:
                if tokens[0].rstrip(".").lower() in generic:
                    fragments += 1
                    examples.setdefault("title/head", []).append(name)
            if len(tokens) > 1 and tokens[-1].lower() in PREPOSITIONS:
                prep += 1
                examples.setdefault("preposition", []).append(name)
            if e["type"] == "ORG" and len(name.rstrip(".")) == 1:
                letters += 1
                examples.setdefault("letter", []).append(name)
            if len(tokens) > 1 and name.isupper() and all(len(t) > 3 for t in tokens):
                caps += 1
                examples.setdefault("caps", []).append(name)
    for kind, names in examples.items():
        print(f"  {kind}: {', '.join(sorted(set(names))[:12])}")
    print(f"pages: {docs}, entities: {entities}")
    print(f"single-token PERSON/ORG title or head word: {fragments}")
    print(f"names ending in a preposition: {prep}; one-letter ORGs: {letters}; "
          f"all-caps multi-word names: {caps}")
    print(f"fragments total: {fragments + prep + letters + caps}")


if __name__ == "__main__":
    main()
