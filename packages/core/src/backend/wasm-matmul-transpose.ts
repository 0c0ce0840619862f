import * as tf from '@tensorflow/tfjs-core';
import { replaceKernel } from './replace-kernel.js';

const MARK = Symbol.for('@coresets/core:wasm-batchmatmul-explicit-transpose');

interface BatchMatMulAttrs {
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

/**
 * tfjs-backend-wasm 4.22's BatchMatMul is about 10× slower when asked to transpose an operand
 * (measured: 1000×1024 · (1000×1024)ᵀ took 7.8 s with `transposeB` and 0.75 s with the operand
 * transposed beforehand). Every backward pass of a dense layer asks for transposed operands, so
 * this wraps wasm's kernel: transposed operands are materialised with wasm's own Transpose kernel
 * (O(size), cheap next to the product) and the fast path runs. Results are identical — the same
 * products in the same order. Returns whether the wrapper is in place.
 */
export function registerWasmMatMulTransposeFix(): boolean {
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (transpose === undefined) return false;
  return replaceKernel('BatchMatMul', 'wasm', MARK, (original) => ({ inputs, backend, attrs }) => {
    const { transposeA, transposeB } = attrs as unknown as BatchMatMulAttrs;
    if (!transposeA && !transposeB) return original.kernelFunc({ inputs, backend, ...(attrs === undefined ? {} : { attrs }) });
    const temporaries: tf.TensorInfo[] = [];
    const transposed = (x: tf.TensorInfo): tf.TensorInfo => {
      const rank = x.shape.length;
      const perm = [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];
      const out = transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as tf.TensorInfo;
      temporaries.push(out);
      return out;
    };
    const a = inputs.a!;
    const b = inputs.b!;
    try {
      return original.kernelFunc({
        inputs: { a: transposeA ? transposed(a) : a, b: transposeB ? transposed(b) : b },
        backend,
        attrs: { ...(attrs as object), transposeA: false, transposeB: false },
      });
    } finally {
      for (const t of temporaries) (backend as tf.KernelBackend).disposeData(t.dataId);
    }
  });
}
