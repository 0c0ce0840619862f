import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, assertInteger, toRng, type Rng } from '@coresets/core';
import { glorotUniform, heNormal } from '../models/init.js';
import type { PatchConv } from '../models/patch-conv.js';
import { createSameConv, type ConvImplementation } from '../models/same-conv.js';

export interface ContrastiveEncoderOptions {
  /** [height, width, channels]. */
  readonly inputShape: readonly [number, number, number];
  /** Channels of the three 3 × 3 convolutions (strides 2, 2, 1); the last is the embedding size. */
  readonly channels?: readonly [number, number, number] | undefined;
  /** Projection head widths after the embedding (ReLU between). */
  readonly projection?: readonly [number, number] | undefined;
  /**
   * `'im2col'` (default): gathered patches × matMul, whose gradients are all fast on wasm;
   * `'conv2d'`: tfjs's conv kernel (its filter gradient runs on the plain-JS cpu kernel under wasm,
   * about a minute per batch-128 step on 28 × 28 images). Both compute the same function.
   */
  readonly convImplementation?: ConvImplementation | undefined;
  readonly seed: number | Rng;
}

export const DEFAULT_CONTRASTIVE_ENCODER_OPTIONS = {
  channels: [16, 32, 64] as readonly [number, number, number],
  projection: [64, 32] as readonly [number, number],
  convImplementation: 'im2col' as ConvImplementation,
} as const;

/**
 * Small CNN backbone (conv s2 → conv s2 → conv → global average pooling) and a two-layer
 * projection head. `embed` is the backbone output before the head (what retrieval and linear
 * probes use); `project` is what the contrastive loss sees.
 */
export interface ContrastiveEncoder {
  readonly inputSize: number;
  readonly embeddingSize: number;
  readonly backboneVariables: readonly tf.Variable[];
  readonly variables: readonly tf.Variable[];
  embed(x: tf.Tensor2D): tf.Tensor2D;
  project(x: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

export function createContrastiveEncoder(options: ContrastiveEncoderOptions): ContrastiveEncoder {
  const channels = options.channels ?? DEFAULT_CONTRASTIVE_ENCODER_OPTIONS.channels;
  const projection = options.projection ?? DEFAULT_CONTRASTIVE_ENCODER_OPTIONS.projection;
  const [h, w, c] = options.inputShape;
  for (const [i, v] of options.inputShape.entries()) assertInteger(v, `inputShape[${i}]`, 1);
  channels.forEach((v, i) => assertInteger(v, `channels[${i}]`, 1));
  projection.forEach((v, i) => assertInteger(v, `projection[${i}]`, 1));
  if (h < 4 || w < 4) throw new CoresetError('OUT_OF_RANGE', 'inputShape must be at least 4 × 4', { argument: 'inputShape' });
  const impl = options.convImplementation ?? DEFAULT_CONTRASTIVE_ENCODER_OPTIONS.convImplementation;
  // Built before any variable: an unknown convImplementation throws here and leaks nothing.
  const strides = [2, 2, 1] as const;
  const convs: PatchConv[] = [];
  for (let i = 0, ih = h, iw = w, ic = c; i < 3; i++) {
    const conv = createSameConv({ height: ih, width: iw, channels: ic, kernelSize: 3, stride: strides[i] }, impl);
    convs.push(conv);
    [ih, iw, ic] = [conv.outHeight, conv.outWidth, channels[i]];
  }
  const rng = toRng(options.seed);
  const variable = (values: Float32Array, shape: number[]) => tf.tidy(() => tf.variable(tf.tensor(values, shape), true));
  const filters: tf.Variable[] = [];
  const biases: tf.Variable[] = [];
  let inC = c;
  for (const outC of channels) {
    filters.push(variable(heNormal(9 * inC * outC, 9 * inC, rng), [3, 3, inC, outC]));
    biases.push(variable(new Float32Array(outC), [outC]));
    inC = outC;
  }
  const e = channels[2];
  const w1 = variable(heNormal(e * projection[0], e, rng), [e, projection[0]]);
  const b1 = variable(new Float32Array(projection[0]), [projection[0]]);
  const w2 = variable(glorotUniform(projection[0] * projection[1], projection[0], projection[1], rng), [projection[0], projection[1]]);
  const b2 = variable(new Float32Array(projection[1]), [projection[1]]);
  const backbone = filters.flatMap((f, i) => [f, biases[i]]);
  const embed = (x: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => {
      let a = tf.reshape<tf.Rank.R4>(x, [x.shape[0], h, w, c]);
      filters.forEach((f, i) => {
        a = tf.relu(tf.add<tf.Tensor4D>(convs[i].apply(a, f as tf.Variable<tf.Rank.R4>), biases[i]));
      });
      return tf.mean<tf.Tensor2D>(a, [1, 2]);
    });
  return {
    inputSize: h * w * c,
    embeddingSize: e,
    backboneVariables: backbone,
    variables: [...backbone, w1, b1, w2, b2],
    embed,
    project: (x) =>
      tf.tidy(() => {
        const hdn = tf.relu(tf.add(tf.matMul(embed(x), w1 as tf.Variable<tf.Rank.R2>), b1));
        return tf.add<tf.Tensor2D>(tf.matMul(hdn, w2), b2);
      }),
    dispose() {
      for (const v of [...backbone, w1, b1, w2, b2]) v.dispose();
    },
  };
}
