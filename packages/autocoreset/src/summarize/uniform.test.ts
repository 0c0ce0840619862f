import { describe, expect, it } from 'vitest';
import { Rng } from '@coresets/core';
import { columnSums, randomMatrix, weightedColumnSums } from '../__fixtures__/synthetic.js';
import { uniformSummary } from './uniform.js';

describe('uniformSummary', () => {
  it('folds duplicates: unique ascending ids, weights count·n/m summing to n', () => {
    const points = randomMatrix(10, 2, 3);
    const s = uniformSummary(points, 25, Rng.fromSeed(4));
    const ids = Array.from(s.indices);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    expect(s.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 12);
    for (const u of s.weights) {
      const count = u / (10 / 25);
      expect(Math.abs(count - Math.round(count))).toBeLessThan(1e-9);
      expect(Math.round(count)).toBeGreaterThanOrEqual(1);
    }
  });

  it('is unbiased: the mean over 2,000 draws is within 3 standard errors of the true sum', () => {
    const points = randomMatrix(30, 2, 21, 0, 3);
    const truth = columnSums(points);
    const draws = 2000;
    const rng = Rng.fromSeed(22);
    const sum = new Float64Array(2);
    const sumSq = new Float64Array(2);
    for (let r = 0; r < draws; r++) {
      const s = uniformSummary(points, 4, rng);
      const est = weightedColumnSums(points, s.indices, s.weights);
      for (let j = 0; j < 2; j++) {
        sum[j] += est[j];
        sumSq[j] += est[j] ** 2;
      }
    }
    for (let j = 0; j < 2; j++) {
      const mean = sum[j] / draws;
      const se = Math.sqrt((sumSq[j] / draws - mean * mean) / draws);
      expect(Math.abs(mean - truth[j])).toBeLessThan(3 * se);
    }
  });

  it('is deterministic per seed', () => {
    const points = randomMatrix(50, 2, 5);
    const a = uniformSummary(points, 10, Rng.fromSeed(9));
    const b = uniformSummary(points, 10, Rng.fromSeed(9));
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
  });
});
