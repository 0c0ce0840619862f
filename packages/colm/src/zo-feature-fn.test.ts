import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { ZerothOrderEstimator } from '@coresets/gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColmPool } from './colm-step-selector.js';
import { createExactFeatureFn } from './exact-feature-fn.js';
import { useCpuBackend } from './internal/test-backend.js';
import { createZoFeatureFn, stepSeed } from './zo-feature-fn.js';

interface Row {
  readonly source: number;
  readonly x: readonly number[];
  readonly y: number;
}

const [N, IN, OUT] = [8, 5, 3];

/** A softmax-regression "model": its kernel W is the parameter θ. */
function setup(): {
  w: tf.Variable;
  pool: ColmPool<Row>;
  loss: (rows: readonly Row[]) => tf.Tensor1D;
} {
  const rng = Rng.fromSeed(42);
  const w = tf.variable(tf.tensor2d(rng.fillNormal(new Float32Array(IN * OUT)), [IN, OUT]));
  const examples = Array.from({ length: N }, (_, i) => ({
    source: i % 2,
    x: Array.from(rng.fillNormal(new Float64Array(IN))),
    y: rng.int(OUT),
  }));
  const loss = (rows: readonly Row[]): tf.Tensor1D =>
    tf.tidy(() => {
      const x = tf.tensor2d(
        rows.map((r) => [...r.x]),
        [rows.length, IN],
      );
      const logits = tf.matMul(x, w);
      const y = tf.oneHot(
        tf.tensor1d(
          rows.map((r) => r.y),
          'int32',
        ),
        OUT,
      );
      return tf.sub<tf.Tensor1D>(tf.logSumExp(logits, 1), tf.sum(tf.mul(logits, y), 1));
    });
  return {
    w,
    pool: { step: 3, indices: Int32Array.from({ length: N }, (_, i) => i), examples },
    loss,
  };
}

/** The direction a fresh ZO feature uses at a step: same seed stream, same draw order. */
async function directionAt(w: tf.Variable, seed: number, step: number): Promise<Float32Array> {
  const probe = new ZerothOrderEstimator(w, { rng: stepSeed(seed, step) });
  return (await probe.estimate(() => new Float64Array(1))).z;
}

beforeAll(useCpuBackend);

describe('createZoFeatureFn / createExactFeatureFn', () => {
  it('exact features equal the closed form x ⊗ (softmax(xW) − onehot(y))', async () => {
    const { w, pool, loss } = setup();
    const positions = Int32Array.from([1, 4, 6]);
    const g = await createExactFeatureFn<Row, null>({
      parameters: [w],
      loss: (rows) => loss(rows),
    })(pool, positions, null);
    const wv = await w.data();
    const want = new Float64Array(positions.length * IN * OUT);
    positions.forEach((p, r) => {
      const { x, y } = pool.examples[p];
      const logits = Array.from({ length: OUT }, (_, c) =>
        x.reduce((s, xv, a) => s + xv * wv[a * OUT + c], 0),
      );
      const mx = Math.max(...logits);
      const e = logits.map((l) => Math.exp(l - mx));
      const z = e.reduce((s, v) => s + v, 0);
      for (let a = 0; a < IN; a++) {
        for (let c = 0; c < OUT; c++)
          want[r * IN * OUT + a * OUT + c] = x[a] * (e[c] / z - (c === y ? 1 : 0));
      }
    });
    assertAllClose(g.data, want, { rtol: 1e-4, atol: 1e-6 });
    w.dispose();
  });

  it('ZO feature s_i·z matches the exact directional derivative (∇L_i·z)·z (norm-wise rel. error < 1e-2)', async () => {
    const { w, pool, loss } = setup();
    const positions = Int32Array.from({ length: N }, (_, i) => i);
    const before = Float32Array.from(await w.data());
    const zo = await createZoFeatureFn<Row, null>({
      parameter: w,
      loss: (rows) => loss(rows),
      seed: 7,
    })(pool, positions, null);
    // θ is restored bit for bit after the ±εz evaluations.
    expect(Float32Array.from(await w.data())).toEqual(before);
    const g = await createExactFeatureFn<Row, null>({
      parameters: [w],
      loss: (rows) => loss(rows),
    })(pool, positions, null);
    const z = await directionAt(w, 7, pool.step);
    const d = IN * OUT;
    let num = 0;
    let den = 0;
    for (let i = 0; i < N; i++) {
      let dd = 0;
      for (let j = 0; j < d; j++) dd += g.data[i * d + j] * z[j];
      for (let j = 0; j < d; j++) {
        const exact = dd * z[j];
        num += (zo.data[i * d + j] - exact) ** 2;
        den += exact ** 2;
      }
    }
    expect(Math.sqrt(num / den)).toBeLessThan(1e-2);
    w.dispose();
  });

  it('fresh directions change with the step, fixed ones do not', async () => {
    const { w, pool, loss } = setup();
    const positions = Int32Array.from([0]);
    const cosine = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
      let ab = 0;
      let aa = 0;
      let bb = 0;
      for (let j = 0; j < a.length; j++) {
        ab += a[j] * b[j];
        aa += a[j] * a[j];
        bb += b[j] * b[j];
      }
      return ab / Math.sqrt(aa * bb);
    };
    for (const direction of ['fresh', 'fixed'] as const) {
      const fn = createZoFeatureFn<Row, null>({
        parameter: () => w,
        loss: (rows) => loss(rows),
        seed: 1,
        direction,
      });
      const a = await fn(pool, positions, null);
      const b = await fn({ ...pool, step: pool.step + 1 }, positions, null);
      const c = Math.abs(cosine(a.data, b.data));
      if (direction === 'fixed') expect(c).toBeCloseTo(1, 6);
      else expect(c).toBeLessThan(0.9);
    }
    // Same seed and step ⇒ the same features.
    const again = createZoFeatureFn<Row, null>({
      parameter: w,
      loss: (rows) => loss(rows),
      seed: 1,
    });
    expect(Array.from((await again(pool, positions, null)).data)).toEqual(
      Array.from((await again(pool, positions, null)).data),
    );
    w.dispose();
  });

  it('a non-finite loss gives a NaN row (dropped later), and options are validated', async () => {
    const { w, pool, loss } = setup();
    const fn = createZoFeatureFn<Row, null>({
      parameter: w,
      seed: 2,
      loss: (rows) => {
        const values = Array.from(loss(rows).dataSync());
        values[1] = Number.NaN;
        return values;
      },
    });
    const x = await fn(pool, Int32Array.from([0, 1, 2]), null);
    expect(Number.isNaN(x.data[IN * OUT])).toBe(true);
    expect(Number.isFinite(x.data[0])).toBe(true);
    expect(() => createZoFeatureFn({ parameter: w, loss: () => [], seed: 1.5 })).toThrow(
      expect.objectContaining({ argument: 'seed' }),
    );
    expect(() => createZoFeatureFn({ parameter: w, loss: () => [], seed: 1, epsilon: 0 })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', argument: 'epsilon' }),
    );
    expect(() => createExactFeatureFn({ parameters: [w], loss: 3 } as never)).toThrow(
      expect.objectContaining({ argument: 'loss' }),
    );
    w.dispose();
  });
});
