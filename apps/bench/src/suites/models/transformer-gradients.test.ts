import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '@coresets/core';
import { VOCABULARY_SIZE, createTinyTransformer, encodeLmBatch, makeSourceMixture, perExampleLmLoss } from '@coresets/eval';
import { beforeAll, describe, expect, it } from 'vitest';
import { sliceLmBatch } from './transformer-gradients.js';

describe('sliceLmBatch', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'cpu' });
  });

  it('gives the same per-example losses as the rows of the whole batch', () => {
    const mixture = makeSourceMixture({ trainSize: 20, testPerSource: 1, oodPerSource: 1, seed: 3 });
    const batch = encodeLmBatch(mixture.train.slice(0, 5));
    const model = createTinyTransformer({ vocabSize: VOCABULARY_SIZE, contextLength: batch.length, layers: 1, dModel: 16, heads: 2, seed: 1 });
    try {
      const whole = tf.tidy(() => perExampleLmLoss(model, batch).arraySync());
      const part = sliceLmBatch(batch, 2, 2);
      expect(part.size).toBe(2);
      expect(part.length).toBe(batch.length);
      expect(Array.from(part.sources)).toEqual(Array.from(batch.sources.subarray(2, 4)));
      const sliced = tf.tidy(() => perExampleLmLoss(model, part).arraySync());
      expect(sliced[0]).toBeCloseTo(whole[2], 5);
      expect(sliced[1]).toBeCloseTo(whole[3], 5);
    } finally {
      model.dispose();
    }
  });
});
