// The tfjs-dependent pieces of the trainer share one test file: each file that loads tfjs pays a
// few seconds of start-up on the 2-core CI machine.
import * as tf from '@tensorflow/tfjs-core';
import { Rng, isCoresetError } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabeledDataset } from '../data/dataset.js';
import { subsetDataset } from '../data/dataset.js';
import { makeGaussianBlobs } from '../data/gaussian-blobs.js';
import { useCpuBackend } from '../internal/test-backend.js';
import { evaluateClassifier } from '../metrics/evaluate-classifier.js';
import { createCnn } from '../models/cnn.js';
import { createMlp } from '../models/mlp.js';
import { clipByGlobalNorm } from './clip.js';
import { weightedCrossEntropy } from './loss.js';
import { createOptimizer } from './optimizer.js';
import type { BatchRecord } from './train-classifier.js';
import { trainClassifier } from './train-classifier.js';
import { trainOnCoreset } from './train-on-coreset.js';

beforeAll(useCpuBackend);

const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());

describe('weightedCrossEntropy', () => {
  it('matches hand-computed values', () => {
    // Row 0: logits [0, ln 3] → p = [1/4, 3/4], label 1 → CE = ln(4/3). Row 1: [0, 0], label 0 → ln 2.
    const logits = tf.tensor2d([0, Math.log(3), 0, 0], [2, 2]);
    const labels = tf.tensor1d([1, 0], 'int32');
    expect(weightedCrossEntropy(logits, labels).dataSync()[0]).toBeCloseTo((Math.log(4 / 3) + Math.log(2)) / 2, 6);
    const w = tf.tensor1d([2, 0]);
    expect(weightedCrossEntropy(logits, labels, w).dataSync()[0]).toBeCloseTo(Math.log(4 / 3), 6);
  });

  it('with integer weights normalised to mean 1 equals the loss (and gradient) of the duplicated set', () => {
    const rng = Rng.fromSeed(4);
    const z = tf.variable(tf.tensor2d(rng.fillNormal(new Float32Array(12)), [3, 4]));
    const counts = [2, 1, 3];
    const labels = [3, 0, 2];
    const weighted = tf.variableGrads(() =>
      weightedCrossEntropy(z, tf.tensor1d(labels, 'int32'), tf.tensor1d(counts.map((c) => (c * 3) / 6))),
    );
    const rows = counts.flatMap((c, i) => Array<number>(c).fill(i));
    const duplicated = tf.variableGrads(() =>
      weightedCrossEntropy(
        tf.gather(z, tf.tensor1d(rows, 'int32')),
        tf.tensor1d(rows.map((r) => labels[r]), 'int32'),
      ),
    );
    expect(weighted.value.dataSync()[0]).toBeCloseTo(duplicated.value.dataSync()[0], 6);
    // Weighted mean over 3 rows vs plain mean over 6: gradients differ by the factor 6/3 … no —
    // both are means over the same multiset, so they agree exactly.
    assertAllClose(values(weighted.grads[z.name]), values(duplicated.grads[z.name]), { rtol: 1e-5, atol: 1e-7 });
    z.dispose();
  });
});

describe('clipByGlobalNorm', () => {
  it('scales all gradients by maxNorm/‖g‖ only when the norm exceeds maxNorm', () => {
    const g = [tf.tensor1d([3, 0]), tf.tensor1d([0, 4])];
    const clipped = clipByGlobalNorm(g, 1);
    expect(clipped.norm).toBeCloseTo(5, 6);
    assertAllClose(values(clipped.grads[0]), [0.6, 0], { rtol: 1e-6 });
    assertAllClose(values(clipped.grads[1]), [0, 0.8], { rtol: 1e-6 });
    const untouched = clipByGlobalNorm(g, 10);
    expect(values(untouched.grads[1])).toEqual([0, 4]);
    tf.dispose([...g, ...clipped.grads, ...untouched.grads]);
    expect(() => clipByGlobalNorm([], 0)).toThrow(/clipNorm/);
  });
});

describe('createOptimizer', () => {
  const run = (name: 'sgd' | 'adam' | 'adamw', opts: Record<string, number | boolean>, grads: number[][], lr = 0.1): number[] => {
    const p = tf.variable(tf.tensor1d([1, -2]));
    const opt = createOptimizer([p], { name, ...opts });
    for (const g of grads) {
      const t = tf.tensor1d(g);
      opt.apply([t], lr);
      t.dispose();
    }
    const out = values(p);
    opt.dispose();
    p.dispose();
    return out;
  };

  it('SGD with Nesterov momentum and coupled weight decay follows the PyTorch update', () => {
    // μ = 0.9, wd = 0.1, lr = 0.1. Step 1: d = g + 0.1p = [0.6, -0.2]; buf = d; step = d + 0.9·buf = [1.14, -0.38]
    // p = [1, −2] − 0.1·step = [0.886, −1.962]. Step 2 with g = [0, 1]: d = [0.0886, 0.8038];
    // buf = 0.9·[0.6, −0.2] + d = [0.6286, 0.6238]; step = d + 0.9·buf = [0.65434, 1.36522]; p = [0.820566, −2.098522].
    const out = run('sgd', { momentum: 0.9, nesterov: true, weightDecay: 0.1 }, [[0.5, 0], [0, 1]]);
    assertAllClose(out, [0.820566, -2.098522], { rtol: 1e-5 });
    // Plain SGD: p − lr·g.
    assertAllClose(run('sgd', { momentum: 0 }, [[1, 2]]), [0.9, -2.2], { rtol: 1e-6 });
  });

  it('Adam: the first step moves each parameter by lr·sign(g); AdamW also shrinks by (1 − lr·wd)', () => {
    assertAllClose(run('adam', {}, [[0.5, -3]]), [0.9, -1.9], { rtol: 1e-5 });
    assertAllClose(run('adamw', { weightDecay: 0.5 }, [[0.5, -3]]), [1 * 0.95 - 0.1, -2 * 0.95 + 0.1], { rtol: 1e-5 });
    // Coupled decay in Adam changes the gradient, not the step size: g + wd·p = [0.5+0.5, −3−1] → same signs.
    assertAllClose(run('adam', { weightDecay: 0.5 }, [[0.5, -3]]), [0.9, -1.9], { rtol: 1e-5 });
  });

  it('leaves exempt variables undecayed and validates options', () => {
    const a = tf.variable(tf.tensor1d([1]));
    const b = tf.variable(tf.tensor1d([1]));
    const opt = createOptimizer([a, b], { name: 'sgd', momentum: 0, weightDecay: 1 }, [b]);
    const zero = tf.tensor1d([0]);
    opt.apply([zero, zero], 0.5);
    expect([values(a)[0], values(b)[0]]).toEqual([0.5, 1]);
    expect(opt.iterations).toBe(1);
    opt.dispose();
    tf.dispose([a, b, zero]);
    try {
      createOptimizer([], { momentum: 1 });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'OUT_OF_RANGE') && e.argument).toBe('momentum');
    }
    expect(() => createOptimizer([], { name: 'rmsprop' as 'sgd' })).toThrow(/optimizer must be/);
  });
});

function blobs(n: number, seed: number): LabeledDataset {
  return makeGaussianBlobs({ n, numClasses: 3, dim: 4, clusterStd: 0.7, centerScale: 3, seed });
}

describe('trainClassifier', () => {
  it('learns Gaussian blobs, evaluates every N steps and after the last, and reports progress', () => {
    const all = blobs(600, 1);
    const train = subsetDataset(all, Int32Array.from({ length: 300 }, (_, i) => i));
    const test = subsetDataset(all, Int32Array.from({ length: 300 }, (_, i) => 300 + i));
    const model = createMlp({ inputSize: 4, numClasses: 3, hidden: [16], seed: 2 });
    const progress: number[] = [];
    const result = trainClassifier(model, train, {
      iterations: 45,
      batchSize: 32,
      learningRate: 0.1,
      seed: 3,
      evaluation: { data: test, every: 20 },
      onProgress: (e) => progress.push(e.completed),
      progressEvery: 20,
    });
    expect(result.evaluations.map((e) => e.step)).toEqual([20, 40, 45]);
    expect(progress).toEqual([20, 40, 45]);
    expect(result.finalAccuracy).toBe(result.evaluations[2].accuracy);
    expect(result.finalAccuracy).toBeGreaterThan(0.9);
    expect(result.bestAccuracy).toBe(Math.max(...result.evaluations.map((e) => e.accuracy)));
    // 10 batches per epoch (nine of 32, one of 12): 4 epochs + 5 batches = 1200 + 160 rows.
    expect(result.epochs).toBeCloseTo(1360 / 300, 10);
    expect(result.losses[44]).toBeLessThan(result.losses[0]);
    // Cosine from 0.1 to 1e-4 over 45 steps.
    expect(result.learningRates[0]).toBeCloseTo(0.1, 12);
    expect(result.learningRates[44]).toBeCloseTo(1e-4, 12);
    model.dispose();
  });

  it('is deterministic for a seed and different for another', () => {
    const train = blobs(90, 5);
    const run = (seed: number): Float64Array => {
      const model = createMlp({ inputSize: 4, numClasses: 3, hidden: [8], seed: 1 });
      const r = trainClassifier(model, train, { iterations: 12, batchSize: 16, seed, augment: undefined });
      model.dispose();
      return r.losses;
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('with integer weights trains exactly like the duplicated data set (full batch)', () => {
    const base = blobs(12, 9);
    const counts = [1, 2, 3, 1, 1, 2, 4, 1, 1, 2, 1, 1];
    const dupRows = counts.flatMap((c, i) => Array<number>(c).fill(i));
    const dup = subsetDataset(base, dupRows);
    const options = { iterations: 8, learningRate: 0.2, seed: 0, weightDecay: 0.01, clipNorm: 5 } as const;
    const a = createMlp({ inputSize: 4, numClasses: 3, hidden: [5], seed: 4 });
    const b = createMlp({ inputSize: 4, numClasses: 3, hidden: [5], seed: 4 });
    const ra = trainClassifier(a, base, { ...options, batchSize: base.x.rows, weights: counts });
    const rb = trainClassifier(b, dup, { ...options, batchSize: dup.x.rows });
    assertAllClose(ra.losses, rb.losses, { rtol: 1e-5 });
    a.getWeights().forEach((w, i) => assertAllClose(w, b.getWeights()[i], { rtol: 1e-4, atol: 1e-6 }));
    a.dispose();
    b.dispose();
  });

  it('hands the hook ids, labels, logits and probabilities of the pass that gave the loss', () => {
    const train = blobs(50, 2);
    const ids = Int32Array.from({ length: 50 }, (_, i) => 1000 + i);
    const model = createMlp({ inputSize: 4, numClasses: 3, hidden: [6], seed: 2 });
    const records: BatchRecord[] = [];
    trainClassifier(model, train, {
      iterations: 9,
      batchSize: 16,
      seed: 1,
      ids,
      recordEmbeddings: true,
      onBatch: (r) => records.push(r),
    });
    expect(records.map((r) => r.epoch)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2]);
    expect(records.map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // Every example exactly once per epoch, reported by id, with its label.
    for (const epoch of [0, 1]) {
      const seen = records.filter((r) => r.epoch === epoch).flatMap((r) => Array.from(r.ids));
      expect(seen.sort((x, y) => x - y)).toEqual(Array.from(ids));
    }
    for (const r of records) {
      r.ids.forEach((id, k) => expect(r.labels[k]).toBe(train.labels[id - 1000]));
      expect(r.embeddings?.cols).toBe(6);
      // The loss is the mean CE of these logits, and the probabilities their softmax.
      let ce = 0;
      for (let k = 0; k < r.labels.length; k++) {
        const row = Array.from(r.logits.data.subarray(k * 3, k * 3 + 3));
        const lse = Math.log(row.reduce((s, v) => s + Math.exp(v), 0));
        ce += lse - row[r.labels[k]];
        for (let c = 0; c < 3; c++) expect(r.probabilities.data[k * 3 + c]).toBeCloseTo(Math.exp(row[c] - lse), 10);
      }
      expect(r.loss).toBeCloseTo(ce / r.labels.length, 5);
    }
    model.dispose();
  });

  it('leaks no tensors across steps and honours AbortSignal', () => {
    const start = tf.memory().numTensors;
    const train = blobs(64, 3);
    const model = createCnn({ inputShape: [4, 4, 1], numClasses: 3, channels: [2, 3], hidden: 4, seed: 0 });
    const square = subsetDataset({ ...train, x: { rows: 64, cols: 16, data: new Float32Array(64 * 16).map((_, i) => train.x.data[i % 256]) }, shape: [4, 4, 1] }, Int32Array.from({ length: 64 }, (_, i) => i));
    const counts: number[] = [];
    trainClassifier(model, square, {
      iterations: 6,
      batchSize: 8,
      seed: 0,
      clipNorm: 1,
      optimizer: 'adamw',
      learningRate: 0.01,
      onBatch: () => counts.push(tf.memory().numTensors),
    });
    expect(new Set(counts).size).toBe(1);
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let steps = 0;
    try {
      trainClassifier(model, square, {
        iterations: 50,
        batchSize: 8,
        seed: 0,
        signal: controller.signal,
        onBatch: () => {
          if (++steps === 3) controller.abort();
        },
      });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'ABORTED')).toBe(true);
    }
    expect(steps).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('rejects unknown options, bad weights and mismatched models', () => {
    const train = blobs(20, 1);
    const model = createMlp({ inputSize: 4, numClasses: 3, hidden: [4], seed: 0 });
    const bad = (options: Record<string, unknown>, code: string, argument: string): void => {
      try {
        trainClassifier(model, train, { iterations: 1, seed: 0, ...options });
        expect.unreachable();
      } catch (e) {
        expect(isCoresetError(e) && [e.code, e.argument]).toEqual([code, argument]);
      }
    };
    bad({ epochs: 3 }, 'UNKNOWN_OPTION', 'epochs');
    bad({ weights: new Float64Array(20) }, 'INVALID_ARGUMENT', 'weights');
    bad({ weights: [1, 2] }, 'SHAPE_MISMATCH', 'weights');
    bad({ iterations: 0 }, 'OUT_OF_RANGE', 'iterations');
    bad({ learningRate: 1e9, iterations: 30 }, 'NON_FINITE', 'learningRate');
    const other = createMlp({ inputSize: 5, numClasses: 3, seed: 0 });
    expect(() => trainClassifier(other, train, { iterations: 1, seed: 0 })).toThrow(/model expects 5/);
    model.dispose();
    other.dispose();
  });
});

describe('models overfit a tiny batch', () => {
  it('MLP and CNN reach 100% training accuracy on 16 random examples (cpu)', () => {
    const rng = Rng.fromSeed(11);
    const tiny: LabeledDataset = {
      x: { rows: 16, cols: 16, data: rng.fillNormal(new Float32Array(16 * 16)) },
      labels: Int32Array.from({ length: 16 }, (_, i) => i % 4),
      numClasses: 4,
      shape: [4, 4, 1],
    };
    const mlp = createMlp({ inputSize: 16, numClasses: 4, hidden: [16], seed: 1 });
    const cnn = createCnn({ inputShape: [4, 4, 1], numClasses: 4, channels: [4, 8], hidden: 16, seed: 1 });
    for (const model of [mlp, cnn]) {
      trainClassifier(model, tiny, { iterations: 60, batchSize: 16, optimizer: 'adam', learningRate: 0.05, weightDecay: 0, seed: 0 });
      expect(evaluateClassifier(model, tiny).accuracy).toBe(1);
      model.dispose();
    }
  });
});


describe('trainOnCoreset', () => {
  it('trains a fresh model on the selected rows, reporting pool ids to the hook', () => {
    const all = blobs(200, 4);
    const test = subsetDataset(all, Int32Array.from({ length: 100 }, (_, i) => 100 + i));
    const seen = new Set<number>();
    const selection = { indices: [3, 10, 11, 50, 7, 60, 61, 62, 90, 91], weights: [1, 2, 1, 1, 1, 1, 3, 1, 1, 1] };
    const run = (): ReturnType<typeof trainOnCoreset> =>
      trainOnCoreset((rng) => createMlp({ inputSize: 4, numClasses: 3, hidden: [8], seed: rng }), all, selection, {
        test,
        iterations: 20,
        batchSize: 4,
        learningRate: 0.1,
        seed: 9,
        evaluateEvery: 10,
        onBatch: (r) => r.ids.forEach((id) => seen.add(id)),
      });
    const before = tf.memory().numTensors;
    const a = run();
    expect(tf.memory().numTensors).toBe(before);
    expect(a.size).toBe(10);
    expect([...seen].sort((x, y) => x - y)).toEqual([...selection.indices].sort((x, y) => x - y));
    expect(a.train.evaluations.map((e) => e.step)).toEqual([10, 20]);
    expect(a.test.accuracy).toBe(a.train.finalAccuracy);
    expect(run().train.losses).toEqual(a.train.losses);
    expect(() => trainOnCoreset(() => createMlp({ inputSize: 4, numClasses: 3, seed: 0 }), all, { indices: [] }, { test, iterations: 1, seed: 0 })).toThrow(/empty/);
  });
});
