import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, assertInteger, assertMatrix, throwIfAborted, toRng } from '@coresets/core';
import type { LongRunningOptions, Matrix, Rng } from '@coresets/core';
import { BatchIterator } from '../train/batch-iterator.js';
import { weightedCrossEntropy } from '../train/loss.js';
import type { OptimizerName } from '../train/optimizer.js';
import { createOptimizer } from '../train/optimizer.js';
import { assertGradientsRegistered } from '../train/train-step.js';
import { accuracy, argmaxRows } from './classification.js';

export interface LinearProbeOptions extends LongRunningOptions {
  /** Fixed number of optimisation steps. */
  readonly steps?: number | undefined;
  readonly learningRate?: number | undefined;
  readonly optimizer?: OptimizerName | undefined;
  /** L2 penalty on the weight matrix (not the bias). */
  readonly weightDecay?: number | undefined;
  /** Mini-batch size; undefined = full batch (deterministic, needs no seed). */
  readonly batchSize?: number | undefined;
  /** Z-score features with the training features' statistics first. */
  readonly standardize?: boolean | undefined;
  readonly numClasses?: number | undefined;
  readonly seed?: number | Rng | undefined;
}

export const DEFAULT_LINEAR_PROBE_OPTIONS = {
  steps: 500,
  learningRate: 0.01,
  optimizer: 'adam' as OptimizerName,
  weightDecay: 0,
  standardize: true,
  seed: 0,
} as const;

export interface LinearProbeResult {
  readonly accuracy: number;
  readonly trainAccuracy: number;
  readonly predictions: Int32Array;
  /** Final training loss (full training set, without the penalty). */
  readonly trainLoss: number;
}

/**
 * Linear-probe accuracy of frozen features: multinomial logistic regression (zero-initialised,
 * so the result depends on the seed only through mini-batch order) trained for a fixed number of
 * steps on the training features, evaluated on the test features.
 */
export function linearProbe(
  trainFeatures: Matrix,
  trainLabels: ArrayLike<number>,
  testFeatures: Matrix,
  testLabels: ArrayLike<number>,
  options: LinearProbeOptions = {},
): LinearProbeResult {
  const steps = options.steps ?? DEFAULT_LINEAR_PROBE_OPTIONS.steps;
  const lr = options.learningRate ?? DEFAULT_LINEAR_PROBE_OPTIONS.learningRate;
  const standardize = options.standardize ?? DEFAULT_LINEAR_PROBE_OPTIONS.standardize;
  const weightDecay = options.weightDecay ?? DEFAULT_LINEAR_PROBE_OPTIONS.weightDecay;
  assertInteger(steps, 'steps', 1);
  assertMatrix(trainFeatures, 'trainFeatures', { minRows: 1 });
  assertMatrix(testFeatures, 'testFeatures', { minRows: 1, cols: trainFeatures.cols });
  if (trainLabels.length !== trainFeatures.rows || testLabels.length !== testFeatures.rows) {
    throw new CoresetError('SHAPE_MISMATCH', 'each feature row needs exactly one label', {
      argument: trainLabels.length !== trainFeatures.rows ? 'trainLabels' : 'testLabels',
    });
  }
  let maxLabel = 0;
  for (let i = 0; i < trainLabels.length; i++) {
    const y = trainLabels[i];
    if (!Number.isInteger(y) || y < 0) {
      throw new CoresetError('OUT_OF_RANGE', `trainLabels[${i}] = ${y} is not a class index`, { argument: 'trainLabels' });
    }
    maxLabel = Math.max(maxLabel, y);
  }
  const numClasses = options.numClasses ?? maxLabel + 1;
  assertInteger(numClasses, 'numClasses', Math.max(2, maxLabel + 1));
  if (options.batchSize !== undefined) assertInteger(options.batchSize, 'batchSize', 1);
  assertGradientsRegistered();

  const d = trainFeatures.cols;
  const [train, test] = standardize ? zscore(trainFeatures, testFeatures) : [toF32(trainFeatures), toF32(testFeatures)];
  const yTrain = Int32Array.from(trainLabels);
  const w = tf.tidy(() => tf.variable(tf.zeros([d, numClasses]), true));
  const b = tf.tidy(() => tf.variable(tf.zeros([numClasses]), true));
  const optimizer = createOptimizer([w, b], {
    name: options.optimizer ?? DEFAULT_LINEAR_PROBE_OPTIONS.optimizer,
    weightDecay,
    nesterov: true,
  }, [b]);
  const n = train.rows;
  const iterator =
    options.batchSize === undefined || options.batchSize >= n
      ? undefined
      : new BatchIterator(n, options.batchSize, toRng(options.seed ?? DEFAULT_LINEAR_PROBE_OPTIONS.seed));
  const logitsOf = (x: Matrix<Float32Array>): Matrix<Float32Array> => {
    const out = tf.tidy(() => tf.add(tf.matMul(tf.tensor2d(x.data, [x.rows, d]), w), b));
    const data = out.dataSync() as Float32Array;
    out.dispose();
    return { rows: x.rows, cols: numClasses, data: data.slice() };
  };
  try {
    const fullX = tf.tensor2d(train.data, [n, d]);
    const fullY = tf.tensor1d(yTrain, 'int32');
    try {
      for (let s = 0; s < steps; s++) {
        throwIfAborted(options.signal);
        const { value, grads } = tf.tidy(() => {
          let x: tf.Tensor2D = fullX;
          let y: tf.Tensor1D = fullY;
          if (iterator !== undefined) {
            const positions = iterator.next().positions;
            const idx = tf.tensor1d(positions, 'int32');
            x = tf.gather(fullX, idx);
            y = tf.gather(fullY, idx);
          }
          return tf.variableGrads(() => weightedCrossEntropy(tf.add(tf.matMul(x, w), b), y), [w, b]);
        });
        optimizer.apply([grads[w.name], grads[b.name]], lr);
        const done = s + 1;
        if (options.onProgress !== undefined && (done % 50 === 0 || done === steps)) {
          options.onProgress({ phase: 'linear-probe', completed: done, total: steps, info: { loss: value.dataSync()[0] } });
        }
        value.dispose();
        for (const g of Object.values(grads)) g.dispose();
      }
    } finally {
      fullX.dispose();
      fullY.dispose();
    }
    const trainLogits = logitsOf(train);
    const testLogits = logitsOf(test);
    const predictions = argmaxRows(testLogits);
    const trainLoss = tf.tidy(() =>
      weightedCrossEntropy(tf.tensor2d(trainLogits.data, [n, numClasses]), tf.tensor1d(yTrain, 'int32')).dataSync()[0],
    );
    return {
      accuracy: accuracy(predictions, testLabels),
      trainAccuracy: accuracy(argmaxRows(trainLogits), yTrain),
      predictions,
      trainLoss,
    };
  } finally {
    optimizer.dispose();
    w.dispose();
    b.dispose();
  }
}

function toF32(m: Matrix): Matrix<Float32Array> {
  return { rows: m.rows, cols: m.cols, data: m.data instanceof Float32Array ? m.data : Float32Array.from(m.data) };
}

function zscore(train: Matrix, test: Matrix): [Matrix<Float32Array>, Matrix<Float32Array>] {
  const d = train.cols;
  const mean = new Float64Array(d);
  const sq = new Float64Array(d);
  for (let i = 0; i < train.rows; i++) for (let j = 0; j < d; j++) mean[j] += train.data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= train.rows;
  for (let i = 0; i < train.rows; i++) for (let j = 0; j < d; j++) sq[j] += (train.data[i * d + j] - mean[j]) ** 2;
  const inv = Array.from(sq, (s) => (s > 0 ? 1 / Math.sqrt(s / train.rows) : 1));
  const apply = (m: Matrix): Matrix<Float32Array> => {
    const out = new Float32Array(m.rows * d);
    for (let i = 0; i < m.rows; i++) for (let j = 0; j < d; j++) out[i * d + j] = (m.data[i * d + j] - mean[j]) * inv[j];
    return { rows: m.rows, cols: d, data: out };
  };
  return [apply(train), apply(test)];
}
