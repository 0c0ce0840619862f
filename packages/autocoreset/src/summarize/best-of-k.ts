import { CoresetError } from '@coresets/core';
import type { Matrix, Rng } from '@coresets/core';
import type { VectorSummary } from './summary.js';
import { assertBudget, uniformSummary } from './uniform.js';

export interface BestOfKSummary extends VectorSummary {
  /** ‖Σ_i u_i a_i − Σ_i a_i‖₂ of every draw, in draw order. */
  readonly distances: Float64Array;
  /** Which draw was kept (the first of the smallest distances). */
  readonly chosen: number;
}

/**
 * The reference's "median of means", which is really best-of-k: k independent uniform summaries
 * (each `uniformSummary` with the same stream, one after the other); keeps the one whose weighted
 * sum is closest in ℓ₂ to the true sum (equivalently, whose weighted mean is closest to the mean).
 */
export function bestOfKSummary(
  points: Matrix<Float64Array>,
  budget: number,
  rng: Rng,
  k = 100,
): BestOfKSummary {
  assertBudget(budget, points.rows);
  if (!Number.isInteger(k) || k < 1) {
    throw new CoresetError('OUT_OF_RANGE', `k must be a positive integer, got ${k}`, {
      argument: 'bestOfK',
    });
  }
  const t = points.cols;
  const target = new Float64Array(t);
  for (let i = 0; i < points.rows; i++)
    for (let j = 0; j < t; j++) target[j] += points.data[i * t + j];
  const distances = new Float64Array(k);
  let best: VectorSummary | undefined;
  let chosen = 0;
  const sum = new Float64Array(t);
  for (let r = 0; r < k; r++) {
    const draw = uniformSummary(points, budget, rng);
    sum.fill(0);
    for (let q = 0; q < draw.indices.length; q++) {
      const off = draw.indices[q] * t;
      const u = draw.weights[q];
      for (let j = 0; j < t; j++) sum[j] += u * points.data[off + j];
    }
    let dist = 0;
    for (let j = 0; j < t; j++) dist += (sum[j] - target[j]) ** 2;
    distances[r] = Math.sqrt(dist);
    if (best === undefined || distances[r] < distances[chosen]) {
      best = draw;
      chosen = r;
    }
  }
  return { indices: best!.indices, weights: best!.weights, distances, chosen };
}
