import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixFromRows, type Matrix } from '../matrix/matrix.js';
import { Rng } from '../random/rng.js';
import { assertAllClose } from '../testing/close.js';
import type { DistanceMetric } from './metric.js';
import { forEachDistanceBlock, pairwiseDistances } from './pairwise.js';

function bruteForce(a: Matrix, b: Matrix, metric: DistanceMetric): Float64Array {
  const out = new Float64Array(a.rows * b.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.rows; j++) {
      let dot = 0;
      let na = 0;
      let nb = 0;
      let l1 = 0;
      let sq = 0;
      for (let k = 0; k < a.cols; k++) {
        const x = a.data[i * a.cols + k];
        const y = b.data[j * b.cols + k];
        dot += x * y;
        na += x * x;
        nb += y * y;
        l1 += Math.abs(x - y);
        sq += (x - y) ** 2;
      }
      const v = {
        sqeuclidean: sq,
        euclidean: Math.sqrt(sq),
        l1,
        dot,
        cosine: na > 0 && nb > 0 ? 1 - dot / Math.sqrt(na * nb) : 1,
      }[metric];
      out[i * b.rows + j] = v;
    }
  }
  return out;
}

function randomMatrix(rng: Rng, rows: number, cols: number): Matrix<Float64Array> {
  const data = new Float64Array(rows * cols);
  rng.fillNormal(data);
  return { rows, cols, data };
}

describe('pairwiseDistances', () => {
  it('gives exact values on a hand-computed example', () => {
    const a = matrixFromRows([
      [0, 0],
      [3, 4],
    ]);
    const b = matrixFromRows([
      [1, 0],
      [0, 2],
      [3, 4],
    ]);
    expect(Array.from(pairwiseDistances(a, b, { metric: 'sqeuclidean' }).data)).toEqual([1, 4, 25, 20, 13, 0]);
    expect(Array.from(pairwiseDistances(a, b, { metric: 'euclidean' }).data)).toEqual([1, 2, 5, Math.sqrt(20), Math.sqrt(13), 0]);
    expect(Array.from(pairwiseDistances(a, b, { metric: 'l1' }).data)).toEqual([1, 2, 7, 6, 5, 0]);
    expect(Array.from(pairwiseDistances(a, b, { metric: 'dot' }).data)).toEqual([0, 0, 0, 3, 8, 25]);
    const cos = pairwiseDistances(a, b, { metric: 'cosine' }).data;
    // Row 0 is the zero vector: distance 1 to everything by convention.
    assertAllClose(cos, [1, 1, 1, 1 - 3 / 5, 1 - 8 / 10, 0], { atol: 1e-15 });
  });

  it.each<DistanceMetric>(['sqeuclidean', 'euclidean', 'l1', 'cosine', 'dot'])(
    'matches a brute-force loop for %s in any block size',
    (metric) => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (n, m, blockRows, seed) => {
          const rng = Rng.fromSeed(seed);
          const a = randomMatrix(rng, n, 4);
          const b = randomMatrix(rng, m, 4);
          const expected = bruteForce(a, b, metric);
          const got = pairwiseDistances(a, b, { metric, blockRows }).data;
          assertAllClose(got, expected, { rtol: 1e-10, atol: 1e-12 });
        }),
        { seed: 20261127, numRuns: 60 },
      );
    },
  );

  it('has an exactly zero diagonal for a set against itself', () => {
    const a = randomMatrix(Rng.fromSeed(2), 6, 3);
    for (const metric of ['sqeuclidean', 'euclidean', 'l1', 'cosine'] as const) {
      const d = pairwiseDistances(a, undefined, { metric });
      for (let i = 0; i < 6; i++) expect(d.data[i * 6 + i]).toBe(0);
    }
  });

  it('visits blocks that respect the memory bound and cover every row once', () => {
    const a = randomMatrix(Rng.fromSeed(3), 50, 2);
    const starts: number[] = [];
    forEachDistanceBlock(a, undefined, { maxBlockBytes: 8 * 50 * 7 }, (start, block) => {
      expect(block.rows).toBeLessThanOrEqual(7);
      expect(block.data.length).toBe(block.rows * 50);
      starts.push(start);
    });
    expect(starts).toEqual([0, 7, 14, 21, 28, 35, 42, 49]);
  });

  it('rejects mismatched columns and unknown metrics by name', () => {
    const a = matrixFromRows([[1, 2]]);
    const b = matrixFromRows([[1, 2, 3]]);
    expect(() => pairwiseDistances(a, b)).toThrow(/a has 2 columns but b has 3/);
    expect(() => pairwiseDistances(a, a, { metric: 'manhattan' as DistanceMetric })).toThrow(/metric must be one of/);
  });
});
