import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '../errors/coreset-error.js';
import type { Matrix } from './matrix.js';

/** A float32 2-D tensor with the matrix's values (tfjs computes in float32). */
export function matrixToTensor(m: Matrix): tf.Tensor2D {
  const data = m.data instanceof Float32Array ? m.data : Float32Array.from(m.data);
  return tf.tensor2d(data, [m.rows, m.cols], 'float32');
}

/** Reads a 2-D (or 1-D, as one column) tensor back synchronously into a float32 matrix. */
export function tensorToMatrix(t: tf.Tensor): Matrix<Float32Array> {
  if (t.rank !== 2 && t.rank !== 1) {
    throw new CoresetError('SHAPE_MISMATCH', `expected a rank-1 or rank-2 tensor, got rank ${t.rank}`, {
      argument: 'tensor',
    });
  }
  const rows = t.shape[0] ?? 0;
  const cols = t.rank === 2 ? (t.shape[1] ?? 0) : 1;
  const values = t.dataSync();
  const data = values instanceof Float32Array ? values.slice() : Float32Array.from(values);
  return { rows, cols, data };
}
