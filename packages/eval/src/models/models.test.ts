import * as tf from '@tensorflow/tfjs-core';
import { Rng, isCoresetError } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../internal/test-backend.js';
import { createCnn } from './cnn.js';
import { glorotUniform, heNormal } from './init.js';
import { createMlp } from './mlp.js';
import { predict } from './predict.js';

beforeAll(useCpuBackend);

describe('initialisers', () => {
  it('heNormal has std √(2/fanIn) and glorotUniform stays inside ±√(6/(in+out))', () => {
    const he = heNormal(20_000, 50, Rng.fromSeed(1));
    let s = 0;
    for (const v of he) s += v * v;
    expect(Math.sqrt(s / he.length)).toBeCloseTo(Math.sqrt(2 / 50), 2);
    const g = glorotUniform(10_000, 10, 20, Rng.fromSeed(2));
    const a = Math.sqrt(6 / 30);
    expect(Math.max(...g)).toBeLessThan(a);
    expect(Math.min(...g)).toBeGreaterThanOrEqual(-a);
    expect(Math.max(...g)).toBeGreaterThan(0.99 * a);
  });
});

describe('createMlp', () => {
  it('exposes shapes, embedding and logits from the same pass, and is deterministic per seed', () => {
    const a = createMlp({ inputSize: 5, numClasses: 3, hidden: [7, 4], seed: 3 });
    const b = createMlp({ inputSize: 5, numClasses: 3, hidden: [7, 4], seed: 3 });
    const c = createMlp({ inputSize: 5, numClasses: 3, hidden: [7, 4], seed: 4 });
    expect(a.variables.map((v) => v.shape)).toEqual([[5, 7], [7], [7, 4], [4], [4, 3], [3]]);
    expect(a.embeddingSize).toBe(4);
    expect(a.getWeights()).toEqual(b.getWeights());
    expect(a.getWeights()[0]).not.toEqual(c.getWeights()[0]);
    const x = tf.tensor2d(Rng.fromSeed(9).fillNormal(new Float32Array(10)), [2, 5]);
    const emb = a.embed(x);
    const logits = a.logits(x);
    expect(emb.shape).toEqual([2, 4]);
    // logits = embedding · W + b with the last layer's variables.
    const manual = tf.add(tf.matMul(emb, a.variables[4] as tf.Tensor2D), a.variables[5]);
    assertAllClose(logits.dataSync(), manual.dataSync(), { rtol: 1e-6, atol: 1e-6 });
    for (const m of [a, b, c]) m.dispose();
    tf.dispose([x, emb, logits, manual]);
  });

  it('rejects wrong input widths and use after dispose', () => {
    const m = createMlp({ inputSize: 4, numClasses: 2, seed: 0 });
    const x = tf.zeros<tf.Rank.R2>([1, 3]);
    expect(() => m.logits(x)).toThrow(/inputs \[batch, 4\]/);
    m.dispose();
    const y = tf.zeros<tf.Rank.R2>([1, 4]);
    expect(() => m.logits(y)).toThrow(/disposed/);
    tf.dispose([x, y]);
    try {
      createMlp({ inputSize: 4, numClasses: 2, hidden: [], seed: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'INVALID_ARGUMENT') && e.argument).toBe('hidden');
    }
  });

  it('setWeights round-trips and checks sizes', () => {
    const m = createMlp({ inputSize: 3, numClasses: 2, hidden: [2], seed: 1 });
    const w = m.getWeights().map((a) => a.map((v) => v + 1));
    m.setWeights(w);
    expect(m.getWeights()).toEqual(w);
    expect(() => m.setWeights(w.slice(1))).toThrow(/expected 4 arrays/);
    m.dispose();
  });
});

describe('createCnn', () => {
  it('computes the same function with conv2d and im2col convolutions', () => {
    const direct = createCnn({ inputShape: [8, 8, 2], numClasses: 3, channels: [4, 5], hidden: 6, seed: 5, convImplementation: 'conv2d' });
    const patches = createCnn({ inputShape: [8, 8, 2], numClasses: 3, channels: [4, 5], hidden: 6, seed: 5, convImplementation: 'im2col' });
    const x = { rows: 3, cols: 128, data: Rng.fromSeed(1).fillNormal(new Float32Array(3 * 128)) };
    const a = predict(direct, x);
    const b = predict(patches, x);
    expect(a.embeddings.cols).toBe(6);
    assertAllClose(b.logits.data, a.logits.data, { rtol: 1e-4, atol: 1e-5 });
    assertAllClose(b.embeddings.data, a.embeddings.data, { rtol: 1e-4, atol: 1e-5 });
    direct.dispose();
    patches.dispose();
  });

  it('validates its shape options', () => {
    expect(() => createCnn({ inputShape: [6, 6, 1], numClasses: 2, seed: 0 })).toThrow(/divisible by 4/);
    expect(() => createCnn({ inputShape: [8, 8, 1], numClasses: 2, kernelSize: 2, seed: 0 })).toThrow(/odd/);
    expect(() => createCnn({ inputShape: [64], numClasses: 2, seed: 0 })).toThrow(/height, width, channels/);
  });
});
