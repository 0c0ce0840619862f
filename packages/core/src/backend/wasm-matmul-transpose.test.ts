import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { assertAllClose } from '../testing/close.js';
import { initBackend } from './init-backend.js';
import { registerWasmMatMulTransposeFix } from './wasm-matmul-transpose.js';

describe('wasm BatchMatMul with transposed operands', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'wasm' });
  });

  it('gives the same products as the cpu backend for every transpose combination, batched too, without leaks', async () => {
    expect(registerWasmMatMulTransposeFix()).toBe(true); // idempotent: already in place after initBackend
    const rng = Rng.fromSeed(4);
    const values = (n: number) => rng.fillNormal(new Float32Array(n));
    const a = values(2 * 5 * 3);
    const b = values(2 * 3 * 4);
    const cases: [number[], number[], boolean, boolean][] = [
      [[2, 5, 3], [2, 3, 4], false, false],
      [[2, 3, 5], [2, 3, 4], true, false],
      [[2, 5, 3], [2, 4, 3], false, true],
      [[2, 3, 5], [2, 4, 3], true, true],
    ];
    for (const [sa, sb, ta, tb] of cases) {
      const run = () => tf.tidy(() => tf.matMul(tf.tensor3d(a, sa as [number, number, number]), tf.tensor3d(b, sb as [number, number, number]), ta, tb).dataSync());
      const before = tf.memory().numTensors;
      const onWasm = run();
      expect(tf.memory().numTensors).toBe(before);
      await tf.setBackend('cpu');
      const onCpu = run();
      await tf.setBackend('wasm');
      assertAllClose(onWasm, onCpu, { rtol: 1e-5, atol: 1e-5 });
    }
  });

  it('keeps dense-layer gradients equal to cpu', async () => {
    const rng = Rng.fromSeed(5);
    const x = rng.fillNormal(new Float32Array(8 * 6));
    const w = rng.fillNormal(new Float32Array(6 * 3));
    const grads = () =>
      tf.tidy(() => {
        const g = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.square(tf.matMul(xx as tf.Tensor2D, ww as tf.Tensor2D))));
        const [gx, gw] = g([tf.tensor2d(x, [8, 6]), tf.tensor2d(w, [6, 3])]);
        return [gx.dataSync(), gw.dataSync()];
      });
    const [wx, ww] = grads();
    await tf.setBackend('cpu');
    const [cx, cw] = grads();
    await tf.setBackend('wasm');
    assertAllClose(wx, cx, { rtol: 1e-5, atol: 1e-5 });
    assertAllClose(ww, cw, { rtol: 1e-5, atol: 1e-5 });
  });
});
