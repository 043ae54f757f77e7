#!/usr/bin/env python3
"""Checks that each extraction holds its page's opening words (a corpus's leads.json, made by
scripts/pages-corpus.py): python3 scripts/pages-leads.py OUT_DIR LEADS.json [-v]
Its first paragraph is compared on word tokens, case kept; prints per half how many pages hold their lead."""
import hashlib, json, os, re, sys

def half(name):
    return "A" if int(hashlib.sha1(name.encode()).hexdigest()[0], 16) % 2 == 0 else "B"

def words(t):
    return " ".join(re.findall(r"\w+", t))

out, leads = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
tally = {"A": [0, 0], "B": [0, 0]}
for name, lead in sorted(leads.items()):
    path = os.path.join(out, name + ".txt")
    got = words(open(path, encoding="utf-8").read()) if os.path.exists(path) else ""
    ok = words(lead.split("\n")[0]) in got  # the first paragraph: Goose skips some of the page's
    tally[half(name)][0] += ok
    tally[half(name)][1] += 1
    if "-v" in sys.argv and not ok:
        print(f"{name} ({half(name)}) MISSING {lead[:80]!r}")
for h, (ok, n) in tally.items():
    print(f"half {h}: {ok} of {n} pages hold their lead")
