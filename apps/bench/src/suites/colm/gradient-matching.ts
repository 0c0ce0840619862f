import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, type Rng } from '@coresets/core';
import { encodeLmBatch, meanLmLoss, type LmExample, type TinyTransformer } from '@coresets/eval';

/** Gradient of the (weighted) mean answer-token loss over `examples` w.r.t. every LoRA variable, flattened, float64. */
export function meanLoraGradient(model: TinyTransformer, examples: readonly LmExample[], weights?: Float32Array): Float64Array {
  const batch = encodeLmBatch(examples);
  const { value, grads } = tf.variableGrads(() => meanLmLoss(model, batch, weights), [...model.loraVariables]);
  const parts = model.loraVariables.map((v) => grads[v.name].dataSync());
  tf.dispose([value, ...Object.values(grads)]);
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** ‖a − b‖ / ‖b‖ in float64. */
export function relativeGradientError(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) throw new CoresetError('SHAPE_MISMATCH', `gradients of length ${a.length} and ${b.length}`, { argument: 'a' });
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    norm += b[i] ** 2;
  }
  return Math.sqrt(diff) / Math.sqrt(norm);
}

export interface GradientMatch {
  readonly step: number;
  /** ‖ḡ_S − ḡ_pool‖ / ‖ḡ_pool‖ of the arm's selection S. */
  readonly error: number;
  /** The same for uniformly random subsets of the same size from the same pool (mean of draws). */
  readonly randomError: number;
}

/**
 * How well the selected rows stand in for the whole pool on the LoRA gradient (the quantity CoLM
 * tries to match), beside random subsets of the same pool and size as the yardstick.
 */
export function measureGradientMatch(
  model: TinyTransformer,
  pool: readonly LmExample[],
  positions: Int32Array,
  weights: Float32Array | undefined,
  step: number,
  draws: number,
  rng: Rng,
): GradientMatch {
  const full = meanLoraGradient(model, pool);
  const selected = meanLoraGradient(model, Array.from(positions, (p) => pool[p]), weights);
  let randomError = 0;
  for (let d = 0; d < draws; d++) {
    const subset = rng.sampleWithoutReplacement(pool.length, positions.length);
    randomError += relativeGradientError(meanLoraGradient(model, Array.from(subset, (p) => pool[p])), full);
  }
  return { step, error: relativeGradientError(selected, full), randomError: randomError / draws };
}
