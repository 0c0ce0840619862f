import * as tf from '@tensorflow/tfjs-core';
import { Rng, isCoresetError } from '@coresets/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../internal/test-backend.js';
import { createPatchConv } from './patch-conv.js';

function randomTensor(rng: Rng, shape: number[]): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(rng.fillNormal(new Float32Array(size)), shape);
}

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

describe('createPatchConv', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  // Odd and even sizes, strides 1-3 and kernels 1-5 cover every padding case of TensorFlow's 'same' rule.
  const cases = [
    { height: 8, width: 8, channels: 2, kernelSize: 3, stride: 1, cout: 4 },
    { height: 28, width: 28, channels: 1, kernelSize: 3, stride: 2, cout: 5 },
    { height: 7, width: 9, channels: 3, kernelSize: 3, stride: 2, cout: 2 },
    { height: 6, width: 5, channels: 2, kernelSize: 5, stride: 3, cout: 3 },
    { height: 5, width: 5, channels: 4, kernelSize: 1, stride: 2, cout: 3 },
    { height: 4, width: 6, channels: 2, kernelSize: 4, stride: 1, cout: 2 },
  ];

  it.each(cases)('equals tf.conv2d(same) and its gradients for %o', (g) => {
    const rng = Rng.fromSeed(g.height * 31 + g.stride);
    const conv = createPatchConv(g);
    const x = randomTensor(rng, [3, g.height, g.width, g.channels]) as tf.Tensor4D;
    const filter = randomTensor(rng, [g.kernelSize, g.kernelSize, g.channels, g.cout]) as tf.Tensor4D;
    const expected = tf.conv2d(x, filter, g.stride, 'same');
    const got = conv.apply(x, filter);
    expect(got.shape).toEqual(expected.shape);
    expect([conv.outHeight, conv.outWidth]).toEqual([expected.shape[1], expected.shape[2]]);
    expect(maxAbsDiff(got, expected)).toBeLessThan(1e-4);
    // Gradients with respect to both the input and the filter, through a non-trivial loss.
    const weights = randomTensor(rng, expected.shape);
    const loss = (f: (a: tf.Tensor4D, b: tf.Tensor4D) => tf.Tensor4D) =>
      tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(a as tf.Tensor4D, b as tf.Tensor4D), weights)));
    const [dxE, dfE] = loss((a, b) => tf.conv2d(a, b, g.stride, 'same'))([x, filter]);
    const [dx, df] = loss((a, b) => conv.apply(a, b))([x, filter]);
    expect(maxAbsDiff(dx, dxE)).toBeLessThan(1e-4);
    expect(maxAbsDiff(df, dfE)).toBeLessThan(1e-3);
    tf.dispose([x, filter, expected, got, weights, dxE, dfE, dx, df]);
  });

  it('handles several batch sizes with one instance and leaks no tensors', () => {
    const rng = Rng.fromSeed(2);
    const conv = createPatchConv({ height: 6, width: 6, channels: 1, kernelSize: 3, stride: 2 });
    const filter = randomTensor(rng, [3, 3, 1, 2]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    for (const batch of [1, 4, 2, 7, 3, 1, 4]) {
      const x = randomTensor(rng, [batch, 6, 6, 1]) as tf.Tensor4D;
      const expected = tf.conv2d(x, filter, 2, 'same');
      const got = conv.apply(x, filter);
      expect(maxAbsDiff(got, expected)).toBeLessThan(1e-4);
      tf.dispose([x, expected, got]);
    }
    expect(tf.memory().numTensors).toBe(before);
    filter.dispose();
  });

  it('rejects inputs and filters of the wrong shape by argument name', () => {
    const conv = createPatchConv({ height: 4, width: 4, channels: 2, kernelSize: 3, stride: 1 });
    const argumentOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return isCoresetError(e, 'SHAPE_MISMATCH') ? e.argument : 'other';
      }
      return undefined;
    };
    expect(argumentOf(() => conv.apply(tf.zeros([1, 4, 5, 2]), tf.zeros([3, 3, 2, 1])))).toBe('x');
    expect(argumentOf(() => conv.apply(tf.zeros([1, 4, 4, 2]), tf.zeros([3, 3, 1, 1])))).toBe('filter');
    expect(() => createPatchConv({ height: 4, width: 4, channels: 2, kernelSize: 3, stride: 0 })).toThrow(/stride/);
  });
});
