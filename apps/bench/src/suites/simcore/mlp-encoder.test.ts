import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '@coresets/core';
import { pretrainContrastive } from '@coresets/eval';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMlpEncoder } from './mlp-encoder.js';

describe('createMlpEncoder', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'cpu' });
  });

  it('embeds to the last backbone width and projects to the head width', () => {
    const encoder = createMlpEncoder({ inputSize: 12, backbone: [8, 5], projection: [4, 3], seed: 1 });
    try {
      expect(encoder.embeddingSize).toBe(5);
      expect(encoder.inputSize).toBe(12);
      expect(encoder.backboneVariables).toHaveLength(4);
      expect(encoder.variables).toHaveLength(8);
      const x = tf.randomUniform<tf.Rank.R2>([6, 12], -1, 1, 'float32', 3);
      const z = encoder.embed(x);
      const p = encoder.project(x);
      expect(z.shape).toEqual([6, 5]);
      expect(p.shape).toEqual([6, 3]);
      // ReLU backbone: embeddings are non-negative.
      expect(Math.min(...z.dataSync())).toBeGreaterThanOrEqual(0);
      tf.dispose([x, z, p]);
    } finally {
      encoder.dispose();
    }
  });

  it('is deterministic per seed and differs between seeds', () => {
    const values = (seed: number) => {
      const e = createMlpEncoder({ inputSize: 4, backbone: [3], projection: [2, 2], seed });
      const out = Array.from(e.variables[0].dataSync());
      e.dispose();
      return out;
    };
    expect(values(7)).toEqual(values(7));
    expect(values(7)).not.toEqual(values(8));
  });

  it('lowers the contrastive loss when pre-trained with eval’s SSL loop', () => {
    const n = 32;
    const images = new Float32Array(n * 64);
    // Two kinds of 8 × 8 images (left half bright vs top half bright) so views are learnable.
    for (let i = 0; i < n; i++) {
      for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) images[i * 64 + y * 8 + x] = (i % 2 === 0 ? x < 4 : y < 4) ? 1 : -1;
    }
    const encoder = createMlpEncoder({ inputSize: 64, backbone: [32, 16], projection: [16, 8], seed: 0 });
    try {
      const { losses } = pretrainContrastive(encoder, images, [8, 8], { steps: 30, batchSize: 16, learningRate: 3e-3, seed: 0 });
      expect(losses).toHaveLength(30);
      const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
      expect(mean(losses.slice(-5))).toBeLessThan(mean(losses.slice(0, 5)));
    } finally {
      encoder.dispose();
    }
  });

  it('rejects a non-integer width, naming it', () => {
    expect(() => createMlpEncoder({ inputSize: 4, backbone: [3.5], projection: [2, 2], seed: 0 })).toThrow(/backbone\[0\]/);
  });
});
