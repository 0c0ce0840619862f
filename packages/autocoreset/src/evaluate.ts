import { assertMatrix, CoresetError, selectRows, toFloat64, toRng } from '@coresets/core';
import type { Matrix, Rng } from '@coresets/core';
import { labelsToSigns } from './internal/labels.js';
import { linearScore } from './internal/checks.js';
import { createProblem } from './problems/create-problem.js';
import type { ProblemName } from './problems/create-problem.js';
import type { CoresetProblem, LinearSolution } from './problems/problem.js';

type AnyProblem<S> = ProblemName | CoresetProblem<S>;

function resolve<S>(problem: AnyProblem<S>): CoresetProblem<S> {
  return (typeof problem === 'string' ? createProblem(problem) : problem) as CoresetProblem<S>;
}

function labelsOrUndefined(labels: ArrayLike<number> | undefined): Float64Array | undefined {
  return labels === undefined ? undefined : Float64Array.from(labels);
}

/** F(P; q) = Σ_i f_i at the given sample weights (default 1): the objective the bench compares. */
export function problemCost<S>(
  problem: AnyProblem<S>,
  data: Matrix,
  labels: ArrayLike<number> | undefined,
  solution: S,
  weights?: ArrayLike<number>,
): number {
  assertMatrix(data, 'data');
  const x = toFloat64(data);
  const w = weights === undefined ? new Float64Array(x.rows).fill(1) : Float64Array.from(weights);
  const losses = resolve(problem).loss(x, labelsOrUndefined(labels), solution, w);
  let sum = 0;
  for (let i = 0; i < losses.length; i++) sum += losses[i];
  return sum;
}

/** q_full: the problem's own solver on all points at unit weights (so C' = C). */
export function fitFullData<S>(
  problem: AnyProblem<S>,
  data: Matrix,
  labels: ArrayLike<number> | undefined,
  seed: number | Rng = 0,
): S {
  assertMatrix(data, 'data', { minRows: 1 });
  const x = toFloat64(data);
  return resolve(problem).fit(x, labelsOrUndefined(labels), new Float64Array(x.rows).fill(1), {
    rng: toRng(seed),
    referenceWeight: x.rows,
  });
}

/**
 * Fits the problem on a weighted coreset of `data`, with C' rescaled to the full data's total
 * weight (`referenceWeight`, default n = data.rows), exactly as inside the AutoCoreset loop.
 */
export function fitOnCoreset<S>(
  problem: AnyProblem<S>,
  data: Matrix,
  labels: ArrayLike<number> | undefined,
  coreset: { readonly indices: Int32Array; readonly weights?: Float64Array | undefined },
  options: { seed?: number | Rng; referenceWeight?: number } = {},
): S {
  assertMatrix(data, 'data', { minRows: 1 });
  const x = toFloat64(data);
  const idx = coreset.indices;
  const w = coreset.weights ?? new Float64Array(idx.length).fill(1);
  if (w.length !== idx.length) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `coreset has ${w.length} weights for ${idx.length} indices`,
      {
        argument: 'coreset',
      },
    );
  }
  const y = labels === undefined ? undefined : Float64Array.from(idx, (i) => labels[i]);
  return resolve(problem).fit(selectRows(x, idx), y, Float64Array.from(w), {
    rng: toRng(options.seed ?? 0),
    referenceWeight: options.referenceWeight ?? x.rows,
  });
}

/**
 * ε = F(P; q_coreset)/F(P; q_full) − 1 at unit weights on `data` (the training data). For k-means
 * it can be slightly negative, because the full-data solver is a heuristic too.
 */
export function coresetEpsilon<S>(
  problem: AnyProblem<S>,
  data: Matrix,
  labels: ArrayLike<number> | undefined,
  coresetSolution: S,
  fullSolution: S,
): number {
  const full = problemCost(problem, data, labels, fullSolution);
  if (!(full > 0)) {
    throw new CoresetError(
      'INFEASIBLE',
      `the full-data cost is ${full}; ε needs a positive reference`,
      {
        argument: 'fullSolution',
      },
    );
  }
  return problemCost(problem, data, labels, coresetSolution) / full - 1;
}

/** Share of rows whose sign of xᵀθ + b matches the binary label (0/1 or ±1); score 0 counts as −1. */
export function classificationAccuracy(
  solution: LinearSolution,
  data: Matrix,
  labels: ArrayLike<number>,
): number {
  assertMatrix(data, 'data', { minRows: 1, cols: solution.theta.length });
  const signs = labelsToSigns(labels);
  if (signs.length !== data.rows) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `labels has ${signs.length} entries for ${data.rows} rows`,
      {
        argument: 'labels',
      },
    );
  }
  let hits = 0;
  for (let i = 0; i < data.rows; i++) {
    const predicted = linearScore(data, i, solution.theta, solution.bias) > 0 ? 1 : -1;
    if (predicted === signs[i]) hits++;
  }
  return hits / data.rows;
}

/** Coefficient of determination 1 − SS_res/SS_tot of the linear solution on (data, targets). */
export function rSquared(
  solution: LinearSolution,
  data: Matrix,
  targets: ArrayLike<number>,
): number {
  assertMatrix(data, 'data', { minRows: 1, cols: solution.theta.length });
  if (targets.length !== data.rows) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `targets has ${targets.length} entries for ${data.rows} rows`,
      {
        argument: 'targets',
      },
    );
  }
  let mean = 0;
  for (let i = 0; i < targets.length; i++) mean += targets[i];
  mean /= targets.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < data.rows; i++) {
    const r = targets[i] - linearScore(data, i, solution.theta, solution.bias);
    ssRes += r * r;
    ssTot += (targets[i] - mean) ** 2;
  }
  if (!(ssTot > 0)) {
    throw new CoresetError('INFEASIBLE', 'R² is undefined for constant targets', {
      argument: 'targets',
    });
  }
  return 1 - ssRes / ssTot;
}
