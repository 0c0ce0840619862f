import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../internal/test-backend.js';
import { createGruRecommender } from './gru-recommender.js';
import { makeSequentialRecommendation } from './sequential-recommendation.js';

describe('sequential recommendation data', () => {
  it('has the stated pool composition, drift and determinism', () => {
    const data = makeSequentialRecommendation({ numItems: 100, poolSize: 2000, validSelectSize: 300, validEarlyStopSize: 100, testSize: 300, seed: 1 });
    const count = (o: string) => data.poolOrigin.filter((x) => x === o).length;
    expect(count('old')).toBe(1400);
    expect(count('noisy')).toBe(200);
    expect(count('new')).toBe(400);
    for (const s of data.pool) {
      expect(s.history.length).toBeGreaterThanOrEqual(3);
      expect(s.history.length).toBeLessThanOrEqual(10);
    }
    // Drift: the next-item cluster given the last item's cluster differs between regimes.
    const transitions = (samples: readonly { history: Int32Array; target: number }[]) => {
      const m = new Map<string, number>();
      for (const s of samples) {
        const key = `${data.itemCluster[s.history[s.history.length - 1]]}>${data.itemCluster[s.target]}`;
        m.set(key, (m.get(key) ?? 0) + 1 / samples.length);
      }
      return m;
    };
    const oldT = transitions(data.pool.filter((_, i) => data.poolOrigin[i] === 'old'));
    const newT = transitions(data.test);
    let tv = 0;
    for (const key of new Set([...oldT.keys(), ...newT.keys()])) tv += Math.abs((oldT.get(key) ?? 0) - (newT.get(key) ?? 0)) / 2;
    expect(tv).toBeGreaterThan(0.2);
    const again = makeSequentialRecommendation({ numItems: 100, poolSize: 2000, validSelectSize: 300, validEarlyStopSize: 100, testSize: 300, seed: 1 });
    expect(again.pool[17]).toEqual(data.pool[17]);
    const control = makeSequentialRecommendation({ numItems: 100, poolSize: 500, drift: false, seed: 1 });
    expect(control.poolOrigin.every((o) => o === 'new')).toBe(true);
  });
});

describe('GRU recommender', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  it('padding does not change the encoding: the same history in a longer batch', () => {
    const model = createGruRecommender({ numItems: 10, embeddingSize: 4, hiddenSize: 4, seed: 2 });
    const a = model.encode([{ userGroup: 0, history: Int32Array.from([3, 4]), target: 0 }]).dataSync();
    const b = model.encode([
      { userGroup: 0, history: Int32Array.from([1, 2, 3, 4, 5, 6]), target: 0 },
      { userGroup: 0, history: Int32Array.from([3, 4]), target: 0 },
    ]).dataSync();
    for (let j = 0; j < 4; j++) expect(b[4 + j]).toBeCloseTo(a[j], 6);
    model.dispose();
  });
});
