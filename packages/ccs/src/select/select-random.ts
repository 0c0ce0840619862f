import {
  CoresetError,
  groupByLabel,
  resolveBudget,
  throwIfAborted,
  type CoresetMethod,
  type LongRunningOptions,
  type OptionsSchema,
  type Rng,
  type SelectionResult,
} from '@coresets/core';
import {
  BUDGET_FIELDS,
  LONG_RUNNING_FIELDS,
  SEED_FIELD,
  parseOptions,
  seedToRng,
} from '../internal/options.js';
import { elapsedMs } from '../internal/timer.js';
import { assertLabels } from '../internal/validate.js';
import { waterFill } from './water-filling.js';

/** Either the data set size or the labels (needed for `balanced`, and giving the size). */
export interface RandomInput {
  readonly n?: number | undefined;
  readonly labels?: ArrayLike<number> | undefined;
}

export interface RandomOptions extends LongRunningOptions {
  readonly budget?: number | undefined;
  /** Fraction removed. */
  readonly rate?: number | undefined;
  /** Same count from every class as far as class sizes allow (water-filling over classes). */
  readonly balanced?: boolean | undefined;
  readonly seed?: number | Rng | undefined;
}

export const DEFAULT_RANDOM_OPTIONS = Object.freeze({ balanced: false, seed: 0 });

export const RANDOM_OPTIONS_SCHEMA: OptionsSchema = Object.freeze({
  ...BUDGET_FIELDS,
  balanced: {
    type: 'boolean',
    description: 'equal count per class as far as class sizes allow (needs labels)',
    default: DEFAULT_RANDOM_OPTIONS.balanced,
  },
  seed: SEED_FIELD,
  ...LONG_RUNNING_FIELDS,
});

interface ResolvedRandomOptions extends RandomOptions {
  readonly balanced: boolean;
  readonly seed: number | Rng;
}

/**
 * Uniform random subset of size m without replacement, or per class with water-filled counts.
 * `indices` are in increasing order. Uses one `sampleWithoutReplacement(N, m)` draw, so it equals
 * CCS with β = 0 and one stratum under the same seed.
 */
export function selectRandom(input: RandomInput, options: RandomOptions): SelectionResult {
  const start = performance.now();
  const o = parseOptions<ResolvedRandomOptions>(
    RANDOM_OPTIONS_SCHEMA,
    DEFAULT_RANDOM_OPTIONS,
    options,
    'random',
  );
  throwIfAborted(o.signal);
  const n = dataSize(input);
  const m = resolveBudget(n, { budget: o.budget, rate: o.rate });
  const rng = seedToRng(o.seed);
  let indices: Int32Array;
  let classCounts: number[] | undefined;
  if (o.balanced) {
    const numClasses = assertLabels(input.labels, 'labels', n);
    const groups = groupByLabel(input.labels!, numClasses);
    const { budgets } = waterFill(
      groups.map((g) => g.length),
      m,
    );
    const picked: number[] = [];
    for (let c = 0; c < numClasses; c++) {
      for (const pos of rng.sampleWithoutReplacement(groups[c].length, budgets[c]))
        picked.push(groups[c][pos]);
    }
    indices = Int32Array.from(picked);
    classCounts = Array.from(budgets);
  } else {
    indices = rng.sampleWithoutReplacement(n, m);
  }
  indices.sort();
  return {
    indices,
    meta: {
      method: 'random',
      n,
      m,
      balanced: o.balanced,
      classCounts,
      timings: { featureMs: 0, selectMs: elapsedMs(start) },
    },
  };
}

function dataSize(input: RandomInput): number {
  if (input === undefined || input === null) {
    throw new CoresetError('MISSING_OPTION', 'random: input needs n or labels', { argument: 'n' });
  }
  if (input.labels !== undefined) {
    assertLabels(input.labels, 'labels');
    if (input.n !== undefined && input.n !== input.labels.length) {
      throw new CoresetError(
        'SHAPE_MISMATCH',
        `n = ${input.n} but labels has ${input.labels.length} entries`,
        {
          argument: 'n',
        },
      );
    }
    return input.labels.length;
  }
  if (input.n === undefined) {
    throw new CoresetError('MISSING_OPTION', 'random: input needs n or labels', { argument: 'n' });
  }
  if (!Number.isInteger(input.n) || input.n < 1) {
    throw new CoresetError('OUT_OF_RANGE', `n must be a positive integer, got ${input.n}`, {
      argument: 'n',
    });
  }
  return input.n;
}

export const randomMethod: CoresetMethod<RandomInput, RandomOptions> = Object.freeze({
  name: 'random',
  description: 'Uniform random subset, optionally class-balanced',
  optionsSchema: RANDOM_OPTIONS_SCHEMA,
  select: selectRandom,
});
