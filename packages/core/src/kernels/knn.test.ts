import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../matrix/matrix.js';
import { Rng } from '../random/rng.js';
import { knn } from './knn.js';
import { pairwiseDistances } from './pairwise.js';

describe('knn', () => {
  it('finds neighbours on a line with ties broken toward the lower index', () => {
    // Points 0, 1, 2, 3 on a line; point 1 is equally far from 0 and 2.
    const x = matrixFromRows([[0], [1], [2], [3]]);
    const r = knn(x, undefined, 2, { excludeSelf: true, metric: 'euclidean' });
    expect(Array.from(r.indices)).toEqual([1, 2, 0, 2, 1, 3, 2, 1]);
    expect(Array.from(r.distances)).toEqual([1, 2, 1, 1, 1, 1, 1, 2]);
  });

  it('matches sorting the full distance matrix (stable by index)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 25 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (n, k0, seed) => {
        const rng = Rng.fromSeed(seed);
        // Integer coordinates create many exact ties.
        const data = new Float64Array(n * 2).map(() => rng.int(4));
        const x = { rows: n, cols: 2, data };
        const k = Math.min(k0, n);
        const r = knn(x, undefined, k, { maxBlockBytes: 8 * n * 3 });
        const d = pairwiseDistances(x, undefined).data;
        for (let i = 0; i < n; i++) {
          const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => d[i * n + a] - d[i * n + b] || a - b);
          expect(Array.from(r.indices.subarray(i * k, (i + 1) * k))).toEqual(order.slice(0, k));
        }
      }),
      { seed: 7, numRuns: 80 },
    );
  });

  it('ranks by largest similarity for the dot metric', () => {
    const q = matrixFromRows([[1, 0]]);
    const ref = matrixFromRows([
      [0.5, 0],
      [3, 0],
      [-1, 0],
      [3, 1],
    ]);
    const r = knn(q, ref, 3, { metric: 'dot' });
    expect(Array.from(r.indices)).toEqual([1, 3, 0]);
    expect(Array.from(r.distances)).toEqual([3, 3, 0.5]);
  });

  it('rejects k outside the available range', () => {
    const x = matrixFromRows([[0], [1]]);
    expect(() => knn(x, undefined, 2, { excludeSelf: true })).toThrow(/k must be an integer in \[1, 1\]/);
    expect(() => knn(x, undefined, 0)).toThrow(/k must be/);
  });
});
