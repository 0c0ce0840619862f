import { describe, expect, it } from 'vitest';
import { Rng } from '@coresets/core';
import { columnSums, randomMatrix, weightedColumnSums } from '../__fixtures__/synthetic.js';
import { importanceSummary } from './importance-sampling.js';

describe('importanceSummary', () => {
  it('spec vector: one column [1, 2, 3, 4] gives Σ u_i a_i = 10 on every draw', () => {
    const points = { rows: 4, cols: 1, data: Float64Array.of(1, 2, 3, 4) };
    for (let seed = 0; seed < 50; seed++) {
      const s = importanceSummary(points, 3, Rng.fromSeed(seed));
      expect(weightedColumnSums(points, s.indices, s.weights)[0]).toBeCloseTo(10, 12);
    }
  });

  it('is unbiased: the mean over 2,000 draws is within 3 standard errors of the true sum', () => {
    const points = randomMatrix(40, 3, 11, -1, 2);
    const truth = columnSums(points);
    const draws = 2000;
    const sum = new Float64Array(3);
    const sumSq = new Float64Array(3);
    const rng = Rng.fromSeed(12);
    for (let r = 0; r < draws; r++) {
      const s = importanceSummary(points, 5, rng);
      expect(s.weights.every((u) => u > 0)).toBe(true);
      const est = weightedColumnSums(points, s.indices, s.weights);
      for (let j = 0; j < 3; j++) {
        sum[j] += est[j];
        sumSq[j] += est[j] ** 2;
      }
    }
    for (let j = 0; j < 3; j++) {
      const mean = sum[j] / draws;
      const se = Math.sqrt((sumSq[j] / draws - mean * mean) / draws);
      expect(Math.abs(mean - truth[j])).toBeLessThan(3 * se);
    }
  });

  it('never draws zero-norm rows and rejects an all-zero class', () => {
    const points = { rows: 3, cols: 2, data: Float64Array.of(0, 0, 1, 1, 0, 0) };
    const s = importanceSummary(points, 4, Rng.fromSeed(1));
    expect(Array.from(s.indices)).toEqual([1]);
    expect(s.weights[0]).toBeCloseTo(1, 12);
    const zeros = { rows: 2, cols: 2, data: new Float64Array(4) };
    expect(() => importanceSummary(zeros, 1, Rng.fromSeed(1))).toThrow(
      expect.objectContaining({ code: 'INFEASIBLE' }),
    );
  });
});
