import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, assertInteger, toRng } from '@coresets/core';
import type { Rng } from '@coresets/core';
import type { Classifier } from './classifier.js';
import { classifierFromForward } from './classifier.js';
import { glorotUniform, heNormal } from './init.js';
import { createSameConv, type ConvImplementation } from './same-conv.js';

export interface CnnOptions {
  /** Example shape [height, width, channels]; height and width must be divisible by 4. */
  readonly inputShape: readonly number[];
  readonly numClasses: number;
  /** Output channels of the two conv layers. */
  readonly channels?: readonly [number, number] | undefined;
  /** Odd square kernel size ('same' padding). */
  readonly kernelSize?: number | undefined;
  /** Width of the dense ReLU layer after the convolutions; it is the embedding. */
  readonly hidden?: number | undefined;
  readonly convImplementation?: ConvImplementation | undefined;
  readonly seed: number | Rng;
}

export const DEFAULT_CNN_OPTIONS = {
  channels: [16, 32] as readonly [number, number],
  kernelSize: 3,
  hidden: 128,
  convImplementation: 'im2col' as ConvImplementation,
} as const;

/** conv(k×k, same) → ReLU → maxpool 2 → conv → ReLU → maxpool 2 → dense ReLU (embedding) → logits. */
export function createCnn(options: CnnOptions): Classifier {
  const channels = options.channels ?? DEFAULT_CNN_OPTIONS.channels;
  const k = options.kernelSize ?? DEFAULT_CNN_OPTIONS.kernelSize;
  const hidden = options.hidden ?? DEFAULT_CNN_OPTIONS.hidden;
  const impl = options.convImplementation ?? DEFAULT_CNN_OPTIONS.convImplementation;
  if (options.inputShape.length !== 3) {
    throw new CoresetError('SHAPE_MISMATCH', `inputShape must be [height, width, channels], got [${options.inputShape.join(', ')}]`, {
      argument: 'inputShape',
    });
  }
  const [h, w, c] = options.inputShape;
  assertInteger(h, 'inputShape', 4);
  assertInteger(w, 'inputShape', 4);
  assertInteger(c, 'inputShape', 1);
  if (h % 4 !== 0 || w % 4 !== 0) {
    throw new CoresetError('INVALID_ARGUMENT', `height and width must be divisible by 4, got ${h} × ${w}`, {
      argument: 'inputShape',
    });
  }
  assertInteger(options.numClasses, 'numClasses', 2);
  assertInteger(k, 'kernelSize', 1);
  if (k % 2 === 0) throw new CoresetError('INVALID_ARGUMENT', `kernelSize must be odd, got ${k}`, { argument: 'kernelSize' });
  assertInteger(channels[0], 'channels', 1);
  assertInteger(channels[1], 'channels', 1);
  assertInteger(hidden, 'hidden', 1);
  const [c1, c2] = channels;
  // Built before any variable: an unknown convImplementation throws here and leaks nothing.
  const conv1 = createSameConv({ height: h, width: w, channels: c, kernelSize: k, stride: 1 }, impl);
  const conv2 = createSameConv({ height: h / 2, width: w / 2, channels: c1, kernelSize: k, stride: 1 }, impl);
  const rng = toRng(options.seed);
  const flat = (h / 4) * (w / 4) * c2;
  const k1 = tf.tidy(() => tf.variable(tf.tensor4d(heNormal(k * k * c * c1, k * k * c, rng), [k, k, c, c1]), true));
  const b1 = tf.tidy(() => tf.variable(tf.zeros([c1]), true));
  const k2 = tf.tidy(() => tf.variable(tf.tensor4d(heNormal(k * k * c1 * c2, k * k * c1, rng), [k, k, c1, c2]), true));
  const b2 = tf.tidy(() => tf.variable(tf.zeros([c2]), true));
  const w3 = tf.tidy(() => tf.variable(tf.tensor2d(heNormal(flat * hidden, flat, rng), [flat, hidden]), true));
  const b3 = tf.tidy(() => tf.variable(tf.zeros([hidden]), true));
  const w4 = tf.tidy(() =>
    tf.variable(
      tf.tensor2d(glorotUniform(hidden * options.numClasses, hidden, options.numClasses, rng), [hidden, options.numClasses]),
      true,
    ),
  );
  const b4 = tf.tidy(() => tf.variable(tf.zeros([options.numClasses]), true));
  return classifierFromForward({
    kind: 'cnn',
    inputSize: h * w * c,
    numClasses: options.numClasses,
    embeddingSize: hidden,
    variables: [k1, b1, k2, b2, w3, b3, w4, b4],
    biasVariables: [b1, b2, b3, b4],
    forward(x) {
      const batch = x.shape[0];
      const img = tf.reshape<tf.Rank.R4>(x, [batch, h, w, c]);
      const a1 = tf.maxPool(tf.relu(tf.add(conv1.apply(img, k1 as tf.Tensor4D), b1)) as tf.Tensor4D, 2, 2, 'valid');
      const a2 = tf.maxPool(tf.relu(tf.add(conv2.apply(a1, k2 as tf.Tensor4D), b2)) as tf.Tensor4D, 2, 2, 'valid');
      const embedding = tf.relu<tf.Tensor2D>(tf.add<tf.Tensor2D>(tf.matMul(tf.reshape(a2, [batch, flat]), w3), b3));
      const logits = tf.add<tf.Tensor2D>(tf.matMul(embedding, w4), b4);
      return { embedding, logits };
    },
  });
}
