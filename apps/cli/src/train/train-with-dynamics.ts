import { createDynamicsRecorder, type DynamicsScores } from '@coresets/ccs';
import { toRng, type ProgressCallback, type Rng } from '@coresets/core';
import {
  createCnn,
  createMlp,
  predict,
  trainClassifier,
  type Classifier,
  type LabeledDataset,
} from '@coresets/eval';

export type ModelKind = 'mlp' | 'cnn';

export interface TrainWithDynamicsOptions {
  readonly model: ModelKind;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** MLP hidden widths (default: eval's). */
  readonly hidden?: readonly number[] | undefined;
  readonly seed: number | Rng;
  readonly onProgress?: ProgressCallback | undefined;
}

export interface DynamicsRun {
  readonly scores: DynamicsScores;
  readonly model: Classifier;
  readonly iterations: number;
  readonly trainMs: number;
}

/** Optimisation steps for `epochs` full passes: every row is seen exactly once per epoch. */
export function iterationsForEpochs(rows: number, batchSize: number, epochs: number): number {
  return epochs * Math.ceil(rows / batchSize);
}

/**
 * Trains a fresh classifier on `data` for whole epochs while ccs's recorder follows every batch
 * (AUM, forgetting, correctness, EL2N), then scores the final model on the clean training rows
 * (entropy, loss). The caller owns (and disposes) the returned model. The backend must be
 * initialised first.
 */
export function trainWithDynamics(
  data: LabeledDataset,
  options: TrainWithDynamicsOptions,
): DynamicsRun {
  const rng = toRng(options.seed);
  const n = data.x.rows;
  const model =
    options.model === 'cnn'
      ? createCnn({ inputShape: data.shape, numClasses: data.numClasses, seed: rng.split() })
      : createMlp({
          inputSize: data.x.cols,
          numClasses: data.numClasses,
          hidden: options.hidden,
          seed: rng.split(),
        });
  try {
    const recorder = createDynamicsRecorder({
      numExamples: n,
      numClasses: data.numClasses,
      numEpochs: options.epochs,
    });
    const iterations = iterationsForEpochs(n, options.batchSize, options.epochs);
    const started = performance.now();
    trainClassifier(model, data, {
      iterations,
      batchSize: options.batchSize,
      learningRate: options.learningRate,
      seed: rng.split(),
      onBatch: (record) =>
        recorder.onBatch({
          ids: record.ids,
          labels: record.labels,
          probs: record.probabilities.data,
          logits: record.logits.data,
          epoch: record.epoch,
        }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    const trainMs = performance.now() - started;
    const { logits } = predict(model, data.x);
    return { scores: recorder.finish({ finalLogits: logits.data }), model, iterations, trainMs };
  } catch (error) {
    model.dispose();
    throw error;
  }
}
