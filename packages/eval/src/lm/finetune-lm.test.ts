import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../internal/test-backend.js';
import { exactMatch } from './exact-match.js';
import { finetuneLm } from './finetune-lm.js';
import { createTinyTransformer } from './tiny-transformer.js';
import { VOCABULARY_SIZE } from './vocabulary.js';

describe('finetuneLm', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  it('overfits a tiny batch, calls the selector each step and leaks no tensors', { timeout: 60_000 }, async () => {
    const model = createTinyTransformer({ vocabSize: VOCABULARY_SIZE, contextLength: 16, layers: 1, dModel: 32, heads: 4, loraRank: 4, seed: 0 });
    const examples = [
      { source: 0, prompt: '12+3', answer: '15' },
      { source: 1, prompt: 'rev:ab', answer: 'ba' },
    ];
    let calls = 0;
    const before = tf.memory().numTensors;
    const result = await finetuneLm(model, examples, {
      steps: 80,
      poolSize: 2,
      train: 'all',
      learningRate: 2e-2,
      seed: 0,
      memoryEvery: 30,
      selector: (pool) => {
        calls++;
        return { positions: Int32Array.from(pool.indices, (_, i) => i) };
      },
    });
    expect(calls).toBe(80);
    expect(result.losses[79]).toBeLessThan(0.05);
    expect(result.losses[79]).toBeLessThan(result.losses[0] / 20);
    expect(result.peakTensorBytes.length).toBe(3);
    expect(result.peakTensorBytes[0]).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
    expect(exactMatch(model, examples, 2).overall).toBe(1);
    model.dispose();
  });
});
