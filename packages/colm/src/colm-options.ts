import type { LongRunningOptions, OptionsSchema, Rng } from '@coresets/core';
import type { AdamNormalizer, AdamNormalizerState, MaskRule } from '@coresets/gradients';
import type { BudgetRule } from './source-budgets.js';

/** Distance between masked feature rows; the similarity is always max(D) − D per source. */
export type ColmDistance = 'l1' | 'l2' | 'cosine';

/**
 * Options of one CoLM pool selection (`colmSelect`). Every field except `budget` has a default in
 * `DEFAULT_COLM_OPTIONS`; ablations of colm.md §3–§4 are the non-default values.
 */
export interface ColmOptions extends LongRunningOptions {
  /** b: rows to select from the pool (kept small-source rows count toward it). */
  readonly budget: number;
  /** Source ids that are small (an explicit override of the size rule). */
  readonly smallSources?: ArrayLike<number> | undefined;
  /** Size of every source id in the whole training set; small = below the mean size. */
  readonly sourceSizes?: ArrayLike<number> | undefined;
  /** Keep every pool row of a small source (false = the "no keep-small" ablation). */
  readonly keepSmall?: boolean | undefined;
  /** h: mask columns per source; exclusive with `sparsityRatio`. */
  readonly sparsity?: number | undefined;
  /** h = ⌈ratio · D⌉ when `sparsity` is not given. */
  readonly sparsityRatio?: number | undefined;
  /** Which h columns survive: `largest` |mean| (CoLM), `smallest`, `random`, or `none` (all D). */
  readonly maskRule?: MaskRule | 'none' | undefined;
  /** `adam` (CoLM) or `none` (raw features, the "no Adam normalisation" ablation). */
  readonly normalize?: 'adam' | 'none' | undefined;
  /**
   * Running Adam moments: an `AdamNormalizer` (updated in place) or its JSON state (not mutated;
   * the updated state is in `meta.normalizerState`). Absent: zero moments at step 0.
   */
  readonly normalizer?: AdamNormalizer | AdamNormalizerState | string | undefined;
  /**
   * Step counter t of the fresh normaliser created when `normalizer` is absent (e.g. steps that
   * needed no features came before); not allowed together with `normalizer`.
   */
  readonly step?: number | undefined;
  /** Moments after the step: mean over the big-source `picks` (reference code) or all `candidates`. */
  readonly historyFrom?: 'picks' | 'candidates' | undefined;
  /** Select inside each source (CoLM) or over all candidates at once (ablation). */
  readonly perSource?: boolean | undefined;
  readonly budgetRule?: BudgetRule | undefined;
  readonly distance?: ColmDistance | undefined;
  /** `uniform` (CoLM) or `craig`: pick weight = cluster size, kept rows 1, rescaled to sum to b. */
  readonly weights?: 'uniform' | 'craig' | undefined;
  /** A candidate with a non-finite feature: `throw` NON_FINITE, or `drop` it (listed in meta). */
  readonly nonFinite?: 'throw' | 'drop' | undefined;
  /** Greedy optimiser of @coresets/submodular (both exact greedy; ties → lower index). */
  readonly optimizer?: 'lazy' | 'naive' | undefined;
  /** Seed or generator; needed only by `maskRule: 'random'`. */
  readonly seed?: number | Rng | undefined;
}

export const DEFAULT_COLM_OPTIONS = {
  keepSmall: true,
  sparsityRatio: 0.0625,
  maskRule: 'largest',
  normalize: 'adam',
  historyFrom: 'picks',
  perSource: true,
  budgetRule: 'proportional',
  distance: 'l1',
  weights: 'uniform',
  nonFinite: 'throw',
  optimizer: 'lazy',
} as const satisfies Partial<ColmOptions>;

/** Every option of `colmSelect` with its type, range and default (the registry and CLI read it). */
export const COLM_OPTIONS_SCHEMA: OptionsSchema = {
  budget: {
    type: 'integer',
    min: 0,
    required: true,
    description: 'b: rows to select from the pool, kept small-source rows included',
  },
  smallSources: { type: 'any', description: 'explicit list of small source ids' },
  sourceSizes: {
    type: 'any',
    description: 'size of every source id in the whole training set (small = below the mean)',
  },
  keepSmall: {
    type: 'boolean',
    default: DEFAULT_COLM_OPTIONS.keepSmall,
    description: 'keep every pool row of a small source',
  },
  sparsity: { type: 'integer', min: 1, description: 'h: mask columns per source' },
  sparsityRatio: {
    type: 'number',
    min: 0,
    max: 1,
    exclusiveMin: true,
    default: DEFAULT_COLM_OPTIONS.sparsityRatio,
    description: 'h = ceil(ratio · D) when sparsity is not given',
  },
  maskRule: {
    type: 'string',
    values: ['largest', 'smallest', 'random', 'none'],
    default: DEFAULT_COLM_OPTIONS.maskRule,
    description: 'which columns the per-source mask keeps',
  },
  normalize: {
    type: 'string',
    values: ['adam', 'none'],
    default: DEFAULT_COLM_OPTIONS.normalize,
    description: 'Adam-style feature normalisation',
  },
  normalizer: { type: 'any', description: 'AdamNormalizer or its JSON state' },
  step: { type: 'integer', min: 0, description: 'step counter t of a fresh normaliser' },
  historyFrom: {
    type: 'string',
    values: ['picks', 'candidates'],
    default: DEFAULT_COLM_OPTIONS.historyFrom,
    description: 'rows whose moments become the running moments',
  },
  perSource: {
    type: 'boolean',
    default: DEFAULT_COLM_OPTIONS.perSource,
    description: 'facility location inside each source',
  },
  budgetRule: {
    type: 'string',
    values: ['proportional', 'balanced'],
    default: DEFAULT_COLM_OPTIONS.budgetRule,
    description: 'split of the remaining budget over sources',
  },
  distance: {
    type: 'string',
    values: ['l1', 'l2', 'cosine'],
    default: DEFAULT_COLM_OPTIONS.distance,
    description: 'distance between masked features (similarity = max − distance)',
  },
  weights: {
    type: 'string',
    values: ['uniform', 'craig'],
    default: DEFAULT_COLM_OPTIONS.weights,
    description: 'uniform weights or CRAIG cluster sizes',
  },
  nonFinite: {
    type: 'string',
    values: ['throw', 'drop'],
    default: DEFAULT_COLM_OPTIONS.nonFinite,
    description: 'candidates with a non-finite feature',
  },
  optimizer: {
    type: 'string',
    values: ['lazy', 'naive'],
    default: DEFAULT_COLM_OPTIONS.optimizer,
    description: 'greedy optimiser',
  },
  seed: { type: 'any', description: 'seed or Rng for maskRule random' },
  onProgress: { type: 'any', description: 'progress callback' },
  signal: { type: 'any', description: 'AbortSignal' },
};
