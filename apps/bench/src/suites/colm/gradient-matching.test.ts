import * as tf from '@tensorflow/tfjs-core';
import { Rng, initBackend, isCoresetError } from '@coresets/core';
import { makeSourceMixture } from '@coresets/eval';
import { beforeAll, describe, expect, it } from 'vitest';
import { meanLoraGradient, measureGradientMatch, relativeGradientError } from './gradient-matching.js';
import { createColmModel } from './pretrain.js';

describe('gradient matching', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'wasm' });
  });

  it('relative error is ‖a − b‖ / ‖b‖ and checks lengths', () => {
    expect(relativeGradientError(Float64Array.of(1, 2, 2), Float64Array.of(1, 0, 0))).toBeCloseTo(Math.sqrt(8), 12);
    expect(relativeGradientError(Float64Array.of(3, 4), Float64Array.of(3, 4))).toBe(0);
    try {
      relativeGradientError(Float64Array.of(1), Float64Array.of(1, 2));
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'SHAPE_MISMATCH')).toBe(true);
    }
  });

  it('is ~0 for the whole pool and positive for a strict subset, on the LoRA gradient', () => {
    const pool = makeSourceMixture({ trainSize: 12, testPerSource: 1, oodPerSource: 1, proportions: new Array<number>(12).fill(1), seed: 3 }).train.slice(0, 6);
    const model = createColmModel(2, 5);
    try {
      // B = 0 at init makes the A gradients vanish; give B values so every LoRA matrix has a gradient.
      for (const v of model.loraVariables) if (v.name.endsWith('lora_B')) v.assign(tf.add(v, 0.05));
      const g = meanLoraGradient(model, pool);
      expect(g.length).toBe(model.loraVariables.reduce((a, v) => a + v.size, 0));
      expect(g.some((x) => x !== 0)).toBe(true);
      const all = measureGradientMatch(model, pool, Int32Array.from(pool.keys()), undefined, 3, 1, Rng.fromSeed(1));
      expect(all.step).toBe(3);
      expect(all.error).toBeLessThan(1e-5);
      const half = measureGradientMatch(model, pool, Int32Array.of(0, 1, 2), undefined, 0, 1, Rng.fromSeed(1));
      expect(half.error).toBeGreaterThan(1e-3);
      expect(half.randomError).toBeGreaterThan(1e-3);
    } finally {
      model.dispose();
    }
  });
});
