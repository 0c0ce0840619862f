import { CoresetError, Rng, selectRows, toRng, validateOptions } from '@coresets/core';
import type { OptionsSchema, SelectionResult } from '@coresets/core';
import { gather, initialSample, resolveSetup } from './internal/resolve.js';
import type { ProblemOptions } from './internal/resolve.js';
import { uniformSummary } from './summarize/uniform.js';

export interface UniformCoresetOptions<S = unknown> extends ProblemOptions<S> {
  /**
   * `per-class`: one uniform draw per class with the same class budgets as AutoCoreset (the
   * default baseline); `global`: the reference's single draw of m over all points (every class
   * present), weight count·n/m, no class budgets.
   */
  readonly mode?: 'per-class' | 'global' | undefined;
  readonly seed?: number | Rng | undefined;
}

export const DEFAULT_UNIFORM_CORESET_OPTIONS = {
  mode: 'per-class',
  classBudgets: 'fair',
  seed: 0,
} as const;

export interface UniformCoresetMeta<S = unknown> extends Record<string, unknown> {
  readonly method: 'uniform' | 'uniform-global';
  readonly problem: string;
  readonly classBudgets: number[];
  /** The solution fitted on the sample (C' rescaled to the full data's weight). */
  readonly solution: S;
  /** Full-data cost F(P; solution) at the input weights. */
  readonly cost: number;
  readonly timings: {
    readonly featureMs: number;
    readonly selectMs: number;
    readonly fitMs: number;
  };
}

export interface UniformCoresetResult<S = unknown> extends SelectionResult {
  readonly indices: Int32Array;
  readonly weights: Float64Array;
  readonly meta: UniformCoresetMeta<S>;
}

const SCHEMA: OptionsSchema = {
  data: { type: 'any', description: 'points', required: true },
  labels: { type: 'any', description: 'labels or targets' },
  weights: { type: 'any', description: 'input weights' },
  problem: { type: 'any', description: 'problem', required: true },
  k: { type: 'integer', description: 'k-means centres', min: 1 },
  c: { type: 'number', description: 'C', min: 0, exclusiveMin: true },
  size: { type: 'integer', description: 'sample size m', min: 1, required: true },
  classBudgets: { type: 'any', description: 'class budgets' },
  mode: { type: 'string', description: 'per-class or global', values: ['per-class', 'global'] },
  seed: { type: 'any', description: 'seed or Rng' },
};

/**
 * The uniform-sampling baselines of the spec's protocol: a single draw, never run through the
 * AutoCoreset loop, then one fit on it. Indices ascending; weights > 0.
 */
export function uniformCoreset<S = unknown>(
  options: UniformCoresetOptions<S>,
): UniformCoresetResult<S> {
  validateOptions(SCHEMA, options, 'uniformCoreset');
  const mode = options.mode ?? DEFAULT_UNIFORM_CORESET_OPTIONS.mode;
  if (mode === 'global' && options.classBudgets !== undefined) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      'the global uniform baseline uses no class budgets',
      {
        argument: 'classBudgets',
      },
    );
  }
  const seed = options.seed ?? DEFAULT_UNIFORM_CORESET_OPTIONS.seed;
  if (typeof seed !== 'number' && !(seed instanceof Rng)) {
    throw new CoresetError('INVALID_ARGUMENT', 'seed must be an integer or an Rng', {
      argument: 'seed',
    });
  }
  const rng = toRng(seed);
  const setup = resolveSetup(options, DEFAULT_UNIFORM_CORESET_OPTIONS.classBudgets);
  const { x, problem, y, classIds, numClasses, w0, referenceWeight, groups, budgets } = setup;
  let t = performance.now();
  const ids: number[] = [];
  const ws: number[] = [];
  if (mode === 'global') {
    const positive = groups.flat().sort((a, b) => a - b);
    const draw = initialSample(positive, options.size, numClasses, classIds, rng);
    draw.ids.forEach((i, k) => {
      ids.push(i);
      ws.push((w0[i] * draw.counts[k] * positive.length) / options.size);
    });
  } else {
    groups.forEach((members, c) => {
      // Only the row count matters to a uniform draw; the columns are never read.
      const s = uniformSummary(
        { rows: members.length, cols: 0, data: new Float64Array(0) },
        budgets[c],
        rng,
      );
      s.indices.forEach((local, k) => {
        ids.push(members[local]);
        ws.push(s.weights[k] * w0[members[local]]);
      });
    });
  }
  const order = ids.map((_, k) => k).sort((a, b) => ids[a] - ids[b]);
  const indices = Int32Array.from(order, (k) => ids[k]);
  const weights = Float64Array.from(order, (k) => ws[k]);
  const selectMs = performance.now() - t;
  t = performance.now();
  const solution = problem.fit(
    selectRows(x, indices),
    y === undefined ? undefined : gather(y, indices),
    weights,
    {
      rng: rng.split(),
      referenceWeight,
    },
  );
  const fitMs = performance.now() - t;
  t = performance.now();
  const losses = problem.loss(x, y, solution, w0);
  let cost = 0;
  for (let i = 0; i < losses.length; i++) cost += losses[i];
  return {
    indices,
    weights,
    meta: {
      method: mode === 'global' ? 'uniform-global' : 'uniform',
      problem: problem.name ?? 'custom',
      classBudgets: mode === 'global' ? [] : Array.from(budgets),
      solution,
      cost,
      timings: { featureMs: performance.now() - t, selectMs, fitMs },
    },
  };
}
