import * as tf from '@tensorflow/tfjs-core';
import { toRng } from '@coresets/core';
import type { LongRunningOptions } from '@coresets/core';
import { withDefaults } from '../internal/with-defaults.js';
import { createImageAugmenter } from '../data/augment.js';
import { subsetDataset } from '../data/dataset.js';
import { loadFashionMnist } from '../data/fashion-mnist.js';
import type { DataDirOptions } from '../data/resolve-data-dir.js';
import type { ConvImplementation } from '../models/same-conv.js';
import { createCnn } from '../models/cnn.js';
import { createMlp } from '../models/mlp.js';
import type { TrainResult } from '../train/train-classifier.js';
import { trainClassifier } from '../train/train-classifier.js';

export interface FashionMnistBaselineOptions extends DataDirOptions, LongRunningOptions {
  readonly model?: 'mlp' | 'cnn' | undefined;
  readonly iterations?: number | undefined;
  readonly batchSize?: number | undefined;
  readonly learningRate?: number | undefined;
  readonly augment?: boolean | undefined;
  /** Train on the first `trainLimit` training images only (quick runs). */
  readonly trainLimit?: number | undefined;
  readonly evaluateEvery?: number | undefined;
  readonly convImplementation?: ConvImplementation | undefined;
  readonly seed?: number | undefined;
}

export const DEFAULT_FASHION_MNIST_BASELINE_OPTIONS = {
  model: 'cnn',
  iterations: 2000,
  batchSize: 128,
  learningRate: 0.05,
  augment: false,
  evaluateEvery: 500,
  seed: 0,
} as const;

export interface FashionMnistBaselineResult {
  readonly backend: string;
  readonly model: 'mlp' | 'cnn';
  readonly trainSize: number;
  readonly finalAccuracy: number;
  readonly bestAccuracy: number;
  readonly train: TrainResult;
}

/**
 * Full-data reference run for apps/bench: trains the CNN (or MLP) on the Fashion-MNIST
 * training set with SGD-Nesterov + cosine and reports test accuracy (final and best of the
 * periodic evaluations).
 */
export function runFashionMnistBaseline(options: FashionMnistBaselineOptions = {}): FashionMnistBaselineResult {
  const o = withDefaults(DEFAULT_FASHION_MNIST_BASELINE_OPTIONS, options);
  const data = loadFashionMnist({ dataDir: options.dataDir, env: options.env });
  const train =
    o.trainLimit === undefined ? data.train : subsetDataset(data.train, Int32Array.from({ length: o.trainLimit }, (_, i) => i));
  const rng = toRng(o.seed);
  const model =
    o.model === 'cnn'
      ? createCnn({ inputShape: [28, 28, 1], numClasses: 10, seed: rng.split(), convImplementation: o.convImplementation })
      : createMlp({ inputSize: 784, numClasses: 10, seed: rng.split() });
  try {
    const result = trainClassifier(model, train, {
      iterations: o.iterations,
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      seed: rng.split(),
      augment: o.augment ? createImageAugmenter({ shape: [28, 28, 1], fillValue: train.background }) : undefined,
      evaluation: { data: data.test, every: o.evaluateEvery },
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return {
      backend: tf.getBackend(),
      model: o.model,
      trainSize: train.x.rows,
      finalAccuracy: result.finalAccuracy ?? Number.NaN,
      bestAccuracy: result.bestAccuracy ?? Number.NaN,
      train: result,
    };
  } finally {
    model.dispose();
  }
}
