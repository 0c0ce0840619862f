import { describe, expect, it } from 'vitest';
import { Rng } from '@coresets/core';
import { fitKmeans, kmeansLoss, kmeansProblem } from './kmeans.js';

describe('k-means problem', () => {
  const rng = Rng.fromSeed(10);
  const centres = [
    [0, 0],
    [10, 10],
    [-10, 10],
  ];
  const n = 150;
  const data = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const c = centres[i % 3];
    data[2 * i] = c[0] + 0.3 * rng.normal();
    data[2 * i + 1] = c[1] + 0.3 * rng.normal();
  }
  const x = { rows: n, cols: 2, data };

  it('finds well-separated blobs', () => {
    const sol = fitKmeans(x, new Float64Array(n).fill(1), { rng: Rng.fromSeed(1) }, { k: 3 });
    for (const c of centres) {
      let best = Infinity;
      for (let j = 0; j < 3; j++) {
        best = Math.min(
          best,
          Math.hypot(sol.centroids.data[2 * j] - c[0], sol.centroids.data[2 * j + 1] - c[1]),
        );
      }
      expect(best).toBeLessThan(0.2);
    }
  });

  it('loss is the weighted squared distance to the nearest centre', () => {
    const sol = { centroids: { rows: 2, cols: 2, data: Float64Array.of(0, 0, 10, 10) } };
    const px = { rows: 2, cols: 2, data: Float64Array.of(1, 2, 9, 9) };
    expect(Array.from(kmeansLoss(px, sol, Float64Array.of(2, 0.5)))).toEqual([10, 1]);
  });

  it('rejects a non-positive k', () => {
    expect(() => kmeansProblem({ k: 0 })).toThrow(expect.objectContaining({ argument: 'k' }));
  });
});
