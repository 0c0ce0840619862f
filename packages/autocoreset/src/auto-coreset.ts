import {
  CoresetError,
  Rng,
  selectRows,
  throwIfAborted,
  toRng,
  validateOptions,
} from '@coresets/core';
import type { LongRunningOptions, Matrix, OptionsSchema, SelectionResult } from '@coresets/core';
import type { ClassBudgetPolicy } from './class-budgets.js';
import { PatienceTracker } from './patience.js';
import { PROBLEM_NAMES } from './problems/create-problem.js';
import type { ProblemName } from './problems/create-problem.js';
import type { CoresetProblem } from './problems/problem.js';
import { bestOfKSummary } from './summarize/best-of-k.js';
import { caratheodorySummary } from './summarize/caratheodory.js';
import type { CaratheodoryGrouping } from './summarize/caratheodory.js';
import { importanceSummary } from './summarize/importance-sampling.js';
import { SUMMARIZER_NAMES } from './summarize/summary.js';
import type { SummarizerName, VectorSummary } from './summarize/summary.js';
import { uniformSummary } from './summarize/uniform.js';
import { gather, initialSample, resolveSetup } from './internal/resolve.js';

export interface AutoCoresetOptions<S = unknown> extends LongRunningOptions {
  /** The points P (n × d); float32 input is widened to float64. */
  readonly data: Matrix;
  /** Labels: binary 0/1 or ±1 for `logistic`/`svm`, targets for `linear`, none for `kmeans`. */
  readonly labels?: ArrayLike<number> | undefined;
  /** Input weights w⁰ (default 1); zero-weight points never enter a coreset. */
  readonly weights?: ArrayLike<number> | undefined;
  /** A built-in problem name or your own `{ fit, loss, labelKind? }`. */
  readonly problem: ProblemName | CoresetProblem<S>;
  /** Number of centres for the built-in `kmeans` problem (default 2). */
  readonly k?: number | undefined;
  /** C for the built-in `logistic` and `svm` problems (default 1). */
  readonly c?: number | undefined;
  /** Total coreset budget m (split across classes for classification). */
  readonly size: number;
  /** Vector-summarisation method used in every round. */
  readonly summarizer?: SummarizerName | undefined;
  /** Per-class budgets: `fair` (reference), `proportional`, `balanced` or explicit sizes. */
  readonly classBudgets?: ClassBudgetPolicy | undefined;
  /** η: solutions fitted on uniform samples before the loop. */
  readonly initialQueries?: number | undefined;
  /** Stop after this many consecutive rounds without a new best cost below OPT. */
  readonly patience?: number | undefined;
  /** Safety cap on loop rounds (the spec's loop only stops on patience or the Caratheodory budget). */
  readonly maxRounds?: number | undefined;
  /** Draws k of the best-of-k ("median of means") summariser. */
  readonly bestOfK?: number | undefined;
  /** Caratheodory booster grouping (`group-sums` is the reference's). */
  readonly grouping?: CaratheodoryGrouping | undefined;
  /** Seed or stream for every random choice (samples, summaries, randomised fitters). */
  readonly seed?: number | Rng | undefined;
}

export const DEFAULT_AUTOCORESET_OPTIONS = {
  summarizer: 'caratheodory',
  classBudgets: 'fair',
  initialQueries: 3,
  patience: 5,
  maxRounds: 100,
  bestOfK: 100,
  grouping: 'group-sums',
  seed: 0,
  k: 2,
  c: 1,
} as const;

export type AutoCoresetStopReason = 'patience' | 'caratheodory-budget' | 'max-rounds';

export interface AutoCoresetMeta<S = unknown> extends Record<string, unknown> {
  readonly method: 'autocoreset';
  readonly problem: string;
  readonly summarizer: SummarizerName;
  /** Coresets built by the loop (rounds run). */
  readonly rounds: number;
  /** Queries t = columns of the loss matrix at the end. */
  readonly queries: number;
  /** Σ of every loss-matrix column in order: η initial columns, then one per round. */
  readonly costHistory: number[];
  /** 1-based round whose coreset is returned. */
  readonly bestRound: number;
  /** Full-data cost F(P; q) of the returned coreset's solution. */
  readonly bestCost: number;
  readonly stopReason: AutoCoresetStopReason;
  /** Class ids of the groups (empty array for one group) and their budgets m_c. */
  readonly classBudgets: number[];
  /** The solution fitted on the returned coreset. */
  readonly solution: S;
  readonly timings: {
    /** Loss-matrix columns (evaluating the cost on all points). */
    readonly featureMs: number;
    /** Vector summarisation. */
    readonly selectMs: number;
    /** Fitting solutions on samples and coresets. */
    readonly fitMs: number;
    readonly totalMs: number;
  };
}

export interface AutoCoresetResult<S = unknown> extends SelectionResult {
  /** Row indices, ascending. */
  readonly indices: Int32Array;
  /** Coreset weights u_i > 0 (input weight times the summary's multiplier), parallel to indices. */
  readonly weights: Float64Array;
  readonly meta: AutoCoresetMeta<S>;
}

const SCHEMA: OptionsSchema = {
  data: { type: 'any', description: 'points (Matrix)', required: true },
  labels: { type: 'any', description: 'labels or regression targets' },
  weights: { type: 'any', description: 'input weights w⁰' },
  problem: {
    type: 'any',
    description: `one of ${PROBLEM_NAMES.join(', ')} or { fit, loss }`,
    required: true,
  },
  k: { type: 'integer', description: 'k-means centres', min: 1 },
  c: { type: 'number', description: 'C for logistic / svm', min: 0, exclusiveMin: true },
  size: { type: 'integer', description: 'coreset budget m', min: 1, required: true },
  summarizer: {
    type: 'string',
    description: 'vector summarisation',
    values: SUMMARIZER_NAMES,
    default: DEFAULT_AUTOCORESET_OPTIONS.summarizer,
  },
  classBudgets: { type: 'any', description: 'fair | proportional | balanced | number[]' },
  initialQueries: {
    type: 'integer',
    description: 'η initial uniform queries',
    min: 1,
    default: DEFAULT_AUTOCORESET_OPTIONS.initialQueries,
  },
  patience: {
    type: 'integer',
    description: 'patience',
    min: 1,
    default: DEFAULT_AUTOCORESET_OPTIONS.patience,
  },
  maxRounds: {
    type: 'integer',
    description: 'round cap',
    min: 1,
    default: DEFAULT_AUTOCORESET_OPTIONS.maxRounds,
  },
  bestOfK: {
    type: 'integer',
    description: 'best-of-k draws',
    min: 1,
    default: DEFAULT_AUTOCORESET_OPTIONS.bestOfK,
  },
  grouping: {
    type: 'string',
    description: 'Caratheodory grouping',
    values: ['group-sums', 'weighted-means'],
    default: DEFAULT_AUTOCORESET_OPTIONS.grouping,
  },
  seed: { type: 'any', description: 'seed or Rng' },
  onProgress: { type: 'any', description: 'progress callback' },
  signal: { type: 'any', description: 'AbortSignal' },
};

interface Resolved {
  summarizer: SummarizerName;
  initialQueries: number;
  patience: number;
  maxRounds: number;
  bestOfK: number;
  grouping: CaratheodoryGrouping;
}

const now = (): number => performance.now();
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * AutoCoreset (Maalouf et al., ICML 2023): builds a weighted coreset from the data and a cost
 * function alone. Each round summarises the n × t loss matrix (one column per query solution) per
 * class, fits a solution on the summary, and appends that solution's losses as a new query;
 * the coreset whose solution has the lowest full-data cost is returned.
 */
export async function autoCoreset<S = unknown>(
  options: AutoCoresetOptions<S>,
): Promise<AutoCoresetResult<S>> {
  const t0 = now();
  const opts = validateOptions<Resolved>(SCHEMA, options, 'autoCoreset');
  const { signal, onProgress } = options;
  const { x, problem, y, classIds, numClasses, w0, referenceWeight, groups, budgets } =
    resolveSetup(options, DEFAULT_AUTOCORESET_OPTIONS.classBudgets);
  const n = x.rows;
  const size = options.size;

  const seed = options.seed ?? DEFAULT_AUTOCORESET_OPTIONS.seed;
  if (typeof seed !== 'number' && !(seed instanceof Rng)) {
    throw new CoresetError('INVALID_ARGUMENT', 'seed must be an integer or an Rng', {
      argument: 'seed',
    });
  }
  const rng = toRng(seed);
  const timings = { featureMs: 0, selectMs: 0, fitMs: 0 };
  const columns: Float64Array[] = [];
  const costHistory: number[] = [];

  const fit = (idx: Int32Array, u: Float64Array, fitRng: Rng): S => {
    const t = now();
    const sol = problem.fit(selectRows(x, idx), y === undefined ? undefined : gather(y, idx), u, {
      rng: fitRng,
      referenceWeight,
    });
    timings.fitMs += now() - t;
    return sol;
  };
  const lossColumn = (solution: S): number => {
    const t = now();
    const raw = problem.loss(x, y, solution, w0);
    if (raw.length !== n) {
      throw new CoresetError(
        'SHAPE_MISMATCH',
        `problem.loss returned ${raw.length} values for ${n} points`,
        {
          argument: 'problem.loss',
        },
      );
    }
    const col = Float64Array.from(raw);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(col[i])) {
        throw new CoresetError('NON_FINITE', `problem.loss returned ${col[i]} for point ${i}`, {
          argument: 'problem.loss',
        });
      }
      sum += col[i];
    }
    columns.push(col);
    costHistory.push(sum);
    timings.featureMs += now() - t;
    return sum;
  };

  // Initial queries: solutions fitted on uniform samples of size m over all points.
  const positive = groups.flat().sort((a, b) => a - b);
  for (let q = 0; q < opts.initialQueries; q++) {
    throwIfAborted(signal);
    const sample = initialSample(positive, size, numClasses, classIds, rng);
    const u = new Float64Array(sample.ids.length);
    for (let k = 0; k < u.length; k++)
      u[k] = (w0[sample.ids[k]] * sample.counts[k] * positive.length) / size;
    const cost = lossColumn(fit(sample.ids, u, rng.split()));
    onProgress?.({
      phase: 'initial',
      completed: q + 1,
      total: opts.initialQueries,
      info: { cost },
    });
  }

  const tracker = new PatienceTracker(costHistory, opts.patience);
  let best:
    | { indices: Int32Array; weights: Float64Array; solution: S; cost: number; round: number }
    | undefined;
  let rounds = 0;
  let stopReason: AutoCoresetStopReason = 'max-rounds';
  // Classes at or under their budget come back whole, so only the others constrain Caratheodory.
  const reduced = budgets.filter((b, c) => groups[c].length > b);
  const caratheodoryLimit = reduced.length === 0 ? Infinity : Math.min(...reduced);

  while (rounds < opts.maxRounds) {
    throwIfAborted(signal);
    const t = columns.length;
    if (opts.summarizer === 'caratheodory' && t >= caratheodoryLimit) {
      if (best === undefined) {
        throw new CoresetError(
          'INFEASIBLE',
          `size ${size} is too small for Caratheodory: every reduced class needs a budget of at least t + 1 = ${t + 1} ` +
            `(the ${t} initial queries plus one); increase size or lower initialQueries`,
          { argument: 'size' },
        );
      }
      stopReason = 'caratheodory-budget';
      break;
    }
    const ts = now();
    const roundRng = rng.split();
    const summary = summarise(columns, groups, budgets, opts, roundRng, w0);
    timings.selectMs += now() - ts;
    const solution = fit(summary.indices, summary.weights, roundRng.split());
    const cost = lossColumn(solution);
    rounds++;
    if (best === undefined || cost < best.cost)
      best = { ...summary, solution, cost, round: rounds };
    const stop = tracker.push(cost);
    onProgress?.({
      phase: 'round',
      completed: rounds,
      total: opts.maxRounds,
      info: { cost, opt: tracker.opt, counter: tracker.counter, bestCost: best.cost },
    });
    if (stop) {
      stopReason = 'patience';
      break;
    }
    await yieldToEventLoop();
  }
  if (best === undefined) {
    throw new CoresetError(
      'INFEASIBLE',
      'no coreset was built (maxRounds reached before the first round)',
      {
        argument: 'maxRounds',
      },
    );
  }
  return {
    indices: best.indices,
    weights: best.weights,
    meta: {
      method: 'autocoreset',
      problem: problem.name ?? 'custom',
      summarizer: opts.summarizer,
      rounds,
      queries: columns.length,
      costHistory,
      bestRound: best.round,
      bestCost: best.cost,
      stopReason,
      classBudgets: Array.from(budgets),
      solution: best.solution,
      timings: { ...timings, totalMs: now() - t0 },
    },
  };
}

/** Runs the summariser on each class's rows of the loss matrix and concatenates the results. */
function summarise(
  columns: readonly Float64Array[],
  groups: readonly number[][],
  budgets: Int32Array,
  opts: Resolved,
  rng: Rng,
  w0: Float64Array,
): { indices: Int32Array; weights: Float64Array } {
  const t = columns.length;
  const ids: number[] = [];
  const ws: number[] = [];
  groups.forEach((members, c) => {
    const data = new Float64Array(members.length * t);
    members.forEach((i, k) => {
      for (let j = 0; j < t; j++) data[k * t + j] = columns[j][i];
    });
    const points = { rows: members.length, cols: t, data };
    const budget = budgets[c];
    let s: VectorSummary;
    switch (opts.summarizer) {
      case 'caratheodory':
        s = caratheodorySummary(points, budget, { grouping: opts.grouping });
        break;
      case 'importance':
        s = importanceSummary(points, budget, rng);
        break;
      case 'best-of-k':
        s = bestOfKSummary(points, budget, rng, opts.bestOfK);
        break;
      case 'uniform':
        s = uniformSummary(points, budget, rng);
        break;
    }
    for (let k = 0; k < s.indices.length; k++) {
      const i = members[s.indices[k]];
      const u = s.weights[k] * w0[i];
      if (u > 0) {
        ids.push(i);
        ws.push(u);
      }
    }
  });
  const order = ids.map((_, k) => k).sort((a, b) => ids[a] - ids[b]);
  return {
    indices: Int32Array.from(order, (k) => ids[k]),
    weights: Float64Array.from(order, (k) => ws[k]),
  };
}
