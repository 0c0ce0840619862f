import type * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '@coresets/core';
import { perExampleGradients } from '@coresets/gradients';
import type { ColmFeatureFn, ColmPool } from './colm-step-selector.js';

export interface ExactFeatureFnOptions<E, M> {
  /** Parameters whose exact per-example gradient is the feature (e.g. the last block's LoRA-B). */
  readonly parameters: readonly tf.Variable[] | ((model: M) => readonly tf.Variable[]);
  /** Per-example losses of `examples` as a rank-1 tensor, built inside the gradient tape. */
  readonly loss: (examples: readonly E[], model: M) => tf.Tensor;
  /** Examples per backward chunk (default: @coresets/gradients' memory-bound default). */
  readonly chunkSize?: number | undefined;
}

/**
 * The "exact gradients" ablation of colm.md §3: the feature of an example is its exact gradient
 * ∇_θ L_i (one `tf.variableGrads` per example, any model), float64 — in place of the ZO estimate.
 */
export function createExactFeatureFn<E, M>(
  options: ExactFeatureFnOptions<E, M>,
): ColmFeatureFn<E, M> {
  const { parameters, loss, chunkSize } = options;
  if (typeof loss !== 'function') {
    throw new CoresetError('INVALID_ARGUMENT', 'loss must be a function', { argument: 'loss' });
  }
  if (typeof parameters !== 'function' && !Array.isArray(parameters)) {
    throw new CoresetError('INVALID_ARGUMENT', 'parameters must be an array or a function', {
      argument: 'parameters',
    });
  }
  return async (pool: ColmPool<E>, positions: Int32Array, model: M) => {
    const params = typeof parameters === 'function' ? parameters(model) : parameters;
    const examples = Array.from(positions, (p) => pool.examples[p]);
    const result = await perExampleGradients(
      {
        numExamples: examples.length,
        params,
        loss: (start, count) => loss(examples.slice(start, start + count), model),
      },
      { method: 'loop', dtype: 'float64', ...(chunkSize === undefined ? {} : { chunkSize }) },
    );
    return result.gradients;
  };
}
