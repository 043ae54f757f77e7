#!/usr/bin/env python3
"""Writes the documents of an eval corpus with sources as paired files, for calque check --source and
scripts/BilingualBench.java: OUT/tgt/NN.txt (segments joined by a blank line) and OUT/src/NN.fr.txt.
Usage: scripts/newstest-pairs.py ../shared/eval/newstest2014-fr-en-ref.dev.jsonl OUT"""
import collections, json, os, sys

docs = collections.OrderedDict()
for line in open(sys.argv[1], encoding="utf-8"):
    row = json.loads(line)
    docs.setdefault(row["doc"] + "\0" + row["system"], []).append(row)
out = sys.argv[2]
os.makedirs(os.path.join(out, "tgt"), exist_ok=True)
os.makedirs(os.path.join(out, "src"), exist_ok=True)
for i, segs in enumerate(docs.values()):
    segs.sort(key=lambda r: r["seg"])
    with open(os.path.join(out, "tgt", "%02d.txt" % i), "w", encoding="utf-8") as f:
        f.write("\n\n".join(s["text"].replace("\n", " ") for s in segs))
    with open(os.path.join(out, "src", "%02d.fr.txt" % i), "w", encoding="utf-8") as f:
        f.write("\n\n".join(s["source"].replace("\n", " ") for s in segs))
print(len(docs), "documents")
