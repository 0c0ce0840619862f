import { validateOptions } from '@coresets/core';
import type { CoresetMethod, LongRunningOptions, Matrix, OptionsSchema } from '@coresets/core';
import { autoCoreset, DEFAULT_AUTOCORESET_OPTIONS } from './auto-coreset.js';
import type { AutoCoresetResult } from './auto-coreset.js';
import { PROBLEM_NAMES } from './problems/create-problem.js';
import type { ProblemName } from './problems/create-problem.js';
import { SUMMARIZER_NAMES } from './summarize/summary.js';
import type { SummarizerName } from './summarize/summary.js';

/** What the CLI reads from files: points, optional labels column, optional weights. */
export interface AutoCoresetInput {
  readonly data: Matrix;
  readonly labels?: ArrayLike<number> | undefined;
  readonly weights?: ArrayLike<number> | undefined;
}

/** Plain-data options (CLI flags); custom problems go through `autoCoreset` directly. */
export interface AutoCoresetMethodOptions {
  readonly problem: ProblemName;
  readonly size: number;
  readonly k?: number | undefined;
  readonly c?: number | undefined;
  readonly summarizer?: SummarizerName | undefined;
  readonly classBudgets?: 'fair' | 'proportional' | 'balanced' | undefined;
  readonly initialQueries?: number | undefined;
  readonly patience?: number | undefined;
  readonly maxRounds?: number | undefined;
  readonly bestOfK?: number | undefined;
  readonly grouping?: 'group-sums' | 'weighted-means' | undefined;
  readonly seed?: number | undefined;
}

const D = DEFAULT_AUTOCORESET_OPTIONS;

export const AUTOCORESET_OPTIONS_SCHEMA: OptionsSchema = {
  problem: {
    type: 'string',
    description: 'cost function and solver',
    values: PROBLEM_NAMES,
    required: true,
  },
  size: { type: 'integer', description: 'coreset budget m', min: 1, required: true },
  k: { type: 'integer', description: `k-means centres (kmeans only; default ${D.k})`, min: 1 },
  c: {
    type: 'number',
    description: `C (logistic, svm only; default ${D.c})`,
    min: 0,
    exclusiveMin: true,
  },
  summarizer: {
    type: 'string',
    description: 'vector summarisation',
    values: SUMMARIZER_NAMES,
    default: D.summarizer,
  },
  classBudgets: {
    type: 'string',
    description: 'per-class budgets (classification)',
    values: ['fair', 'proportional', 'balanced'],
  },
  initialQueries: {
    type: 'integer',
    description: 'η initial uniform queries',
    min: 1,
    default: D.initialQueries,
  },
  patience: {
    type: 'integer',
    description: 'rounds without improvement before stopping',
    min: 1,
    default: D.patience,
  },
  maxRounds: { type: 'integer', description: 'cap on loop rounds', min: 1, default: D.maxRounds },
  bestOfK: {
    type: 'integer',
    description: 'draws of the best-of-k summariser',
    min: 1,
    default: D.bestOfK,
  },
  grouping: {
    type: 'string',
    description: 'Caratheodory booster grouping',
    values: ['group-sums', 'weighted-means'],
    default: D.grouping,
  },
  seed: { type: 'integer', description: 'random seed', default: D.seed },
};

/** The registry entry: `coresets select autocoreset --problem logistic --size 100 …`. */
export const autoCoresetMethod: CoresetMethod<AutoCoresetInput, AutoCoresetMethodOptions> = {
  name: 'autocoreset',
  description:
    'AutoCoreset: coresets from data and a cost function (logistic, svm, linear, kmeans)',
  optionsSchema: AUTOCORESET_OPTIONS_SCHEMA,
  select(
    input: AutoCoresetInput,
    options: AutoCoresetMethodOptions & LongRunningOptions,
  ): Promise<AutoCoresetResult> {
    const { onProgress, signal, ...rest } = options;
    const opts = validateOptions<AutoCoresetMethodOptions>(
      AUTOCORESET_OPTIONS_SCHEMA,
      rest,
      'autocoreset',
    );
    return autoCoreset({
      ...opts,
      data: input.data,
      labels: input.labels,
      weights: input.weights,
      ...(onProgress === undefined ? {} : { onProgress }),
      ...(signal === undefined ? {} : { signal }),
    });
  },
};
