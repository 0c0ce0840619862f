"""Derives the facility-location goldens for the digits parity test.

An independent, deliberately plain numpy implementation of the spec's naive greedy
(apricot itself is not installable offline). Ties go to the lower index (np.argmax
returns the first maximum). Run from this folder: python3 derive_digits_goldens.py
"""
import gzip
import json

import numpy as np

with gzip.open("digits.csv.gz", "rt") as f:
    rows = [list(map(float, line.split(","))) for line in f if line.strip()]
X = np.array(rows)[:, :64]
assert X.shape == (1797, 64)


def greedy(S, k):
    cur = np.zeros(S.shape[0])
    picks, gains = [], []
    for _ in range(k):
        g = np.maximum(S - cur[:, None], 0).sum(axis=0)  # column j = candidate j
        g[picks] = -np.inf
        j = int(np.argmax(g))
        picks.append(j)
        gains.append(float(g[j]))
        cur = np.maximum(cur, S[:, j])
    return picks, gains


def cos_sq(Z):
    norms = np.sqrt((Z * Z).sum(axis=1))
    U = Z / np.where(norms > 0, norms, 1)[:, None]
    return (U @ U.T) ** 2


sq = (X * X).sum(axis=1)
D2 = np.maximum(sq[:, None] + sq[None, :] - 2 * X @ X.T, 0)
np.fill_diagonal(D2, 0)
out = {}
for name, S in [
    ("maxMinusSqEuclidean", D2.max() - D2),
    ("cosineSquared", cos_sq(X)),
    ("correlationSquared", cos_sq(X - X.mean(axis=1, keepdims=True))),
]:
    picks, gains = greedy(S, 100)
    out[name] = {"indices": picks, "gains": gains}

with open("digits-facility-location-goldens.json", "w") as f:
    json.dump(out, f)
