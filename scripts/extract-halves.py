#!/usr/bin/env python3
"""Splits a score.py results file into two fixed halves by a hash of the page name.

Half A (first hex digit of sha1(name) even) is the one extraction was tuned on; half B was kept
aside. Usage: python3 scripts/extract-halves.py results.json [--list A|B]
"""
import hashlib, json, sys

def half(name):
    return "A" if int(hashlib.sha1(name.encode()).hexdigest()[0], 16) % 2 == 0 else "B"

res = json.load(open(sys.argv[1]))
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
