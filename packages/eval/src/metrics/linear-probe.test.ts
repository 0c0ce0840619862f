import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeGaussianBlobs } from '../data/gaussian-blobs.js';
import { useCpuBackend } from '../internal/test-backend.js';
import { createMlp } from '../models/mlp.js';
import { predict } from '../models/predict.js';
import { evaluateClassifier } from './evaluate-classifier.js';
import { linearProbe } from './linear-probe.js';

beforeAll(useCpuBackend);

describe('linearProbe', () => {
  it('separates linearly separable classes, deterministically, without leaking tensors', () => {
    const all = makeGaussianBlobs({ n: 400, numClasses: 4, dim: 6, clusterStd: 0.5, centerScale: 4, seed: 3 });
    const rows = (from: number, to: number): { rows: number; cols: number; data: Float32Array } => ({
      rows: to - from,
      cols: 6,
      data: all.x.data.slice(from * 6, to * 6),
    });
    const before = tf.memory().numTensors;
    const a = linearProbe(rows(0, 300), all.labels.subarray(0, 300), rows(300, 400), all.labels.subarray(300), { steps: 60, learningRate: 0.1 });
    expect(tf.memory().numTensors).toBe(before);
    expect(a.accuracy).toBeGreaterThan(0.95);
    expect(a.trainAccuracy).toBeGreaterThan(0.95);
    const b = linearProbe(rows(0, 300), all.labels.subarray(0, 300), rows(300, 400), all.labels.subarray(300), { steps: 60, learningRate: 0.1 });
    expect(b.predictions).toEqual(a.predictions);
    expect(b.trainLoss).toBe(a.trainLoss);
    // Fewer steps from the same zero start leave a higher loss.
    const short = linearProbe(rows(0, 300), all.labels.subarray(0, 300), rows(300, 400), all.labels.subarray(300), { steps: 10, learningRate: 0.1 });
    expect(short.trainLoss).toBeGreaterThan(a.trainLoss);
    // Mini-batches follow the seed.
    const mb = (seed: number): number =>
      linearProbe(rows(0, 300), all.labels.subarray(0, 300), rows(300, 400), all.labels.subarray(300), { steps: 20, batchSize: 32, seed }).trainLoss;
    expect(mb(1)).toBe(mb(1));
    expect(mb(1)).not.toBe(mb(2));
  });

  it('starts from zero weights: with 0-step-equivalent learning rate every class is equally likely', () => {
    const x = { rows: 2, cols: 1, data: Float32Array.from([-1, 1]) };
    const progress: number[] = [];
    const r = linearProbe(x, [0, 1], x, [0, 1], { steps: 1, learningRate: 1e-30, onProgress: (e) => progress.push(e.completed) });
    expect(r.trainLoss).toBeCloseTo(Math.log(2), 6);
    expect(progress).toEqual([1]);
    const controller = new AbortController();
    controller.abort();
    const before = tf.memory().numTensors;
    expect(() => linearProbe(x, [0, 1], x, [0, 1], { signal: controller.signal })).toThrow(/aborted/);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => linearProbe(x, [0], x, [0, 1])).toThrow(/one label/);
  });
});

describe('evaluateClassifier / predict', () => {
  it('reports accuracy and NLL of the model logits, batch size independent', () => {
    const model = createMlp({ inputSize: 2, numClasses: 2, hidden: [2], seed: 0 });
    // Identity hidden layer and output layer: logits = relu(x).
    model.setWeights([Float32Array.from([1, 0, 0, 1]), new Float32Array(2), Float32Array.from([1, 0, 0, 1]), new Float32Array(2)]);
    const data = {
      x: { rows: 3, cols: 2, data: Float32Array.from([2, 0, 0, 1, 1, 3]) },
      labels: Int32Array.from([0, 0, 1]),
      numClasses: 2,
      shape: [2],
    };
    const report = evaluateClassifier(model, data, { batchSize: 2 });
    expect(report.accuracy).toBeCloseTo(2 / 3, 15);
    expect(Array.from(report.perClassAccuracy)).toEqual([0.5, 1]);
    const nll = (Math.log(1 + Math.exp(-2)) + Math.log(1 + Math.exp(1)) + Math.log(1 + Math.exp(-2))) / 3;
    expect(report.nll).toBeCloseTo(nll, 6);
    const p1 = predict(model, data.x, { batchSize: 1 });
    expect(Array.from(p1.logits.data)).toEqual([2, 0, 0, 1, 1, 3]);
    expect(Array.from(p1.embeddings.data)).toEqual([2, 0, 0, 1, 1, 3]);
    expect(() => predict(model, data.x, { batchSize: 0 })).toThrow(/batchSize/);
    model.dispose();
  });
});
