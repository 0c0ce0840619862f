import { CoresetError, type FloatArray } from '@coresets/core';

/** Row-major N × C model outputs: softmax probabilities or pre-softmax logits. */
export type ModelOutputs = { readonly probs: FloatArray } | { readonly logits: FloatArray };

/** Added inside the log so that p = 0 gives a finite score, as in the reference code. */
export const LOG_EPSILON = 1e-10;

/**
 * Predictive entropy −Σ_c p_c log(p_c + 1e-10) per example (hard end: high). From logits the
 * softmax is computed in float64 with the max subtracted first.
 */
export function entropyScores(outputs: ModelOutputs, numClasses: number): Float64Array {
  const probs = toProbabilities(outputs, numClasses);
  const n = probs.length / numClasses;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let c = 0; c < numClasses; c++) {
      const p = probs[i * numClasses + c];
      h -= p * Math.log(p + LOG_EPSILON);
    }
    out[i] = h;
  }
  return out;
}

/**
 * Cross-entropy per example (hard end: high): logsumexp(z) − z_y from logits (exact), or
 * −log(p_y + 1e-10) from probabilities.
 */
export function lossScores(
  outputs: ModelOutputs,
  labels: ArrayLike<number>,
  numClasses: number,
): Float64Array {
  const n = checkShape(outputs, numClasses);
  checkLabels(labels, n, numClasses);
  const out = new Float64Array(n);
  if ('logits' in outputs) {
    const z = outputs.logits;
    for (let i = 0; i < n; i++) {
      const base = i * numClasses;
      let max = -Infinity;
      for (let c = 0; c < numClasses; c++) if (z[base + c] > max) max = z[base + c];
      let sum = 0;
      for (let c = 0; c < numClasses; c++) sum += Math.exp(z[base + c] - max);
      out[i] = max + Math.log(sum) - z[base + labels[i]];
    }
  } else {
    const p = outputs.probs;
    for (let i = 0; i < n; i++) out[i] = -Math.log(p[i * numClasses + labels[i]] + LOG_EPSILON);
  }
  return out;
}

/**
 * EL2N of one model's outputs: ‖p − onehot(y)‖₂ per example (hard end: high). The original EL2N
 * averages this over several independently trained models at an early epoch in eval mode; call
 * it once per model and average the results to get that variant.
 */
export function el2nScores(
  outputs: ModelOutputs,
  labels: ArrayLike<number>,
  numClasses: number,
): Float64Array {
  const probs = toProbabilities(outputs, numClasses);
  const n = probs.length / numClasses;
  checkLabels(labels, n, numClasses);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < numClasses; c++) {
      const d = probs[i * numClasses + c] - (c === labels[i] ? 1 : 0);
      s += d * d;
    }
    out[i] = Math.sqrt(s);
  }
  return out;
}

function toProbabilities(outputs: ModelOutputs, numClasses: number): FloatArray {
  const n = checkShape(outputs, numClasses);
  if ('probs' in outputs) return outputs.probs;
  const z = outputs.logits;
  const out = new Float64Array(n * numClasses);
  for (let i = 0; i < n; i++) {
    const base = i * numClasses;
    let max = -Infinity;
    for (let c = 0; c < numClasses; c++) if (z[base + c] > max) max = z[base + c];
    let sum = 0;
    for (let c = 0; c < numClasses; c++) {
      const e = Math.exp(z[base + c] - max);
      out[base + c] = e;
      sum += e;
    }
    for (let c = 0; c < numClasses; c++) out[base + c] /= sum;
  }
  return out;
}

function checkShape(outputs: ModelOutputs, numClasses: number): number {
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new CoresetError(
      'OUT_OF_RANGE',
      `numClasses must be a positive integer, got ${numClasses}`,
      {
        argument: 'numClasses',
      },
    );
  }
  const argument = 'logits' in outputs ? 'logits' : 'probs';
  const values = 'logits' in outputs ? outputs.logits : outputs.probs;
  if (values.length % numClasses !== 0) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `${argument} has ${values.length} values, not a multiple of ${numClasses}`,
      {
        argument,
      },
    );
  }
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) {
      throw new CoresetError('NON_FINITE', `${argument} has ${values[k]} at index ${k}`, {
        argument,
      });
    }
  }
  return values.length / numClasses;
}

function checkLabels(labels: ArrayLike<number>, n: number, numClasses: number): void {
  if (labels.length !== n) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `labels has ${labels.length} entries, outputs have ${n} rows`,
      {
        argument: 'labels',
      },
    );
  }
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= numClasses) {
      throw new CoresetError('OUT_OF_RANGE', `labels[${i}] = ${y} is outside [0, ${numClasses})`, {
        argument: 'labels',
      });
    }
  }
}
