#!/usr/bin/env python3
"""Round four's probe: does a bilingual-dictionary adequacy signal add to the segment risk model?

Uses round three's harness (scripts/risk-probes.py: the trainer's feature rows in
target/risk/features.jsonl joined to the raw rows, L2 logistic regression, penalty 1000 as the
trainer picks, leave-one-training-domain-out AUC, which picks, and the dev AUCs, reported only) and
adds candidate dictionary features computed here from the tables of scripts/risk-dictionaries.py,
for the rows whose original is in a language with a dictionary (Bio-MQM de, es, it, pt in training;
fr on dev; none for ru and zh, whose rows get zeros and a 0 indicator, as absent features do in the
trainer). Per segment, with the source words of four letters or more:

  known         the dictionary has the word (exact, then without -s/-x/-e, -es/-en/-er, then any
                headword of 7+ letters sharing its first six letters)
  covered       a known word one of whose translations (or the word itself) is in the target
  cognate       an unknown word whose own stem is in the target (pandémie / pandemic)
  unmatched     an unknown word whose stem is not in the target
  unexplained   target content words the dictionary's English side has but no source word's
                translation gives
Stems: lower case, accents folded, plural -s / -es stripped, first five letters (both sides).

  python3 scripts/risk-dictionaries.py      # the tables, into target/risk/dictionaries
  python3 scripts/risk-probe-dictionary.py  # after ./scripts/train-risk.sh; numpy, about 5 minutes

With "trainer" as argument it compares instead the trainer's own feature rows with and without the
group (src_dict*, made by the experiment commit's Java, docs/risk.md round four) at the penalties the
trainer picks (300 with the group, 1000 without) and at one penalty, and bootstraps the lodo gain by
document within each held-out domain (300 resamples, seed 16).
"""
import collections, gzip, importlib.util, math, os, re, sys, unicodedata
import numpy as np

TRAINER = sys.argv[1:2] == ['trainer']
sys.argv = sys.argv[:1]
spec = importlib.util.spec_from_file_location('probes', os.path.join(os.path.dirname(__file__), 'risk-probes.py'))
P = importlib.util.module_from_spec(spec)
spec.loader.exec_module(P)

TABLES = 'target/risk/dictionaries'
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*[^\W\d_]|[^\W\d_]")
STOP = set("""about above after again against also among because been before being below between both
could does doing down during each from further have having here hers into itself more most once only other
over same should some such than that their them then there these they this those through under until very
were what when where which while whom with would your will shall""".split())


def fold(w):
    return ''.join(c for c in unicodedata.normalize('NFD', w) if not unicodedata.combining(c))


def stem(w, folded=True):
    if folded: w = fold(w)
    if len(w) > 4 and w.endswith('es'): w = w[:-2]
    elif len(w) > 3 and w.endswith('s'): w = w[:-1]
    return w[:5]


class Dictionary:
    def __init__(self, lang, folded):
        self.folded, self.table = folded, {}
        for line in gzip.open(f'{TABLES}/dictionary-{lang}.tsv.gz', 'rt', encoding='utf-8'):
            h, ws = line.rstrip('\n').split('\t')
            self.table[h] = {stem(w, folded) for w in ws.split()}
        self.english = set().union(*self.table.values())
        self.prefix = collections.defaultdict(set)
        for h, t in self.table.items():
            if len(h) >= 6: self.prefix[h[:6]] |= t

    def lookup(self, w, fallback):
        if w in self.table: return self.table[w]
        if not fallback:
            return self.table.get(w[:-1]) if w.endswith('s') else None
        for c in (w[:-1] if w.endswith(('s', 'x', 'e')) else None, w[:-2] if w.endswith(('es', 'en', 'er')) else None):
            if c and c in self.table: return self.table[c]
        return self.prefix.get(w[:6]) if len(w) >= 7 else None


def measure(d, r, refined):
    """(known rate, smoothed coverage of known words, uncovered, unexplained rate, unexplained,
    cognates, unmatched, overall coverage (covered + cognates + 1) / (words + 2))."""
    sw = [w.lower() for w in WORD.findall(r['source']) if len(w) >= 4]
    tw = [w.lower() for w in WORD.findall(r['text'])]
    ts = {stem(w, refined) for w in tw}
    known = covered = cognate = unmatched = 0
    explained = set()
    for w in sw:
        s = stem(w, refined)
        explained.add(s)
        t = d.lookup(w, refined)
        if t is None:
            if s in ts: cognate += 1
            else: unmatched += 1
            continue
        known += 1
        explained |= t
        if s in ts or t & ts: covered += 1
    content = [w for w in tw if len(w) >= 4 and w not in STOP]
    unexplained = sum(1 for w in content if stem(w, refined) in d.english and stem(w, refined) not in explained)
    return (known / max(1, len(sw)), (covered + 1) / (known + 2), known - covered, unexplained / max(1, len(content)),
            unexplained, cognate, unmatched, (covered + cognate + 1) / (len(sw) + 2))


LANGS = ('fr', 'de', 'es', 'it', 'pt')
DICTS = {refined: {l: Dictionary(l, refined) for l in LANGS} for refined in (False, True)}
_cache = {}


def values(r, refined=True):
    key = (id(r), refined)
    if key not in _cache:
        lang = (r.get('pair') or '')[:2]
        ok = lang in LANGS and (r.get('source') or '').strip()
        _cache[key] = measure(DICTS[refined][lang], r, refined) if ok else None
    return _cache[key]


DOCS = collections.defaultdict(list)
for r in P.raw.values(): DOCS[(r['_file'], r['pair'], r['doc'], r['system'])].append(r)
_median = {}


def document_median(r):
    """The overall coverage's median over the row's document (all its rows, as the trainer's length ratio)."""
    k = (r['_file'], r['pair'], r['doc'], r['system'])
    if k not in _median:
        vs = [v for v in (values(q) for q in DOCS[k]) if v]
        _median[k] = float(np.median([v[7] for v in vs])) if len(vs) >= 3 else None
    return _median[k]


def group(width, make):
    def f(x, r):
        v = values(r, make is not plain)
        return [0.0] * width if v is None else [1.0] + make(v, r)
    return f


def plain(v, r): return [v[0], v[1], math.log1p(v[2]), v[3], math.log1p(v[4])]
def refined_all(v, r): return [v[1], math.log1p(v[2]), math.log1p(v[4]), math.log1p(v[6]), v[7]]
def counts(v, r): return [math.log1p(v[2]), math.log1p(v[6])]
def overall(v, r): return [v[7]]
def residual(v, r):
    m = document_median(r)
    return [0.0 if m is None else v[7] - m]
def overall_residual(v, r): return overall(v, r) + residual(v, r)


def trainer_rows():
    full = list(P.NAMES)
    without = [n for n in full if not n.startswith('src_dict')]
    if len(without) == len(full):
        sys.exit('risk-probe-dictionary: target/risk/features.jsonl has no src_dict features (train with the experiment)')

    def held_out(names, lam):
        P.NAMES[:] = names
        X = P.matrix(P.TR, True, lambda x, r: [])
        out = {}
        for d in sorted(set(P.D)):
            tr, te = P.D != d, (P.D == d) & ~P.HUMAN
            out[d] = (np.where(te)[0], P.fit(X[tr], P.Y[tr], lam)(X[te]))
        return out

    for lam in (1000.0, 300.0):
        P.fit.__defaults__ = (lam,)
        P.NAMES[:] = full
        P.probe(f'trainer rows with the group, penalty {lam:.0f}', True)
        P.NAMES[:] = without
        P.probe(f'trainer rows without it, penalty {lam:.0f}', True)
    a, b, c = held_out(full, 300.0), held_out(without, 1000.0), held_out(without, 300.0)
    rng = np.random.default_rng(16)
    docs = {d: np.array([P.TR[i][3]['doc'] + '|' + P.TR[i][3]['system'] for i in a[d][0]]) for d in a}
    gains = {'with the group at 300 - without at 1000 (the trainer\'s picks)': [], 'with - without, both at 300': []}
    for _ in range(300):
        g1, g2 = [], []
        for d in a:
            picked = rng.choice(np.unique(docs[d]), len(np.unique(docs[d])))
            idx = np.concatenate([np.where(docs[d] == p)[0] for p in picked])
            y = P.Y[a[d][0]][idx]
            g1.append(P.auc(a[d][1][idx], y) - P.auc(b[d][1][idx], y))
            g2.append(P.auc(a[d][1][idx], y) - P.auc(c[d][1][idx], y))
        gains['with the group at 300 - without at 1000 (the trainer\'s picks)'].append(np.mean(g1))
        gains['with - without, both at 300'].append(np.mean(g2))
    for name, g in gains.items():
        g = np.array(g)
        print(f'lodo gain, {name}: bootstrap mean {g.mean():.4f}, s.e. {g.std():.4f}, 90% '
              f'[{np.percentile(g, 5):.4f}, {np.percentile(g, 95):.4f}], share of resamples >= 0.005 {np.mean(g >= 0.005):.2f}')


if __name__ == '__main__' and TRAINER:
    trainer_rows()
elif __name__ == '__main__':
    P.probe('shipped features', True)
    P.probe('+ indicator only (control)', True, group(1, lambda v, r: []))
    P.probe('+ plain matching, six features', True, group(6, plain))
    P.probe('+ refined matching, six features', True, group(6, refined_all))
    P.probe('+ refined: uncovered and unmatched counts', True, group(3, counts))
    P.probe('+ refined: overall coverage', True, group(2, overall))
    P.probe('+ refined: overall coverage and its residual', True, group(3, overall_residual))
    P.probe('+ refined: residual against the document only', True, group(2, residual))
    # one feature at a time, on machine translations of the domains with a dictionary
    by = collections.defaultdict(list)
    for sl, x, y, r in P.data:
        v = values(r)
        if v is None or r.get('human'): continue
        by['dev fr-en' if sl != 'train' else P.domain(r)].append(v + (x['log_words'], y))
    names = ['known rate', 'coverage of known', 'uncovered', 'unexplained rate', 'unexplained', 'cognates',
             'unmatched', 'overall coverage', 'log words']
    for d, rows in sorted(by.items()):
        a = np.array(rows)
        print(f'{d:10s} {len(a)} rows: ' + ', '.join(f'{n} {P.auc(a[:, j], a[:, -1]):.3f}' for j, n in enumerate(names)))
