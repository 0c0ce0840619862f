import { kmeans, normalizeRows, type KernelEngine, type Matrix } from '@coresets/core';

export interface TargetCentroids {
  readonly centroids: Matrix<Float64Array>;
  /** k-means inertia, or 0 when every target embedding is its own centroid. */
  readonly inertia: number;
}

/**
 * k-means on the unit-normalised target embeddings, centroids re-normalised. With K ≥ |X| every
 * target embedding is its own centroid (in target order).
 */
export function targetCentroids(
  target: Matrix<Float64Array>,
  clusters: number,
  options: { seed: number; nInit: number; maxIter: number; engine: KernelEngine; signal?: AbortSignal | undefined },
): TargetCentroids {
  if (clusters >= target.rows) return { centroids: target, inertia: 0 };
  const result = kmeans(target, {
    k: clusters,
    seed: options.seed,
    nInit: options.nInit,
    maxIter: options.maxIter,
    engine: options.engine,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { centroids: normalizeRows(result.centroids), inertia: result.inertia };
}
