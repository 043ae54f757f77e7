#!/usr/bin/env python3
"""Turns the FreeDict bilingual dictionaries (Debian's dict-freedict-*-eng, dictd format) into the
compact tables of round four's dictionary-coverage probe (docs/risk.md, round four; not shipped: the
features did not gain on held-out training domains, so nothing in the jar reads them):

  apt-get install dict-freedict-fra-eng dict-freedict-deu-eng dict-freedict-spa-eng \
      dict-freedict-ita-eng dict-freedict-por-eng
  python3 scripts/risk-dictionaries.py [/usr/share/dictd] [target/risk/dictionaries]

One file per source language, dictionary-<xx>.tsv.gz (xx the ISO 639-1 code Calque's pairs use):
a line per one-word headword, lower-cased, accents kept, then a tab and up to MAX_WORDS English
content words of its translations (lower-cased, in the dictionary's order, function words, "sb",
"sth" and words under three letters dropped), space-separated. A headword whose translations are
only function words (French "pour" -> "for") is left out, so that the feature counts content words
only; so is a headword one of whose translations is a function word alone ("dans" -> "in", "plus" ->
"more"), whatever its other senses. Nothing else of the dictionaries (pronunciations, grammar, examples, cross-references) is kept.
Written sorted and gzipped with no timestamp, so a rerun is byte-identical; sizes: fr 7,132 headwords
67 KB, de 211,750 headwords 2,449 KB, es 3,843 / 36 KB, it 3,162 / 28 KB, pt 9,125 / 85 KB.
Licences of the data (the dictionaries' own headers): fra, spa, ita, por GPL-2.0-or-later (FreeDict,
from Ergane); deu (Ding) GPL-3.0 and AGPL-3.0; Debian's packaging GPL-3+. Derived tables carry the
same terms: shipping them in Calque's jar would put the jar under them. Had the features shipped,
Calque would have read such tables from its own resources, never from /usr/share at run time.
"""
import gzip, io, os, re, sys

DICTD = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/dictd'
OUT = sys.argv[2] if len(sys.argv) > 2 else 'target/risk/dictionaries'
LANGS = {'fra': 'fr', 'deu': 'de', 'spa': 'es', 'ita': 'it', 'por': 'pt'}
MAX_WORDS = 6
B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
HEADWORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-])*$")
WORD = re.compile(r"[a-z](?:[a-z'-])*[a-z]")
STOP = set("""a about above after again against all am an and any are as at be been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers him his how i if in into is it its itself just me more most my no nor not now
of off on once one one's oneself only or other our out over own same she should so some such than that
the their them then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you your yourself sb sth sb's smb smth etc esp
something someone somebody""".split())


def number(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def translations(entry):
    """English content words of one dictd entry: its translation lines, not its notes or cross-references;
    None when one of its translations is a function word alone (French "pour" -> "for"): a function word."""
    out = []
    for line in entry.split('\n')[1:]:
        if not line.strip() or line.startswith(' ') or line.startswith('\t'):
            continue  # synonyms, "see:", notes and examples are indented
        line = re.sub(r'^\d+\.\s*', '', line)
        line = re.sub(r'<[^>]*>|\([^)]*\)|\[[^\]]*\]|/[^/]*/', ' ', line)
        for phrase in re.split(r'[,;]', line.lower()):
            ws = WORD.findall(phrase)
            if ws and all(w in STOP and w != 'to' for w in ws):
                return None
        for w in WORD.findall(line.lower()):
            if len(w) >= 3 and w not in STOP and w not in out:
                out.append(w)
    return out


def convert(code):
    base = os.path.join(DICTD, f'freedict-{code}-eng')
    with gzip.open(base + '.dict.dz') as f:
        data = f.read()
    table, function = {}, set()
    with open(base + '.index', encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) < 3 or parts[0].startswith('00-database') or parts[0].startswith('00database'):
                continue
            head = parts[0].lower()
            if not HEADWORD.match(head):
                continue  # phrases and abbreviations with dots: the feature looks words up one by one
            entry = data[number(parts[1]):number(parts[1]) + number(parts[2])].decode('utf-8', 'replace')
            words = table.setdefault(head, [])
            found = translations(entry)
            if found is None:
                function.add(head)
                continue
            for w in found:
                if w not in words and len(words) < MAX_WORDS:
                    words.append(w)
    lines = ''.join(f'{h}\t{" ".join(ws)}\n' for h, ws in sorted(table.items()) if ws and h not in function)
    path = os.path.join(OUT, f'dictionary-{LANGS[code]}.tsv.gz')
    buf = io.BytesIO()
    with gzip.GzipFile(filename='', mode='wb', fileobj=buf, mtime=0, compresslevel=9) as g:
        g.write(lines.encode('utf-8'))
    with open(path, 'wb') as f:
        f.write(buf.getvalue())
    print(f'{path}: {lines.count(chr(10))} headwords, {len(buf.getvalue()) // 1024} KB', file=sys.stderr)


os.makedirs(OUT, exist_ok=True)
for code in LANGS:
    convert(code)
