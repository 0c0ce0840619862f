import { CoresetError } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { assertBothClassesWeighted, labelsToSigns, requireLabels } from '../internal/labels.js';
import { checkFitInputs, rescaledC } from '../internal/checks.js';
import { regularisedMarginLoss } from '../internal/margin-loss.js';
import { smoLinearSvm } from '../internal/smo.js';
import type { CoresetProblem, FitContext, LinearSolution } from './problem.js';

export interface LinearSvmOptions {
  /** Penalty C on the hinge losses; the intercept is not regularised. */
  readonly c?: number;
  /** SMO stopping tolerance on the maximal KKT violation (libsvm's `eps`; 1e-4 is ten times tighter than libsvm's default). */
  readonly tol?: number;
  /** SMO iteration cap; when omitted, max(10⁵, 200·n). */
  readonly maxIter?: number | undefined;
}

export const DEFAULT_LINEAR_SVM_OPTIONS = { c: 1, tol: 1e-4, maxIter: undefined } as const;

/**
 * Weighted soft-margin linear SVM with an intercept:
 * minimise ½‖θ‖² + C'·Σ u_i·max(0, 1 − y_i(x_iᵀθ + b)), C' = C·referenceWeight/Σu, solved exactly
 * in the dual by SMO with per-point bounds C'·u_i (what libsvm does for sample weights).
 */
export function fitLinearSvm(
  x: Matrix<Float64Array>,
  labels: ArrayLike<number>,
  weights: Float64Array,
  context: Pick<FitContext, 'referenceWeight'>,
  options: LinearSvmOptions = {},
): LinearSolution {
  checkFitInputs(x, labels, weights, true);
  const c = options.c ?? DEFAULT_LINEAR_SVM_OPTIONS.c;
  const tol = options.tol ?? DEFAULT_LINEAR_SVM_OPTIONS.tol;
  const maxIter = options.maxIter ?? Math.max(100_000, 200 * x.rows);
  const signs = labelsToSigns(labels);
  assertBothClassesWeighted(signs, weights, 'linear SVM');
  const cEff = rescaledC(c, context.referenceWeight, weights);
  const upper = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) upper[i] = cEff * weights[i];
  const res = smoLinearSvm(x, signs, upper, tol, maxIter);
  return { theta: res.theta, bias: res.bias, iterations: res.iterations, converged: res.converged };
}

/**
 * Per-point cost f_i = (s_i/Σs)·½‖θ‖² + C·s_i·max(0, 1 − y_i(x_iᵀθ + b)); Σ_i f_i is the primal
 * objective at sample weights s.
 */
export function linearSvmLoss(
  x: Matrix<Float64Array>,
  labels: ArrayLike<number>,
  solution: LinearSolution,
  weights: Float64Array,
  c: number = DEFAULT_LINEAR_SVM_OPTIONS.c,
): Float64Array {
  return regularisedMarginLoss(x, labels, solution, weights, c, (margin) => Math.max(0, 1 - margin));
}

/** The built-in linear SVM problem (labels 0/1 or −1/+1). */
export function linearSvmProblem(options: LinearSvmOptions = {}): CoresetProblem<LinearSolution> {
  const c = options.c ?? DEFAULT_LINEAR_SVM_OPTIONS.c;
  if (!(c > 0) || !Number.isFinite(c)) {
    throw new CoresetError('OUT_OF_RANGE', `c must be a positive number, got ${c}`, {
      argument: 'c',
    });
  }
  return {
    name: 'svm',
    labelKind: 'binary',
    fit: (x, y, w, ctx) => fitLinearSvm(x, requireLabels(y), w, ctx, options),
    loss: (x, y, sol, w) => linearSvmLoss(x, requireLabels(y), sol, w, c),
  };
}
