import type { KernelEngine, OptionsSchema, ProgressCallback } from '@coresets/core';

export const SIMCORE_OPTIONS_SCHEMA: OptionsSchema = {
  clusters: { type: 'integer', min: 1, default: 100, description: 'K, k-means centroids on the target embeddings' },
  budget: { type: 'integer', min: 1, description: 'M, the most open-set rows to select' },
  ratio: {
    type: 'number',
    min: 0,
    max: 1,
    exclusiveMin: true,
    description: 'sampling ratio p: M = floor(p · |U|) (alternative to budget)',
  },
  stop: { type: 'boolean', default: false, description: 'end when a round is markedly less similar than round P' },
  stopThresh: { type: 'number', min: 0, max: 1, exclusiveMin: true, default: 0.95, description: 'τ of the stop rule' },
  patience: { type: 'integer', min: 1, default: 20, description: 'P: round setting the reference level' },
  distinctPerRound: {
    type: 'boolean',
    default: false,
    description: 'skip rows claimed earlier in the same round (the reference code does not)',
  },
  seed: { type: 'integer', required: true, description: 'seed for k-means and last-round truncation' },
  kmeansRestarts: { type: 'integer', min: 1, default: 10, description: 'k-means restarts' },
  kmeansMaxIter: { type: 'integer', min: 1, default: 300, description: 'k-means iterations per restart' },
  kmeansEngine: {
    type: 'string',
    values: ['js', 'tfjs'],
    default: 'js',
    description: "k-means distance blocks: float64 JavaScript, or float32 matMul on the active tfjs backend ('tfjs', faster for large targets)",
  },
  maxSimilarityBytes: {
    type: 'number',
    min: 1024,
    default: 256 * 1024 * 1024,
    description: 'memory bound for similarity blocks and candidate queues',
  },
  onProgress: { type: 'any', description: 'progress callback' },
  signal: { type: 'any', description: 'AbortSignal' },
};

export interface SimCoreOptions {
  readonly clusters?: number;
  readonly budget?: number;
  readonly ratio?: number;
  readonly stop?: boolean;
  readonly stopThresh?: number;
  readonly patience?: number;
  readonly distinctPerRound?: boolean;
  readonly seed: number;
  readonly kmeansRestarts?: number;
  readonly kmeansMaxIter?: number;
  /** k-means distance blocks: `'js'` (default, float64) or `'tfjs'` (float32 matMul on the active tfjs backend). */
  readonly kmeansEngine?: KernelEngine;
  readonly maxSimilarityBytes?: number;
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

export const DEFAULT_SIMCORE_OPTIONS = {
  clusters: 100,
  stop: false,
  stopThresh: 0.95,
  patience: 20,
  distinctPerRound: false,
  kmeansRestarts: 10,
  kmeansMaxIter: 300,
  kmeansEngine: 'js' as KernelEngine,
  maxSimilarityBytes: 256 * 1024 * 1024,
} as const;

/** With the stop rule and no explicit budget, the cap is 50 · |X| (the reference's default). */
export const STOP_RULE_BUDGET_FACTOR = 50;
