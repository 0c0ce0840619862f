import * as tf from '@tensorflow/tfjs-core';
import type { Matrix } from '../matrix/matrix.js';
import { matrixToTensor } from '../matrix/tensor.js';

/**
 * Block dot products a[start..start+rows) · refᵀ with tf.matMul on the active backend. The
 * reference is uploaded once as float32 (transposed); each block's inputs and result live only inside one
 * tidy scope.
 */
export function createTfjsDotEngine(ref: Matrix): { block: (a: Matrix, start: number, rows: number, out: Float64Array) => void; dispose: () => void } {
  // Stored transposed ([cols, rows]) once, so no block's matMul has to transpose it again.
  const refTensor = tf.tidy(() => tf.transpose(matrixToTensor(ref)));
  return {
    block(a, start, rows, out) {
      const slice = a.data.subarray(start * a.cols, (start + rows) * a.cols);
      // The product leaves tidy as a tensor and is read outside it: tidy walks whatever its callback
      // returns, and walking a typed array of millions of values cost ≈ 10× the matMul itself.
      const product = tf.tidy(() => tf.matMul(matrixToTensor({ rows, cols: a.cols, data: slice }), refTensor));
      try {
        out.set(product.dataSync());
      } finally {
        product.dispose();
      }
    },
    dispose: () => refTensor.dispose(),
  };
}
