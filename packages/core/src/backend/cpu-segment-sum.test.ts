import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { initBackend } from './init-backend.js';
import { registerCpuSegmentSumFastPath } from './cpu-segment-sum.js';

describe('cpu UnsortedSegmentSum one-pass kernel', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'cpu', env: {} });
  });

  it('is in place after initBackend and gives the hand-computed segment sums', () => {
    expect(registerCpuSegmentSumFastPath()).toBe(true);
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]);
    // Rows 0 and 2 go to segment 1, row 1 to segment 0, row 3 to no segment (out of range).
    const out = tf.unsortedSegmentSum(x, tf.tensor1d([1, 0, 1, 5], 'int32'), 3);
    expect(out.shape).toEqual([3, 2]);
    expect(Array.from(out.dataSync())).toEqual([3, 4, 6, 8, 0, 0]);
    tf.dispose([x, out]);
  });

  it('keeps the gather gradient exact (repeated indices add up)', () => {
    const rng = Rng.fromSeed(1);
    const table = tf.tensor2d(rng.fillNormal(new Float32Array(5 * 3)), [5, 3]);
    const ids = tf.tensor1d([4, 0, 4, 4, 2], 'int32');
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.gather(t, ids)))(table);
    expect(Array.from(grad.dataSync())).toEqual([1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 3, 3, 3]);
    tf.dispose([table, ids, grad]);
  });
});
