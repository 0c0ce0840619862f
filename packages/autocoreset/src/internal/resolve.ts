import { assertMatrix, CoresetError, toFloat64 } from '@coresets/core';
import type { Matrix, Rng } from '@coresets/core';
import { classBudgets } from '../class-budgets.js';
import type { ClassBudgetPolicy } from '../class-budgets.js';
import { createProblem, PROBLEM_NAMES } from '../problems/create-problem.js';
import type { ProblemName } from '../problems/create-problem.js';
import type { CoresetProblem, LabelKind } from '../problems/problem.js';
import { countDraws } from '../summarize/summary.js';
import { binaryClassIds } from './labels.js';

/** The inputs shared by `autoCoreset` and `uniformCoreset`. */
export interface ProblemOptions<S> {
  readonly data: Matrix;
  readonly labels?: ArrayLike<number> | undefined;
  readonly weights?: ArrayLike<number> | undefined;
  readonly problem: ProblemName | CoresetProblem<S>;
  readonly k?: number | undefined;
  readonly c?: number | undefined;
  readonly size: number;
  readonly classBudgets?: ClassBudgetPolicy | undefined;
}

export interface Setup<S> {
  readonly x: Matrix<Float64Array>;
  readonly problem: CoresetProblem<S>;
  readonly y: Float64Array | undefined;
  readonly classIds: Int32Array | undefined;
  readonly numClasses: number;
  readonly w0: Float64Array;
  /** Σw⁰: the weight a coreset's C' is rescaled to. */
  readonly referenceWeight: number;
  /** Positive-weight points of each class, ascending. */
  readonly groups: number[][];
  readonly budgets: Int32Array;
}

/** Upper bound on redraws of a uniform sample that misses a class. */
const MAX_REDRAWS = 1000;

/** Validates data, problem, labels, weights and size, and derives the class groups and budgets. */
export function resolveSetup<S>(
  options: ProblemOptions<S>,
  defaultPolicy: ClassBudgetPolicy,
): Setup<S> {
  assertMatrix(options.data, 'data', { minRows: 1 });
  const x = toFloat64(options.data);
  const n = x.rows;
  const size = options.size;
  const problem = resolveProblem(options);
  const labelKind = resolveLabelKind(problem, options.labels);
  const { y, classIds, numClasses } = resolveLabels(labelKind, options.labels, n);
  const w0 = resolveWeights(options.weights, n);
  const referenceWeight = w0.reduce((a, b) => a + b, 0);
  const groups: number[][] = Array.from({ length: numClasses }, () => []);
  for (let i = 0; i < n; i++)
    if (w0[i] > 0) groups[classIds === undefined ? 0 : classIds[i]].push(i);
  groups.forEach((g, c) => {
    if (g.length === 0) {
      throw new CoresetError('INVALID_ARGUMENT', `class ${c} has no point with positive weight`, {
        argument: 'labels',
      });
    }
  });
  if (options.classBudgets !== undefined && numClasses === 1) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      'classBudgets only applies to classification problems',
      {
        argument: 'classBudgets',
      },
    );
  }
  const budgets =
    numClasses === 1
      ? Int32Array.of(size)
      : classBudgets(
          groups.map((g) => g.length),
          size,
          options.classBudgets ?? defaultPolicy,
        );
  budgets.forEach((b, c) => {
    if (b < 1) {
      throw new CoresetError(
        'INFEASIBLE',
        `size ${size} leaves class ${c} without points (budget ${b})`,
        {
          argument: 'size',
        },
      );
    }
  });
  return { x, problem, y, classIds, numClasses, w0, referenceWeight, groups, budgets };
}

function resolveProblem<S>(options: ProblemOptions<S>): CoresetProblem<S> {
  const { problem, k, c } = options;
  if (typeof problem === 'string') {
    if (k !== undefined && problem !== 'kmeans') {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `k only applies to the kmeans problem, not "${problem}"`,
        {
          argument: 'k',
        },
      );
    }
    if (c !== undefined && problem !== 'logistic' && problem !== 'svm') {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `c only applies to logistic and svm, not "${problem}"`,
        {
          argument: 'c',
        },
      );
    }
    return createProblem(problem, { k, c }) as CoresetProblem<S>;
  }
  if (
    typeof problem !== 'object' ||
    typeof problem.fit !== 'function' ||
    typeof problem.loss !== 'function'
  ) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `problem must be one of ${PROBLEM_NAMES.join(', ')} or { fit, loss }`,
      {
        argument: 'problem',
      },
    );
  }
  if (k !== undefined || c !== undefined) {
    throw new CoresetError('INVALID_ARGUMENT', 'k and c configure built-in problems only', {
      argument: k !== undefined ? 'k' : 'c',
    });
  }
  return problem;
}

function resolveLabelKind(
  problem: CoresetProblem<unknown>,
  labels: ArrayLike<number> | undefined,
): LabelKind {
  const kind = problem.labelKind;
  if (kind === undefined) {
    if (labels === undefined) return 'none';
    throw new CoresetError(
      'MISSING_OPTION',
      "labels were given but the problem does not say how to use them; set problem.labelKind to 'binary', 'classes', 'targets' or 'none'",
      { argument: 'problem.labelKind' },
    );
  }
  if (!['binary', 'classes', 'targets', 'none'].includes(kind)) {
    throw new CoresetError('INVALID_ARGUMENT', `unknown labelKind "${String(kind)}"`, {
      argument: 'problem.labelKind',
    });
  }
  return kind;
}

function resolveLabels(
  kind: LabelKind,
  labels: ArrayLike<number> | undefined,
  n: number,
): { y: Float64Array | undefined; classIds: Int32Array | undefined; numClasses: number } {
  if (kind === 'none') {
    if (labels !== undefined) {
      throw new CoresetError('INVALID_ARGUMENT', 'this problem takes no labels', {
        argument: 'labels',
      });
    }
    return { y: undefined, classIds: undefined, numClasses: 1 };
  }
  if (labels === undefined) {
    throw new CoresetError('MISSING_OPTION', `labels are required for labelKind "${kind}"`, {
      argument: 'labels',
    });
  }
  if (labels.length !== n) {
    throw new CoresetError('SHAPE_MISMATCH', `labels has ${labels.length} entries for ${n} rows`, {
      argument: 'labels',
    });
  }
  const y = Float64Array.from(labels);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) {
      throw new CoresetError('NON_FINITE', `labels[${i}] is ${y[i]}`, { argument: 'labels' });
    }
  }
  if (kind === 'targets') return { y, classIds: undefined, numClasses: 1 };
  if (kind === 'binary') return { y, classIds: binaryClassIds(y), numClasses: 2 };
  const classIds = new Int32Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `labels[${i}] = ${y[i]} is not a class id (integer ≥ 0)`,
        {
          argument: 'labels',
        },
      );
    }
    classIds[i] = y[i];
    max = Math.max(max, y[i]);
  }
  return { y, classIds, numClasses: max + 1 };
}

function resolveWeights(weights: ArrayLike<number> | undefined, n: number): Float64Array {
  if (weights === undefined) return new Float64Array(n).fill(1);
  if (weights.length !== n) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `weights has ${weights.length} entries for ${n} rows`,
      {
        argument: 'weights',
      },
    );
  }
  const w = Float64Array.from(weights);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(w[i]) || w[i] < 0) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `weights[${i}] must be finite and ≥ 0, got ${w[i]}`,
        {
          argument: 'weights',
        },
      );
    }
    total += w[i];
  }
  if (!(total > 0))
    throw new CoresetError('INVALID_ARGUMENT', 'weights must not all be zero', {
      argument: 'weights',
    });
  return w;
}

export function gather(values: Float64Array, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = values[idx[k]];
  return out;
}

/** A uniform sample of m with replacement over the positive-weight points, redrawn until every class appears. */
export function initialSample(
  positive: readonly number[],
  size: number,
  numClasses: number,
  classIds: Int32Array | undefined,
  rng: Rng,
): { ids: Int32Array; counts: Float64Array } {
  if (numClasses > size) {
    throw new CoresetError('INFEASIBLE', `size ${size} cannot contain all ${numClasses} classes`, {
      argument: 'size',
    });
  }
  for (let attempt = 0; attempt < MAX_REDRAWS; attempt++) {
    const draws = new Int32Array(size);
    for (let k = 0; k < size; k++) draws[k] = positive[rng.int(positive.length)];
    if (classIds !== undefined && numClasses > 1) {
      const seen = new Uint8Array(numClasses);
      let distinct = 0;
      for (const i of draws) if (seen[classIds[i]]++ === 0) distinct++;
      if (distinct < numClasses) continue;
    }
    return countDraws(draws);
  }
  throw new CoresetError(
    'INFEASIBLE',
    `${MAX_REDRAWS} uniform samples of size ${size} all missed a class; increase size`,
    { argument: 'size' },
  );
}
