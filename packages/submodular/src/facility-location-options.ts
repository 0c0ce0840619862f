import type { KernelEngine, ProgressCallback, OptionsSchema, Rng } from '@coresets/core';
import type { AllocationLog } from './kernels/allocation-log.js';
import {
  SIMILARITY_TRANSFORMS,
  type MaxMinusDistance,
  type SimilarityTransform,
} from './kernels/similarity-transforms.js';
import { OPTIMIZER_NAMES, type OptimizerName } from './optimizers/maximize.js';

export interface FacilityLocationOptions {
  readonly onProgress?: ProgressCallback | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Picks to make (cost units with `costs`); with `groups`, split across groups unless `groupBudgets`. */
  readonly budget?: number | undefined;
  /** Distance → similarity transform for features; `precomputed` (the default) for a similarity input. */
  readonly transform?: SimilarityTransform | undefined;
  /** Distance of `maxMinusDist`. */
  readonly distance?: MaxMinusDistance | undefined;
  /** Bandwidth σ of `rbf` (required for it). */
  readonly sigma?: number | undefined;
  readonly optimizer?: OptimizerName | undefined;
  /** kNN sparsification: keep each represented element's k most similar candidates. */
  readonly neighbors?: number | undefined;
  /** With `neighbors` in square mode: S ← max(S, Sᵀ) on the union of kept entries. */
  readonly symmetrize?: boolean | undefined;
  /** Storage of kernels built here (gains always accumulate in float64). */
  readonly dtype?: 'float32' | 'float64' | undefined;
  /** Seed or generator for `stochastic` and `lazier-than-lazy`. */
  readonly seed?: number | Rng | undefined;
  readonly epsilon?: number | undefined;
  readonly beta?: number | undefined;
  readonly naiveSteps?: number | undefined;
  readonly stopIfZeroGain?: boolean | undefined;
  readonly stopIfNegativeGain?: boolean | undefined;
  /** Positive cost per candidate: the budget becomes a knapsack capacity. */
  readonly costs?: ArrayLike<number> | undefined;
  /** Candidates already selected: count toward F, not the budget, and are not returned. */
  readonly initial?: ArrayLike<number> | undefined;
  /** Group id (0..G−1) per candidate: each group is selected independently (its own kernel). */
  readonly groups?: ArrayLike<number> | undefined;
  /** Budget per group (length G); default: `budget` split by group size (largest remainder). */
  readonly groupBudgets?: ArrayLike<number> | undefined;
  /** Largest block of distances requested from core at once. */
  readonly maxBlockBytes?: number | undefined;
  /**
   * Distance blocks' dot products in float64 JS (`js`, default) or float32 tfjs matMul on the
   * active backend (`tfjs`: much faster for high-dimensional features on wasm or a GPU).
   */
  readonly engine?: KernelEngine | undefined;
  /**
   * Receives a record of every large buffer as it is allocated (also returned in
   * `meta.diagnostics`); pass one to inspect allocations of a run that is aborted.
   */
  readonly allocationLog?: AllocationLog | undefined;
}

export const DEFAULT_FACILITY_LOCATION_OPTIONS = {
  transform: 'maxMinusSqEuclidean',
  distance: 'l2',
  optimizer: 'lazy',
  symmetrize: false,
  dtype: 'float32',
  epsilon: 0.1,
  beta: 0.9,
  naiveSteps: 10,
  stopIfZeroGain: false,
  stopIfNegativeGain: false,
  maxBlockBytes: 64 * 1024 * 1024,
  engine: 'js',
} as const satisfies Partial<FacilityLocationOptions>;

/** The option schema the registry and CLI see (array-valued options are `any`). */
export const FACILITY_LOCATION_OPTIONS_SCHEMA: OptionsSchema = {
  budget: {
    type: 'number',
    min: 0,
    description: 'picks to make (cost units with costs); required unless groupBudgets',
  },
  transform: {
    type: 'string',
    values: SIMILARITY_TRANSFORMS,
    description:
      'distance → similarity transform; default maxMinusSqEuclidean for features, precomputed for a similarity',
  },
  distance: {
    type: 'string',
    values: ['l1', 'l2'],
    default: 'l2',
    description: 'distance of maxMinusDist',
  },
  sigma: { type: 'number', min: 0, exclusiveMin: true, description: 'rbf bandwidth σ' },
  optimizer: {
    type: 'string',
    values: OPTIMIZER_NAMES,
    default: 'lazy',
    description: 'greedy optimiser',
  },
  neighbors: {
    type: 'integer',
    min: 1,
    description: 'kNN sparsification: similarities kept per represented element',
  },
  symmetrize: {
    type: 'boolean',
    default: false,
    description: 'with neighbors: S ← max(S, Sᵀ) on kept entries',
  },
  dtype: {
    type: 'string',
    values: ['float32', 'float64'],
    default: 'float32',
    description: 'kernel storage',
  },
  seed: { type: 'any', description: 'seed or Rng for stochastic optimisers' },
  epsilon: {
    type: 'number',
    min: 0,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
    default: 0.1,
    description: 'stochastic sample size parameter ε',
  },
  beta: {
    type: 'number',
    min: 0,
    max: 1,
    exclusiveMin: true,
    default: 0.9,
    description: 'approximate-lazy acceptance factor β',
  },
  naiveSteps: {
    type: 'integer',
    min: 0,
    default: 10,
    description: 'two-stage: naive picks before lazy',
  },
  stopIfZeroGain: { type: 'boolean', default: false, description: 'stop when the best gain is 0' },
  stopIfNegativeGain: {
    type: 'boolean',
    default: false,
    description: 'stop when the best gain is negative',
  },
  costs: { type: 'any', description: 'positive cost per candidate (knapsack)' },
  initial: { type: 'any', description: 'indices of already-selected candidates' },
  groups: { type: 'any', description: 'integer group id per candidate' },
  groupBudgets: { type: 'any', description: 'budget per group' },
  maxBlockBytes: {
    type: 'integer',
    min: 8,
    default: 64 * 1024 * 1024,
    description: 'largest distance block, bytes',
  },
  engine: {
    type: 'string',
    values: ['js', 'tfjs'],
    default: 'js',
    description: 'distance dot products: float64 JS or float32 tfjs matMul on the active backend',
  },
  allocationLog: { type: 'any', description: 'AllocationLog receiving buffer sizes' },
  onProgress: { type: 'any', description: 'progress callback' },
  signal: { type: 'any', description: 'AbortSignal' },
};
