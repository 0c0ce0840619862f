import { Matrix as MlMatrix, QrDecomposition, SingularValueDecomposition } from 'ml-matrix';
import type { Matrix } from '@coresets/core';
import { requireLabels } from '../internal/labels.js';
import { checkFitInputs, linearScore } from '../internal/checks.js';
import type { CoresetProblem, LinearSolution } from './problem.js';

/** Relative size below which a diagonal entry of R counts as zero (rank-deficient design). */
const RANK_TOL = 1e-10;

/**
 * Weighted least squares with an intercept: minimise Σ u_i (y_i − x_iᵀθ − b)². Solved by QR of
 * the row-scaled design √u·[X 1]; when that design is rank deficient (fewer weighted points than
 * d + 1, or collinear columns) the minimum-norm solution comes from the SVD instead, so the fit
 * is defined for any coreset.
 */
export function fitLinearRegression(
  x: Matrix<Float64Array>,
  targets: ArrayLike<number>,
  weights: Float64Array,
): LinearSolution {
  checkFitInputs(x, targets, weights, true);
  const d = x.cols;
  const rows: number[][] = [];
  const rhs: number[] = [];
  for (let i = 0; i < x.rows; i++) {
    const s = Math.sqrt(weights[i]);
    if (s === 0) continue;
    const row = new Array<number>(d + 1);
    for (let j = 0; j < d; j++) row[j] = s * x.data[i * d + j];
    row[d] = s;
    rows.push(row);
    rhs.push(s * targets[i]);
  }
  const a = new MlMatrix(rows.length === 0 ? [new Array<number>(d + 1).fill(0)] : rows);
  const b = MlMatrix.columnVector(rows.length === 0 ? [0] : rhs);
  let beta: number[] | undefined;
  if (rows.length >= d + 1) {
    const qr = new QrDecomposition(a);
    const r = qr.upperTriangularMatrix;
    let maxDiag = 0;
    let minDiag = Infinity;
    for (let j = 0; j <= d; j++) {
      const v = Math.abs(r.get(j, j));
      maxDiag = Math.max(maxDiag, v);
      minDiag = Math.min(minDiag, v);
    }
    if (maxDiag > 0 && minDiag > RANK_TOL * maxDiag) beta = qr.solve(b).getColumn(0);
  }
  beta ??= new SingularValueDecomposition(a, { autoTranspose: true }).solve(b).getColumn(0);
  return { theta: Float64Array.from(beta.slice(0, d)), bias: beta[d] };
}

/** Per-point cost f_i = s_i·(y_i − x_iᵀθ − b)². */
export function linearRegressionLoss(
  x: Matrix<Float64Array>,
  targets: ArrayLike<number>,
  solution: LinearSolution,
  weights: Float64Array,
): Float64Array {
  checkFitInputs(x, targets, weights, true);
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    const r = targets[i] - linearScore(x, i, solution.theta, solution.bias);
    out[i] = weights[i] * r * r;
  }
  return out;
}

/** The built-in linear regression problem (labels are real-valued targets). */
export function linearRegressionProblem(): CoresetProblem<LinearSolution> {
  return {
    name: 'linear',
    labelKind: 'targets',
    fit: (x, y, w) => fitLinearRegression(x, requireLabels(y), w),
    loss: (x, y, sol, w) => linearRegressionLoss(x, requireLabels(y), sol, w),
  };
}
