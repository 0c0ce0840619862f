import type { Matrix, Rng } from '@coresets/core';

/**
 * How a problem reads the `labels` array.
 * - `binary`: two classes given as {0, 1} or {−1, +1}; class 0 is the negative one. The loop
 *   builds per-class budgets from them.
 * - `classes`: integer class ids 0..C−1, also used for per-class budgets.
 * - `targets`: real-valued regression targets; all points form one group.
 * - `none`: the problem takes no labels; all points form one group.
 */
export type LabelKind = 'binary' | 'classes' | 'targets' | 'none';

/** What the loop hands a fitter besides the (weighted) sample. */
export interface FitContext {
  /** Seeded stream for randomised fitters (k-means restarts); deterministic per call. */
  readonly rng: Rng;
  /**
   * Total input weight Σw⁰ of the full data set. Regularised fitters scale their data term by
   * C' = C·referenceWeight/Σweights so that a weighted subset solves the same regularised
   * problem as the full data (spec §2). A fit on the full data at unit weights sees
   * referenceWeight = n, so C' = C.
   */
  readonly referenceWeight: number;
}

/**
 * A cost function plus a solver for it: everything AutoCoreset needs to know about a problem.
 * `loss` returns the per-point costs f(p, q) including the sample weights, so that summing them
 * gives the weighted objective the fitter minimises.
 */
export interface CoresetProblem<S = unknown> {
  /** Shown in `meta.problem`; defaults to `custom`. */
  readonly name?: string | undefined;
  /**
   * How labels are used. Required when labels are passed with a custom problem (so per-class
   * budgets are never switched on or off by accident); `none` when omitted without labels.
   */
  readonly labelKind?: LabelKind | undefined;
  /** Fits a solution on the rows `x` with labels `y` (undefined for `none`) and weights. */
  fit(
    x: Matrix<Float64Array>,
    y: Float64Array | undefined,
    weights: Float64Array,
    context: FitContext,
  ): S;
  /** Per-point costs of `solution` on the rows `x`, with sample weights `weights`. */
  loss(
    x: Matrix<Float64Array>,
    y: Float64Array | undefined,
    solution: S,
    weights: Float64Array,
  ): Float64Array | number[];
}

/** Solution of the linear problems: f(x) = xᵀθ + b. */
export interface LinearSolution {
  readonly theta: Float64Array;
  readonly bias: number;
  /** Solver iterations used (built-in iterative fitters). */
  readonly iterations?: number;
  /** False when an iterative fitter stopped at its iteration cap. */
  readonly converged?: boolean;
}

/** Solution of k-means: k centroids (rows). */
export interface KmeansSolution {
  readonly centroids: Matrix<Float64Array>;
}
