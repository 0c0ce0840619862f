import {
  resolveBudget,
  throwIfAborted,
  CoresetError,
  type CoresetMethod,
  type LongRunningOptions,
  type OptionsSchema,
  type ScoreDirection,
  type SelectionResult,
} from '@coresets/core';
import { BUDGET_FIELDS, LONG_RUNNING_FIELDS, parseOptions } from '../internal/options.js';
import { elapsedMs } from '../internal/timer.js';
import { assertScores } from '../internal/validate.js';
import { topM } from './top-m.js';

export interface TopKInput {
  readonly scores: ArrayLike<number>;
  /** Needed for `balanced`. */
  readonly labels?: ArrayLike<number> | undefined;
}

export interface TopKOptions extends LongRunningOptions {
  /**
   * Which end of the scores to keep. For the "hardest first" importance baselines pass the score's
   * hard end (`SCORE_HARD_END[name]`: AUM low, forgetting/EL2N/entropy/loss high). Required.
   */
  readonly keep: ScoreDirection;
  readonly budget?: number | undefined;
  /** Fraction removed. */
  readonly rate?: number | undefined;
  /** Per-class top-m with water-filled per-class counts (needs labels). */
  readonly balanced?: boolean | undefined;
}

export const DEFAULT_TOPK_OPTIONS = Object.freeze({ balanced: false });

export const TOPK_OPTIONS_SCHEMA: OptionsSchema = Object.freeze({
  keep: {
    type: 'string',
    description: 'end of the scores to keep',
    values: ['high', 'low'],
    required: true,
  },
  ...BUDGET_FIELDS,
  balanced: {
    type: 'boolean',
    description: 'top-m inside each class, equal counts as far as class sizes allow (needs labels)',
    default: DEFAULT_TOPK_OPTIONS.balanced,
  },
  ...LONG_RUNNING_FIELDS,
});

interface ResolvedTopKOptions extends TopKOptions {
  readonly balanced: boolean;
}

/**
 * Importance-only selection: the m examples at the `keep` end of the scores, globally or per
 * class. Deterministic (ties → lower index). `indices` are best first; when balanced, class by
 * class in increasing class order, each class best first. `scores` are the picked values.
 */
export function selectTopK(input: TopKInput, options: TopKOptions): SelectionResult {
  const start = performance.now();
  const o = parseOptions<ResolvedTopKOptions>(
    TOPK_OPTIONS_SCHEMA,
    DEFAULT_TOPK_OPTIONS,
    options,
    'topk',
  );
  throwIfAborted(o.signal);
  if (input === undefined || input === null) {
    throw new CoresetError('MISSING_OPTION', 'topk: input with scores is required', {
      argument: 'scores',
    });
  }
  assertScores(input.scores, 'scores');
  const n = input.scores.length;
  const m = resolveBudget(n, { budget: o.budget, rate: o.rate });
  if (o.balanced && input.labels === undefined) {
    throw new CoresetError('MISSING_OPTION', 'topk: balanced needs labels', { argument: 'labels' });
  }
  const { indices, classCounts } = topM(input.scores, m, o.keep, {
    labels: input.labels,
    balanced: o.balanced,
  });
  const picked = new Float64Array(indices.length);
  for (let t = 0; t < indices.length; t++) picked[t] = input.scores[indices[t]];
  return {
    indices,
    scores: picked,
    meta: {
      method: 'topk',
      n,
      m,
      keep: o.keep,
      balanced: o.balanced,
      classCounts: classCounts === undefined ? undefined : Array.from(classCounts),
      timings: { featureMs: 0, selectMs: elapsedMs(start) },
    },
  };
}

export const topkMethod: CoresetMethod<TopKInput, TopKOptions> = Object.freeze({
  name: 'topk',
  description: 'Importance-only: the m examples at one end of a score, optionally per class',
  optionsSchema: TOPK_OPTIONS_SCHEMA,
  select: selectTopK,
});
