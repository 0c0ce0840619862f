import { CoresetError } from '../errors/coreset-error.js';

/**
 * Pairwise measures. `sqeuclidean`, `euclidean`, `l1` and `cosine` (1 − cos) are distances (smaller =
 * closer); `dot` is a similarity (larger = closer). kNN and k-means treat each accordingly.
 */
export type DistanceMetric = 'sqeuclidean' | 'euclidean' | 'l1' | 'cosine' | 'dot';

export const DISTANCE_METRICS: readonly DistanceMetric[] = ['sqeuclidean', 'euclidean', 'l1', 'cosine', 'dot'];

export function assertMetric(metric: string, argument = 'metric'): asserts metric is DistanceMetric {
  if (!(DISTANCE_METRICS as readonly string[]).includes(metric)) {
    throw new CoresetError('INVALID_ARGUMENT', `${argument} must be one of ${DISTANCE_METRICS.join(', ')}, got "${metric}"`, {
      argument,
    });
  }
}

/** True when larger values mean closer (only `dot`). */
export function isSimilarity(metric: DistanceMetric): boolean {
  return metric === 'dot';
}
