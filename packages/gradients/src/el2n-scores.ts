import { CoresetError } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { softmaxResiduals } from './softmax-residuals.js';
import type { ClassifierOutputs } from './softmax-residuals.js';

/**
 * EL2N score ‖p − onehot(y)‖₂ per example (Paul et al., 2021), in float64. Higher = harder.
 * Accepts logits (softmaxed here in float64) or probabilities.
 */
export function el2nScores(outputs: ClassifierOutputs): Float64Array {
  if (typeof outputs !== 'object' || outputs === null) {
    throw new CoresetError('INVALID_ARGUMENT', 'outputs must be an object', {
      argument: 'outputs',
    });
  }
  return rowNorms(softmaxResiduals(outputs));
}

/** Euclidean norm of every row, accumulated in float64. */
export function rowNorms(m: Matrix): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let j = 0; j < m.cols; j++) {
      const v = m.data[i * m.cols + j];
      s += v * v;
    }
    out[i] = Math.sqrt(s);
  }
  return out;
}
