import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { assertAllClose } from '../testing/close.js';
import { kmeans } from './kmeans.js';
import { knn } from './knn.js';
import type { DistanceMetric } from './metric.js';
import { pairwiseDistances } from './pairwise.js';

describe("engine: 'tfjs'", () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const rng = Rng.fromSeed(3);
  const a = { rows: 37, cols: 9, data: rng.fillNormal(new Float64Array(37 * 9)) };
  const b = { rows: 23, cols: 9, data: rng.fillNormal(new Float64Array(23 * 9)) };

  it.each<DistanceMetric>(['sqeuclidean', 'euclidean', 'cosine', 'dot'])('matches the JS engine for %s within float32 rounding', (metric) => {
    const js = pairwiseDistances(a, b, { metric });
    const before = tf.memory().numTensors;
    const fast = pairwiseDistances(a, b, { metric, engine: 'tfjs', blockRows: 5 });
    expect(tf.memory().numTensors).toBe(before);
    // Entries are O(10); float32 dot products carry ~1e-6 relative error.
    assertAllClose(fast.data, js.data, { atol: 1e-4, rtol: 1e-5 });
  });

  it('gives the same kNN and k-means answers on separated data', () => {
    // Points along a curve with clearly distinct gaps, so float32 rounding cannot reorder neighbours.
    const line = { rows: 30, cols: 2, data: Float64Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? (i / 2) ** 1.5 : 0.5 * (i >> 1))) };
    expect(Array.from(knn(line, undefined, 3, { engine: 'tfjs' }).indices)).toEqual(Array.from(knn(line, undefined, 3).indices));
    // Three clusters 10 apart.
    const x = { rows: 60, cols: 3, data: Float64Array.from({ length: 180 }, (_, i) => (Math.floor(i / 60) === i % 3 ? 10 : 0) + rng.normal(0, 0.1)) };
    const r1 = kmeans(x, { k: 3, seed: 1, engine: 'tfjs' });
    const r2 = kmeans(x, { k: 3, seed: 1 });
    expect(Array.from(r1.labels)).toEqual(Array.from(r2.labels));
  });

  it('rejects an unknown engine by name', () => {
    expect(() => pairwiseDistances(a, b, { engine: 'gpu' as never })).toThrow(/engine must be 'js' or 'tfjs'/);
  });
});
