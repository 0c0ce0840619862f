import { CholeskyDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { CoresetError } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { assertBothClassesWeighted, labelsToSigns, requireLabels } from '../internal/labels.js';
import {
  checkFitInputs,
  linearScore,
  rescaledC,
  squaredNorm,
} from '../internal/checks.js';
import { regularisedMarginLoss } from '../internal/margin-loss.js';
import type { CoresetProblem, FitContext, LinearSolution } from './problem.js';

export interface LogisticRegressionOptions {
  /** Inverse regularisation strength C (data term weight); the intercept is not regularised. */
  readonly c?: number;
  /** Newton iteration cap. */
  readonly maxIter?: number;
  /** Stop when the Newton decrement gᵀH⁻¹g falls below tol·max(1, |objective|). */
  readonly tol?: number;
}

export const DEFAULT_LOGISTIC_REGRESSION_OPTIONS = { c: 1, maxIter: 100, tol: 1e-14 } as const;

/** log(1 + e^t) without overflow. */
function softplus(t: number): number {
  return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
}

/** σ(t) = 1/(1 + e^−t) without overflow. */
function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

function objective(
  x: Matrix,
  signs: Float64Array,
  u: Float64Array,
  c: number,
  beta: Float64Array,
): number {
  const d = x.cols;
  const theta = beta.subarray(0, d);
  let data = 0;
  for (let i = 0; i < x.rows; i++) {
    if (u[i] === 0) continue;
    data += u[i] * softplus(-signs[i] * linearScore(x, i, theta, beta[d]));
  }
  return 0.5 * squaredNorm(theta) + c * data;
}

/**
 * Binary L2-regularised logistic regression with an intercept:
 * minimise ½‖θ‖² + C'·Σ u_i·log(1 + exp(−y_i(x_iᵀθ + b))), C' = C·referenceWeight/Σu, by damped
 * Newton steps (Cholesky solves, Armijo backtracking). The objective is strictly convex in θ, and in
 * b whenever both classes carry weight, so Newton converges quadratically from θ = 0, b = 0.
 */
export function fitLogisticRegression(
  x: Matrix<Float64Array>,
  labels: ArrayLike<number>,
  weights: Float64Array,
  context: Pick<FitContext, 'referenceWeight'>,
  options: LogisticRegressionOptions = {},
): LinearSolution {
  checkFitInputs(x, labels, weights, true);
  const { c, maxIter, tol } = { ...DEFAULT_LOGISTIC_REGRESSION_OPTIONS, ...options };
  const signs = labelsToSigns(labels);
  assertBothClassesWeighted(signs, weights, 'logistic regression');
  const cEff = rescaledC(c, context.referenceWeight, weights);
  const d = x.cols;
  const p = d + 1;
  const beta = new Float64Array(p);
  const grad = new Float64Array(p);
  const hess = new Float64Array(p * p);
  const xt = new Float64Array(p);
  let f = objective(x, signs, weights, cEff, beta);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIter; iterations++) {
    grad.fill(0);
    hess.fill(0);
    for (let j = 0; j < d; j++) {
      grad[j] = beta[j];
      hess[j * p + j] = 1;
    }
    for (let i = 0; i < x.rows; i++) {
      const ui = weights[i];
      if (ui === 0) continue;
      const yi = signs[i];
      const z = linearScore(x, i, beta, beta[d]);
      const s = sigmoid(-yi * z);
      const g = -cEff * ui * yi * s;
      const h = cEff * ui * s * (1 - s);
      const off = i * d;
      for (let j = 0; j < d; j++) xt[j] = x.data[off + j];
      xt[d] = 1;
      for (let a = 0; a < p; a++) {
        grad[a] += g * xt[a];
        const ha = h * xt[a];
        for (let b = 0; b <= a; b++) hess[a * p + b] += ha * xt[b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) hess[b * p + a] = hess[a * p + b];
    const step = newtonStep(hess, grad, p);
    let decrement = 0;
    for (let a = 0; a < p; a++) decrement -= grad[a] * step[a];
    if (decrement <= tol * Math.max(1, Math.abs(f))) {
      converged = true;
      break;
    }
    // Armijo backtracking keeps the iteration monotone far from the optimum (large C', tiny coresets).
    let t = 1;
    const trial = new Float64Array(p);
    let fTrial = Infinity;
    for (let k = 0; k < 60; k++) {
      for (let a = 0; a < p; a++) trial[a] = beta[a] + t * step[a];
      fTrial = objective(x, signs, weights, cEff, trial);
      if (fTrial <= f - 0.25 * t * decrement) break;
      t *= 0.5;
    }
    if (!(fTrial < f)) {
      // No decrease is representable any more: we are at the optimum to float precision.
      converged = true;
      break;
    }
    beta.set(trial);
    f = fTrial;
  }
  return { theta: beta.slice(0, d), bias: beta[d], iterations, converged };
}

function newtonStep(hess: Float64Array, grad: Float64Array, p: number): Float64Array {
  const rows: number[][] = [];
  for (let a = 0; a < p; a++) rows.push(Array.from(hess.subarray(a * p, (a + 1) * p)));
  const rhs = MlMatrix.columnVector(Array.from(grad, (g) => -g));
  let chol = new CholeskyDecomposition(new MlMatrix(rows));
  if (!chol.isPositiveDefinite()) {
    // Only the intercept direction can be flat (all weight on saturated points); a tiny ridge
    // on it keeps the step defined.
    let scale = 0;
    for (let a = 0; a < p; a++) scale = Math.max(scale, Math.abs(rows[a][a]));
    rows[p - 1][p - 1] += 1e-10 * Math.max(1, scale);
    chol = new CholeskyDecomposition(new MlMatrix(rows));
    if (!chol.isPositiveDefinite()) {
      throw new CoresetError('INFEASIBLE', 'logistic regression Hessian is not positive definite', {
        argument: 'x',
      });
    }
  }
  return Float64Array.from(chol.solve(rhs).getColumn(0));
}

/**
 * Per-point cost f_i = (s_i/Σs)·½‖θ‖² + C·s_i·log(1 + exp(−y_i(x_iᵀθ + b))); Σ_i f_i is the
 * regularised objective at sample weights s.
 */
export function logisticRegressionLoss(
  x: Matrix<Float64Array>,
  labels: ArrayLike<number>,
  solution: LinearSolution,
  weights: Float64Array,
  c: number = DEFAULT_LOGISTIC_REGRESSION_OPTIONS.c,
): Float64Array {
  return regularisedMarginLoss(x, labels, solution, weights, c, (margin) => softplus(-margin));
}

/** The built-in binary logistic regression problem (labels 0/1 or −1/+1). */
export function logisticRegressionProblem(
  options: LogisticRegressionOptions = {},
): CoresetProblem<LinearSolution> {
  const c = options.c ?? DEFAULT_LOGISTIC_REGRESSION_OPTIONS.c;
  if (!(c > 0) || !Number.isFinite(c)) {
    throw new CoresetError('OUT_OF_RANGE', `c must be a positive number, got ${c}`, {
      argument: 'c',
    });
  }
  return {
    name: 'logistic',
    labelKind: 'binary',
    fit: (x, y, w, ctx) => fitLogisticRegression(x, requireLabels(y), w, ctx, options),
    loss: (x, y, sol, w) => logisticRegressionLoss(x, requireLabels(y), sol, w, c),
  };
}
