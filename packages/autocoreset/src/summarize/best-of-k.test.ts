import { describe, expect, it } from 'vitest';
import { Rng } from '@coresets/core';
import { columnSums, randomMatrix, weightedColumnSums } from '../__fixtures__/synthetic.js';
import { bestOfKSummary } from './best-of-k.js';
import { uniformSummary } from './uniform.js';

describe('bestOfKSummary', () => {
  it('returns the best of its k draws (all k distances recomputed independently)', () => {
    const points = randomMatrix(60, 3, 31, 0, 4);
    const truth = columnSums(points);
    const k = 25;
    const s = bestOfKSummary(points, 6, Rng.fromSeed(32), k);
    // Replay the same stream: draw r is the r-th uniform summary.
    const replay = Rng.fromSeed(32);
    const recomputed: number[] = [];
    for (let r = 0; r < k; r++) {
      const d = uniformSummary(points, 6, replay);
      const est = weightedColumnSums(points, d.indices, d.weights);
      recomputed.push(Math.hypot(...est.map((v, j) => v - truth[j])));
    }
    const best = recomputed.indexOf(Math.min(...recomputed));
    expect(s.chosen).toBe(best);
    recomputed.forEach((v, r) => expect(s.distances[r]).toBeCloseTo(v, 9));
    const chosenEst = weightedColumnSums(points, s.indices, s.weights);
    expect(Math.hypot(...chosenEst.map((v, j) => v - truth[j]))).toBeCloseTo(
      Math.min(...recomputed),
      9,
    );
  });

  it('is never worse than a single uniform draw from the same stream', () => {
    const points = randomMatrix(80, 2, 41);
    const s = bestOfKSummary(points, 5, Rng.fromSeed(42), 10);
    expect(s.distances[s.chosen]).toBeLessThanOrEqual(s.distances[0]);
  });
});
