import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '@coresets/core';
import type { DenseFn } from '../per-example-gradients.js';

/** A seeded ReLU MLP made of tf.Variables, used by the throughput helper and the tests. */
export interface Mlp {
  readonly kernels: tf.Variable[];
  readonly biases: tf.Variable[];
  /** Logits for a batch, every layer going through `dense`. */
  logits(x: tf.Tensor2D, dense: DenseFn): tf.Tensor2D;
  /** Input of the last layer (penultimate activations). */
  embed(x: tf.Tensor2D, dense: DenseFn): tf.Tensor2D;
  dispose(): void;
}

export function createMlp(sizes: readonly number[], rng: Rng): Mlp {
  const kernels: tf.Variable[] = [];
  const biases: tf.Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
    const w = new Float32Array(fanIn * fanOut);
    for (let q = 0; q < w.length; q++) w[q] = rng.normal() / Math.sqrt(fanIn);
    const b = new Float32Array(fanOut);
    for (let q = 0; q < b.length; q++) b[q] = 0.1 * rng.normal();
    kernels.push(tf.variable(tf.tensor2d(w, [fanIn, fanOut])));
    biases.push(tf.variable(tf.tensor1d(b)));
  }
  const embed = (x: tf.Tensor2D, dense: DenseFn): tf.Tensor2D => {
    let h: tf.Tensor = x;
    for (let l = 0; l + 1 < kernels.length; l++) h = tf.relu(dense(h, kernels[l], biases[l]));
    return h as tf.Tensor2D;
  };
  return {
    kernels,
    biases,
    embed,
    logits: (x, dense) => {
      const last = kernels.length - 1;
      return dense(embed(x, dense), kernels[last], biases[last]) as tf.Tensor2D;
    },
    dispose: () => {
      for (const v of [...kernels, ...biases]) v.dispose();
    },
  };
}

/**
 * Per-example softmax cross-entropy, shape [n], as logsumexp(z) − z_y (tfjs's logSoftmax trips
 * the engine's kernel leak check on wasm in test mode), with an explicitly cast one-hot (see
 * last-layer-gradients-tensor.ts).
 */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor1D {
  const numClasses = logits.shape[1];
  const picked = tf.sum(tf.mul(logits, tf.cast(tf.oneHot(labels, numClasses), 'float32')), 1);
  return tf.sub<tf.Tensor1D>(tf.logSumExp(logits, 1), picked);
}

/** Seeded float32 inputs n × d (standard normal) and labels in [0, c). */
export function syntheticBatch(
  n: number,
  d: number,
  c: number,
  rng: Rng,
): { x: Float32Array; y: Int32Array } {
  const x = new Float32Array(n * d);
  for (let q = 0; q < x.length; q++) x[q] = rng.normal();
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = rng.int(c);
  return { x, y };
}
