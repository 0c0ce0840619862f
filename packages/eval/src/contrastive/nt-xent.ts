import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '@coresets/core';

/**
 * NT-Xent (SimCLR): for 2N L2-normalised projections (two views of N images), each view's
 * positive is the other view of the same image and its negatives are the other 2N − 2 views:
 * ℓ_i = −log( exp(s_i,pos/τ) / Σ_{k≠i} exp(s_ik/τ) ), averaged over all 2N views.
 */
export function ntXentLoss(z1: tf.Tensor2D, z2: tf.Tensor2D, temperature: number): tf.Scalar {
  if (!(temperature > 0)) {
    throw new CoresetError('OUT_OF_RANGE', `temperature must be > 0, got ${temperature}`, { argument: 'temperature' });
  }
  if (z1.shape[0] !== z2.shape[0] || z1.shape[1] !== z2.shape[1]) {
    throw new CoresetError('SHAPE_MISMATCH', `views differ in shape: [${z1.shape.join(', ')}] vs [${z2.shape.join(', ')}]`, { argument: 'z2' });
  }
  return tf.tidy(() => {
    const n = z1.shape[0];
    const z = tf.concat([z1, z2], 0);
    const unit = tf.div(z, tf.maximum(tf.norm(z, 'euclidean', 1, true), 1e-12));
    const sim = tf.div(tf.matMul(unit, unit, false, true), temperature);
    // Exclude each view's similarity with itself from the denominator.
    const logits = tf.sub(sim, tf.mul(tf.eye(2 * n), 1e9));
    const positives = tf.concat([tf.range(n, 2 * n, 1, 'int32'), tf.range(0, n, 1, 'int32')]);
    const logp = tf.logSoftmax(logits);
    return tf.neg(tf.mean<tf.Scalar>(tf.sum(tf.mul(logp, tf.cast(tf.oneHot(positives, 2 * n), 'float32')), 1)));
  });
}
