import { matrixFromRows, Rng } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { randomFeatures } from './__fixtures__/set-function-cases.js';
import { kCenterGreedy } from './k-center-greedy.js';

const line = matrixFromRows([[0], [1], [2], [10], [11], [12]]);

describe('kCenterGreedy', () => {
  it('picks the farthest point each time, ties → lower index', () => {
    const result = kCenterGreedy(line, { budget: 2, initial: Int32Array.from([0]) });
    // After 0: 12 is farthest. After {0, 12}: 2 and 10 are both 2 away → index 2.
    expect(Array.from(result.indices)).toEqual([5, 2]);
    expect(Array.from(result.scores!)).toEqual([12, 2]);
    // Point 10 stays 2 away from its nearest centre (12).
    expect(result.meta.radius).toBe(2);
  });

  it('matches a brute-force farthest-point loop, and is reproducible per seed', () => {
    const x = randomFeatures(Rng.fromSeed(3), 40, 3);
    const result = kCenterGreedy(x, { budget: 8, seed: 9 });
    const again = kCenterGreedy(x, { budget: 8, seed: 9 });
    expect(Array.from(again.indices)).toEqual(Array.from(result.indices));
    const dist = (a: number, b: number): number =>
      Math.hypot(...[0, 1, 2].map((k) => x.data[a * 3 + k] - x.data[b * 3 + k]));
    const centres = [result.indices[0]];
    for (let t = 1; t < 8; t++) {
      let best = -1;
      let bestD = -1;
      for (let i = 0; i < 40; i++) {
        const d = Math.min(...centres.map((c) => dist(i, c)));
        if (d > bestD + 1e-12) {
          best = i;
          bestD = d;
        }
      }
      expect(result.indices[t]).toBe(best);
      expect(result.scores![t]).toBeCloseTo(bestD, 10);
      centres.push(best);
    }
  });

  it('needs an rng without initial centres and rejects unknown options', () => {
    expect(() => kCenterGreedy(line, { budget: 2 })).toThrow(
      expect.objectContaining({ code: 'MISSING_OPTION' }),
    );
    expect(() => kCenterGreedy(line, { budget: 2, seed: 1, ...({ rng: 1 } as object) })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_OPTION' }),
    );
    expect(kCenterGreedy(line, { budget: 9, seed: 1 }).indices.length).toBe(6);
  });
});
