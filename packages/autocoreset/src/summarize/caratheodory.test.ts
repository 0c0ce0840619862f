import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCoresetError } from '@coresets/core';
import { firstMismatch } from '@coresets/core/testing';
import { columnSums, randomMatrix, weightedColumnSums } from '../__fixtures__/synthetic.js';
import { caratheodoryStep, caratheodorySummary } from './caratheodory.js';

describe('caratheodoryStep', () => {
  it('keeps at most t + 1 points and preserves the weighted sum and the total weight', () => {
    const points = randomMatrix(30, 4, 1, -1, 1);
    const w = Float64Array.from({ length: 30 }, (_, i) => 0.5 + (i % 7) / 7);
    const u = caratheodoryStep(points, w);
    const kept = [...u.keys()].filter((i) => u[i] > 0);
    expect(kept.length).toBeLessThanOrEqual(5);
    expect(u.every((v) => v >= 0)).toBe(true);
    const all = Int32Array.from({ length: 30 }, (_, i) => i);
    // rtol 1e-9: the step is exact up to float rounding.
    expect(
      firstMismatch(weightedColumnSums(points, all, u), weightedColumnSums(points, all, w), {
        rtol: 1e-9,
        atol: 1e-12,
      }),
    ).toBeUndefined();
    expect(u.reduce((a, b) => a + b, 0)).toBeCloseTo(
      w.reduce((a, b) => a + b, 0),
      10,
    );
  });

  it('leaves t + 1 or fewer non-zero weights untouched', () => {
    const points = randomMatrix(4, 3, 2);
    const w = Float64Array.of(1, 2, 3, 4);
    expect(Array.from(caratheodoryStep(points, w))).toEqual([1, 2, 3, 4]);
  });
});

describe('caratheodorySummary', () => {
  it('spec vector: 50 × 4 non-negative, budget 10 → ≤ 10 points, u > 0, exact column sums', () => {
    const points = randomMatrix(50, 4, 3);
    const s = caratheodorySummary(points, 10);
    expect(s.indices.length).toBeLessThanOrEqual(10);
    expect(s.weights.every((u) => u > 0)).toBe(true);
    expect(new Set(s.indices).size).toBe(s.indices.length);
    expect(
      firstMismatch(weightedColumnSums(points, s.indices, s.weights), columnSums(points), {
        rtol: 1e-9,
      }),
    ).toBeUndefined();
  });

  it('reduces 3,000 rows to ≤ t + 1 with the sum kept to 1e-6 relative', () => {
    const points = randomMatrix(3000, 6, 4, 0, 5);
    const s = caratheodorySummary(points, 7);
    expect(s.indices.length).toBeLessThanOrEqual(7);
    expect(
      firstMismatch(weightedColumnSums(points, s.indices, s.weights), columnSums(points), {
        rtol: 1e-6,
      }),
    ).toBeUndefined();
    // Indices come back in data order.
    expect(Array.from(s.indices)).toEqual(Array.from(s.indices).sort((a, b) => a - b));
  });

  it('weighted-means grouping also preserves the total weight n', () => {
    const points = randomMatrix(400, 3, 5);
    const s = caratheodorySummary(points, 6, { grouping: 'weighted-means' });
    expect(s.indices.length).toBeLessThanOrEqual(6);
    expect(s.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(400, 8);
    expect(
      firstMismatch(weightedColumnSums(points, s.indices, s.weights), columnSums(points), {
        rtol: 1e-9,
      }),
    ).toBeUndefined();
  });

  it('returns a class no larger than the budget unchanged with unit weights', () => {
    const points = randomMatrix(5, 4, 6);
    const s = caratheodorySummary(points, 5);
    expect(Array.from(s.indices)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(s.weights)).toEqual([1, 1, 1, 1, 1]);
  });

  it('handles rank-deficient loss vectors (duplicates, a line in ℝ³)', () => {
    const n = 200;
    const data = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      const s = i % 17;
      data.set([s, 2 * s, 3 * s + 1], i * 3);
    }
    const points = { rows: n, cols: 3, data };
    const s = caratheodorySummary(points, 4);
    expect(s.indices.length).toBeLessThanOrEqual(4);
    expect(
      firstMismatch(weightedColumnSums(points, s.indices, s.weights), columnSums(points), {
        rtol: 1e-9,
      }),
    ).toBeUndefined();
    const same = { rows: 50, cols: 2, data: new Float64Array(100).fill(3) };
    const t = caratheodorySummary(same, 3);
    expect(t.weights.reduce((a, b) => a + b, 0) * 3).toBeCloseTo(150, 9);
  });

  it('rejects a budget below t + 1 with INFEASIBLE', () => {
    const points = randomMatrix(20, 4, 7);
    expect(() => caratheodorySummary(points, 4)).toThrow(
      expect.objectContaining({ code: 'INFEASIBLE', argument: 'budget' }),
    );
    try {
      caratheodorySummary(points, 4);
    } catch (e) {
      expect(isCoresetError(e, 'INFEASIBLE')).toBe(true);
    }
  });

  it('property: any non-negative matrix keeps its column sums (seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 120 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (n, t, seed) => {
          const points = randomMatrix(n, t, seed, 0, 10);
          const budget = t + 1;
          const s = caratheodorySummary(points, budget);
          return (
            s.indices.length <= budget &&
            s.weights.every((u) => u > 0) &&
            firstMismatch(weightedColumnSums(points, s.indices, s.weights), columnSums(points), {
              rtol: 1e-8,
            }) === undefined
          );
        },
      ),
      { seed: 20260127, numRuns: 40 },
    );
  });
});
