import { sep } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers no gradients on its own (the @tensorflow/tfjs bundle and tfjs-node do).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { assertAllClose } from '../testing/close.js';
import { initBackend } from './init-backend.js';
import { registerWasmFallbackKernels } from './wasm-fallbacks.js';
import { wasmBinaryDir } from './wasm-setup.js';

const EXPECTED_FALLBACKS = [
  'Conv2DBackpropFilter',
  'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput',
  'UnsortedSegmentSum',
];

let missingBeforeInit: string[] = [];

beforeAll(async () => {
  // Importing the packages directly (no initBackend yet) shows what wasm lacks on its own.
  await import('@tensorflow/tfjs-backend-cpu');
  await import('@tensorflow/tfjs-backend-wasm');
  missingBeforeInit = EXPECTED_FALLBACKS.filter((k) => tf.getKernel(k, 'wasm') === undefined);
  const info = await initBackend({ prefer: 'wasm', env: {} });
  expect(info.fallbackKernels).toEqual(EXPECTED_FALLBACKS);
});

describe('registerWasmFallbackKernels', () => {
  it('fills exactly the gradient kernels wasm lacks, once', async () => {
    expect(missingBeforeInit).toEqual(EXPECTED_FALLBACKS);
    const cpu = new Set(tf.getKernelsForBackend('cpu').map((k) => k.kernelName));
    const wasm = new Set(tf.getKernelsForBackend('wasm').map((k) => k.kernelName));
    for (const name of EXPECTED_FALLBACKS) expect(wasm.has(name)).toBe(true);
    // What stays cpu-only is what cannot or need not be bridged (complex, strings, canvas).
    expect([...cpu].filter((k) => !wasm.has(k)).sort()).toEqual([
      'Complex',
      'ComplexAbs',
      'Draw',
      'Einsum',
      'FFT',
      'IFFT',
      'Imag',
      'RaggedGather',
      'RaggedRange',
      'RaggedTensorToTensor',
      'Real',
      'StaticRegexReplace',
    ]);
    const before = tf.getKernel('UnsortedSegmentSum', 'wasm').kernelFunc;
    expect(await registerWasmFallbackKernels()).toEqual(EXPECTED_FALLBACKS);
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm').kernelFunc).toBe(before);
    // wasm's own kernels are never replaced.
    expect(
      tf.getKernelsForBackend('wasm').find((k) => k.kernelName === 'Conv2DBackpropInput'),
    ).toBeDefined();
  });

  it('gives exact results and leaves no tensors behind on either backend', async () => {
    await tf.setBackend('wasm');
    const cpu = tf.findBackend('cpu');
    const cpuIdsBefore = cpu.numDataIds();
    const tensorsBefore = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const [dw, seg] = tf.tidy(() => {
        const x = tf.ones<tf.Rank.R4>([1, 5, 5, 2]);
        const w = tf.ones<tf.Rank.R4>([3, 3, 2, 3]);
        const grad = tf.grad((f: tf.Tensor) => tf.sum(tf.conv2d(x, f as tf.Tensor4D, 1, 'same')))(
          w,
        );
        const sums = tf.unsortedSegmentSum(
          tf.tensor1d([1, 2, 4]),
          tf.tensor1d([0, 2, 0], 'int32'),
          3,
        );
        return [grad.dataSync(), sums.dataSync()];
      });
      expect(Array.from(seg)).toEqual([5, 0, 2]);
      // Over a 5x5 input with same padding the centre tap sees 25 positions, a corner tap 16.
      expect(dw[(1 * 3 + 1) * 6]).toBe(25);
      expect(dw[0]).toBe(16);
    }
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(cpu.numDataIds()).toBe(cpuIdsBefore);
  });

  it('points tfjs at the installed wasm binaries', () => {
    const dir = wasmBinaryDir();
    expect(dir?.endsWith(`tfjs-backend-wasm${sep}dist${sep}`)).toBe(true);
  });
});

type Fn = (...xs: tf.Tensor[]) => tf.Scalar;

/** Gradients of `f` at the same inputs on one backend, read back as plain arrays. */
async function gradientsOn(
  backend: 'cpu' | 'wasm',
  f: Fn,
  inputs: readonly { values: Float32Array; shape: number[]; dtype?: 'float32' | 'int32' }[],
  wrt: readonly number[],
): Promise<{ grads: Float32Array[]; kernels: string[] }> {
  await tf.setBackend(backend);
  const tensors = inputs.map((x) => tf.tensor(x.values, x.shape, x.dtype ?? 'float32'));
  let grads: Float32Array[] = [];
  const profile = await tf.profile(() => {
    const g = (...ws: tf.Tensor[]) =>
      f(...tensors.map((t, i) => (wrt.includes(i) ? ws[wrt.indexOf(i)] : t)));
    const out = tf.grads(g)(wrt.map((i) => tensors[i]));
    grads = out.map((t) => t.dataSync() as Float32Array);
    tf.dispose(out);
  });
  tf.dispose(tensors);
  return { grads, kernels: profile.kernelNames };
}

function normal(rng: Rng, shape: number[]) {
  const size = shape.reduce((a, b) => a * b, 1);
  return { values: Float32Array.from(rng.fillNormal(new Float64Array(size))), shape };
}

async function expectSameGradients(
  f: Fn,
  inputs: Parameters<typeof gradientsOn>[2],
  wrt: readonly number[],
  kernel: string,
): Promise<void> {
  const cpu = await gradientsOn('cpu', f, inputs, wrt);
  const wasm = await gradientsOn('wasm', f, inputs, wrt);
  // The kernel under test really ran on wasm (natively or through the fallback).
  expect(wasm.kernels).toContain(kernel);
  expect(wasm.grads).toHaveLength(wrt.length);
  for (let i = 0; i < wrt.length; i++) {
    expect(wasm.grads[i].length).toBe(cpu.grads[i].length);
    // A gradient that is all zeros would compare equal for a broken kernel too.
    expect(cpu.grads[i].some((v) => Math.abs(v) > 1e-3)).toBe(true);
    assertAllClose(wasm.grads[i], cpu.grads[i], { rtol: 1e-4, atol: 1e-4 });
  }
}

describe('wasm gradients match cpu (1e-4)', () => {
  const rng = Rng.fromSeed(20_261_127);

  it('conv2d: input and filter gradients, same padding and strided valid', async () => {
    const x = normal(rng, [2, 7, 7, 3]);
    const w = normal(rng, [3, 3, 3, 4]);
    const same = normal(rng, [2, 7, 7, 4]);
    const valid = normal(rng, [2, 3, 3, 4]);
    await expectSameGradients(
      (xs, ws, r1, r2) =>
        tf.add(
          tf.sum(tf.mul(tf.conv2d(xs as tf.Tensor4D, ws as tf.Tensor4D, 1, 'same'), r1)),
          tf.sum(tf.mul(tf.conv2d(xs as tf.Tensor4D, ws as tf.Tensor4D, 2, 'valid'), r2)),
        ),
      [x, w, same, valid],
      [0, 1],
      'Conv2DBackpropFilter',
    );
  });

  it('maxPool after relu', async () => {
    const x = normal(rng, [2, 6, 6, 3]);
    const r = normal(rng, [2, 3, 3, 3]);
    await expectSameGradients(
      (xs, rs) => tf.sum(tf.mul(tf.maxPool(tf.relu(xs as tf.Tensor4D), 2, 2, 'valid'), rs)),
      [x, r],
      [0],
      'MaxPoolGrad',
    );
  });

  it('embedding lookup via gather (gradient is UnsortedSegmentSum), with repeated ids', async () => {
    const table = normal(rng, [10, 5]);
    const ids = {
      values: Float32Array.from([1, 3, 3, 0, 9, 1, 1, 7]),
      shape: [2, 4],
      dtype: 'int32' as const,
    };
    const r = normal(rng, [2, 4, 5]);
    await expectSameGradients(
      (t, i, rs) => tf.sum(tf.mul(tf.gather(t, i), rs)),
      [table, ids, r],
      [0],
      'UnsortedSegmentSum',
    );
  });

  it('softmax cross-entropy on logits', async () => {
    const logits = normal(rng, [6, 5]);
    const labels = { values: new Float32Array(30), shape: [6, 5] };
    for (let i = 0; i < 6; i++) labels.values[i * 5 + ((i * 3) % 5)] = 1;
    await expectSameGradients(
      (z, y) => tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(y, z),
      [logits, labels],
      [0],
      'Exp',
    );
  });

  it('layer norm composed from mean, variance and rsqrt', async () => {
    const x = normal(rng, [4, 3, 8]);
    const gamma = normal(rng, [8]);
    const beta = normal(rng, [8]);
    const r = normal(rng, [4, 3, 8]);
    await expectSameGradients(
      (xs, g, b, rs) => {
        const mean = tf.mean(xs, -1, true);
        const centred = tf.sub(xs, mean);
        const variance = tf.mean(tf.square(centred), -1, true);
        const normed = tf.mul(centred, tf.rsqrt(tf.add(variance, 1e-5)));
        return tf.sum(tf.mul(tf.add(tf.mul(normed, g), b), rs));
      },
      [x, gamma, beta, r],
      [0, 1, 2],
      'Rsqrt',
    );
  });

  it('dense layer with GELU (tanh form) into softmax cross-entropy', async () => {
    const x = normal(rng, [5, 7]);
    const w = normal(rng, [7, 4]);
    const b = normal(rng, [4]);
    const labels = { values: new Float32Array(20), shape: [5, 4] };
    for (let i = 0; i < 5; i++) labels.values[i * 4 + (i % 4)] = 1;
    await expectSameGradients(
      (xs, ws, bs, y) => {
        const h = tf.add(tf.matMul(xs as tf.Tensor2D, ws as tf.Tensor2D), bs);
        const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(h, tf.mul(0.044715, tf.pow(h, 3))));
        const gelu = tf.mul(tf.mul(0.5, h), tf.add(1, tf.tanh(inner)));
        return tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(y, gelu);
      },
      [x, w, b, labels],
      [0, 1, 2],
      'BatchMatMul',
    );
  });
});
