import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '@coresets/core';
import { assertLabels } from './internal/validate.js';

export interface LastLayerTensorInput {
  /** n × E float32 embeddings (input of the last dense layer). */
  readonly embeddings: tf.Tensor2D;
  /** n × C logits; give exactly one of `logits` and `probabilities`. */
  readonly logits?: tf.Tensor2D | undefined;
  /** n × C probabilities. */
  readonly probabilities?: tf.Tensor2D | undefined;
  /** n integer labels (an int32 tensor or plain numbers). */
  readonly labels: tf.Tensor1D | ArrayLike<number>;
}

/**
 * Tensor version of `lastLayerGradients` for pipelines that stay on an accelerator: returns an
 * n × C·(E+1) float32 tensor (n × C·E with `bias: false`) in the same column layout (kernel
 * E × C row-major, then bias). Computed in float32 by the active backend; the caller owns and
 * disposes the result. Plain-array labels are range-checked; a label tensor is not read back, so
 * an out-of-range label there gives a zero one-hot row. Use the Matrix version when float64
 * accuracy or full value validation matters.
 */
export function lastLayerGradientsTensor(
  input: LastLayerTensorInput,
  options: { bias?: boolean } = {},
): tf.Tensor2D {
  for (const key of Object.keys(options)) {
    if (key !== 'bias') {
      throw new CoresetError(
        'UNKNOWN_OPTION',
        `lastLayerGradientsTensor: unknown option "${key}"`,
        { argument: key },
      );
    }
  }
  const bias = options.bias ?? true;
  const { embeddings, logits, probabilities } = input;
  if ((logits === undefined) === (probabilities === undefined)) {
    throw new CoresetError('INVALID_ARGUMENT', 'give exactly one of logits and probabilities', {
      argument: logits === undefined ? 'logits' : 'probabilities',
    });
  }
  const scores = (logits ?? probabilities)!;
  const scoreName = logits === undefined ? 'probabilities' : 'logits';
  if (embeddings.rank !== 2) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `embeddings must be rank 2, got rank ${embeddings.rank}`,
      {
        argument: 'embeddings',
      },
    );
  }
  if (scores.rank !== 2 || scores.shape[0] !== embeddings.shape[0]) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `${scoreName} must be n × C with n = ${embeddings.shape[0]}, got [${scores.shape.join(', ')}]`,
      { argument: scoreName },
    );
  }
  const [n, e] = embeddings.shape;
  const c = scores.shape[1];
  const labelCount = input.labels instanceof tf.Tensor ? input.labels.size : input.labels.length;
  if (labelCount !== n) {
    throw new CoresetError('SHAPE_MISMATCH', `labels has ${labelCount} entries, expected ${n}`, {
      argument: 'labels',
    });
  }
  if (!(input.labels instanceof tf.Tensor)) assertLabels(input.labels, n, c);
  return tf.tidy(() => {
    const labels =
      input.labels instanceof tf.Tensor
        ? tf.cast(input.labels, 'int32')
        : tf.tensor1d(Int32Array.from(input.labels), 'int32');
    const p = logits === undefined ? scores : tf.softmax(scores);
    // Cast explicitly: mixing dtypes makes tfjs cast through a chained op, missing when a second
    // copy of tfjs-core (its CommonJS build) created the engine; and the wasm OneHot kernel
    // ignores a float32 dtype argument (it writes int32 bits).
    const r = tf.sub(p, tf.cast(tf.oneHot(labels, c), 'float32'));
    const outer: tf.Tensor2D = tf.reshape(
      tf.mul(tf.expandDims(embeddings, 2), tf.expandDims(r, 1)),
      [n, e * c],
    );
    return bias ? tf.concat<tf.Tensor2D>([outer, r as tf.Tensor2D], 1) : outer;
  });
}
