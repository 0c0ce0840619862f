import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { initBackend } from './init-backend.js';
import { registerWasmGatherFastPath } from './wasm-gather.js';

async function onBothBackends<T>(run: () => T): Promise<[T, T]> {
  const onWasm = run();
  await tf.setBackend('cpu');
  const onCpu = run();
  await tf.setBackend('wasm');
  return [onWasm, onCpu];
}

describe('wasm GatherV2 row-copy fast path', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'wasm', env: {} });
  });

  it('gives the cpu backend’s results for axis-0 gathers of every rank and dtype, without leaks', async () => {
    expect(registerWasmGatherFastPath()).toBe(true); // idempotent: already in place after initBackend
    const rng = Rng.fromSeed(7);
    const cases: { shape: number[]; dtype: 'float32' | 'int32'; indexShape: number[] }[] = [
      { shape: [9], dtype: 'float32', indexShape: [12] },
      { shape: [7, 3], dtype: 'float32', indexShape: [10] },
      { shape: [6, 40], dtype: 'float32', indexShape: [2, 5] },
      { shape: [5, 2, 3], dtype: 'int32', indexShape: [8] },
    ];
    for (const { shape, dtype, indexShape } of cases) {
      const size = shape.reduce((a, b) => a * b, 1);
      const values = Float32Array.from({ length: size }, () => (dtype === 'int32' ? rng.int(100) : rng.normal()));
      const ids = Int32Array.from({ length: indexShape.reduce((a, b) => a * b, 1) }, () => rng.int(shape[0]));
      const run = () =>
        tf.tidy(() => {
          const out = tf.gather(tf.tensor(values, shape, dtype), tf.tensor(ids, indexShape, 'int32'), 0);
          return { shape: out.shape, data: Array.from(out.dataSync()) };
        });
      const before = tf.memory().numTensors;
      const [wasm, cpu] = await onBothBackends(run);
      expect(tf.memory().numTensors).toBe(before);
      expect(wasm).toEqual(cpu);
    }
  });

  it('leaves other axes to wasm’s kernel and keeps the gather gradient equal to cpu', async () => {
    const rng = Rng.fromSeed(8);
    const x = rng.fillNormal(new Float32Array(4 * 5 * 3));
    const ids = [3, 0, 3, 1];
    const run = () =>
      tf.tidy(() => {
        const t = tf.tensor3d(x, [4, 5, 3]);
        const axis1 = Array.from(tf.gather(t, ids, 1).dataSync());
        const grad = tf.grad((p: tf.Tensor) => tf.sum(tf.square(tf.gather(p, ids, 0))))(t);
        return { axis1, grad: Array.from(grad.dataSync()) };
      });
    const [wasm, cpu] = await onBothBackends(run);
    expect(wasm.axis1).toEqual(cpu.axis1);
    for (let i = 0; i < cpu.grad.length; i++) expect(wasm.grad[i]).toBeCloseTo(cpu.grad[i], 5);
  });

  it('rejects an out-of-range index instead of reading past the rows', () => {
    expect(() => tf.tidy(() => tf.gather(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor1d([0, 2], 'int32'), 0).dataSync())).toThrow(
      /index 2 at position 1/,
    );
  });
});
