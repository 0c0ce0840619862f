import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, throwIfAborted, type LongRunningOptions, type Matrix } from '@coresets/core';

export interface RawInputs {
  /** Row-major values of n inputs, each of shape `shape.slice(1)`. */
  readonly data: Float32Array;
  /** [n, ...per-input dims], e.g. [n, 28, 28, 1]. */
  readonly shape: readonly number[];
}

export interface EmbedOptions extends LongRunningOptions {
  readonly batchSize?: number;
}

/**
 * Embeds raw inputs with an encoder in batches (eval mode: the encoder must be deterministic), so
 * a retrieval encoder can turn images into the matrices `selectSimCore` takes. Each batch runs
 * inside `tf.tidy`, so no tensors leak.
 */
export function embedInBatches(
  inputs: RawInputs,
  encode: (batch: tf.Tensor) => tf.Tensor,
  options: EmbedOptions = {},
): Matrix<Float32Array> {
  const batchSize = options.batchSize ?? 256;
  const n = inputs.shape[0] ?? 0;
  const perInput = inputs.shape.slice(1).reduce((a, b) => a * b, 1);
  if (inputs.data.length !== n * perInput) {
    throw new CoresetError('SHAPE_MISMATCH', `inputs.data has ${inputs.data.length} values for shape [${inputs.shape.join(', ')}]`, {
      argument: 'inputs',
    });
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new CoresetError('OUT_OF_RANGE', `batchSize must be a positive integer, got ${batchSize}`, { argument: 'batchSize' });
  }
  let out: Float32Array | undefined;
  let dim = 0;
  for (let start = 0; start < n; start += batchSize) {
    throwIfAborted(options.signal);
    const rows = Math.min(batchSize, n - start);
    // The tensor leaves tidy and is read outside it: tidy walks a returned typed array value by value.
    const embedded = tf.tidy(() => {
      const batch = tf.tensor(inputs.data.subarray(start * perInput, (start + rows) * perInput), [rows, ...inputs.shape.slice(1)]);
      const z = encode(batch);
      if (z.rank !== 2 || z.shape[0] !== rows) {
        throw new CoresetError('SHAPE_MISMATCH', `encoder returned shape [${z.shape.join(', ')}], expected [${rows}, d]`, {
          argument: 'encode',
        });
      }
      return z;
    });
    let values: Float32Array;
    try {
      values = embedded.dataSync() as Float32Array;
    } finally {
      embedded.dispose();
    }
    if (out === undefined) {
      dim = values.length / rows;
      out = new Float32Array(n * dim);
    }
    out.set(values, start * dim);
    options.onProgress?.({ phase: 'embed', completed: start + rows, total: n });
  }
  return { rows: n, cols: dim, data: out ?? new Float32Array(0) };
}
