import * as tf from '@tensorflow/tfjs-core';
import { Rng, isCoresetError } from '@coresets/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContrastiveEncoder } from '../contrastive/contrastive-encoder.js';
import { useCpuBackend } from '../internal/test-backend.js';
import { createCnn } from './cnn.js';
import { createSameConv } from './same-conv.js';

describe('createSameConv', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  it('computes the same layer with either implementation, output size included', () => {
    const geometry = { height: 7, width: 9, channels: 2, kernelSize: 3, stride: 2 };
    const rng = Rng.fromSeed(6);
    const x = tf.tensor4d(rng.fillNormal(new Float32Array(2 * 7 * 9 * 2)), [2, 7, 9, 2]);
    const filter = tf.tensor4d(rng.fillNormal(new Float32Array(3 * 3 * 2 * 4)), [3, 3, 2, 4]);
    const direct = createSameConv(geometry, 'conv2d');
    const patches = createSameConv(geometry, 'im2col');
    expect([direct.outHeight, direct.outWidth]).toEqual([4, 5]);
    expect([patches.outHeight, patches.outWidth]).toEqual([4, 5]);
    const a = direct.apply(x, filter);
    const b = patches.apply(x, filter);
    expect(a.shape).toEqual([2, 4, 5, 4]);
    expect(tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0])).toBeLessThan(1e-4);
    tf.dispose([x, filter, a, b]);
  });

  it('rejects an unknown implementation by name before a model creates any variable', () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return isCoresetError(e, 'INVALID_ARGUMENT') ? e.argument : 'other';
      }
      return undefined;
    };
    const before = tf.memory().numTensors;
    expect(code(() => createSameConv({ height: 4, width: 4, channels: 1, kernelSize: 3, stride: 1 }, 'fft' as never))).toBe('convImplementation');
    expect(code(() => createCnn({ inputShape: [8, 8, 1], numClasses: 2, seed: 0, convImplementation: 'fft' as never }))).toBe('convImplementation');
    expect(code(() => createContrastiveEncoder({ inputShape: [8, 8, 1], seed: 0, convImplementation: 'fft' as never }))).toBe('convImplementation');
    expect(tf.memory().numTensors).toBe(before);
  });
});
