import type { LongRunningOptions, Matrix, OptionsSchema, Rng } from '@coresets/core';

/**
 * Which OT solver evaluates POO: the network simplex (default), successive shortest paths (exact,
 * slower; a cross-check) or Sinkhorn (approximate, never the default).
 */
export type GoracsSolver = 'network-simplex' | 'ssp' | 'sinkhorn';

/** The data GORACS selects from. Give embeddings, or a precomputed cost matrix. */
export interface GoracsInput {
  /** N × d training embeddings (rows = candidates). */
  readonly trainEmbeddings?: Matrix | undefined;
  /** M × d validation embeddings (the OT target, or split into target and held-out halves). */
  readonly validEmbeddings?: Matrix | undefined;
  /** Per-sample gradient norms g_i ≥ 0 (length N); omitted = no gradient tilt. */
  readonly gradNorms?: ArrayLike<number> | undefined;
  /** Precomputed N × M cost matrix with entries in [0, 1], used as is (no distances, no λ). */
  readonly cost?: Matrix | undefined;
  /** Integer class labels of the training rows (label-enhanced variant). */
  readonly labels?: ArrayLike<number> | undefined;
  /** Integer class labels of the validation rows; required with `labels`. */
  readonly validLabels?: ArrayLike<number> | undefined;
}

export interface GoracsSettings extends LongRunningOptions {
  /** Coreset size n. */
  readonly budget: number;
  /** Weight λ ≥ 0 of the normalised gradient norms in the cost. */
  readonly lambda?: number | undefined;
  /** Most accepted swaps in refinement. */
  readonly maxIters?: number | undefined;
  /** Candidates kept on each side by the dual-score pruning (≤ cut² OT solves per swap). */
  readonly cut?: number | undefined;
  /** Seed or Rng for the validation split (needed when `validation` is 'split'). */
  readonly seed?: number | Rng | undefined;
  /** 'split': a seeded half of the validation rows is the OT target, the rest is held out for early stopping. */
  readonly validation?: 'split' | 'shared' | undefined;
  readonly solver?: GoracsSolver | undefined;
  /** ε of the Sinkhorn solver. */
  readonly sinkhornEpsilon?: number | undefined;
  /** 'dual': y_i = R-th smallest reduced cost (the dual maximiser); 'reference': R-th largest. */
  readonly threshold?: 'dual' | 'reference' | undefined;
  /** Scores of rows inside S use the c-transform without the row itself; false = the reference's v_j. */
  readonly selfExclusion?: boolean | undefined;
  /** Order of removal candidates: 'descending' F (most removable first) or 'reference' (ascending). */
  readonly innerOrder?: 'descending' | 'reference' | undefined;
  /** 'max': distances divided by their maximum; 'raw': as measured (reference label-enhanced code). */
  readonly distanceScale?: 'max' | 'raw' | undefined;
  /** A swap is accepted when POO drops by more than improveTol·max(1, POO). */
  readonly improveTol?: number | undefined;
  /** Drop over-picked greedy rows that serve no target point. */
  readonly dropInactive?: boolean | undefined;
}

/** Everything `goracs` accepts in one object. */
export type GoracsOptions = GoracsInput & GoracsSettings;

export const DEFAULT_GORACS_OPTIONS = {
  lambda: 0.1,
  maxIters: 100,
  cut: 30,
  validation: 'split',
  solver: 'network-simplex',
  sinkhornEpsilon: 0.01,
  threshold: 'dual',
  selfExclusion: true,
  innerOrder: 'descending',
  distanceScale: 'max',
  improveTol: 1e-12,
  dropInactive: true,
} as const;

/** Settings after defaults are filled. */
export interface ResolvedGoracsSettings {
  readonly budget: number;
  readonly lambda: number;
  readonly maxIters: number;
  readonly cut: number;
  readonly seed: number | Rng | undefined;
  readonly validation: 'split' | 'shared';
  readonly solver: GoracsSolver;
  readonly sinkhornEpsilon: number;
  readonly threshold: 'dual' | 'reference';
  readonly selfExclusion: boolean;
  readonly innerOrder: 'descending' | 'reference';
  readonly distanceScale: 'max' | 'raw';
  readonly improveTol: number;
  readonly dropInactive: boolean;
  readonly onProgress: LongRunningOptions['onProgress'];
  readonly signal: AbortSignal | undefined;
}

const D = DEFAULT_GORACS_OPTIONS;

/** Settings schema (inputs are listed in `GORACS_INPUT_SCHEMA`). */
export const GORACS_SETTINGS_SCHEMA: OptionsSchema = {
  budget: { type: 'integer', min: 1, required: true, description: 'coreset size n' },
  lambda: {
    type: 'number',
    min: 0,
    default: D.lambda,
    description: 'weight of normalised gradient norms in the cost',
  },
  maxIters: {
    type: 'integer',
    min: 0,
    default: D.maxIters,
    description: 'most accepted swaps in refinement',
  },
  cut: {
    type: 'integer',
    min: 1,
    default: D.cut,
    description: 'swap candidates kept on each side by dual-score pruning',
  },
  seed: {
    type: 'any',
    description: 'seed or Rng for the validation split (required when validation = split)',
  },
  validation: {
    type: 'string',
    values: ['split', 'shared'],
    default: D.validation,
    description:
      'split: a seeded half of the validation rows is the OT target, the other half is held out',
  },
  solver: {
    type: 'string',
    values: ['network-simplex', 'ssp', 'sinkhorn'],
    default: D.solver,
    description: 'OT solver for POO (ssp: exact but slower; sinkhorn: approximate)',
  },
  sinkhornEpsilon: {
    type: 'number',
    min: 0,
    exclusiveMin: true,
    default: D.sinkhornEpsilon,
    description: 'entropic regularisation of the sinkhorn solver',
  },
  threshold: {
    type: 'string',
    values: ['dual', 'reference'],
    default: D.threshold,
    description: 'dual: R-th smallest reduced cost; reference: R-th largest (reference code)',
  },
  selfExclusion: {
    type: 'boolean',
    default: D.selfExclusion,
    description: 'score rows in S with the c-transform that excludes them (false = reference code)',
  },
  innerOrder: {
    type: 'string',
    values: ['descending', 'reference'],
    default: D.innerOrder,
    description: 'try removals by descending score (reference code: ascending)',
  },
  distanceScale: {
    type: 'string',
    values: ['max', 'raw'],
    default: D.distanceScale,
    description: 'divide distances by their maximum (raw = reference label-enhanced code)',
  },
  improveTol: {
    type: 'number',
    min: 0,
    default: D.improveTol,
    description: 'relative decrease of POO a swap must achieve',
  },
  dropInactive: {
    type: 'boolean',
    default: D.dropInactive,
    description: 'drop over-picked greedy rows that serve no target point',
  },
  onProgress: { type: 'any', description: 'progress callback' },
  signal: { type: 'any', description: 'AbortSignal' },
};

export const GORACS_INPUT_SCHEMA: OptionsSchema = {
  trainEmbeddings: { type: 'any', description: 'N × d training embeddings' },
  validEmbeddings: { type: 'any', description: 'M × d validation embeddings' },
  gradNorms: { type: 'any', description: 'per-sample gradient norms (length N)' },
  cost: { type: 'any', description: 'precomputed N × M cost matrix in [0, 1]' },
  labels: { type: 'any', description: 'training labels (label-enhanced variant)' },
  validLabels: { type: 'any', description: 'validation labels (label-enhanced variant)' },
};

/** Schema of the single-object form `goracs(options)`. */
export const GORACS_OPTIONS_SCHEMA: OptionsSchema = {
  ...GORACS_INPUT_SCHEMA,
  ...GORACS_SETTINGS_SCHEMA,
};
