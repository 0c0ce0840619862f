import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '@coresets/core';
import type { LmBatch } from './lm-batch.js';
import type { TinyTransformer } from './tiny-transformer.js';

/** Tensors of a batch, created inside the caller's tidy scope. */
export function lmBatchTensors(batch: LmBatch): { tokens: tf.Tensor2D; targets: tf.Tensor2D; mask: tf.Tensor2D } {
  return {
    tokens: tf.tensor2d(batch.tokens, [batch.size, batch.length], 'int32'),
    targets: tf.tensor2d(batch.targets, [batch.size, batch.length], 'int32'),
    mask: tf.tensor2d(batch.mask, [batch.size, batch.length], 'float32'),
  };
}

/**
 * Per-example loss [batch]: the mean next-token cross-entropy over that example's own answer
 * tokens (mask = 1), so padding and prompt tokens never count and examples of different length
 * weigh the same.
 */
export function perExampleLmLoss(model: TinyTransformer, batch: LmBatch): tf.Tensor1D {
  for (let i = 0; i < batch.size; i++) {
    let count = 0;
    for (let t = 0; t < batch.length; t++) count += batch.mask[i * batch.length + t];
    if (count === 0) throw new CoresetError('INVALID_ARGUMENT', `row ${i} of the batch has no answer tokens`, { argument: 'batch' });
  }
  return tf.tidy(() => {
    const { tokens, targets, mask } = lmBatchTensors(batch);
    const logp = tf.logSoftmax(model.logits(tokens));
    const picked = tf.sum(tf.mul(logp, tf.cast(tf.oneHot(targets, model.vocabSize), 'float32')), -1);
    return tf.div<tf.Tensor1D>(tf.neg(tf.sum(tf.mul(picked, mask), -1)), tf.sum(mask, -1));
  });
}

/** Weighted mean of the per-example losses (weights default to 1 and are normalised). */
export function meanLmLoss(model: TinyTransformer, batch: LmBatch, weights?: Float32Array): tf.Scalar {
  return tf.tidy(() => {
    const losses = perExampleLmLoss(model, batch);
    if (weights === undefined) return tf.mean(losses);
    if (weights.length !== batch.size) {
      throw new CoresetError('SHAPE_MISMATCH', `weights has ${weights.length} entries for ${batch.size} rows`, { argument: 'weights' });
    }
    const w = tf.tensor1d(weights);
    return tf.div(tf.sum(tf.mul(losses, w)), tf.sum(w));
  });
}
