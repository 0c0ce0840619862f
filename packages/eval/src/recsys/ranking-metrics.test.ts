import { Rng } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { rankOf, rankingMetrics, sampleNegatives } from './ranking-metrics.js';

describe('ranking metrics', () => {
  it('ranks with ties toward the lower item id', () => {
    const scores = [0.1, 0.5, 0.5, 0.9];
    expect(rankOf(scores, 3)).toBe(1);
    expect(rankOf(scores, 1)).toBe(2);
    expect(rankOf(scores, 2)).toBe(3);
    expect(rankOf(scores, 0)).toBe(4);
    expect(rankOf(scores, 0, [0, 1])).toBe(2);
  });

  it('equals hand-computed HR@2 and NDCG@2', () => {
    // ranks 1, 2, 3: hits 2 of 3; NDCG = (1/log2(2) + 1/log2(3)) / 3.
    const m = rankingMetrics([1, 2, 3], 2);
    expect(m.hitRate).toBeCloseTo(2 / 3, 15);
    expect(m.ndcg).toBeCloseTo((1 + 1 / Math.log2(3)) / 3, 15);
  });

  it('samples distinct negatives that never include the target', () => {
    const rng = Rng.fromSeed(1);
    for (let t = 0; t < 10; t++) {
      const neg = sampleNegatives(rng, 10, t, 9);
      expect(new Set(neg).size).toBe(9);
      expect(Array.from(neg)).not.toContain(t);
    }
    expect(() => sampleNegatives(rng, 5, 0, 5)).toThrow(/cannot sample 5 negatives/);
  });
});
