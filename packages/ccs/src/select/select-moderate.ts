import {
  CoresetError,
  assertMatrix,
  groupByLabel,
  rankIndices,
  resolveBudget,
  throwIfAborted,
  type CoresetMethod,
  type LongRunningOptions,
  type Matrix,
  type OptionsSchema,
  type SelectionResult,
} from '@coresets/core';
import { BUDGET_FIELDS, LONG_RUNNING_FIELDS, parseOptions } from '../internal/options.js';
import { elapsedMs } from '../internal/timer.js';
import { assertLabels } from '../internal/validate.js';

export interface ModerateInput {
  /** Embeddings (e.g. penultimate layer of the full-data model), one row per example. */
  readonly features: Matrix;
  readonly labels: ArrayLike<number>;
}

export interface ModerateOptions extends LongRunningOptions {
  readonly budget?: number | undefined;
  /** Fraction removed. */
  readonly rate?: number | undefined;
}

export const DEFAULT_MODERATE_OPTIONS = Object.freeze({});

export const MODERATE_OPTIONS_SCHEMA: OptionsSchema = Object.freeze({
  ...BUDGET_FIELDS,
  ...LONG_RUNNING_FIELDS,
});

/**
 * Moderate coreset (Xia et al., ICLR 2023): the distance of each embedding to its class's
 * coordinate-wise median, then the m examples whose distances sit in the middle of the sorted
 * list of all N distances — positions ⌊(N − m)/2⌋ … ⌊(N − m)/2⌋ + m − 1, ties by lower index.
 * `indices` are in increasing distance; `scores` are those distances.
 */
export function selectModerate(input: ModerateInput, options: ModerateOptions): SelectionResult {
  const start = performance.now();
  const o = parseOptions<ModerateOptions>(
    MODERATE_OPTIONS_SCHEMA,
    DEFAULT_MODERATE_OPTIONS,
    options,
    'moderate',
  );
  throwIfAborted(o.signal);
  if (input?.features === undefined) {
    throw new CoresetError('MISSING_OPTION', 'moderate: features are required', {
      argument: 'features',
    });
  }
  assertMatrix(input.features, 'features', { minRows: 1 });
  const n = input.features.rows;
  const numClasses = assertLabels(input.labels, 'labels', n);
  const m = resolveBudget(n, { budget: o.budget, rate: o.rate });
  const distances = distanceToClassMedian(input.features, input.labels, numClasses, o.signal);
  const featureMs = elapsedMs(start);
  const selectStart = performance.now();
  const order = rankIndices(distances, 'low');
  const from = Math.floor((n - m) / 2);
  const indices = order.slice(from, from + m);
  const picked = new Float64Array(m);
  for (let t = 0; t < m; t++) picked[t] = distances[indices[t]];
  return {
    indices,
    scores: picked,
    meta: {
      method: 'moderate',
      n,
      m,
      windowStart: from,
      distanceRange: [picked[0], picked[m - 1]],
      timings: { featureMs, selectMs: elapsedMs(selectStart) },
    },
  };
}

/**
 * Euclidean distance of each row to the coordinate-wise median of its class (for an even class
 * size the mean of the two middle values, as numpy's median).
 */
export function distanceToClassMedian(
  features: Matrix,
  labels: ArrayLike<number>,
  numClasses: number,
  signal?: AbortSignal,
): Float64Array {
  const d = features.cols;
  const x = features.data;
  const groups = groupByLabel(labels, numClasses);
  const out = new Float64Array(features.rows);
  const medians = new Float64Array(d);
  for (const members of groups) {
    if (members.length === 0) continue;
    throwIfAborted(signal);
    const column = new Float64Array(members.length);
    for (let j = 0; j < d; j++) {
      for (let t = 0; t < members.length; t++) column[t] = x[members[t] * d + j];
      column.sort();
      const h = members.length >> 1;
      medians[j] = members.length % 2 === 1 ? column[h] : (column[h - 1] + column[h]) / 2;
    }
    for (const i of members) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = x[i * d + j] - medians[j];
        s += diff * diff;
      }
      out[i] = Math.sqrt(s);
    }
  }
  return out;
}

export const moderateMethod: CoresetMethod<ModerateInput, ModerateOptions> = Object.freeze({
  name: 'moderate',
  description: 'Moderate coreset: distances to the class median closest to the median distance',
  optionsSchema: MODERATE_OPTIONS_SCHEMA,
  select: selectModerate,
});
