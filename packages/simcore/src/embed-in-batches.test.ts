import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedInBatches } from './embed-in-batches.js';

describe('embedInBatches', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('applies the encoder batch by batch, in order, without leaking tensors', () => {
    // 5 inputs of shape 2×2; the encoder returns [sum, max] per input.
    const data = Float32Array.from({ length: 20 }, (_, i) => i);
    const before = tf.memory().numTensors;
    const z = embedInBatches({ data, shape: [5, 2, 2] }, (b) => tf.stack([tf.sum(b, [1, 2]), tf.max(b, [1, 2])], 1), {
      batchSize: 2,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(z.rows).toBe(5);
    expect(z.cols).toBe(2);
    expect(Array.from(z.data)).toEqual([6, 3, 22, 7, 38, 11, 54, 15, 70, 19]);
  });

  it('reports encoder output of the wrong shape', () => {
    const data = new Float32Array(8);
    expect(() => embedInBatches({ data, shape: [2, 4] }, (b) => tf.sum(b))).toThrow(/encoder returned shape/);
    expect(() => embedInBatches({ data, shape: [3, 4] }, (b) => b)).toThrow(/inputs.data has 8 values/);
  });
});
