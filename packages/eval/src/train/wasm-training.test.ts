// Training must work on the wasm backend (the default in Node without tfjs-node), set up the way
// users set it up: core's initBackend (which also registers tfjs's gradient definitions).
import * as tf from '@tensorflow/tfjs-core';
import { Rng, initBackend } from '@coresets/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabeledDataset } from '../data/dataset.js';
import { evaluateClassifier } from '../metrics/evaluate-classifier.js';
import { createCnn } from '../models/cnn.js';
import { createMlp } from '../models/mlp.js';
import { trainClassifier } from './train-classifier.js';

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});

describe('training on wasm', () => {
  it('MLP and CNN overfit a tiny batch to 100% without leaking tensors', { timeout: 60_000 }, () => {
    expect(tf.getBackend()).toBe('wasm');
    const rng = Rng.fromSeed(11);
    const tiny: LabeledDataset = {
      x: { rows: 16, cols: 64, data: rng.fillNormal(new Float32Array(16 * 64)) },
      labels: Int32Array.from({ length: 16 }, (_, i) => i % 4),
      numClasses: 4,
      shape: [8, 8, 1],
    };
    const start = tf.memory().numTensors;
    const mlp = createMlp({ inputSize: 64, numClasses: 4, hidden: [32], seed: 1 });
    const cnn = createCnn({ inputShape: [8, 8, 1], numClasses: 4, channels: [4, 8], hidden: 16, seed: 1 });
    for (const model of [mlp, cnn]) {
      const counts: number[] = [];
      trainClassifier(model, tiny, {
        iterations: 60,
        batchSize: 16,
        optimizer: 'adam',
        learningRate: 0.05,
        weightDecay: 0,
        seed: 0,
        onBatch: () => counts.push(tf.memory().numTensors),
      });
      expect(new Set(counts).size).toBe(1);
      expect(evaluateClassifier(model, tiny).accuracy).toBe(1);
      model.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
  });
});
