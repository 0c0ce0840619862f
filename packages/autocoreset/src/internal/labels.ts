import { CoresetError } from '@coresets/core';

/**
 * Maps binary labels given as {0, 1} or {−1, +1} to signs ±1 (class 0 / −1 → −1). Mixed or other
 * values are rejected rather than thresholded, so a regression target passed by mistake fails.
 */
export function labelsToSigns(labels: ArrayLike<number>, argument = 'labels'): Float64Array {
  const n = labels.length;
  const out = new Float64Array(n);
  let hasZero = false;
  let hasMinusOne = false;
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (v === 1) out[i] = 1;
    else if (v === 0) {
      hasZero = true;
      out[i] = -1;
    } else if (v === -1) {
      hasMinusOne = true;
      out[i] = -1;
    } else {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `${argument}[${i}] = ${v}; binary labels must be 0/1 or −1/+1`,
        {
          argument,
        },
      );
    }
  }
  if (hasZero && hasMinusOne) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `${argument} mixes 0 and −1; use either 0/1 or −1/+1`,
      { argument },
    );
  }
  return out;
}

/** Class ids (0 = negative, 1 = positive) of binary labels. */
export function binaryClassIds(labels: ArrayLike<number>, argument = 'labels'): Int32Array {
  const signs = labelsToSigns(labels, argument);
  const out = new Int32Array(signs.length);
  for (let i = 0; i < signs.length; i++) out[i] = signs[i] > 0 ? 1 : 0;
  return out;
}

/** Throws INFEASIBLE unless both signs carry positive weight (the linear classifiers diverge otherwise). */
export function assertBothClassesWeighted(
  signs: Float64Array,
  weights: Float64Array,
  who: string,
): void {
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < signs.length; i++) {
    if (weights[i] > 0) {
      if (signs[i] > 0) pos++;
      else neg++;
    }
  }
  if (pos === 0 || neg === 0) {
    throw new CoresetError(
      'INFEASIBLE',
      `${who} needs points of both classes with positive weight (got ${pos} positive, ${neg} negative)`,
      { argument: 'labels' },
    );
  }
}

export function requireLabels(y: Float64Array | undefined): Float64Array {
  if (y === undefined)
    throw new CoresetError('MISSING_OPTION', 'labels are required', { argument: 'labels' });
  return y;
}
