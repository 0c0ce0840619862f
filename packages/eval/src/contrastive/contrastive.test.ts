import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@coresets/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../internal/test-backend.js';
import { createContrastiveEncoder } from './contrastive-encoder.js';
import { ntXentLoss } from './nt-xent.js';
import { pretrainContrastive } from './pretrain-contrastive.js';
import { augmentForSsl } from './ssl-augment.js';

describe('contrastive pre-training', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  it('NT-Xent equals the hand-computed value on a 2 × 2 batch', () => {
    // Views a0 = b0 = (1, 0), a1 = b1 = (0, 1), τ = 1: every anchor has positive similarity 1 and two
    // negatives of similarity 0, so ℓ = −log(e / (e + 2)) for all four views.
    const z = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    const loss = ntXentLoss(z, z, 1).dataSync()[0];
    expect(loss).toBeCloseTo(Math.log(1 + 2 / Math.E), 6);
    // Scaling the inputs changes nothing (they are normalised); τ = 0.5 doubles the logits.
    const scaled = ntXentLoss(tf.mul<tf.Tensor2D>(z, 3), z, 0.5).dataSync()[0];
    expect(scaled).toBeCloseTo(Math.log(1 + 2 / Math.E ** 2), 6);
    expect(() => ntXentLoss(z, z, 0)).toThrow(/temperature must be > 0/);
  });

  it('augmentation is seeded, keeps the shape and changes the image', () => {
    const img = Float32Array.from({ length: 2 * 28 * 28 }, (_, i) => (i % 28) / 28);
    const a = augmentForSsl(img, 2, 28, 28, Rng.fromSeed(1));
    const b = augmentForSsl(img, 2, 28, 28, Rng.fromSeed(1));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.length).toBe(img.length);
    expect(Array.from(a)).not.toEqual(Array.from(img));
    const identity = augmentForSsl(img, 2, 28, 28, Rng.fromSeed(1), { cropScale: [1, 1], flip: false, brightness: 0, contrast: 0, noise: 0 });
    // A full-area crop can still change the aspect ratio; with ratio ≈ 1 most pixels stay close.
    let close = 0;
    for (let i = 0; i < img.length; i++) if (Math.abs(identity[i] - img[i]) < 0.1) close++;
    expect(close / img.length).toBeGreaterThan(0.7);
  });

  it('lowers the contrastive loss on a small set without leaking tensors', { timeout: 60_000 }, () => {
    const rng = Rng.fromSeed(0);
    const n = 12;
    const images = new Float32Array(n * 8 * 8);
    // Twelve distinct random images: telling each one's views from the others' is learnable.
    rng.fillUniform(images);
    const encoder = createContrastiveEncoder({ inputShape: [8, 8, 1], channels: [4, 8, 8], projection: [8, 8], seed: 0 });
    const augment = { cropScale: [0.85, 1] as const, flip: false, brightness: 0.1, contrast: 0.1, noise: 0 };
    // A fixed pair of views, so the comparison is not blurred by fresh augmentation noise.
    const v1 = augmentForSsl(images, n, 8, 8, Rng.fromSeed(5), augment);
    const v2 = augmentForSsl(images, n, 8, 8, Rng.fromSeed(6), augment);
    const heldLoss = () =>
      tf.tidy(() => ntXentLoss(encoder.project(tf.tensor2d(v1, [n, 64])), encoder.project(tf.tensor2d(v2, [n, 64])), 0.2).dataSync()[0]);
    const start = heldLoss();
    const before = tf.memory().numTensors;
    pretrainContrastive(encoder, images, [8, 8], { steps: 40, batchSize: n, learningRate: 5e-3, seed: 0, augment });
    expect(tf.memory().numTensors).toBe(before);
    expect(heldLoss()).toBeLessThan(start * 0.9);
    const emb = encoder.embed(tf.tensor2d(images.subarray(0, 64), [1, 64]));
    expect(emb.shape).toEqual([1, 8]);
    emb.dispose();
    encoder.dispose();
  });
});

describe('contrastive encoder convolutions', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  it('computes the same embedding and gradients with im2col and conv2d', () => {
    const patches = createContrastiveEncoder({ inputShape: [10, 9, 2], channels: [3, 4, 5], projection: [4, 3], seed: 3 });
    const direct = createContrastiveEncoder({ inputShape: [10, 9, 2], channels: [3, 4, 5], projection: [4, 3], seed: 3, convImplementation: 'conv2d' });
    const x = tf.tensor2d(Rng.fromSeed(4).fillNormal(new Float32Array(3 * 180)), [3, 180]);
    const a = patches.embed(x);
    const b = direct.embed(x);
    expect(a.shape).toEqual([3, 5]);
    const close = (p: tf.Tensor, q: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(p, q))).dataSync()[0]);
    expect(close(a, b)).toBeLessThan(1e-5);
    const gradOf = (e: typeof patches) => tf.variableGrads(() => tf.sum<tf.Scalar>(tf.square(e.project(x))), [...e.backboneVariables] as tf.Variable[]);
    const ga = gradOf(patches);
    const gb = gradOf(direct);
    patches.backboneVariables.forEach((v, i) => {
      expect(close(ga.grads[v.name], gb.grads[direct.backboneVariables[i].name])).toBeLessThan(1e-4);
    });
    tf.dispose([x, a, b, ga.value, gb.value, ...Object.values(ga.grads), ...Object.values(gb.grads)]);
    expect(() => createContrastiveEncoder({ inputShape: [8, 8, 1], seed: 0, convImplementation: 'fft' as never })).toThrow(/convImplementation/);
    patches.dispose();
    direct.dispose();
  });
});
