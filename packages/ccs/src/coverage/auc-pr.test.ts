import { Rng, isCoresetError, matrixFromRows, type Matrix } from '@coresets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aucPr, nearestCoresetDistances } from './auc-pr.js';

function randomMatrix(rng: Rng, rows: number, cols: number): Matrix<Float64Array> {
  return { rows, cols, data: rng.fillNormal(new Float64Array(rows * cols)) };
}

function bruteForce(reference: Matrix, features: Matrix, indices: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < reference.rows; i++) {
    let best = Infinity;
    for (let t = 0; t < indices.length; t++) {
      let s = 0;
      for (let k = 0; k < reference.cols; k++) {
        const diff =
          reference.data[i * reference.cols + k] - features.data[indices[t] * features.cols + k];
        s += diff * diff;
      }
      best = Math.min(best, Math.sqrt(s));
    }
    total += best;
  }
  return total / reference.rows;
}

describe('aucPr', () => {
  it('is the mean distance to the nearest coreset point (hand example)', () => {
    const features = matrixFromRows([
      [0, 0],
      [10, 0],
      [0, 10],
    ]);
    const reference = matrixFromRows([
      [3, 4],
      [10, 1],
      [0, 7],
    ]);
    expect(Array.from(nearestCoresetDistances({ reference, features, indices: [0, 1] }))).toEqual([
      5, 1, 7,
    ]);
    expect(aucPr({ reference, features, indices: [0, 1] })).toBeCloseTo(13 / 3, 12);
    expect(aucPr({ reference, features, indices: [0, 1, 2] })).toBeCloseTo((5 + 1 + 3) / 3, 12);
  });

  it('matches a brute-force loop for any block size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer(),
        (nRef, nFeat, dim, blockRows, seed) => {
          const rng = Rng.fromSeed(seed);
          const reference = randomMatrix(rng, nRef, dim);
          const features = randomMatrix(rng, nFeat, dim);
          const indices = rng.sampleWithoutReplacement(nFeat, 1 + rng.int(nFeat));
          const expected = bruteForce(reference, features, indices);
          expect(aucPr({ reference, features, indices }, { blockRows })).toBeCloseTo(expected, 9);
        },
      ),
      { seed: 1234, numRuns: 150 },
    );
  });

  it('is never lower for a subset than for the full set', () => {
    const rng = Rng.fromSeed(3);
    const reference = randomMatrix(rng, 50, 4);
    const features = randomMatrix(rng, 80, 4);
    const full = aucPr({ reference, features, indices: rng.permutation(80) });
    for (let t = 0; t < 20; t++) {
      const subset = rng.sampleWithoutReplacement(80, 1 + rng.int(80));
      expect(aucPr({ reference, features, indices: subset })).toBeGreaterThanOrEqual(full);
    }
  });

  it('reports progress per block and validates its input', () => {
    const rng = Rng.fromSeed(4);
    const reference = randomMatrix(rng, 10, 3);
    const features = randomMatrix(rng, 5, 3);
    const seen: number[] = [];
    aucPr(
      { reference, features, indices: [0, 2] },
      { blockRows: 4, onProgress: (e) => seen.push(e.completed) },
    );
    expect(seen).toEqual([4, 8, 10]);
    const argOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return isCoresetError(e) ? `${e.code}:${e.argument}` : 'other';
      }
      return undefined;
    };
    expect(argOf(() => aucPr({ reference, features, indices: [] }))).toBe(
      'INVALID_ARGUMENT:indices',
    );
    expect(argOf(() => aucPr({ reference, features, indices: [5] }))).toBe('OUT_OF_RANGE:indices');
    expect(argOf(() => aucPr({ reference: randomMatrix(rng, 2, 2), features, indices: [0] }))).toBe(
      'SHAPE_MISMATCH:reference',
    );
  });
});
