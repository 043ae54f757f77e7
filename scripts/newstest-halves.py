#!/usr/bin/env python3
"""Splits eval corpora into two fixed halves by document, for tuning on one and reporting the other.

Half A: first hex digit of sha1(doc) even (the rule of scripts/extract-halves.py); half B: odd. The MT
and human sides of newstest2014 share their doc ids, so a document lands in the same half on both.
Usage: scripts/newstest-halves.py OUT_DIR CORPUS.jsonl...   writes OUT_DIR/NAME.A.jsonl and NAME.B.jsonl
"""
import hashlib, json, os, sys

def half(doc):
    return "A" if int(hashlib.sha1(doc.encode()).hexdigest()[0], 16) % 2 == 0 else "B"

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for path in sys.argv[2:]:
    name = os.path.basename(path).replace(".dev.jsonl", "").replace(".jsonl", "")
    files = {h: open(os.path.join(out, f"{name}.{h}.jsonl"), "w", encoding="utf-8") for h in "AB"}
    for line in open(path, encoding="utf-8"):
        files[half(json.loads(line)["doc"])].write(line)
    for f in files.values():
        f.close()
