import { Rng, matrixFromRows } from '@coresets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pooCostMatrix } from './cost-matrix.js';
import { dualScores, kthSmallest } from './dual-scores.js';
import { emd } from './ot/emd.js';

const col = (xs: number[]) => matrixFromRows(xs.map((x) => [x]));
const specCost = () =>
  pooCostMatrix({
    trainEmbeddings: col([0, 1, 2, 10]),
    validEmbeddings: col([0, 2, 10]),
    gradNorms: [4, 2, 4, 4],
    lambda: 0.2,
  });

describe('dualScores', () => {
  it('gives the spec scores at S = [2, 3]', () => {
    const F = dualScores(specCost(), [2, 3], [-0.3, 0.5]);
    expect(Array.from(F)).toEqual([
      expect.closeTo(-0.183333333333, 10),
      expect.closeTo(-0.116666666667, 10),
      expect.closeTo(-0.15, 10),
      expect.closeTo(-0.283333333333, 10),
    ]);
    const ref = dualScores(specCost(), [2, 3], [-0.3, 0.5], { selfExclusion: false });
    expect(ref[3]).toBeCloseTo(0.25, 12);
  });

  it('gives the spec threshold vector (F₁ = 0.25, F₂ = 0.15; reference F₁ = −0.25)', () => {
    const c = matrixFromRows([
      [0.5, 0.5, 0.5, 0.5],
      [0, 0, 1, 1],
      [0.4, 0.4, 0.4, 0.4],
    ]);
    const F = dualScores(c, [0], [0.25]);
    expect(F[1]).toBeCloseTo(0.25, 12);
    expect(F[2]).toBeCloseTo(0.15, 12);
    expect(dualScores(c, [0], [0.25], { threshold: 'reference' })[1]).toBeCloseTo(-0.25, 12);
  });

  it('uses the solver column duals as c-transform, and y at the R-th smallest maximises F (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const rng = Rng.fromSeed(seed);
        const N = 4 + rng.int(8);
        const M = 2 + rng.int(9);
        const k = 1 + rng.int(N - 1);
        const data = new Float64Array(N * M);
        for (let t = 0; t < data.length; t++) data[t] = rng.uniform();
        const c = { rows: N, cols: M, data };
        const S = Array.from(rng.sampleWithoutReplacement(N, k));
        const sub = { rows: k, cols: M, data: new Float64Array(k * M) };
        S.forEach((i, p) => sub.data.set(data.subarray(i * M, i * M + M), p * M));
        const ot = emd(sub);
        // The solver's v equals the c-transform of its u.
        for (let j = 0; j < M; j++) {
          let v = Infinity;
          for (let p = 0; p < k; p++) v = Math.min(v, sub.data[p * M + j] - ot.u[p]);
          expect(Math.abs(v - ot.v[j])).toBeLessThanOrEqual(1e-12);
        }
        const F = dualScores(c, S, ot.u, { selfExclusion: false });
        const R = Math.ceil(M / k);
        for (let i = 0; i < N; i++) {
          const r = Array.from({ length: M }, (_, j) => data[i * M + j] - ot.v[j]);
          const Fy = (y: number) => r.reduce((s, x) => s + Math.min(x - y, 0), 0) / M + y / k;
          const sorted = [...r].sort((x, y) => x - y);
          expect(Math.abs(F[i] - Fy(sorted[R - 1]))).toBeLessThanOrEqual(1e-12);
          for (const y of [...r, sorted[0] - 1, sorted[M - 1] + 1])
            expect(Fy(y)).toBeLessThanOrEqual(F[i] + 1e-12);
        }
      }),
      { seed: 22, numRuns: 100 },
    );
  });
});

describe('kthSmallest', () => {
  it('agrees with sorting', () => {
    const rng = Rng.fromSeed(3);
    for (let t = 0; t < 200; t++) {
      const n = 1 + rng.int(30);
      const x = Float64Array.from({ length: n }, () => rng.int(5));
      const sorted = Array.from(x).sort((a, b) => a - b);
      const r = rng.int(n);
      expect(kthSmallest(x.slice(), r)).toBe(sorted[r]);
    }
  });
});
