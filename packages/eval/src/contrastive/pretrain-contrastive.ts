import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, Rng, throwIfAborted, type LongRunningOptions } from '@coresets/core';
import { withDefaults } from '../internal/with-defaults.js';
import { clipByGlobalNorm } from '../train/clip.js';
import { createOptimizer, type OptimizerName } from '../train/optimizer.js';
import { createSchedule } from '../train/schedule.js';
import { assertGradientsRegistered } from '../train/train-step.js';
import type { ContrastiveEncoder } from './contrastive-encoder.js';
import { ntXentLoss } from './nt-xent.js';
import { augmentForSsl, type SslAugmentOptions } from './ssl-augment.js';

export interface PretrainContrastiveOptions extends LongRunningOptions {
  readonly steps: number;
  /** Images per step (each gives two views). */
  readonly batchSize?: number | undefined;
  readonly temperature?: number | undefined;
  readonly optimizer?: OptimizerName | undefined;
  readonly learningRate?: number | undefined;
  readonly weightDecay?: number | undefined;
  readonly clipNorm?: number | undefined;
  readonly augment?: SslAugmentOptions | undefined;
  readonly seed: number;
}

export const DEFAULT_PRETRAIN_CONTRASTIVE_OPTIONS = {
  batchSize: 128,
  temperature: 0.2,
  optimizer: 'adam' as OptimizerName,
  learningRate: 1e-3,
  weightDecay: 1e-4,
  clipNorm: 5,
} as const;

/**
 * SimCLR-style pre-training on unlabeled single-channel images (row-major n × h × w, one dataset
 * of all the given rows, reshuffled each epoch): two augmented views per image, NT-Xent on the
 * projections, a cosine learning-rate schedule. Returns the loss per step.
 */
export function pretrainContrastive(
  encoder: ContrastiveEncoder,
  images: Float32Array,
  imageShape: readonly [number, number],
  options: PretrainContrastiveOptions,
): { losses: number[] } {
  assertGradientsRegistered();
  const o = withDefaults(DEFAULT_PRETRAIN_CONTRASTIVE_OPTIONS, options);
  const [h, w] = imageShape;
  const n = images.length / (h * w);
  if (!Number.isInteger(n) || n < 2) throw new CoresetError('INVALID_ARGUMENT', 'need at least two whole images', { argument: 'images' });
  const batch = Math.min(o.batchSize, n);
  const optimizer = createOptimizer(encoder.variables, { name: o.optimizer, weightDecay: o.weightDecay });
  const lrAt = createSchedule({ learningRate: o.learningRate, totalSteps: o.steps, schedule: 'cosine', minLearningRate: o.learningRate * 1e-3 });
  const rng = Rng.fromSeed(o.seed);
  let order = rng.permutation(n);
  let cursor = 0;
  const losses: number[] = [];
  const pick = new Float32Array(batch * h * w);
  try {
    for (let step = 0; step < o.steps; step++) {
      throwIfAborted(o.signal);
      if (cursor + batch > n) {
        order = rng.permutation(n);
        cursor = 0;
      }
      for (let b = 0; b < batch; b++) pick.set(images.subarray(order[cursor + b] * h * w, (order[cursor + b] + 1) * h * w), b * h * w);
      cursor += batch;
      const v1 = augmentForSsl(pick, batch, h, w, rng, o.augment);
      const v2 = augmentForSsl(pick, batch, h, w, rng, o.augment);
      const { value, grads } = tf.variableGrads(() => {
        const z1 = encoder.project(tf.tensor2d(v1, [batch, h * w]));
        const z2 = encoder.project(tf.tensor2d(v2, [batch, h * w]));
        return ntXentLoss(z1, z2, o.temperature);
      }, encoder.variables as tf.Variable[]);
      const list = encoder.variables.map((v) => grads[v.name]);
      const clipped = clipByGlobalNorm(list, o.clipNorm).grads;
      optimizer.apply(clipped, lrAt(step));
      const loss = value.dataSync()[0];
      tf.dispose([value, ...list, ...clipped]);
      if (!Number.isFinite(loss)) throw new CoresetError('NON_FINITE', `contrastive loss became ${loss} at step ${step}`, { argument: 'learningRate' });
      losses.push(loss);
      o.onProgress?.({ phase: 'ssl', completed: step + 1, total: o.steps, info: { loss } });
    }
  } finally {
    optimizer.dispose();
  }
  return { losses };
}
