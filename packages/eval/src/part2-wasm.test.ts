// The part-2 models must train on the wasm backend, set up the way users set it up (core's
// initBackend: wasm with its cpu-bridged gradient kernels, tfjs gradients registered).
import * as tf from '@tensorflow/tfjs-core';
import { Rng, initBackend } from '@coresets/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContrastiveEncoder } from './contrastive/contrastive-encoder.js';
import { ntXentLoss } from './contrastive/nt-xent.js';
import { pretrainContrastive } from './contrastive/pretrain-contrastive.js';
import { augmentForSsl } from './contrastive/ssl-augment.js';
import { exactMatch } from './lm/exact-match.js';
import { finetuneLm } from './lm/finetune-lm.js';
import { createTinyTransformer } from './lm/tiny-transformer.js';
import { VOCABULARY_SIZE } from './lm/vocabulary.js';
import { createGruRecommender } from './recsys/gru-recommender.js';
import { evaluateRecommender, trainRecommender } from './recsys/train-recommender.js';

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});

describe('part-2 models on wasm', () => {
  it('the LM loop overfits two examples, calls the selector every step, measures memory and leaks nothing', { timeout: 60_000 }, async () => {
    expect(tf.getBackend()).toBe('wasm');
    const model = createTinyTransformer({ vocabSize: VOCABULARY_SIZE, contextLength: 16, layers: 1, dModel: 32, heads: 4, loraRank: 4, seed: 0 });
    const examples = [
      { source: 0, prompt: '12+3', answer: '15' },
      { source: 1, prompt: 'rev:ab', answer: 'ba' },
    ];
    let calls = 0;
    const before = tf.memory().numTensors;
    const run = await finetuneLm(model, examples, {
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
    expect(tf.memory().numTensors).toBe(before);
    expect(calls).toBe(80);
    expect(run.peakTensorBytes.length).toBe(3);
    expect(run.peakTensorBytes[0]).toBeGreaterThan(0);
    expect(run.losses[79]).toBeLessThan(0.05);
    expect(run.losses[79]).toBeLessThan(run.losses[0] / 20);
    expect(exactMatch(model, examples, 2).overall).toBe(1);
    model.dispose();
  });

  it('the GRU recommender overfits a tiny batch (embedding gradients through gather)', { timeout: 60_000 }, () => {
    const samples = [
      { userGroup: 0, history: Int32Array.from([1, 2, 3]), target: 4 },
      { userGroup: 0, history: Int32Array.from([5, 6]), target: 7 },
      { userGroup: 1, history: Int32Array.from([8, 9, 1, 2]), target: 0 },
    ];
    const model = createGruRecommender({ numItems: 10, embeddingSize: 8, hiddenSize: 8, seed: 0 });
    const result = trainRecommender(model, samples, samples, { learningRate: 0.05, batchSize: 3, maxEpochs: 120, patience: 200, seed: 0 });
    expect(result.bestEarlyStopLoss).toBeLessThan(0.1);
    expect(evaluateRecommender(model, samples, { k: 1, negatives: 5, seed: 0 }).fullRank.hitRate).toBe(1);
    model.dispose();
  });

  it('contrastive pre-training lowers a held-out NT-Xent (conv filter gradients via the fallback kernel)', { timeout: 60_000 }, () => {
    const n = 12;
    const images = Rng.fromSeed(0).fillUniform(new Float32Array(n * 64));
    const encoder = createContrastiveEncoder({ inputShape: [8, 8, 1], channels: [4, 8, 8], projection: [8, 8], seed: 0 });
    const augment = { cropScale: [0.85, 1] as const, flip: false, brightness: 0.1, contrast: 0.1, noise: 0 };
    const v1 = augmentForSsl(images, n, 8, 8, Rng.fromSeed(5), augment);
    const v2 = augmentForSsl(images, n, 8, 8, Rng.fromSeed(6), augment);
    const held = () => tf.tidy(() => ntXentLoss(encoder.project(tf.tensor2d(v1, [n, 64])), encoder.project(tf.tensor2d(v2, [n, 64])), 0.2).dataSync()[0]);
    const start = held();
    pretrainContrastive(encoder, images, [8, 8], { steps: 40, batchSize: n, learningRate: 5e-3, seed: 0, augment });
    expect(held()).toBeLessThan(start * 0.9);
    encoder.dispose();
  });
});
