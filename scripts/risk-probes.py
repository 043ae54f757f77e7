#!/usr/bin/env python3
"""Round three's probes of the segment risk model: what was tried beside the shipped features.

Reads target/risk/features.jsonl (written by ./scripts/train-risk.sh: every fitted training row with
its slice and id, and the dev rows, with the shipped features) and the raw rows of ../shared/train
and ../shared/eval, adds candidate features computed here, and prints segment major-error ROC AUC of
an L2 logistic regression (penalty 1000, the one the trainer picks) fitted on all training rows:

  - lodo: leave one training domain out (Bio-MQM de-en, es-en, pt+it-en, ru-en, zh-en; TED zh-en),
    tested on its machine translations; the mean and each domain. This is what picks: the dev
    corpora are a pair (fr-en) and a domain (news) that training never saw.
  - dev: biomqm fr-en and wmt23 zh-en news dev (reported, never used to pick).

Candidates: an "error-prone words" lexicon (smoothed log-odds of a word lying inside an annotated
major / any error span, counted on the vocabulary half, the rows the models never see; in the honest
variant also without the held-out domain's rows), source punctuation and sentence counts against the
target's, length interactions, training on machine translations only, and a model of its own for
Chinese originals; round eight: the original's difficulty and the cognates of its long words; round
nine: the segment's place in its document (the first segment is a headline or title); round eleven (--targets:
only those rows): a denser training label than a major error. Python 3 and numpy; about three minutes:  python3 scripts/risk-probes.py
"""
import collections, gzip, hashlib, json, math, re, sys, unicodedata
import numpy as np

TRAIN, EVAL = '../shared/train/', '../shared/eval/'
FILES = ['biomqm-xx-en.train.jsonl.gz', 'biomqm-xx-en-refs.train.jsonl.gz', 'ted-zh-en.train.jsonl.gz',
         'ted-zh-en-refs.train.jsonl.gz']
DEV = ['biomqm-fr-en.dev.jsonl', 'wmt23-zh-en-news.dev.jsonl']
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*[^\W\d_]|[^\W\d_]")
LAMBDA = 1000.0


def rows(path):
    with (gzip.open if path.endswith('.gz') else open)(path, 'rt', encoding='utf-8') as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def bucket(key, n):
    """Train.bucket: UUID.nameUUIDFromBytes(key).getLeastSignificantBits() mod n."""
    d = bytearray(hashlib.md5(key.encode('utf-8')).digest())
    d[8] = (d[8] & 0x3f) | 0x80
    return int.from_bytes(bytes(d[8:]), 'big', signed=True) % n


def auc(s, y):
    s = np.asarray(s, float); y = np.asarray(y, bool)
    order = np.argsort(s, kind='mergesort'); ss = s[order]; r = np.empty(len(s)); i = 0
    while i < len(ss):
        j = i
        while j + 1 < len(ss) and ss[j + 1] == ss[i]: j += 1
        r[order[i:j + 1]] = (i + j + 2) / 2; i = j + 1
    n1 = y.sum(); n0 = len(y) - n1
    return (r[y].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)


def fit(X, y, lam=LAMBDA):
    mu = X.mean(0); sd = X.std(0); sd[sd < 1e-9] = 1
    Z = np.hstack([np.ones((len(X), 1)), (X - mu) / sd]); w = np.zeros(Z.shape[1])
    I = np.diag(np.r_[0, np.ones(len(w) - 1)])
    for _ in range(30):
        p = 1 / (1 + np.exp(-Z @ w))
        w -= np.linalg.solve((Z * (p * (1 - p))[:, None]).T @ Z + lam * I, Z.T @ (p - y) + lam * I @ w)
    return lambda X2: ((X2 - mu) / sd) @ w[1:] + w[0]


def major(e): return e['severity'] in ('major', 'critical') and e['family'] != 'Source'
def error(e): return e['severity'] in ('minor', 'major', 'critical') and e['family'] != 'Source'


def domain(r):
    if r['_file'].startswith('ted'): return 'ted'
    if r['_file'] == 'dev': return 'dev'
    return 'bio-' + ('pt-en' if r['pair'] == 'it-en' else r['pair'])


# ---- the rows: raw training rows by id, joined to the trainer's feature rows
raw, first = {}, {}
for f in FILES:
    for r in rows(TRAIN + f):
        first.setdefault(f, r['pair'])
        r['_file'] = f
        raw[(f, r['pair'], r['doc'], r['system'], r['seg'])] = r
for f in DEV:
    for r in rows(EVAL + f):
        r['_file'] = 'dev'
        raw[(f, r['pair'], r['doc'], r['system'], r['seg'])] = r
vocabulary_half = [r for r in raw.values() if r['_file'] != 'dev' and r.get('errors') is not None
                   and bucket(f"{first[r['_file']]}|{r['doc']}|{r['seg'] // 20}|vocabulary", 2) == 0]
data = []  # (slice, features, label, raw row)
ARGS = [a for a in sys.argv[1:] if not a.startswith('--')]
for line in open(ARGS[0] if ARGS else 'target/risk/features.jsonl', encoding='utf-8'):
    o = json.loads(line); c = o['corpus']
    if c.startswith(('fit:', 'cal:')):
        _, f, pair = c.split(':'); data.append(('train', o['x'], o['y'], raw[(f, pair, o['doc'], o['system'], o['seg'])]))
    else:
        pair = 'zh-en' if 'zh-en' in c else 'fr-en'
        data.append((c, o['x'], o['y'], raw[(c, pair, o['doc'], o['system'], o['seg'])]))
NAMES = sorted({k for _, x, _, _ in data for k in x})
TR = [t for t in data if t[0] == 'train']
Y = np.array([t[2] for t in TR], float)
D = np.array([domain(t[3]) for t in TR])
HUMAN = np.array([bool(t[3].get('human')) for t in TR])
print(f'{len(TR)} training rows, {len(vocabulary_half)} rows in the vocabulary half', flush=True)


def tokens(text): return [(m.group().lower(), m.start(), m.end()) for m in WORD.finditer(text)]


def lexicon(rows_, label, k=20):
    inside, outside = collections.Counter(), collections.Counter()
    for r in rows_:
        spans = [e for e in r['errors'] if label(e) and e.get('start') is not None]
        for w, s, e in tokens(r['text']):
            (inside if any(x['start'] < e and s < x['end'] for x in spans) else outside)[w] += 1
    a, b = sum(inside.values()), sum(outside.values()); p0 = a / (a + b); base = math.log(p0 / (1 - p0))
    return {w: math.log((inside[w] + k * p0) / (outside[w] + k * (1 - p0))) - base for w in set(inside) | set(outside)}


def lexicon_features(lex):
    def f(x, r):
        toks = [w for w, _, _ in tokens(r['text'])]; n = max(1, len(toks))
        v = sorted([lex.get(w, 0.0) for w in toks], reverse=True) or [0.0]
        return [v[0], sum(v) / n, sum(v[:3]), sum(max(0, t) for t in v), sum(v)]
    return f


SENT = re.compile(r'[.!?。！？](?=\s|$|[^\d])')
QUOTE = re.compile(r'[«»“”"„「」『』]')


def source_punctuation(x, r):
    s, t = r.get('source') or '', r['text']
    if not s: return [0.0] * 6
    c = lambda p, u: len(re.findall(p, u))
    return [math.log1p(abs(len(SENT.findall(s)) - len(SENT.findall(t)))),
            math.log1p(max(0, len(QUOTE.findall(s)) - len(QUOTE.findall(t)))),
            math.log1p(abs(c(r'[:：;；]', s) - c(r'[:;]', t))), math.log1p(abs(c(r'[?？!！]', s) - c(r'[?!]', t))),
            math.log1p(max(0, c(r'[,，、]', s) - c(r',', t))), math.log1p(max(0, c(r',', t) - c(r'[,，、]', s)))]


def interactions(x, r):
    lw = x['log_words']
    return [lw * x['surprisal_mean'], lw * x['out_of_vocabulary_rate'], lw * x['capitalized_rate'],
            lw * x['unknown_rate'], x['surprisal_top5'] * x['log_rare_in_training']]


def source_language(x, r):
    """Round five: without the original Calque still knows the language it came from (--from); a CJK
    indicator, and it times the unknown capitalized words and capitalized rate (transliterated names)."""
    c = 1.0 if r['pair'].split('-')[0] in ('zh', 'ja', 'ko') else 0.0
    return [c, c * x['log_unknown_capitalized'], c * x['capitalized_rate']]


WORD_ANY = re.compile(r"[^\W\d_][^\W_]*(?:[-'’][^\W_]+)*")


def fold(w):
    return ''.join(c for c in unicodedata.normalize('NFD', w.lower()) if unicodedata.category(c) != 'Mn')


def source_difficulty(x, r):
    """Round eight: how technical a Latin-script original is (long words, mean word length, codes mixing
    letters and digits, hyphenated words) and how many of its long words (7+ letters) have a cognate in
    the translation (the same first five letters, accents folded): the share, and the count without one."""
    s, t = r.get('source') or '', r['text']
    if not s or any('\u4e00' <= c <= '\u9fff' for c in s): return [0.0] * 7
    sw, tw = WORD_ANY.findall(s), WORD_ANY.findall(t); n = max(1, len(sw))
    long_words = [w for w in sw if len(w) >= 12]
    codes = [w for w in s.split() if re.search(r'\d', w) and re.search(r'[^\W\d_]', w)]
    stems = {fold(w)[:5] for w in tw if len(w) >= 5}
    content = [fold(w) for w in sw if len(w) >= 7]
    cognates = sum(1 for w in content if w[:5] in stems)
    return [len(long_words) / n, math.log1p(len(long_words)), sum(map(len, sw)) / n, math.log1p(len(codes)),
            math.log1p(sum(1 for w in sw if '-' in w)), (cognates + 1) / (len(content) + 2),
            math.log1p(len(content) - cognates)]


EXTENT = collections.defaultdict(lambda: [10 ** 9, -1])  # (file, pair, doc, system) -> first and last segment
for (f, pair, doc, system, seg), r in raw.items():
    r['_doc'] = (f, pair, doc, system)
    e = EXTENT[r['_doc']]; e[0] = min(e[0], seg); e[1] = max(e[1], seg)


def position(x, r):
    """Round nine: where the segment stands in its document (a user's article gives it too): log index,
    whether it is the first (a headline or title), relative place, log document length in segments."""
    first, last = EXTENT[r['_doc']]; i, n = r['seg'] - first, last - first + 1
    return [math.log1p(i), 1.0 if i == 0 else 0.0, i / max(1, n - 1), math.log1p(n)]


def matrix(ts, src, extra):
    cols = [n for n in NAMES if src or not n.startswith('src_')]
    return np.array([[x.get(n, 0.0) for n in cols] + list(extra(x, r)) for _, x, _, r in ts], float)


def soft_major(r):
    """Round eleven: the share of the row's annotators who marked a major (or critical) error."""
    n = max(1, r.get('annotators') or 1)
    return min(1.0, len({e.get('annotator') for e in r['errors'] if major(e)}) / n)


def any_error(r): return 1.0 if any(error(e) for e in r['errors']) else 0.0


def penalty(r, k=10.0):
    """Round eleven: the MQM penalty per annotator (major 5, minor 1, critical 10) as 1 - exp(-penalty / k)."""
    w = {'minor': 1, 'major': 5, 'critical': 10}
    n = max(1, r.get('annotators') or 1)
    return 1 - math.exp(-sum(w.get(e['severity'], 0) for e in r['errors'] if e['family'] != 'Source') / n / k)


def probe(label, src, extra=lambda x, r: [], extra_for=None, train_rows=None, target=None):
    """extra_for(domain) gives the held-out domain's extra features (None: the same for all); target(row)
    gives the training label (None: the trainer's, a major error); AUC is always against a major error."""
    train_rows = np.ones(len(TR), bool) if train_rows is None else train_rows
    X = matrix(TR, src, extra)
    T = Y if target is None else np.array([target(t[3]) for t in TR], float)
    lodo = []
    for d in sorted(set(D)):
        Xd = X if extra_for is None else matrix(TR, src, extra_for(d))
        tr, te = (D != d) & train_rows, (D == d) & ~HUMAN
        lodo.append((d, auc(fit(Xd[tr], T[tr])(Xd[te]), Y[te])))
    m = fit(X[train_rows], T[train_rows])
    dev = []
    for f in DEV:
        ts = [t for t in data if t[0] == f]
        dev.append(auc(m(matrix(ts, src, extra)), [t[2] for t in ts]))
    print(f"{label:46s} {'with source' if src else 'no source  '}  lodo {np.mean([a for _, a in lodo]):.5f} ("
          + ' '.join(f'{d} {a:.3f}' for d, a in lodo) + f")  dev biomqm {dev[0]:.3f} wmt23 {dev[1]:.3f}", flush=True)


# Round eleven: the same features, trained on a denser label than "a major error" (AUC still against it)
TARGETS = [('trained on the share of annotators (round 11)', soft_major),
           ('trained on any error (round 11)', any_error),
           ('trained on the MQM penalty, k 10 (round 11)', penalty),
           ('trained on the MQM penalty, k 5 (round 11)', lambda r: penalty(r, 5.0)),
           ('trained on the mean of major and penalty (11)', lambda r: (soft_major(r) + penalty(r)) / 2)]
ONLY_TARGETS = '--targets' in sys.argv


def main():
    major_lex, error_lex = lexicon(vocabulary_half, major), lexicon(vocabulary_half, error)
    without = {d: (lexicon([r for r in vocabulary_half if domain(r) != d], major),
                   lexicon([r for r in vocabulary_half if domain(r) != d], error)) for d in sorted(set(D))}
    for src in (False, True):
        probe('shipped features', src)
        if ONLY_TARGETS:
            for label, target in TARGETS: probe(label, src, target=target)
            continue
        probe('+ lexicon, major spans', src, lexicon_features(major_lex))
        probe('+ lexicon, major spans, held-out domain unseen', src, lexicon_features(major_lex),
              lambda d: lexicon_features(without[d][0]))
        probe('+ lexicon, any error span', src, lexicon_features(error_lex))
        probe('+ lexicon, any error span, held-out domain unseen', src, lexicon_features(error_lex),
              lambda d: lexicon_features(without[d][1]))
        if src: probe('+ source punctuation and sentences', src, source_punctuation)
        if src: probe('+ source difficulty and cognates (round eight)', src, source_difficulty)
        if src: probe('+ source difficulty, no cognates', src, lambda x, r: source_difficulty(x, r)[:5])
        if src: probe('+ cognates only', src, lambda x, r: source_difficulty(x, r)[5:])
        probe('+ length interactions', src, interactions)
        probe('fitted on machine translations only', src, train_rows=~HUMAN)
        probe('+ CJK source language (--from), no original', src, lambda x, r: source_language(x, r)[:1])
        probe('+ the same and its interactions', src, source_language)
        probe('+ place in the document (round nine, 4)', src, position)
        probe('+ first segment of its document only', src, lambda x, r: position(x, r)[1:2])
        for label, target in TARGETS: probe(label, src, target=target)
    # a model of its own for Chinese originals: fitted on the zh-en training rows only
    ZH = np.array([t[3]['pair'] == 'zh-en' for t in TR])
    for src in (False, True):
        X = matrix(TR, src, lambda x, r: [])
        ts = [t for t in data if t[0] == DEV[1]]
        Xd, yd = matrix(ts, src, lambda x, r: []), [t[2] for t in ts]
        out = []
        for d in ('bio-zh-en', 'ted'):
            te = (D == d) & ~HUMAN
            out.append(f"{d} pooled {auc(fit(X[D != d], Y[D != d])(X[te]), Y[te]):.3f} "
                       f"zh-only {auc(fit(X[(D != d) & ZH], Y[(D != d) & ZH])(X[te]), Y[te]):.3f}")
        print(f"{'zh-en model of its own':46s} {'with source' if src else 'no source  '}  lodo " + '; '.join(out)
              + f"  dev wmt23 pooled {auc(fit(X, Y)(Xd), yd):.3f} zh-only {auc(fit(X[ZH], Y[ZH])(Xd), yd):.3f}", flush=True)


if __name__ == '__main__':
    main()
