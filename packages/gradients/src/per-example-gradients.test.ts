import * as tf from '@tensorflow/tfjs-core';
import { Rng, isCoresetError } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMlp, crossEntropy, syntheticBatch } from './internal/mlp.js';
import type { Mlp } from './internal/mlp.js';
import { useCpuBackend } from './internal/test-backend.js';
import { lastLayerGradients } from './last-layer-gradients.js';
import { forEachPerExampleGradientChunk, perExampleGradients } from './per-example-gradients.js';
import type { DenseFn, PerExampleLossFn } from './per-example-gradients.js';
import { RandomProjection } from './random-projection.js';

beforeAll(useCpuBackend);

function setup(sizes: number[], n: number, seed: number) {
  const rng = Rng.fromSeed(seed);
  const mlp = createMlp(sizes, rng);
  const { x, y } = syntheticBatch(n, sizes[0], sizes[sizes.length - 1], rng);
  const xs = tf.tensor2d(x, [n, sizes[0]]);
  const ys = tf.tensor1d(y, 'int32');
  const loss: PerExampleLossFn = (start, count, dense) =>
    tf.tidy(() =>
      crossEntropy(
        mlp.logits(tf.slice(xs, [start, 0], [count, -1]), dense),
        tf.slice(ys, start, count),
      ),
    );
  const dispose = () => {
    xs.dispose();
    ys.dispose();
    mlp.dispose();
  };
  return { mlp, x, y, xs, ys, loss, dispose };
}

function allParams(mlp: Mlp): tf.Variable[] {
  return mlp.kernels.flatMap((k, l) => [k, mlp.biases[l]]);
}

describe('perExampleGradients', () => {
  it('batched outer-product gradients equal the per-example tf.variableGrads loop (rtol 1e-5)', async () => {
    const s = setup([6, 5, 4, 3], 11, 1);
    const params = allParams(s.mlp);
    const batched = await perExampleGradients(
      { numExamples: 11, params, loss: s.loss },
      { method: 'batched', chunkSize: 4 },
    );
    const loop = await perExampleGradients(
      { numExamples: 11, params, loss: s.loss },
      { method: 'loop' },
    );
    expect(batched.method).toBe('batched');
    expect(loop.method).toBe('loop');
    expect(batched.dim).toBe(6 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3);
    expect(batched.gradients.rows).toBe(11);
    // float32 backprop with different operation orders: agreement to a few ulps of the largest entries.
    assertAllClose(batched.gradients.data, loop.gradients.data, { rtol: 1e-5, atol: 1e-6 });
    s.dispose();
  });

  it('last-layer columns equal the closed form computed from the embeddings (independent check)', async () => {
    const s = setup([5, 7, 4], 9, 2);
    const last = s.mlp.kernels.length - 1;
    const params = [s.mlp.kernels[last], s.mlp.biases[last]];
    const exact = await perExampleGradients(
      { numExamples: 9, params, loss: s.loss },
      { method: 'batched' },
    );
    const plain: DenseFn = (a, k, b) =>
      b === undefined ? tf.matMul(a, k) : tf.add(tf.matMul(a as tf.Tensor2D, k as tf.Tensor2D), b);
    const emb = tf.tidy(() => s.mlp.embed(s.xs, plain));
    const logits = tf.tidy(() => plain(emb, s.mlp.kernels[last], s.mlp.biases[last]));
    const closed = lastLayerGradients({
      embeddings: { rows: 9, cols: 7, data: emb.dataSync() as Float32Array },
      logits: { rows: 9, cols: 4, data: logits.dataSync() as Float32Array },
      labels: s.y,
    });
    emb.dispose();
    logits.dispose();
    expect(exact.layout.map((l) => [l.offset, l.size])).toEqual([
      [0, 28],
      [28, 4],
    ]);
    assertAllClose(exact.gradients.data, closed.data, { rtol: 1e-5, atol: 1e-6 });
    s.dispose();
  });

  it('sums over the token axis for rank-3 dense inputs, matching the loop', async () => {
    const rng = Rng.fromSeed(3);
    const w = tf.variable(tf.tensor2d(rng.fillNormal(new Float32Array(4 * 3)), [4, 3]));
    const b = tf.variable(tf.tensor1d(rng.fillNormal(new Float32Array(3))));
    const v = tf.variable(tf.tensor2d(rng.fillNormal(new Float32Array(3 * 2)), [3, 2]));
    const x = tf.tensor3d(rng.fillNormal(new Float32Array(5 * 6 * 4)), [5, 6, 4]);
    const loss: PerExampleLossFn = (start, count, dense) =>
      tf.tidy(() => {
        const xb = tf.slice(x, [start, 0, 0], [count, -1, -1]);
        const h = tf.tanh(dense(xb, w, b));
        const o = dense(h, v);
        return tf.mean<tf.Tensor1D>(tf.square(o), [1, 2]);
      });
    const params = [w, b, v];
    const batched = await perExampleGradients(
      { numExamples: 5, params, loss },
      { method: 'batched', chunkSize: 2 },
    );
    const loop = await perExampleGradients({ numExamples: 5, params, loss }, { method: 'loop' });
    assertAllClose(batched.gradients.data, loop.gradients.data, { rtol: 1e-5, atol: 1e-6 });
    for (const t of [w, b, v, x]) t.dispose();
  });

  it('auto falls back to the loop when a parameter is used outside dense; batched refuses', async () => {
    const rng = Rng.fromSeed(4);
    const w = tf.variable(tf.tensor2d(rng.fillNormal(new Float32Array(3 * 2)), [3, 2]));
    const scale = tf.variable(tf.tensor1d([1.5, -0.5]));
    const x = tf.tensor2d(rng.fillNormal(new Float32Array(4 * 3)), [4, 3]);
    const loss: PerExampleLossFn = (start, count, dense) =>
      tf.tidy(() =>
        tf.sum<tf.Tensor1D>(
          tf.square(tf.mul(dense(tf.slice(x, [start, 0], [count, -1]), w), scale)),
          1,
        ),
      );
    const auto = await perExampleGradients({ numExamples: 4, params: [w, scale], loss });
    expect(auto.method).toBe('loop');
    // Row 0 by hand: L = Σ_c (s_c z_c)², z = x W; ∂L/∂s_c = 2 s_c z_c².
    const z = tf.matMul(tf.slice(x, [0, 0], [1, -1]), w).dataSync();
    const s = [1.5, -0.5];
    const row0 = auto.gradients.data.subarray(0, 8);
    assertAllClose(row0.subarray(6, 8), [2 * s[0] * z[0] ** 2, 2 * s[1] * z[1] ** 2], {
      rtol: 1e-5,
    });
    await expect(
      perExampleGradients({ numExamples: 4, params: [w, scale], loss }, { method: 'batched' }),
    ).rejects.toSatisfy((e) => isCoresetError(e, 'INVALID_ARGUMENT') && e.argument === 'params');
    for (const t of [w, scale, x]) t.dispose();
  });

  it('detects a dense kernel also used outside dense (first-chunk check against the full gradient)', async () => {
    const rng = Rng.fromSeed(8);
    const w = tf.variable(tf.tensor2d(rng.fillNormal(new Float32Array(3 * 2)), [3, 2]));
    const x = tf.tensor2d(rng.fillNormal(new Float32Array(5 * 3)), [5, 3]);
    // L_i = ‖x_i W‖² + x_i0 · Σ W: the second term uses W directly, invisible to the taps.
    const loss: PerExampleLossFn = (start, count, dense) =>
      tf.tidy(() => {
        const xb = tf.slice(x, [start, 0], [count, -1]);
        const fit = tf.sum(tf.square(dense(xb, w)), 1);
        return tf.add(fit, tf.mul(tf.reshape(tf.slice(xb, [0, 0], [-1, 1]), [-1]), tf.sum(w)));
      });
    const input = { numExamples: 5, params: [w], loss };
    const loop = await perExampleGradients(input, { method: 'loop' });
    const auto = await perExampleGradients(input, { chunkSize: 2 });
    expect(auto.method).toBe('loop');
    assertAllClose(auto.gradients.data, loop.gradients.data, { rtol: 1e-6, atol: 1e-7 });
    await expect(perExampleGradients(input, { method: 'batched' })).rejects.toSatisfy(
      (e) => isCoresetError(e, 'INVALID_ARGUMENT') && e.argument === 'params',
    );
    // Without the check the batched rows silently miss the direct term.
    const unchecked = await perExampleGradients(input, { method: 'batched', verify: false });
    expect(unchecked.method).toBe('batched');
    expect(Math.abs(unchecked.gradients.data[0] - loop.gradients.data[0])).toBeGreaterThan(1e-3);
    w.dispose();
    x.dispose();
  });

  it('does not depend on the chunk size and leaks no tensors', async () => {
    const s = setup([4, 6, 3], 10, 5);
    const params = allParams(s.mlp);
    const before = tf.memory().numTensors;
    const a = await perExampleGradients(
      { numExamples: 10, params, loss: s.loss },
      { chunkSize: 10 },
    );
    const b = await perExampleGradients(
      { numExamples: 10, params, loss: s.loss },
      { chunkSize: 3, dtype: 'float64' },
    );
    const c = await perExampleGradients(
      { numExamples: 10, params, loss: s.loss },
      { maxChunkBytes: 12 * a.dim * 2 },
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(c.chunkSize).toBe(2);
    expect(b.gradients.data).toBeInstanceOf(Float64Array);
    assertAllClose(b.gradients.data, a.gradients.data, { rtol: 1e-6, atol: 1e-7 });
    assertAllClose(c.gradients.data, a.gradients.data, { rtol: 1e-6, atol: 1e-7 });
    s.dispose();
  });

  it('projects chunk by chunk exactly like projecting the full matrix, and streams chunks in order', async () => {
    const s = setup([4, 5, 3], 7, 6);
    const params = allParams(s.mlp);
    const full = await perExampleGradients(
      { numExamples: 7, params, loss: s.loss },
      { chunkSize: 3 },
    );
    const projection = RandomProjection.create({ inputDim: full.dim, outputDim: 8, rng: 11 });
    const projected = await perExampleGradients(
      { numExamples: 7, params, loss: s.loss },
      { chunkSize: 3, projection, dtype: 'float64' },
    );
    expect(projected.gradients.cols).toBe(8);
    expect(Array.from(projected.gradients.data)).toEqual(
      Array.from(projection.project(full.gradients).data),
    );
    const starts: number[] = [];
    const progress: number[] = [];
    await forEachPerExampleGradientChunk(
      { numExamples: 7, params, loss: s.loss },
      { chunkSize: 3, onProgress: (e) => progress.push(e.completed) },
      (start, rows) => {
        starts.push(start);
        expect(Array.from(rows.data)).toEqual(
          Array.from(
            full.gradients.data.subarray(start * full.dim, (start + rows.rows) * full.dim),
          ),
        );
      },
    );
    expect(starts).toEqual([0, 3, 6]);
    expect(progress).toEqual([3, 6, 7]);
    s.dispose();
  });

  it('validates its input', async () => {
    const s = setup([3, 2], 4, 7);
    const params = allParams(s.mlp);
    const run = (input: Record<string, unknown>, options: Record<string, unknown> = {}) =>
      perExampleGradients({ numExamples: 4, params, loss: s.loss, ...input }, options);
    await expect(run({ params: [params[0], params[0]] })).rejects.toSatisfy((e) =>
      isCoresetError(e, 'INVALID_ARGUMENT'),
    );
    await expect(run({ numExamples: -1 })).rejects.toSatisfy((e) =>
      isCoresetError(e, 'OUT_OF_RANGE'),
    );
    await expect(run({}, { chunkSize: 2, maxChunkBytes: 100 })).rejects.toSatisfy(
      (e) => isCoresetError(e, 'INVALID_ARGUMENT') && e.argument === 'maxChunkBytes',
    );
    await expect(run({}, { chunk: 2 })).rejects.toSatisfy((e) =>
      isCoresetError(e, 'UNKNOWN_OPTION'),
    );
    const badLoss: PerExampleLossFn = (start, count, dense) =>
      tf.tidy(() =>
        tf.sum(
          crossEntropy(
            s.mlp.logits(tf.slice(s.xs, [start, 0], [count, -1]), dense),
            tf.slice(s.ys, start, count),
          ),
        ),
      );
    for (const method of ['batched', 'loop'] as const) {
      await expect(run({ loss: badLoss }, { method })).rejects.toSatisfy(
        (e) => isCoresetError(e, 'SHAPE_MISMATCH') && e.argument === 'loss',
      );
    }
    const controller = new AbortController();
    controller.abort();
    await expect(run({}, { signal: controller.signal })).rejects.toSatisfy((e) =>
      isCoresetError(e, 'ABORTED'),
    );
    const frozen = tf.variable(tf.zeros([2, 2]), false);
    await expect(
      perExampleGradients(
        { numExamples: 1, params: [frozen], loss: () => tf.zeros([1]) },
        { method: 'loop' },
      ),
    ).rejects.toSatisfy((e) => isCoresetError(e, 'INVALID_ARGUMENT') && e.argument === 'params');
    frozen.dispose();
    s.dispose();
  });
});
