import { Rng, matrixFromRows } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pooCostMatrix } from './cost-matrix.js';
import { greedyInit } from './greedy.js';

const col = (xs: number[]) => matrixFromRows(xs.map((x) => [x]));

/** Reference: naive facility-location greedy maximising Σ_j max_{i∈S} (1 − C_ij), ties → lower index. */
function facilityLocationGreedy(c: Matrix, k: number): number[] {
  const S: number[] = [];
  const best = new Float64Array(c.cols).fill(-Infinity);
  for (let step = 0; step < k; step++) {
    let pick = -1;
    let pickVal = -Infinity;
    for (let e = 0; e < c.rows; e++) {
      if (S.includes(e)) continue;
      let f = 0;
      for (let j = 0; j < c.cols; j++) f += Math.max(best[j], 1 - c.data[e * c.cols + j]);
      if (f > pickVal + 1e-12) {
        pickVal = f;
        pick = e;
      }
    }
    S.push(pick);
    for (let j = 0; j < c.cols; j++) best[j] = Math.max(best[j], 1 - c.data[pick * c.cols + j]);
  }
  return S;
}

/** The spec's pseudo-code, written directly (direct sums, ties → lower index, over-picking, guard). */
function specGreedy(c: Matrix, n: number): number[] {
  const N = c.rows;
  const M = c.cols;
  const at = (i: number, j: number) => c.data[i * M + j];
  if (n >= N) return Array.from({ length: N }, (_, i) => i);
  const rowSum = (i: number) =>
    Array.from({ length: M }, (_, j) => at(i, j)).reduce((s, x) => s + x, 0);
  let first = 0;
  for (let i = 1; i < N; i++) if (rowSum(i) < rowSum(first)) first = i;
  const S = [first];
  const m = Array.from({ length: M }, (_, j) => at(first, j));
  const argminOver = (rows: number[], j: number) =>
    rows.reduce((b, i) => (at(i, j) < at(b, j) ? i : b), rows[0]);
  const all = Array.from({ length: N }, (_, i) => i);
  const many = new Set(Array.from({ length: M }, (_, j) => argminOver(all, j))).size > n;
  for (;;) {
    if (S.length >= n) {
      const A = new Set(Array.from({ length: M }, (_, j) => argminOver(S, j)));
      if (A.size >= n || !many) return many ? S.filter((i) => A.has(i)) : S;
      if (S.length === N) {
        const out = S.filter((i) => A.has(i));
        for (const i of S) if (out.length < n && !A.has(i)) out.push(i);
        return out;
      }
    }
    let e = -1;
    let best = Infinity;
    for (let i = 0; i < N; i++) {
      if (S.includes(i)) continue;
      let s = 0;
      for (let j = 0; j < M; j++) s += Math.min(at(i, j), m[j]);
      if (s < best) {
        best = s;
        e = i;
      }
    }
    S.push(e);
    for (let j = 0; j < M; j++) m[j] = Math.min(m[j], at(e, j));
  }
}

describe('greedyInit', () => {
  it('picks [2, 3] on the spec POO vector', () => {
    const cost = pooCostMatrix({
      trainEmbeddings: col([0, 1, 2, 10]),
      validEmbeddings: col([0, 2, 10]),
      gradNorms: [4, 2, 4, 4],
      lambda: 0.2,
    });
    expect(Array.from(greedyInit(cost, 2).indices)).toEqual([2, 3]);
  });

  it('over-picks and drops the inactive row (spec: [4, 1, 0, 2] → [1, 0, 2])', () => {
    const cost = pooCostMatrix({
      trainEmbeddings: col([9, 2, 0, 8, 6]),
      validEmbeddings: col([9, 2, 8, 10, 3, 0]),
      lambda: 0,
    });
    const res = greedyInit(cost, 3);
    expect(Array.from(res.picks)).toEqual([4, 1, 0, 2]);
    expect(Array.from(res.indices)).toEqual([1, 0, 2]);
    expect(Array.from(greedyInit(cost, 3, { dropInactive: false }).indices)).toEqual([4, 1, 0]);
  });

  it('guards the exact-tie case (spec: picks [2, 3, 0, 1], active {2, 3} → [2, 3, 0])', () => {
    const cost = pooCostMatrix({
      trainEmbeddings: col([8, 0, 6, 10]),
      validEmbeddings: col([10, 5, 3, 9, 4]),
      lambda: 0,
    });
    const res = greedyInit(cost, 3);
    expect(Array.from(res.picks)).toEqual([2, 3, 0, 1]);
    expect(Array.from(res.indices)).toEqual([2, 3, 0]);
  });

  it('reports progress and honours an abort signal', () => {
    const cost = pooCostMatrix({
      trainEmbeddings: col([9, 2, 0, 8, 6]),
      validEmbeddings: col([9, 2, 8, 10, 3, 0]),
      lambda: 0,
    });
    const seen: number[] = [];
    greedyInit(cost, 3, { onProgress: (e) => seen.push(e.completed) });
    expect(seen).toEqual([1, 2, 3]);
    const controller = new AbortController();
    controller.abort();
    expect(() => greedyInit(cost, 3, { signal: controller.signal })).toThrowError(/aborted/);
  });

  it('returns every row when the budget covers them', () => {
    expect(Array.from(greedyInit(matrixFromRows([[0.5], [0.1]]), 2).indices)).toEqual([0, 1]);
  });

  it('follows the spec pseudo-code exactly on tie-heavy discrete costs (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const rng = Rng.fromSeed(seed);
        const N = 2 + rng.int(12);
        const M = 1 + rng.int(8);
        const k = 1 + rng.int(N);
        const data = Float64Array.from({ length: N * M }, () => rng.int(4) / 10);
        const c = { rows: N, cols: M, data };
        expect(Array.from(greedyInit(c, k).indices)).toEqual(specGreedy(c, k));
      }),
      { seed: 24, numRuns: 300 },
    );
  });

  it('matches a brute-force facility-location greedy on its first n picks (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const rng = Rng.fromSeed(seed);
        const N = 3 + rng.int(10);
        const M = 1 + rng.int(8);
        const k = 1 + rng.int(N - 1);
        const data = new Float64Array(N * M);
        for (let t = 0; t < data.length; t++) data[t] = rng.uniform();
        const c = { rows: N, cols: M, data };
        const res = greedyInit(c, k, { dropInactive: false });
        expect(Array.from(res.indices)).toEqual(facilityLocationGreedy(c, k));
        const full = greedyInit(c, k);
        expect(full.indices.length).toBe(k);
        expect(new Set(full.indices).size).toBe(k);
        expect(Array.from(full.picks.slice(0, k))).toEqual(facilityLocationGreedy(c, k));
      }),
      { seed: 21, numRuns: 200 },
    );
  });
});
