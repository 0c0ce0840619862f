import { CoresetError, toRng } from '@coresets/core';
import type { Rng } from '@coresets/core';
import type { LabeledDataset } from '../data/dataset.js';
import { subsetDataset } from '../data/dataset.js';
import type { ClassificationReport } from '../metrics/classification.js';
import { evaluateClassifier } from '../metrics/evaluate-classifier.js';
import type { Classifier } from '../models/classifier.js';
import type { TrainOptions, TrainResult } from './train-classifier.js';
import { trainClassifier } from './train-classifier.js';

/** The part of a selection result the harness needs (core's `SelectionResult` fits). */
export interface CoresetSelection {
  readonly indices: ArrayLike<number>;
  readonly weights?: ArrayLike<number> | undefined;
}

export interface TrainOnCoresetOptions extends Omit<TrainOptions, 'weights' | 'ids' | 'seed'> {
  /** Held-out data for the final report (and for periodic evaluation when `evaluateEvery` is set). */
  readonly test: LabeledDataset;
  readonly evaluateEvery?: number | undefined;
  /** Use the selection's weights in the loss (default true when it has weights). */
  readonly useWeights?: boolean | undefined;
  /** Seeds model initialisation (first split) and training (second split). */
  readonly seed: number | Rng;
}

export interface TrainOnCoresetResult {
  readonly size: number;
  readonly train: TrainResult;
  /** Test metrics of the final model (the primary number). */
  readonly test: ClassificationReport;
}

/**
 * The "select → train → evaluate" step every method is judged by: a fresh model from
 * `createModel` is trained on the selected rows of `pool` (with their weights, ids = pool row
 * indices for the batch hook) and evaluated on `test`. The model is disposed afterwards.
 */
export function trainOnCoreset(
  createModel: (rng: Rng) => Classifier,
  pool: LabeledDataset,
  selection: CoresetSelection,
  options: TrainOnCoresetOptions,
): TrainOnCoresetResult {
  const { test, evaluateEvery, useWeights, seed, ...trainOptions } = options;
  if (selection.indices.length === 0) {
    throw new CoresetError('INVALID_ARGUMENT', 'the selection is empty', { argument: 'selection' });
  }
  if (selection.weights !== undefined && selection.weights.length !== selection.indices.length) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `selection has ${selection.indices.length} indices but ${selection.weights.length} weights`,
      { argument: 'selection' },
    );
  }
  const rng = toRng(seed);
  const subset = subsetDataset(pool, selection.indices);
  const model = createModel(rng.split());
  try {
    const train = trainClassifier(model, subset, {
      ...trainOptions,
      seed: rng.split(),
      ids: selection.indices,
      weights: useWeights === false ? undefined : selection.weights,
      evaluation: evaluateEvery === undefined ? undefined : { data: test, every: evaluateEvery },
    });
    return { size: subset.x.rows, train, test: evaluateClassifier(model, test) };
  } finally {
    model.dispose();
  }
}
