import * as tf from '@tensorflow/tfjs-core';
import { Rng, isCoresetError, matrixFromRows } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from './internal/test-backend.js';
import { lastLayerGradients } from './last-layer-gradients.js';

beforeAll(useCpuBackend);

function randomMatrix(rows: number, cols: number, rng: Rng, scale = 1): Matrix<Float32Array> {
  const data = new Float32Array(rows * cols);
  for (let q = 0; q < data.length; q++) data[q] = scale * rng.normal();
  return { rows, cols, data };
}

describe('lastLayerGradients', () => {
  it('has the documented layout on a hand example', () => {
    // E = 2, C = 2: logits [0, ln 3] → p = [1/4, 3/4]; y = 1 → r = [1/4, −1/4].
    const g = lastLayerGradients({
      embeddings: matrixFromRows([[2, -4]]),
      logits: matrixFromRows([[0, Math.log(3)]]),
      labels: [1],
    });
    expect(g.cols).toBe(6);
    // kernel (e, c) at e·C + c: h0·r0, h0·r1, h1·r0, h1·r1; then bias r0, r1.
    assertAllClose(g.data, [0.5, -0.5, -1, 1, 0.25, -0.25], { rtol: 1e-15 });
    const noBias = lastLayerGradients(
      {
        embeddings: matrixFromRows([[2, -4]]),
        logits: matrixFromRows([[0, Math.log(3)]]),
        labels: [1],
      },
      { bias: false },
    );
    assertAllClose(noBias.data, [0.5, -0.5, -1, 1], { rtol: 1e-15 });
  });

  it('equals tf.grad of the per-example cross-entropy on random models (1e-5)', () => {
    for (const seed of [1, 2, 3]) {
      const rng = Rng.fromSeed(seed);
      const n = 6;
      const e = 3 + seed;
      const c = 2 + seed;
      const h = randomMatrix(n, e, rng);
      const w = randomMatrix(e, c, rng);
      const b = randomMatrix(1, c, rng);
      const labels = Int32Array.from({ length: n }, () => rng.int(c));
      const logits = tf.tidy(() =>
        tf.add(
          tf.matMul(tf.tensor2d(h.data, [n, e]), tf.tensor2d(w.data, [e, c])),
          tf.tensor1d(b.data),
        ),
      );
      const closed = lastLayerGradients({
        embeddings: h,
        logits: { rows: n, cols: c, data: logits.dataSync() as Float32Array },
        labels,
      });
      logits.dispose();
      for (let i = 0; i < n; i++) {
        const [gw, gb] = tf.tidy(() => {
          const hi = tf.tensor2d(h.data.subarray(i * e, (i + 1) * e), [1, e]);
          const onehot = tf.oneHot(tf.tensor1d([labels[i]], 'int32'), c);
          const loss = (wt: tf.Tensor, bt: tf.Tensor) =>
            tf.neg(
              tf.sum(tf.mul(onehot, tf.logSoftmax(tf.add(tf.matMul(hi, wt as tf.Tensor2D), bt)))),
            );
          return tf
            .grads(loss)([tf.tensor2d(w.data, [e, c]), tf.tensor1d(b.data)])
            .map((t) => t.dataSync());
        });
        const row = closed.data.subarray(i * c * (e + 1), (i + 1) * c * (e + 1));
        assertAllClose(row.subarray(0, e * c), gw, { rtol: 1e-5, atol: 1e-6 });
        assertAllClose(row.subarray(e * c), gb, { rtol: 1e-5, atol: 1e-6 });
      }
    }
  });

  it('gives the same rows from probabilities, for any chunk size, and in float32 storage', () => {
    const rng = Rng.fromSeed(9);
    const h = randomMatrix(7, 4, rng);
    const logits = randomMatrix(7, 3, rng, 2);
    const labels = [0, 1, 2, 2, 1, 0, 1];
    const probs = new Float64Array(21);
    for (let i = 0; i < 7; i++) {
      let s = 0;
      for (let j = 0; j < 3; j++) s += Math.exp(logits.data[i * 3 + j]);
      for (let j = 0; j < 3; j++) probs[i * 3 + j] = Math.exp(logits.data[i * 3 + j]) / s;
    }
    const a = lastLayerGradients({ embeddings: h, logits, labels });
    const b = lastLayerGradients({
      embeddings: h,
      probabilities: { rows: 7, cols: 3, data: probs },
      labels,
    });
    assertAllClose(b.data, a.data, { rtol: 1e-12, atol: 1e-15 });
    const progress: number[] = [];
    const c = lastLayerGradients(
      { embeddings: h, logits, labels },
      { chunkRows: 3, onProgress: (p) => progress.push(p.completed) },
    );
    expect(Array.from(c.data)).toEqual(Array.from(a.data));
    expect(progress).toEqual([3, 6, 7]);
    const f = lastLayerGradients({ embeddings: h, logits, labels }, { dtype: 'float32' });
    expect(f.data).toBeInstanceOf(Float32Array);
    expect(Array.from(f.data)).toEqual(Array.from(Float32Array.from(a.data)));
  });

  it('rejects bad input naming the argument', () => {
    const h = matrixFromRows([[1, 2]]);
    const z = matrixFromRows([[0, 0]]);
    const expectError = (fn: () => unknown, code: string, argument: string) => {
      try {
        fn();
      } catch (e) {
        expect(isCoresetError(e)).toBe(true);
        expect([(e as { code: string }).code, (e as { argument: string }).argument]).toEqual([
          code,
          argument,
        ]);
        return;
      }
      throw new Error('expected a CoresetError');
    };
    expectError(
      () => lastLayerGradients({ embeddings: h, logits: z, labels: [2] }),
      'OUT_OF_RANGE',
      'labels',
    );
    expectError(
      () => lastLayerGradients({ embeddings: h, logits: z, labels: [0, 1] }),
      'SHAPE_MISMATCH',
      'labels',
    );
    expectError(
      () =>
        lastLayerGradients({ embeddings: h, logits: z, probabilities: z, labels: [0] } as never),
      'INVALID_ARGUMENT',
      'probabilities',
    );
    expectError(
      () =>
        lastLayerGradients({
          embeddings: h,
          probabilities: matrixFromRows([[0.5, 0.4]]),
          labels: [0],
        }),
      'INVALID_ARGUMENT',
      'probabilities',
    );
    expectError(
      () => lastLayerGradients({ embeddings: matrixFromRows([[1], [2]]), logits: z, labels: [0] }),
      'SHAPE_MISMATCH',
      'embeddings',
    );
    expectError(
      () =>
        lastLayerGradients({
          embeddings: matrixFromRows([[Number.NaN, 1]]),
          logits: z,
          labels: [0],
        }),
      'NON_FINITE',
      'embeddings',
    );
    expectError(
      () => lastLayerGradients({ embeddings: h, logits: z, labels: [0] }, { chunkRows: 0 }),
      'OUT_OF_RANGE',
      'chunkRows',
    );
    const controller = new AbortController();
    controller.abort();
    expectError(
      () =>
        lastLayerGradients(
          { embeddings: h, logits: z, labels: [0] },
          { signal: controller.signal },
        ),
      'ABORTED',
      undefined as unknown as string,
    );
  });
});
