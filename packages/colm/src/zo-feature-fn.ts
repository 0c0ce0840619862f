import type * as tf from '@tensorflow/tfjs-core';
import { CoresetError, validateOptions, type OptionsSchema } from '@coresets/core';
import {
  ZerothOrderEstimator,
  DEFAULT_ZEROTH_ORDER_OPTIONS,
  type DirectionMode,
} from '@coresets/gradients';
import type { ColmFeatureFn, ColmPool } from './colm-step-selector.js';

/**
 * Per-example losses L_i of `examples` at the model's current parameters (length = examples):
 * for a language model the token-mean cross-entropy over each example's own answer tokens,
 * dropout off (e.g. eval's `perExampleLmLoss`). A returned tensor is read and disposed.
 */
export type ColmExampleLossFn<E, M> = (
  examples: readonly E[],
  model: M,
) => tf.Tensor | ArrayLike<number> | Promise<tf.Tensor | ArrayLike<number>>;

export interface ZoFeatureFnOptions<E, M> {
  /** θ: the perturbed parameter (CoLM: the last block's V-projection LoRA-B), or how to find it. */
  readonly parameter: tf.Variable | ((model: M) => tf.Variable);
  readonly loss: ColmExampleLossFn<E, M>;
  /** Seed of the directions; `fresh` directions are derived from (seed, pool.step). */
  readonly seed: number;
  readonly epsilon?: number | undefined;
  /** `fresh` (paper, default): new z per step shared by the pool; `fixed` (reference code): one z. */
  readonly direction?: DirectionMode | undefined;
  /** K directions averaged per estimate (`zoSamples` of colm.md; 16 is the multi-direction ablation). */
  readonly directions?: number | undefined;
  readonly distribution?: 'gaussian' | 'rademacher' | undefined;
}

export const DEFAULT_ZO_FEATURE_FN_OPTIONS = {
  epsilon: DEFAULT_ZEROTH_ORDER_OPTIONS.epsilon,
  direction: DEFAULT_ZEROTH_ORDER_OPTIONS.direction,
  directions: DEFAULT_ZEROTH_ORDER_OPTIONS.directions,
  distribution: DEFAULT_ZEROTH_ORDER_OPTIONS.distribution,
} as const;

const SCHEMA: OptionsSchema = {
  parameter: { type: 'any', required: true, description: 'tf.Variable or model → tf.Variable' },
  loss: { type: 'any', required: true, description: '(examples, model) → per-example losses' },
  seed: { type: 'integer', required: true, description: 'direction seed' },
  epsilon: { type: 'number', min: 0, exclusiveMin: true, description: 'perturbation ε' },
  direction: { type: 'string', values: ['fresh', 'fixed'], description: 'direction mode' },
  directions: { type: 'integer', min: 1, description: 'directions per estimate' },
  distribution: {
    type: 'string',
    values: ['gaussian', 'rademacher'],
    description: 'direction entries',
  },
};

/**
 * The zeroth-order CoLM feature as a `ColmFeatureFn`: x_i = (1/K) Σ_k s_ik z_k with
 * s_ik = (L_i(θ + εz_k) − L_i(θ − εz_k)) / 2ε, through @coresets/gradients' estimator (θ restored
 * bit for bit). A non-finite loss difference gives a NaN row, which the selector drops.
 * Fresh directions come from a generator seeded by (seed, pool.step), so a resumed run draws
 * the same z as an uninterrupted one and training randomness is never touched.
 */
export function createZoFeatureFn<E, M>(options: ZoFeatureFnOptions<E, M>): ColmFeatureFn<E, M> {
  validateOptions(SCHEMA, options, 'ZO feature options');
  const { parameter, loss, seed } = options;
  if (typeof loss !== 'function') {
    throw new CoresetError('INVALID_ARGUMENT', 'loss must be a function', { argument: 'loss' });
  }
  const direction = options.direction ?? DEFAULT_ZO_FEATURE_FN_OPTIONS.direction;
  const settings = {
    epsilon: options.epsilon ?? DEFAULT_ZO_FEATURE_FN_OPTIONS.epsilon,
    direction,
    directions: options.directions ?? DEFAULT_ZO_FEATURE_FN_OPTIONS.directions,
    distribution: options.distribution ?? DEFAULT_ZO_FEATURE_FN_OPTIONS.distribution,
    nonFinite: 'keep',
  } as const;
  let fixed: ZerothOrderEstimator | undefined;
  return async (pool: ColmPool<E>, positions: Int32Array, model: M) => {
    const theta = typeof parameter === 'function' ? parameter(model) : parameter;
    let estimator: ZerothOrderEstimator;
    if (direction === 'fixed') {
      if (fixed !== undefined && fixed.parameter !== theta) {
        throw new CoresetError(
          'INVALID_ARGUMENT',
          'fixed directions need the same parameter every step',
          {
            argument: 'parameter',
          },
        );
      }
      fixed ??= new ZerothOrderEstimator(theta, { ...settings, rng: seed });
      estimator = fixed;
    } else {
      estimator = new ZerothOrderEstimator(theta, { ...settings, rng: stepSeed(seed, pool.step) });
    }
    const examples = Array.from(positions, (p) => pool.examples[p]);
    const features = await estimator.estimate(() => loss(examples, model));
    // A NaN s (nonFinite: 'keep') yields a NaN row, which the selector drops and reports.
    return features.toMatrix();
  };
}

/** A 32-bit seed per (seed, step) — a golden-ratio multiplicative mix, so nearby steps differ widely. */
export function stepSeed(seed: number, step: number): number {
  return (Math.imul(step + 1, 0x9e3779b1) ^ Math.imul(seed | 0, 0x85ebca6b)) >>> 0;
}
