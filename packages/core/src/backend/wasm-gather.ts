import type * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '../errors/coreset-error.js';
import { replaceKernel } from './replace-kernel.js';

const MARK = Symbol.for('@coresets/core:wasm-gather-row-copy');

interface GatherAttrs {
  readonly axis: number;
  readonly batchDims: number;
}

/**
 * tfjs-backend-wasm 4.22's GatherV2 computes every output element's source offset separately,
 * which made the patch gathers of a convolution computed as patches × matMul (eval's CNN) cost
 * 268 ms of a 320 ms training step (batch 128, 28 × 28). The common case — rows of a tensor picked
 * along axis 0 — is a row copy, done here in one pass. Other axes and batched gathers go to wasm's
 * own kernel. Out-of-range indices throw, as tfjs's kernels do. Returns whether the wrapper is in place.
 */
export function registerWasmGatherFastPath(): boolean {
  return replaceKernel('GatherV2', 'wasm', MARK, (original) => (args) => {
    const { inputs, backend, attrs } = args;
    const { x, indices } = inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = attrs as unknown as GatherAttrs;
    const rank = x.shape.length;
    const axis0 = rank > 0 && (axis === 0 || axis === -rank);
    if (!axis0 || batchDims !== 0 || indices.dtype !== 'int32') return original.kernelFunc(args);
    return gatherRows(backend as tf.KernelBackend, x, indices);
  });
}

function gatherRows(backend: tf.KernelBackend, x: tf.TensorInfo, indices: tf.TensorInfo): tf.TensorInfo {
  const values = backend.readSync(x.dataId) as Float32Array | Int32Array | Uint8Array;
  const ids = backend.readSync(indices.dataId) as Int32Array;
  const rows = x.shape[0];
  const innerShape = x.shape.slice(1);
  const inner = innerShape.reduce((a, d) => a * d, 1);
  const out = new (values.constructor as Float32ArrayConstructor)(ids.length * inner);
  for (let i = 0; i < ids.length; i++) {
    const row = ids[i];
    if (row < 0 || row >= rows) {
      throw new CoresetError('OUT_OF_RANGE', `gather index ${row} at position ${i} is not in [0, ${rows - 1}]`, {
        argument: 'indices',
      });
    }
    // Short rows copy faster element by element than through a subarray view.
    if (inner < 32) {
      const src = row * inner;
      const dst = i * inner;
      for (let k = 0; k < inner; k++) out[dst + k] = values[src + k];
    } else {
      out.set(values.subarray(row * inner, (row + 1) * inner), i * inner);
    }
  }
  const shape = [...indices.shape, ...innerShape];
  return { dataId: backend.write(out, shape, x.dtype), shape, dtype: x.dtype };
}
