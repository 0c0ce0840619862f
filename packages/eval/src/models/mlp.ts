import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, assertInteger, toRng } from '@coresets/core';
import type { Rng } from '@coresets/core';
import type { Classifier } from './classifier.js';
import { classifierFromForward } from './classifier.js';
import { glorotUniform, heNormal } from './init.js';

export interface MlpOptions {
  readonly inputSize: number;
  readonly numClasses: number;
  /** Hidden layer widths (ReLU); the last one is the embedding. At least one. */
  readonly hidden?: readonly number[] | undefined;
  readonly seed: number | Rng;
}

export const DEFAULT_MLP_OPTIONS = { hidden: [256, 128] as readonly number[] } as const;

/** Fully connected ReLU network; He-normal hidden layers, Glorot-uniform output, zero biases. */
export function createMlp(options: MlpOptions): Classifier {
  const hidden = options.hidden ?? DEFAULT_MLP_OPTIONS.hidden;
  assertInteger(options.inputSize, 'inputSize', 1);
  assertInteger(options.numClasses, 'numClasses', 2);
  if (hidden.length === 0) {
    throw new CoresetError('INVALID_ARGUMENT', 'hidden needs at least one layer (the embedding)', { argument: 'hidden' });
  }
  hidden.forEach((h, i) => assertInteger(h, `hidden[${i}]`, 1));
  const rng = toRng(options.seed);
  const sizes = [options.inputSize, ...hidden, options.numClasses];
  const weights: tf.Variable[] = [];
  const biases: tf.Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
    const last = l + 2 === sizes.length;
    const w = last ? glorotUniform(fanIn * fanOut, fanIn, fanOut, rng) : heNormal(fanIn * fanOut, fanIn, rng);
    weights.push(tf.tidy(() => tf.variable(tf.tensor2d(w, [fanIn, fanOut]), true)));
    biases.push(tf.tidy(() => tf.variable(tf.zeros([fanOut]), true)));
  }
  const variables = weights.flatMap((w, i) => [w, biases[i]]);
  return classifierFromForward({
    kind: 'mlp',
    inputSize: options.inputSize,
    numClasses: options.numClasses,
    embeddingSize: hidden[hidden.length - 1],
    variables,
    biasVariables: biases,
    forward(x) {
      let h: tf.Tensor2D = x;
      for (let l = 0; l + 1 < weights.length; l++) h = tf.relu(tf.add(tf.matMul(h, weights[l]), biases[l])) as tf.Tensor2D;
      const logits = tf.add<tf.Tensor2D>(tf.matMul(h, weights[weights.length - 1]), biases[biases.length - 1]);
      return { embedding: h, logits };
    },
  });
}
