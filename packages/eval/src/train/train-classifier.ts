import { CoresetError, assertInteger, throwIfAborted, toRng } from '@coresets/core';
import type { LongRunningOptions, Matrix, Rng } from '@coresets/core';
import type { BatchAugmenter } from '../data/augment.js';
import type { LabeledDataset } from '../data/dataset.js';
import { validateDataset } from '../data/dataset.js';
import { evaluateClassifier } from '../metrics/evaluate-classifier.js';
import type { Classifier } from '../models/classifier.js';
import { softmaxRows } from '../metrics/classification.js';
import { withDefaults } from '../internal/with-defaults.js';
import { BatchIterator } from './batch-iterator.js';
import type { OptimizerName } from './optimizer.js';
import { createOptimizer, DEFAULT_OPTIMIZER_OPTIONS } from './optimizer.js';
import type { ScheduleName } from './schedule.js';
import { createSchedule, DEFAULT_SCHEDULE_OPTIONS } from './schedule.js';
import { trainStep } from './train-step.js';

/** What the per-batch hook receives: everything comes from the forward pass that gave the loss. */
export interface BatchRecord {
  /** Example ids (`options.ids[position]`, or the row position when no ids are given). */
  readonly ids: Int32Array;
  /** Row positions in the training data set. */
  readonly positions: Int32Array;
  readonly labels: Int32Array;
  /** Logits [batch, classes] — AUM's logit margin uses these. */
  readonly logits: Matrix<Float32Array>;
  /** Softmax of `logits`, computed in float64. */
  readonly probabilities: Matrix<Float64Array>;
  /** Penultimate embeddings [batch, embeddingSize], only with `recordEmbeddings`. */
  readonly embeddings: Matrix<Float32Array> | undefined;
  /** 0-based epoch (one pass over the training set = one epoch). */
  readonly epoch: number;
  /** 0-based optimisation step; the update of this step happens right after the forward pass. */
  readonly step: number;
  readonly loss: number;
  readonly learningRate: number;
}

export interface EvaluationRecord {
  /** Number of steps taken when evaluated. */
  readonly step: number;
  readonly accuracy: number;
  readonly macroAccuracy: number;
  readonly nll: number;
}

export interface TrainOptions extends LongRunningOptions {
  /** Fixed number of optimisation steps (the budget is iterations, not epochs). */
  readonly iterations: number;
  readonly seed: number | Rng;
  readonly batchSize?: number | undefined;
  readonly optimizer?: OptimizerName | undefined;
  readonly learningRate?: number | undefined;
  readonly momentum?: number | undefined;
  readonly nesterov?: boolean | undefined;
  readonly beta1?: number | undefined;
  readonly beta2?: number | undefined;
  readonly epsilon?: number | undefined;
  readonly weightDecay?: number | undefined;
  /** Exempt the model's biases from weight decay. */
  readonly decayBiases?: boolean | undefined;
  readonly schedule?: ScheduleName | undefined;
  readonly warmupSteps?: number | undefined;
  readonly minLearningRate?: number | undefined;
  /** Clip the global gradient norm to this value; undefined = no clipping. */
  readonly clipNorm?: number | undefined;
  /**
   * Per-example loss weights (≥ 0, not all 0), rescaled to mean 1 over the training set so the
   * learning rate keeps its meaning; integer weights then act as duplicated rows.
   */
  readonly weights?: ArrayLike<number> | undefined;
  /** Ids reported to `onBatch` (e.g. original data-set indices of a coreset). */
  readonly ids?: ArrayLike<number> | undefined;
  readonly augment?: BatchAugmenter | undefined;
  /** Evaluate on `data` every `every` steps and after the last step. */
  readonly evaluation?: { readonly data: LabeledDataset; readonly every: number } | undefined;
  readonly onBatch?: ((record: BatchRecord) => void) | undefined;
  readonly recordEmbeddings?: boolean | undefined;
  /** Report progress every this many steps (and after the last). */
  readonly progressEvery?: number | undefined;
}

export const DEFAULT_TRAIN_OPTIONS = {
  batchSize: 128,
  optimizer: DEFAULT_OPTIMIZER_OPTIONS.name,
  learningRate: 0.05,
  momentum: DEFAULT_OPTIMIZER_OPTIONS.momentum,
  nesterov: DEFAULT_OPTIMIZER_OPTIONS.nesterov,
  beta1: DEFAULT_OPTIMIZER_OPTIONS.beta1,
  beta2: DEFAULT_OPTIMIZER_OPTIONS.beta2,
  epsilon: DEFAULT_OPTIMIZER_OPTIONS.epsilon,
  weightDecay: 5e-4,
  decayBiases: true,
  schedule: DEFAULT_SCHEDULE_OPTIONS.schedule,
  warmupSteps: DEFAULT_SCHEDULE_OPTIONS.warmupSteps,
  minLearningRate: DEFAULT_SCHEDULE_OPTIONS.minLearningRate,
  recordEmbeddings: false,
  progressEvery: 10,
} as const;

const KNOWN_OPTIONS = new Set([
  ...Object.keys(DEFAULT_TRAIN_OPTIONS),
  'iterations',
  'seed',
  'clipNorm',
  'weights',
  'ids',
  'augment',
  'evaluation',
  'onBatch',
  'onProgress',
  'signal',
]);

export interface TrainResult {
  readonly steps: number;
  /** Completed passes over the training set (fractional). */
  readonly epochs: number;
  /** Training loss of every step (before that step's update). */
  readonly losses: Float64Array;
  readonly learningRates: Float64Array;
  readonly evaluations: readonly EvaluationRecord[];
  /** Accuracy after the last step (primary metric); undefined without `evaluation`. */
  readonly finalAccuracy: number | undefined;
  /** Best accuracy over the evaluations (for comparison with papers that report it). */
  readonly bestAccuracy: number | undefined;
  readonly bestStep: number | undefined;
  readonly elapsedMs: number;
}

/**
 * Trains `model` in place on `data` for exactly `iterations` steps of weighted cross-entropy.
 * Small training sets therefore get more epochs, as in the CCS protocol. The model's variables
 * are updated; create a fresh model for each run.
 */
export function trainClassifier(model: Classifier, data: LabeledDataset, options: TrainOptions): TrainResult {
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) {
      throw new CoresetError('UNKNOWN_OPTION', `unknown training option "${key}"`, { argument: key });
    }
  }
  const o = withDefaults(DEFAULT_TRAIN_OPTIONS, options);
  assertInteger(o.iterations, 'iterations', 1);
  assertInteger(o.progressEvery, 'progressEvery', 1);
  validateDataset(data);
  const n = data.x.rows;
  const d = data.x.cols;
  if (d !== model.inputSize || data.numClasses !== model.numClasses) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `data has ${d} features and ${data.numClasses} classes; the model expects ${model.inputSize} and ${model.numClasses}`,
      { argument: 'data' },
    );
  }
  const weights = normalizeWeights(options.weights, n);
  const ids = resolveIds(options.ids, n);
  if (options.evaluation !== undefined) {
    assertInteger(options.evaluation.every, 'evaluation.every', 1);
    validateDataset(options.evaluation.data, 'evaluation.data');
  }
  const schedule = createSchedule({
    learningRate: o.learningRate,
    totalSteps: o.iterations,
    schedule: o.schedule,
    warmupSteps: o.warmupSteps,
    minLearningRate: o.minLearningRate,
  });
  const rng = toRng(o.seed);
  const batches = new BatchIterator(n, o.batchSize, rng.split());
  const augmentRng = rng.split();
  const optimizer = createOptimizer(
    model.variables,
    {
      name: o.optimizer,
      momentum: o.momentum,
      nesterov: o.nesterov,
      beta1: o.beta1,
      beta2: o.beta2,
      epsilon: o.epsilon,
      weightDecay: o.weightDecay,
    },
    o.decayBiases ? [] : model.biasVariables,
  );

  const losses = new Float64Array(o.iterations);
  const learningRates = new Float64Array(o.iterations);
  const evaluations: EvaluationRecord[] = [];
  const xBuffer = new Float32Array(o.batchSize * d);
  const started = performance.now();
  let examplesSeen = 0;
  const evaluate = (step: number): void => {
    if (options.evaluation === undefined) return;
    const report = evaluateClassifier(model, options.evaluation.data);
    evaluations.push({ step, accuracy: report.accuracy, macroAccuracy: report.macroAccuracy, nll: report.nll });
  };
  try {
    for (let step = 0; step < o.iterations; step++) {
      throwIfAborted(options.signal);
      const batch = batches.next();
      const size = batch.positions.length;
      const x = xBuffer.subarray(0, size * d);
      const labels = new Int32Array(size);
      const w = weights === undefined ? undefined : new Float32Array(size);
      for (let b = 0; b < size; b++) {
        const row = batch.positions[b];
        x.set(data.x.data.subarray(row * d, (row + 1) * d), b * d);
        labels[b] = data.labels[row];
        if (w !== undefined && weights !== undefined) w[b] = weights[row];
      }
      o.augment?.(x, size, augmentRng);
      const lr = schedule(step);
      const out = trainStep(model, optimizer, { x, labels, weights: w }, lr, {
        clipNorm: options.clipNorm,
        keepEmbedding: o.recordEmbeddings && options.onBatch !== undefined,
      });
      if (!Number.isFinite(out.loss)) {
        throw new CoresetError('NON_FINITE', `training loss became ${out.loss} at step ${step}; lower the learning rate`, {
          argument: 'learningRate',
        });
      }
      losses[step] = out.loss;
      learningRates[step] = lr;
      examplesSeen += size;
      if (options.onBatch !== undefined) {
        const logits = { rows: size, cols: model.numClasses, data: out.logits.slice() };
        options.onBatch({
          ids: Int32Array.from(batch.positions, (p) => ids[p]),
          positions: batch.positions,
          labels,
          logits,
          probabilities: softmaxRows(logits),
          embeddings:
            out.embedding === undefined
              ? undefined
              : { rows: size, cols: model.embeddingSize, data: out.embedding.slice() },
          epoch: batch.epoch,
          step,
          loss: out.loss,
          learningRate: lr,
        });
      }
      const done = step + 1;
      if (options.evaluation !== undefined && (done % options.evaluation.every === 0 || done === o.iterations)) {
        evaluate(done);
      }
      if (options.onProgress !== undefined && (done % o.progressEvery === 0 || done === o.iterations)) {
        const last = evaluations.at(-1);
        options.onProgress({
          phase: 'train',
          completed: done,
          total: o.iterations,
          info: {
            loss: out.loss,
            learningRate: lr,
            epoch: batch.epoch,
            ...(last === undefined ? {} : { accuracy: last.accuracy }),
          },
        });
      }
    }
  } finally {
    optimizer.dispose();
  }
  let best: EvaluationRecord | undefined;
  for (const e of evaluations) if (best === undefined || e.accuracy > best.accuracy) best = e;
  return {
    steps: o.iterations,
    epochs: examplesSeen / n,
    losses,
    learningRates,
    evaluations,
    finalAccuracy: evaluations.at(-1)?.accuracy,
    bestAccuracy: best?.accuracy,
    bestStep: best?.step,
    elapsedMs: performance.now() - started,
  };
}

/** Rescales weights to mean 1; rejects negative, non-finite or all-zero weights. */
function normalizeWeights(weights: ArrayLike<number> | undefined, n: number): Float64Array | undefined {
  if (weights === undefined) return undefined;
  if (weights.length !== n) {
    throw new CoresetError('SHAPE_MISMATCH', `weights has ${weights.length} entries for ${n} rows`, { argument: 'weights' });
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!Number.isFinite(w) || w < 0) {
      throw new CoresetError('INVALID_ARGUMENT', `weights[${i}] must be finite and ≥ 0, got ${w}`, { argument: 'weights' });
    }
    sum += w;
  }
  if (!(sum > 0)) throw new CoresetError('INVALID_ARGUMENT', 'weights must not all be zero', { argument: 'weights' });
  const scale = n / sum;
  return Float64Array.from({ length: n }, (_, i) => weights[i] * scale);
}

function resolveIds(ids: ArrayLike<number> | undefined, n: number): Int32Array {
  if (ids === undefined) return Int32Array.from({ length: n }, (_, i) => i);
  if (ids.length !== n) {
    throw new CoresetError('SHAPE_MISMATCH', `ids has ${ids.length} entries for ${n} rows`, { argument: 'ids' });
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(ids[i])) {
      throw new CoresetError('INVALID_ARGUMENT', `ids[${i}] must be an integer, got ${ids[i]}`, { argument: 'ids' });
    }
    out[i] = ids[i];
  }
  return out;
}
