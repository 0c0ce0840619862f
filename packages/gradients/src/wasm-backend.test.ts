// The key checks of this package on the wasm backend (the default backend of the project).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-wasm';
import { Rng, initBackend } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdamNormalizer } from './adam-normalizer.js';
import { createMlp, crossEntropy, syntheticBatch } from './internal/mlp.js';
import { lastLayerGradients } from './last-layer-gradients.js';
import { lastLayerGradientsTensor } from './last-layer-gradients-tensor.js';
import { measureGradientThroughput } from './gradient-throughput.js';
import { perExampleGradients } from './per-example-gradients.js';
import type { DenseFn, PerExampleLossFn } from './per-example-gradients.js';
import { zerothOrderFeatures } from './zeroth-order.js';

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  const info = await initBackend({ prefer: 'wasm' });
  expect(info.name).toBe('wasm');
  expect(tf.getBackend()).toBe('wasm');
}, 30_000);

describe('on the wasm backend', () => {
  it('batched per-example gradients equal the loop, and the last layer equals the closed form', async () => {
    const rng = Rng.fromSeed(1);
    const mlp = createMlp([5, 6, 3], rng);
    const { x, y } = syntheticBatch(8, 5, 3, rng);
    const xs = tf.tensor2d(x, [8, 5]);
    const ys = tf.tensor1d(y, 'int32');
    const loss: PerExampleLossFn = (start, count, dense) =>
      tf.tidy(() =>
        crossEntropy(
          mlp.logits(tf.slice(xs, [start, 0], [count, -1]), dense),
          tf.slice(ys, start, count),
        ),
      );
    const params = [mlp.kernels[0], mlp.biases[0], mlp.kernels[1], mlp.biases[1]];
    const batched = await perExampleGradients(
      { numExamples: 8, params, loss },
      { method: 'batched', chunkSize: 3 },
    );
    const loop = await perExampleGradients({ numExamples: 8, params, loss }, { method: 'loop' });
    assertAllClose(batched.gradients.data, loop.gradients.data, { rtol: 1e-5, atol: 1e-6 });

    const plain: DenseFn = (a, k, b) =>
      tf.add(tf.matMul(a as tf.Tensor2D, k as tf.Tensor2D), b ?? tf.scalar(0));
    const emb = tf.tidy(() => mlp.embed(xs, plain));
    const logits = tf.tidy(() => plain(emb, mlp.kernels[1], mlp.biases[1]) as tf.Tensor2D);
    const closed = lastLayerGradients({
      embeddings: { rows: 8, cols: 6, data: emb.dataSync() as Float32Array },
      logits: { rows: 8, cols: 3, data: logits.dataSync() as Float32Array },
      labels: y,
    });
    const dim = batched.dim;
    const lastOffset = batched.layout[2].offset;
    for (let i = 0; i < 8; i++) {
      assertAllClose(
        batched.gradients.data.subarray(i * dim + lastOffset, (i + 1) * dim),
        closed.data.subarray(i * 21, (i + 1) * 21),
        {
          rtol: 1e-5,
          atol: 1e-6,
        },
      );
    }
    const tensorVersion = lastLayerGradientsTensor({ embeddings: emb, logits, labels: y });
    assertAllClose(tensorVersion.dataSync(), closed.data, { rtol: 1e-5, atol: 1e-6 });
    tf.dispose([emb, logits, tensorVersion, xs, ys]);
    mlp.dispose();
  });

  it('zeroth-order estimate matches ∇L_i·z and restores the parameter bit for bit', async () => {
    const rng = Rng.fromSeed(2);
    const mlp = createMlp([4, 6, 3], rng);
    const { x, y } = syntheticBatch(10, 4, 3, rng);
    const xs = tf.tensor2d(x, [10, 4]);
    const ys = tf.tensor1d(y, 'int32');
    const loss: PerExampleLossFn = (start, count, dense) =>
      tf.tidy(() =>
        crossEntropy(
          mlp.logits(tf.slice(xs, [start, 0], [count, -1]), dense),
          tf.slice(ys, start, count),
        ),
      );
    const target = mlp.kernels[1];
    const before = Array.from(new Uint32Array(target.dataSync().slice().buffer));
    const exact = await perExampleGradients({ numExamples: 10, params: [target], loss });
    const plain: DenseFn = (a, k, b) =>
      tf.add(tf.matMul(a as tf.Tensor2D, k as tf.Tensor2D), b ?? tf.scalar(0));
    const f = await zerothOrderFeatures(target, () => loss(0, 10, plain), { rng: 3 });
    expect(Array.from(new Uint32Array(target.dataSync().slice().buffer))).toEqual(before);
    let num = 0;
    let den = 0;
    for (let i = 0; i < 10; i++) {
      let d = 0;
      for (let j = 0; j < 18; j++) d += exact.gradients.data[i * 18 + j] * f.z[j];
      num += (f.s[i] - d) ** 2;
      den += d * d;
    }
    // Same bound and reasoning as zeroth-order.test.ts (float32 rounding / 2ε).
    expect(Math.sqrt(num / den)).toBeLessThan(1e-3);
    tf.dispose([xs, ys]);
    mlp.dispose();
  });

  it('Adam transform is backend-free and the throughput helper runs here', async () => {
    const u = new AdamNormalizer(3).transform({
      rows: 1,
      cols: 3,
      data: Float64Array.from([2, -0.5, 0]),
    });
    assertAllClose(u.data, [1, -1, 0], { atol: 1e-7 });
    const t = await measureGradientThroughput({
      inputDim: 8,
      hiddenDims: [6],
      numClasses: 3,
      numExamples: 16,
      chunkSize: 8,
    });
    expect([t.backend, t.method, t.dim, t.numExamples]).toEqual([
      'wasm',
      'batched',
      8 * 6 + 6 + 6 * 3 + 3,
      16,
    ]);
    expect(t.examplesPerSecond).toBeGreaterThan(0);
  });
});
