import { CoresetError } from '@coresets/core';
import type { Matrix } from '@coresets/core';

/** Shared boundary checks for the built-in fitters and losses. */
export function checkFitInputs(
  x: Matrix,
  y: ArrayLike<number> | undefined,
  weights: ArrayLike<number>,
  needLabels: boolean,
): void {
  if (x.data.length !== x.rows * x.cols) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `x has ${x.data.length} values for ${x.rows} × ${x.cols}`,
      {
        argument: 'x',
      },
    );
  }
  if (needLabels) {
    if (y === undefined)
      throw new CoresetError('MISSING_OPTION', 'labels are required', { argument: 'labels' });
    if (y.length !== x.rows) {
      throw new CoresetError(
        'SHAPE_MISMATCH',
        `labels has ${y.length} entries for ${x.rows} rows`,
        {
          argument: 'labels',
        },
      );
    }
  }
  if (weights.length !== x.rows) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `weights has ${weights.length} entries for ${x.rows} rows`,
      {
        argument: 'weights',
      },
    );
  }
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!Number.isFinite(w) || w < 0) {
      throw new CoresetError('INVALID_ARGUMENT', `weights[${i}] must be finite and ≥ 0, got ${w}`, {
        argument: 'weights',
      });
    }
  }
}

export function weightSum(weights: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += weights[i];
  return s;
}

/** C' = C·referenceWeight/Σweights (spec §2), with a clear error for an all-zero weight vector. */
export function rescaledC(c: number, referenceWeight: number, weights: ArrayLike<number>): number {
  const total = weightSum(weights);
  if (!(total > 0)) {
    throw new CoresetError('INFEASIBLE', 'weights must not all be zero', { argument: 'weights' });
  }
  if (!(referenceWeight > 0) || !Number.isFinite(referenceWeight)) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `referenceWeight must be positive, got ${referenceWeight}`,
      {
        argument: 'referenceWeight',
      },
    );
  }
  return (c * referenceWeight) / total;
}

/** Row i of x times theta, plus bias. */
export function linearScore(x: Matrix, i: number, theta: ArrayLike<number>, bias: number): number {
  const d = x.cols;
  const off = i * d;
  let z = bias;
  for (let j = 0; j < d; j++) z += x.data[off + j] * theta[j];
  return z;
}

export function squaredNorm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return s;
}
