import * as tf from '@tensorflow/tfjs-core';
import { assertInteger, toRng } from '@coresets/core';
import type { Classifier } from '../models/classifier.js';
import type { ConvImplementation } from '../models/same-conv.js';
import { createCnn } from '../models/cnn.js';
import { createMlp } from '../models/mlp.js';
import { createOptimizer } from '../train/optimizer.js';
import { trainStep } from '../train/train-step.js';

export interface ThroughputOptions {
  readonly model: 'mlp' | 'cnn';
  readonly batchSize?: number | undefined;
  /** Timed steps. */
  readonly steps?: number | undefined;
  /** Untimed steps first (kernel set-up, allocator warm-up). */
  readonly warmupSteps?: number | undefined;
  readonly convImplementation?: ConvImplementation | undefined;
  readonly seed?: number | undefined;
}

export const DEFAULT_THROUGHPUT_OPTIONS = { batchSize: 128, steps: 20, warmupSteps: 3, seed: 0 } as const;

export interface ThroughputResult {
  readonly model: 'mlp' | 'cnn';
  readonly backend: string;
  readonly batchSize: number;
  readonly steps: number;
  readonly msPerStep: number;
  readonly examplesPerSecond: number;
}

/**
 * Times SGD steps of the Fashion-MNIST-sized MLP (784-256-128-10) or CNN on random inputs with
 * the active tfjs backend. For apps/bench; not used by tests.
 */
export function measureTrainingThroughput(options: ThroughputOptions): ThroughputResult {
  const batchSize = options.batchSize ?? DEFAULT_THROUGHPUT_OPTIONS.batchSize;
  const steps = options.steps ?? DEFAULT_THROUGHPUT_OPTIONS.steps;
  const warmup = options.warmupSteps ?? DEFAULT_THROUGHPUT_OPTIONS.warmupSteps;
  assertInteger(batchSize, 'batchSize', 1);
  assertInteger(steps, 'steps', 1);
  assertInteger(warmup, 'warmupSteps', 0);
  const rng = toRng(options.seed ?? DEFAULT_THROUGHPUT_OPTIONS.seed);
  const model: Classifier =
    options.model === 'cnn'
      ? createCnn({ inputShape: [28, 28, 1], numClasses: 10, seed: rng.split(), convImplementation: options.convImplementation })
      : createMlp({ inputSize: 784, numClasses: 10, seed: rng.split() });
  const optimizer = createOptimizer(model.variables, { name: 'sgd', momentum: 0.9, nesterov: true, weightDecay: 5e-4 });
  const x = rng.fillNormal(new Float32Array(batchSize * 784));
  const labels = Int32Array.from({ length: batchSize }, () => rng.int(10));
  try {
    for (let s = 0; s < warmup; s++) trainStep(model, optimizer, { x, labels }, 0.01);
    const start = performance.now();
    for (let s = 0; s < steps; s++) trainStep(model, optimizer, { x, labels }, 0.01);
    const msPerStep = (performance.now() - start) / steps;
    return {
      model: options.model,
      backend: tf.getBackend(),
      batchSize,
      steps,
      msPerStep,
      examplesPerSecond: (1000 * batchSize) / msPerStep,
    };
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}
