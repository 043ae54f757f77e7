#!/usr/bin/env python3
"""Splits a score.py results file into two fixed halves by a hash of the page name.

Half A (first hex digit of sha1(name) even) is the one extraction was tuned on; half B was kept
aside. Usage: python3 scripts/extract-halves.py results.json [--list A|B]

With --against OTHER.json it compares the two sets' pooled F1 instead (e.g. the fr/es/de pages
against the English ones): the difference and its bootstrap interval, pages resampled within each
set (5,000 draws, seed 1), since a set of 50 pages moves its F1 by a few points from page to page.
"""
import hashlib, json, random, sys

def half(name):
    return "A" if int(hashlib.sha1(name.encode()).hexdigest()[0], 16) % 2 == 0 else "B"

res = json.load(open(sys.argv[1]))

def pooled_f1(pages):
    tp = sum(p["tp"] for p in pages)
    wrong = sum(p["fp"] + p["fn"] for p in pages)
    return 2 * tp / (2 * tp + wrong) if tp else 0

if "--against" in sys.argv:
    ours = list(res["pages"].values())
    theirs = list(json.load(open(sys.argv[sys.argv.index("--against") + 1]))["pages"].values())
    rnd = random.Random(1)
    diffs = sorted(pooled_f1(rnd.choices(ours, k=len(ours))) - pooled_f1(rnd.choices(theirs, k=len(theirs)))
                   for _ in range(5000))
    at = lambda q: diffs[int(q * (len(diffs) - 1))]
    print(f"F1 {pooled_f1(ours):.3f} ({len(ours)} pages) against {pooled_f1(theirs):.3f} ({len(theirs)} pages): "
          f"difference {pooled_f1(ours) - pooled_f1(theirs):+.3f}, 95% interval {at(0.025):+.3f} to {at(0.975):+.3f}, "
          f"at or above in {sum(d >= 0 for d in diffs) / len(diffs):.0%} of draws")
    sys.exit(0)
if "--list" in sys.argv:
    want = sys.argv[sys.argv.index("--list") + 1]
    for name, p in sorted(res["pages"].items()):
        if half(name) == want and (p["missed_with"] or p["leaked_without"]):
            print(name, "MISSED", p["missed_with"], "LEAKED", p["leaked_without"])
    sys.exit(0)
for h in ("A", "B"):
    t = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    n = 0
    for name, p in res["pages"].items():
        if half(name) == h:
            n += 1
            for k in t:
                t[k] += p[k]
    prec = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0
    rec = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0
    f1 = 2 * t["tp"] / (2 * t["tp"] + t["fp"] + t["fn"]) if t["tp"] else 0
    print(f"half {h} ({'tuned on' if h == 'A' else 'kept aside'}): {n} pages  P {prec:.3f}  R {rec:.3f}  F1 {f1:.3f}")
