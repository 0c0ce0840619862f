import { CoresetError, assertInteger, knn } from '@coresets/core';
import type { DistanceMetric, Matrix } from '@coresets/core';
import { accuracy } from './classification.js';

export interface KnnAccuracyOptions {
  readonly k?: number | undefined;
  readonly metric?: DistanceMetric | undefined;
}

export const DEFAULT_KNN_ACCURACY_OPTIONS = { k: 20, metric: 'cosine' as DistanceMetric } as const;

export interface KnnAccuracyResult {
  readonly accuracy: number;
  readonly predictions: Int32Array;
}

/**
 * k-nearest-neighbour classification accuracy of frozen features: each test row takes the
 * majority label of its k nearest training rows; a tie goes to the tied class whose member is
 * nearest (neighbour order, itself ties → lower index).
 */
export function knnAccuracy(
  trainFeatures: Matrix,
  trainLabels: ArrayLike<number>,
  testFeatures: Matrix,
  testLabels: ArrayLike<number>,
  options: KnnAccuracyOptions = {},
): KnnAccuracyResult {
  const k = options.k ?? DEFAULT_KNN_ACCURACY_OPTIONS.k;
  const metric = options.metric ?? DEFAULT_KNN_ACCURACY_OPTIONS.metric;
  assertInteger(k, 'k', 1, trainFeatures.rows);
  if (trainLabels.length !== trainFeatures.rows) {
    throw new CoresetError('SHAPE_MISMATCH', `${trainLabels.length} labels for ${trainFeatures.rows} training rows`, {
      argument: 'trainLabels',
    });
  }
  if (testLabels.length !== testFeatures.rows) {
    throw new CoresetError('SHAPE_MISMATCH', `${testLabels.length} labels for ${testFeatures.rows} test rows`, {
      argument: 'testLabels',
    });
  }
  const { indices } = knn(testFeatures, trainFeatures, k, { metric });
  const predictions = new Int32Array(testFeatures.rows);
  const votes = new Map<number, number>();
  for (let i = 0; i < testFeatures.rows; i++) {
    votes.clear();
    let bestVotes = 0;
    for (let r = 0; r < k; r++) {
      const label = trainLabels[indices[i * k + r]];
      const v = (votes.get(label) ?? 0) + 1;
      votes.set(label, v);
      if (v > bestVotes) bestVotes = v;
    }
    // Among classes with the top count, the one whose member comes first in neighbour order wins.
    let best = -1;
    for (let r = 0; r < k && best < 0; r++) {
      const label = trainLabels[indices[i * k + r]];
      if (votes.get(label) === bestVotes) best = label;
    }
    predictions[i] = best;
  }
  return { accuracy: accuracy(predictions, testLabels), predictions };
}
