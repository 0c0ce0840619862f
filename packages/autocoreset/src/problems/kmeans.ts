import { CoresetError, kmeans } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { checkFitInputs } from '../internal/checks.js';
import type { CoresetProblem, FitContext, KmeansSolution } from './problem.js';

export interface KmeansProblemOptions {
  /** Number of centres. */
  readonly k?: number;
  /** k-means++ restarts; the lowest weighted inertia wins. */
  readonly nInit?: number;
  /** Lloyd iterations per restart (the reference uses 15). */
  readonly maxIter?: number;
}

export const DEFAULT_KMEANS_PROBLEM_OPTIONS = { k: 2, nInit: 10, maxIter: 15 } as const;

/**
 * Weighted k-means through core's `kmeans` (k-means++ seeding, weighted Lloyd). The seed comes
 * from the context's stream, so a fit is reproducible for a given AutoCoreset seed.
 */
export function fitKmeans(
  x: Matrix<Float64Array>,
  weights: Float64Array,
  context: Pick<FitContext, 'rng'>,
  options: KmeansProblemOptions = {},
): KmeansSolution {
  checkFitInputs(x, undefined, weights, false);
  const { k, nInit, maxIter } = { ...DEFAULT_KMEANS_PROBLEM_OPTIONS, ...options };
  const result = kmeans(x, { k, nInit, maxIter, seed: context.rng.nextUint32(), weights });
  return { centroids: result.centroids };
}

/** Per-point cost f_i = s_i·min_j ‖x_i − c_j‖². */
export function kmeansLoss(
  x: Matrix<Float64Array>,
  solution: KmeansSolution,
  weights: Float64Array,
): Float64Array {
  checkFitInputs(x, undefined, weights, false);
  const c = solution.centroids;
  if (c.cols !== x.cols) {
    throw new CoresetError('SHAPE_MISMATCH', `centroids have ${c.cols} columns, x has ${x.cols}`, {
      argument: 'solution',
    });
  }
  const d = x.cols;
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let best = Infinity;
    for (let j = 0; j < c.rows; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = x.data[i * d + t] - c.data[j * d + t];
        s += diff * diff;
      }
      if (s < best) best = s;
    }
    out[i] = weights[i] * best;
  }
  return out;
}

/** The built-in k-means problem (no labels). */
export function kmeansProblem(options: KmeansProblemOptions = {}): CoresetProblem<KmeansSolution> {
  const { k, nInit, maxIter } = { ...DEFAULT_KMEANS_PROBLEM_OPTIONS, ...options };
  for (const [name, v] of [
    ['k', k],
    ['nInit', nInit],
    ['maxIter', maxIter],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new CoresetError('OUT_OF_RANGE', `${name} must be a positive integer, got ${v}`, {
        argument: name,
      });
    }
  }
  return {
    name: 'kmeans',
    labelKind: 'none',
    fit: (x, _y, w, ctx) => fitKmeans(x, w, ctx, { k, nInit, maxIter }),
    loss: (x, _y, sol, w) => kmeansLoss(x, sol, w),
  };
}
