import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '@coresets/core';

/**
 * Scales all gradients by min(1, maxNorm / ‖g‖) where ‖g‖ is the norm of all of them
 * concatenated (PyTorch's `clip_grad_norm_`, without its 1e-6 guard). Returns new tensors (the
 * caller disposes them) and the norm before clipping.
 */
export function clipByGlobalNorm(grads: readonly tf.Tensor[], maxNorm: number): { grads: tf.Tensor[]; norm: number } {
  if (!Number.isFinite(maxNorm) || maxNorm <= 0) {
    throw new CoresetError('OUT_OF_RANGE', `clipNorm must be finite and > 0, got ${maxNorm}`, { argument: 'clipNorm' });
  }
  const sumSquares = tf.tidy(() => tf.addN(grads.map((g) => tf.sum(tf.square(g)))));
  const norm = Math.sqrt(sumSquares.dataSync()[0]);
  sumSquares.dispose();
  const scale = norm > maxNorm ? maxNorm / norm : 1;
  return { grads: grads.map((g) => (scale === 1 ? tf.clone(g) : tf.mul(g, scale))), norm };
}
