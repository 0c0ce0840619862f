import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '@coresets/core';
import type { Classifier } from '../models/classifier.js';
import { clipByGlobalNorm } from './clip.js';
import { weightedCrossEntropy } from './loss.js';
import type { Optimizer } from './optimizer.js';

export interface StepInput {
  /** Flattened inputs [batch, inputSize], float32. */
  readonly x: Float32Array;
  readonly labels: Int32Array;
  /** Per-example loss weights (already normalised by the caller), or undefined for all 1. */
  readonly weights?: Float32Array | undefined;
}

export interface StepOutput {
  readonly loss: number;
  /** Logits of the forward pass that produced the loss (before the update). */
  readonly logits: Float32Array;
  /** Embeddings of the same pass, when requested. */
  readonly embedding: Float32Array | undefined;
  /** Global gradient norm before clipping (only computed when clipping). */
  readonly gradNorm: number | undefined;
}

export interface TrainStepOptions {
  readonly clipNorm?: number | undefined;
  readonly keepEmbedding?: boolean | undefined;
}

/**
 * One optimisation step: forward, weighted cross-entropy, gradients of every model variable,
 * optional global-norm clipping, optimizer update. Leaves no tensors behind.
 */
export function trainStep(
  model: Classifier,
  optimizer: Optimizer,
  input: StepInput,
  learningRate: number,
  options: TrainStepOptions = {},
): StepOutput {
  assertGradientsRegistered();
  const n = input.labels.length;
  if (input.x.length !== n * model.inputSize) {
    throw new CoresetError('SHAPE_MISMATCH', `x holds ${input.x.length} values for ${n} rows of ${model.inputSize}`, {
      argument: 'x',
    });
  }
  let kept: tf.Tensor2D[] = [];
  const { value, grads } = tf.tidy(() => {
    const x = tf.tensor2d(input.x, [n, model.inputSize], 'float32');
    const y = tf.tensor1d(input.labels, 'int32');
    const w = input.weights === undefined ? undefined : tf.tensor1d(input.weights, 'float32');
    return tf.variableGrads(() => {
      const out = model.forward(x);
      // Kept past the tape so the hook sees exactly the activations the loss came from.
      kept = options.keepEmbedding === true ? [tf.keep(out.logits), tf.keep(out.embedding)] : [tf.keep(out.logits)];
      return weightedCrossEntropy(out.logits, y, w);
    }, model.variables as tf.Variable[]);
  });
  try {
    const ordered = model.variables.map((v) => grads[v.name]);
    let gradNorm: number | undefined;
    if (options.clipNorm === undefined) {
      optimizer.apply(ordered, learningRate);
    } else {
      const clipped = clipByGlobalNorm(ordered, options.clipNorm);
      gradNorm = clipped.norm;
      try {
        optimizer.apply(clipped.grads, learningRate);
      } finally {
        for (const g of clipped.grads) g.dispose();
      }
    }
    const loss = value.dataSync()[0];
    const logits = kept[0].dataSync() as Float32Array;
    const embedding = kept.length > 1 ? (kept[1].dataSync() as Float32Array) : undefined;
    return { loss, logits, embedding, gradNorm };
  } finally {
    value.dispose();
    for (const g of Object.values(grads)) g.dispose();
    for (const t of kept) t.dispose();
  }
}

/**
 * tfjs-core's Node entry ships without gradient definitions; core's `initBackend` registers them
 * by loading `@tensorflow/tfjs`. Fail with a clear message instead of tfjs's "gradient function
 * not found for Sum".
 */
export function assertGradientsRegistered(): void {
  if (tf.getGradient('BatchMatMul') === undefined || tf.getGradient('Sum') === undefined) {
    throw new CoresetError(
      'BACKEND_UNAVAILABLE',
      "tfjs gradients are not registered: install @tensorflow/tfjs and call initBackend() from '@coresets/core' " +
        'before training (tfjs-core alone registers no gradients in Node)',
      { argument: 'backend' },
    );
  }
}
