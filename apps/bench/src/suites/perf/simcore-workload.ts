import { Rng, type Matrix } from '@coresets/core';
import { selectSimCore } from '@coresets/simcore';
import { timeRepeated, type Timing } from './timing.js';

export interface SimCoreScaleResult {
  readonly openSetSize: number;
  readonly targetSize: number;
  readonly dim: number;
  readonly clusters: number;
  readonly budget: number;
  readonly ours: Timing & { readonly rounds: number; readonly selected: number };
}

/** Points around `centres` random unit directions (spread 0.5), row-major float32. */
function clusteredPoints(rng: Rng, rows: number, dim: number, centres: Float32Array, numCentres: number): Matrix<Float32Array> {
  const data = rng.fillNormal(new Float32Array(rows * dim), 0, 0.5);
  for (let i = 0; i < rows; i++) {
    const c = rng.int(numCentres);
    for (let k = 0; k < dim; k++) data[i * dim + k] += centres[c * dim + k];
  }
  return { rows, cols: dim, data };
}

/**
 * Issue #9's scale check: SimCore (k-means with 10 restarts on the target, similarities to the
 * centroids in blocks, round-robin greedy) on an open set of 60,000 × 128 embeddings with K = 100.
 * The open set mixes the target's 20 clusters with 80 others; no Python peer (the reference runs
 * inside a PyTorch training script), so the row reports our time only.
 */
export async function simcoreScale(openSetSize: number, dim: number, clusters: number, repeats: number): Promise<SimCoreScaleResult> {
  const rng = Rng.fromSeed(21);
  const centres = rng.fillNormal(new Float32Array(100 * dim));
  const targetSize = 5000;
  const target = clusteredPoints(rng, targetSize, dim, centres, 20);
  const openSet = clusteredPoints(rng, openSetSize, dim, centres, 100);
  const budget = Math.floor(openSetSize / 20);
  const { timing, last } = await timeRepeated(repeats, () => {
    const r = selectSimCore({ target, openSet }, { clusters, budget, seed: 0, kmeansEngine: 'tfjs' });
    return { rounds: (r.meta as { rounds: number }).rounds, selected: r.indices.length };
  });
  return { openSetSize, targetSize, dim, clusters, budget, ours: { ...timing, ...last } };
}
