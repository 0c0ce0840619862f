import * as tf from '@tensorflow/tfjs-core';

/**
 * Mean over the batch of `w_i · CE(logits_i, y_i)` (w = 1 when `weights` is absent). With
 * integer weights and a full batch normalised so that mean(w) = 1, this equals the plain mean
 * loss on the set in which row i appears w_i times. Returns a scalar; call inside `tf.tidy`.
 */
export function weightedCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, weights?: tf.Tensor1D): tf.Scalar {
  const numClasses = logits.shape[1];
  const logProbs = tf.logSoftmax(logits);
  const oneHot = tf.oneHot(tf.cast(labels, 'int32'), numClasses);
  const perExample = tf.neg(tf.sum(tf.mul(logProbs, oneHot), 1));
  return tf.mean(weights === undefined ? perExample : tf.mul(perExample, weights));
}
