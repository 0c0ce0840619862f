import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { segmentSum } from './segment-sum-kernel.js';

describe('segmentSum', () => {
  it('adds the rows of each segment and skips out-of-range ids, like tf.unsortedSegmentSum', async () => {
    await tf.setBackend('cpu');
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [5, 2]);
    const ids = tf.tensor1d([2, 0, 2, -1, 5], 'int32');
    const backend = tf.backend();
    const out = segmentSum({ inputs: { x, segmentIds: ids }, attrs: { numSegments: 3 }, backend });
    expect(out.shape).toEqual([3, 2]);
    expect(Array.from(backend.readSync(out.dataId) as Float32Array)).toEqual([3, 4, 0, 0, 6, 8]);
    const reference = tf.unsortedSegmentSum(x, tf.tensor1d([2, 0, 2, 1, 1], 'int32'), 3);
    const ours = segmentSum({ inputs: { x, segmentIds: tf.tensor1d([2, 0, 2, 1, 1], 'int32') }, attrs: { numSegments: 3 }, backend });
    expect(Array.from(backend.readSync(ours.dataId) as Float32Array)).toEqual(Array.from(reference.dataSync()));
  });
});
