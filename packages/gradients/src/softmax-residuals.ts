import { CoresetError, assertMatrix } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { assertLabels } from './internal/validate.js';

/**
 * Output of a softmax classifier for n examples: either raw logits or probabilities (n × C),
 * plus the integer labels.
 */
export type ClassifierOutputs =
  | {
      readonly logits: Matrix;
      readonly probabilities?: undefined;
      readonly labels: ArrayLike<number>;
    }
  | {
      readonly probabilities: Matrix;
      readonly logits?: undefined;
      readonly labels: ArrayLike<number>;
    };

/**
 * How far a probability row may sum away from 1. Probabilities coming out of a float32 softmax
 * are off by a few ulps, so exact equality would reject every real input.
 */
export const PROBABILITY_SUM_TOLERANCE = 1e-4;

/**
 * `p − onehot(y)` for every row, in float64: the gradient of the softmax cross-entropy with
 * respect to the logits, which is also the bias gradient of the last layer. Logits go through a
 * max-shifted float64 softmax; probabilities are used as given after validation (entries in
 * [0, 1], rows summing to 1 within `PROBABILITY_SUM_TOLERANCE`; never renormalised).
 */
export function softmaxResiduals(outputs: ClassifierOutputs): Matrix<Float64Array> {
  const { scores, isLogits } = pickScores(outputs);
  const n = scores.rows;
  const c = scores.cols;
  assertLabels(outputs.labels, n, c);
  const out = new Float64Array(n * c);
  const src = scores.data;
  for (let i = 0; i < n; i++) {
    const base = i * c;
    if (isLogits) {
      let max = -Infinity;
      for (let j = 0; j < c; j++) if (src[base + j] > max) max = src[base + j];
      let sum = 0;
      for (let j = 0; j < c; j++) {
        const e = Math.exp(src[base + j] - max);
        out[base + j] = e;
        sum += e;
      }
      for (let j = 0; j < c; j++) out[base + j] /= sum;
    } else {
      let sum = 0;
      for (let j = 0; j < c; j++) {
        const p = src[base + j];
        if (p < 0 || p > 1) {
          throw new CoresetError(
            'OUT_OF_RANGE',
            `probabilities[${i}][${j}] = ${p} is outside [0, 1]`,
            {
              argument: 'probabilities',
            },
          );
        }
        out[base + j] = p;
        sum += p;
      }
      if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
        throw new CoresetError('INVALID_ARGUMENT', `probabilities row ${i} sums to ${sum}, not 1`, {
          argument: 'probabilities',
        });
      }
    }
    out[base + outputs.labels[i]] -= 1;
  }
  return { rows: n, cols: c, data: out };
}

/** Validates the logits-or-probabilities choice and returns the matrix to use. */
export function pickScores(outputs: ClassifierOutputs): { scores: Matrix; isLogits: boolean } {
  const hasLogits = outputs.logits !== undefined;
  const hasProbs = outputs.probabilities !== undefined;
  if (hasLogits === hasProbs) {
    throw new CoresetError('INVALID_ARGUMENT', 'give exactly one of logits and probabilities', {
      argument: hasLogits ? 'probabilities' : 'logits',
    });
  }
  const scores = hasLogits ? outputs.logits : outputs.probabilities;
  const name = hasLogits ? 'logits' : 'probabilities';
  if (scores === undefined)
    throw new CoresetError('MISSING_OPTION', `${name} is missing`, { argument: name });
  assertMatrix(scores, name);
  if (scores.cols < 1) {
    throw new CoresetError('INVALID_ARGUMENT', `${name} needs at least one column`, {
      argument: name,
    });
  }
  return { scores, isLogits: hasLogits };
}
