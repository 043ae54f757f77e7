#!/usr/bin/env python3
"""Logistic regression against gradient-boosted trees on the risk model's segment features.

Reads target/risk/features.jsonl (written by ./scripts/train-risk.sh: fit and calibration rows of
../shared/train with their slice, and the dev rows) and prints segment major-error ROC AUC on the
held-out calibration slice of train (which picks) and on the dev corpora (reported, not used to
pick). Needs Python 3 and numpy; takes about a minute:  python3 scripts/risk-compare-gbt.py
"""
import json, collections, sys
import numpy as np

rows = collections.defaultdict(list)
for line in open(sys.argv[1] if len(sys.argv) > 1 else 'target/risk/features.jsonl'):
    o = json.loads(line)
    rows[o['corpus']].append(o)
names = sorted({k for c in rows for o in rows[c] for k in o['x']})
fit = [c for c in rows if c.startswith('fit:')]
cal = [c for c in rows if c.startswith('cal:')]
DEV = ['biomqm-fr-en.dev.jsonl', 'wmt23-zh-en-news.dev.jsonl']


def auc(s, y):
    s = np.asarray(s, float); y = np.asarray(y, bool)
    order = np.argsort(s, kind='mergesort'); ss = s[order]
    ranks = np.empty(len(s)); r = np.arange(1, len(s) + 1, dtype=float); i = 0
    while i < len(ss):
        j = i
        while j + 1 < len(ss) and ss[j + 1] == ss[i]: j += 1
        r[i:j + 1] = (i + j + 2) / 2; i = j + 1
    ranks[order] = r
    n1 = y.sum(); n0 = len(y) - n1
    return (ranks[y].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)


def mat(cs, feat):
    R = [o for c in cs for o in rows[c]]
    return np.array([[o['x'].get(n, 0) for n in feat] for o in R]), np.array([o['y'] for o in R], float)


def lr(X, y, lam=100.0):
    """L2 logistic regression on standardized features, Newton's method (as Logistic.java)."""
    mu = X.mean(0); sd = X.std(0); sd[sd < 1e-9] = 1
    Z = np.hstack([(X - mu) / sd, np.ones((len(X), 1))]); w = np.zeros(Z.shape[1]); d = len(w) - 1
    for _ in range(30):
        p = 1 / (1 + np.exp(-Z @ w)); g = Z.T @ (p - y); g[:d] += lam * w[:d]
        H = (Z * (p * (1 - p))[:, None]).T @ Z; H[np.arange(d), np.arange(d)] += lam
        w -= np.linalg.solve(H, g)
    return lambda X2: np.hstack([(X2 - mu) / sd, np.ones((len(X2), 1))]) @ w


def gbt(X, y, n=150, depth=2, rate=0.05, minleaf=50, bins=32):
    """Second-order gradient boosting of log-loss on quantile-binned features."""
    edges = [np.unique(np.quantile(X[:, j], np.linspace(0, 1, bins + 1)[1:-1])) for j in range(X.shape[1])]
    binned = lambda A: np.stack([np.searchsorted(edges[j], A[:, j], side='right') for j in range(A.shape[1])], 1)
    B = binned(X); base = np.log(y.mean() / (1 - y.mean())); F = np.full(len(y), base); trees = []

    def build(idx, level, g, h):
        G = g[idx].sum(); H = h[idx].sum(); best = None
        if level < depth and len(idx) >= 2 * minleaf:
            for j in range(X.shape[1]):
                gb = np.bincount(B[idx, j], g[idx], bins + 1); hb = np.bincount(B[idx, j], h[idx], bins + 1)
                cb = np.bincount(B[idx, j], None, bins + 1)
                gl = np.cumsum(gb)[:-1]; hl = np.cumsum(hb)[:-1]; cl = np.cumsum(cb)[:-1]
                gain = gl ** 2 / (hl + 1) + (G - gl) ** 2 / (H - hl + 1) - G ** 2 / (H + 1)
                gain[(cl < minleaf) | (len(idx) - cl < minleaf)] = -1
                k = int(np.argmax(gain))
                if gain[k] > 0 and (best is None or gain[k] > best[0]): best = (gain[k], j, k)
        if best is None: return ('leaf', -G / (H + 1.0))
        _, j, k = best; m = B[idx, j] <= k
        return ('split', j, k, build(idx[m], level + 1, g, h), build(idx[~m], level + 1, g, h))

    def predict(t, Bx):
        out = np.zeros(len(Bx))
        def walk(t, idx):
            if t[0] == 'leaf': out[idx] = t[1]; return
            m = Bx[idx, t[1]] <= t[2]; walk(t[3], idx[m]); walk(t[4], idx[~m])
        walk(t, np.arange(len(Bx))); return out

    for _ in range(n):
        p = 1 / (1 + np.exp(-F)); t = build(np.arange(len(y)), 0, p - y, p * (1 - p))
        trees.append(t); F += rate * predict(t, B)
    return lambda X2: base + rate * sum(predict(t, binned(X2)) for t in trees)


for label, feat in [('no source', [n for n in names if not n.startswith('src_')]), ('with source', names)]:
    X, y = mat(fit, feat); Xc, yc = mat(cal, feat)
    for model, make in [('logistic regression', lambda: lr(X, y)),
                        ('GBT depth 2, 150 trees', lambda: gbt(X, y)),
                        ('GBT depth 3, 300 trees', lambda: gbt(X, y, n=300, depth=3, rate=0.03, minleaf=80))]:
        m = make()
        out = ['%-11s %-24s calibration slice %.3f' % (label, model, auc(m(Xc), yc))]
        for c in DEV:
            Xd, yd = mat([c], feat); out.append('%s %.3f' % (c.split('.')[0], auc(m(Xd), yd)))
        print(' | '.join(out), flush=True)
