import * as tf from '@tensorflow/tfjs-core';
import { assertInteger, toRng, type Rng } from '@coresets/core';
import { glorotUniform, heNormal, type ContrastiveEncoder } from '@coresets/eval';

export interface MlpEncoderOptions {
  /** Values per input row (784 for 28 × 28 images). */
  readonly inputSize: number;
  /** Widths of the ReLU backbone layers; the last is the embedding size. */
  readonly backbone: readonly number[];
  /** Projection head widths after the embedding (ReLU between). */
  readonly projection: readonly [number, number];
  readonly seed: number | Rng;
}

/**
 * A fully connected contrastive encoder with the same contract as eval's
 * `createContrastiveEncoder` (embedding = backbone output before the head). The suite uses it
 * because conv SSL is not affordable on the wasm backend here: tfjs-wasm has no
 * Conv2DBackpropFilter kernel and the cpu fallback costs ~40 CPU-seconds per step at batch 32;
 * an im2col formulation still needed ~1.9 CPU-seconds per step at batch 64, while this encoder
 * needs a few tens of milliseconds (see the report's "Scaled down" section).
 */
export function createMlpEncoder(options: MlpEncoderOptions): ContrastiveEncoder {
  assertInteger(options.inputSize, 'inputSize', 1);
  assertInteger(options.backbone.length, 'backbone.length', 1);
  options.backbone.forEach((v, i) => assertInteger(v, `backbone[${i}]`, 1));
  options.projection.forEach((v, i) => assertInteger(v, `projection[${i}]`, 1));
  const rng = toRng(options.seed);
  const variable = (values: Float32Array, shape: number[]) => tf.tidy(() => tf.variable(tf.tensor(values, shape), true));
  const layer = (fanIn: number, fanOut: number, init: 'he' | 'glorot') => ({
    w: variable(init === 'he' ? heNormal(fanIn * fanOut, fanIn, rng) : glorotUniform(fanIn * fanOut, fanIn, fanOut, rng), [fanIn, fanOut]),
    b: variable(new Float32Array(fanOut), [fanOut]),
  });
  const backbone: { w: tf.Variable; b: tf.Variable }[] = [];
  let width = options.inputSize;
  for (const next of options.backbone) {
    backbone.push(layer(width, next, 'he'));
    width = next;
  }
  const head = [layer(width, options.projection[0], 'he'), layer(options.projection[0], options.projection[1], 'glorot')];
  const dense = (x: tf.Tensor2D, l: { w: tf.Variable; b: tf.Variable }) => tf.add<tf.Tensor2D>(tf.matMul(x, l.w), l.b);
  const embed = (x: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => backbone.reduce<tf.Tensor2D>((a, l) => tf.relu(dense(a, l)), x));
  const backboneVariables = backbone.flatMap((l) => [l.w, l.b]);
  const variables = [...backboneVariables, ...head.flatMap((l) => [l.w, l.b])];
  return {
    inputSize: options.inputSize,
    embeddingSize: width,
    backboneVariables,
    variables,
    embed,
    project: (x) => tf.tidy(() => dense(tf.relu(dense(embed(x), head[0])), head[1])),
    dispose() {
      for (const v of variables) v.dispose();
    },
  };
}
