import type { Matrix } from '@coresets/core';
import type { LinearSolution } from '../problems/problem.js';
import { checkFitInputs, linearScore, squaredNorm, weightSum } from './checks.js';
import { labelsToSigns } from './labels.js';

/**
 * Per-point cost of a regularised linear classifier: f_i = (s_i/Σs)·½‖θ‖² + C·s_i·φ(y_i(x_iᵀθ + b)),
 * so Σ_i f_i is the objective at sample weights s. `marginLoss` is φ (hinge, logistic, …).
 */
export function regularisedMarginLoss(
  x: Matrix<Float64Array>,
  labels: ArrayLike<number>,
  solution: LinearSolution,
  weights: Float64Array,
  c: number,
  marginLoss: (margin: number) => number,
): Float64Array {
  checkFitInputs(x, labels, weights, true);
  const signs = labelsToSigns(labels);
  const total = weightSum(weights);
  const reg = 0.5 * squaredNorm(solution.theta);
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    const margin = signs[i] * linearScore(x, i, solution.theta, solution.bias);
    out[i] = (weights[i] / total) * reg + c * weights[i] * marginLoss(margin);
  }
  return out;
}
