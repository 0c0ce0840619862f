import { throwIfAborted } from '../errors/abort.js';
import { CoresetError } from '../errors/coreset-error.js';
import type { Matrix } from '../matrix/matrix.js';
import { assertMatrix } from '../matrix/validate.js';
import type { LongRunningOptions } from '../progress/progress.js';
import { Rng } from '../random/rng.js';
import { forEachDistanceBlock, type KernelEngine } from './pairwise.js';

export interface KMeansOptions extends LongRunningOptions {
  readonly k: number;
  /** Independent restarts; the lowest inertia wins (earliest restart on ties). */
  readonly nInit?: number;
  readonly maxIter?: number;
  /**
   * Convergence threshold on the total squared centroid shift, relative to the mean per-feature
   * variance of the data (scikit-learn's convention).
   */
  readonly tol?: number;
  readonly seed: number;
  /** Non-negative per-row weights (default 1). */
  readonly weights?: ArrayLike<number>;
  /** Seeding: k-means++ (default), k distinct random rows, or explicit k × d starting centroids. */
  readonly init?: 'k-means++' | 'random' | Matrix;
  /** Distance computations of the assignment step in JS (default) or with tfjs matMul. */
  readonly engine?: KernelEngine | undefined;
}

export const DEFAULT_KMEANS_OPTIONS = { nInit: 10, maxIter: 300, tol: 1e-4, init: 'k-means++' } as const;

export interface KMeansResult {
  readonly centroids: Matrix<Float64Array>;
  readonly labels: Int32Array;
  /** Weighted sum of squared distances to the assigned centroid. */
  readonly inertia: number;
  /** Lloyd iterations of the winning restart. */
  readonly iterations: number;
}

/**
 * Weighted k-means (Lloyd) with k-means++ seeding. Deterministic for a seed: restart r uses the
 * r-th split of the seed's stream. Empty clusters are re-seeded with the point farthest from its
 * centroid (lowest index on ties).
 */
export function kmeans(x: Matrix, options: KMeansOptions): KMeansResult {
  const { k, seed } = options;
  const nInit = options.nInit ?? DEFAULT_KMEANS_OPTIONS.nInit;
  const maxIter = options.maxIter ?? DEFAULT_KMEANS_OPTIONS.maxIter;
  const tol = options.tol ?? DEFAULT_KMEANS_OPTIONS.tol;
  const init = options.init ?? DEFAULT_KMEANS_OPTIONS.init;
  assertMatrix(x, 'x', { minRows: 1 });
  if (!Number.isInteger(k) || k < 1 || k > x.rows) {
    throw new CoresetError('OUT_OF_RANGE', `k must be an integer in [1, ${x.rows}], got ${k}`, { argument: 'k' });
  }
  if (!Number.isInteger(nInit) || nInit < 1) {
    throw new CoresetError('OUT_OF_RANGE', `nInit must be a positive integer, got ${nInit}`, { argument: 'nInit' });
  }
  if (!Number.isInteger(maxIter) || maxIter < 1) {
    throw new CoresetError('OUT_OF_RANGE', `maxIter must be a positive integer, got ${maxIter}`, { argument: 'maxIter' });
  }
  if (!(tol >= 0)) throw new CoresetError('OUT_OF_RANGE', `tol must be ≥ 0, got ${tol}`, { argument: 'tol' });
  const weights = resolveWeights(x.rows, options.weights);
  const threshold = tol * meanVariance(x);
  if (typeof init !== 'string') {
    assertMatrix(init, 'init', { rows: k, cols: x.cols });
    // Explicit centroids make restarts identical, so one run is the whole answer.
    return lloyd(x, Float64Array.from(init.data), weights, maxIter, threshold, options, options.engine ?? 'js');
  }
  const root = Rng.fromSeed(seed);
  let best: KMeansResult | undefined;
  for (let r = 0; r < nInit; r++) {
    throwIfAborted(options.signal);
    const rng = root.split();
    const centroids = init === 'k-means++' ? kmeansPlusPlus(x, k, weights, rng) : randomInit(x, k, weights, rng);
    const result = lloyd(x, centroids, weights, maxIter, threshold, options, options.engine ?? 'js');
    if (best === undefined || result.inertia < best.inertia) best = result;
    options.onProgress?.({ phase: 'kmeans', completed: r + 1, total: nInit, info: { inertia: best.inertia } });
  }
  return best!;
}

function resolveWeights(n: number, weights: ArrayLike<number> | undefined): Float64Array {
  const w = new Float64Array(n);
  if (weights === undefined) return w.fill(1);
  if (weights.length !== n) {
    throw new CoresetError('SHAPE_MISMATCH', `weights has ${weights.length} entries, x has ${n} rows`, {
      argument: 'weights',
    });
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = weights[i];
    if (!Number.isFinite(v) || v < 0) {
      throw new CoresetError('INVALID_ARGUMENT', `weights[${i}] must be finite and ≥ 0, got ${v}`, { argument: 'weights' });
    }
    w[i] = v;
    total += v;
  }
  if (!(total > 0)) throw new CoresetError('INVALID_ARGUMENT', 'weights must not all be zero', { argument: 'weights' });
  return w;
}

function meanVariance(x: Matrix): number {
  const { rows: n, cols: d, data } = x;
  let total = 0;
  for (let j = 0; j < d; j++) {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const v = data[i * d + j];
      s += v;
      s2 += v * v;
    }
    const mean = s / n;
    total += Math.max(0, s2 / n - mean * mean);
  }
  return d === 0 ? 0 : total / d;
}

function copyRow(x: Matrix, i: number, out: Float64Array, c: number): void {
  const d = x.cols;
  for (let j = 0; j < d; j++) out[c * d + j] = x.data[i * d + j];
}

function sqDist(x: Matrix, i: number, centroids: Float64Array, c: number): number {
  const d = x.cols;
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = x.data[i * d + j] - centroids[c * d + j];
    s += t * t;
  }
  return s;
}

/** k-means++ seeding: each next centre drawn with probability ∝ weight · D². */
function kmeansPlusPlus(x: Matrix, k: number, weights: Float64Array, rng: Rng): Float64Array {
  const n = x.rows;
  const centroids = new Float64Array(k * x.cols);
  copyRow(x, rng.weightedChoice(weights), centroids, 0);
  const closest = new Float64Array(n);
  for (let i = 0; i < n; i++) closest[i] = sqDist(x, i, centroids, 0);
  const scores = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      scores[i] = weights[i] * closest[i];
      total += scores[i];
    }
    // All remaining mass sits on existing centres (duplicates): fall back to weight-proportional draws.
    const pick = total > 0 ? rng.weightedChoice(scores) : rng.weightedChoice(weights);
    copyRow(x, pick, centroids, c);
    for (let i = 0; i < n; i++) {
      const dd = sqDist(x, i, centroids, c);
      if (dd < closest[i]) closest[i] = dd;
    }
  }
  return centroids;
}

function randomInit(x: Matrix, k: number, weights: Float64Array, rng: Rng): Float64Array {
  const positive: number[] = [];
  for (let i = 0; i < x.rows; i++) if (weights[i] > 0) positive.push(i);
  if (positive.length < k) {
    throw new CoresetError('INFEASIBLE', `only ${positive.length} rows have positive weight, k = ${k}`, { argument: 'k' });
  }
  const picks = rng.sampleWithoutReplacement(positive.length, k);
  const centroids = new Float64Array(k * x.cols);
  for (let c = 0; c < k; c++) copyRow(x, positive[picks[c]], centroids, c);
  return centroids;
}

function lloyd(
  x: Matrix,
  initial: Float64Array,
  weights: Float64Array,
  maxIter: number,
  threshold: number,
  options: LongRunningOptions,
  engine: KernelEngine,
): KMeansResult {
  const n = x.rows;
  const d = x.cols;
  const k = initial.length / d;
  let centroids = initial;
  const labels = new Int32Array(n);
  const best = new Float64Array(n);
  let iterations = 0;
  for (let it = 0; it < maxIter; it++) {
    throwIfAborted(options.signal);
    assign(x, centroids, k, labels, best, engine);
    const next = updateCentroids(x, labels, weights, k, centroids, best);
    iterations = it + 1;
    let shift = 0;
    for (let t = 0; t < next.length; t++) shift += (next[t] - centroids[t]) ** 2;
    centroids = next;
    if (shift <= threshold) break;
  }
  // Final assignment against the final centroids so labels and inertia agree with them.
  assign(x, centroids, k, labels, best, engine);
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += weights[i] * best[i];
  return { centroids: { rows: k, cols: d, data: centroids }, labels, inertia, iterations };
}

function assign(x: Matrix, centroids: Float64Array, k: number, labels: Int32Array, best: Float64Array, engine: KernelEngine): void {
  const c: Matrix<Float64Array> = { rows: k, cols: x.cols, data: centroids };
  forEachDistanceBlock(x, c, { metric: 'sqeuclidean', engine }, (start, block) => {
    for (let r = 0; r < block.rows; r++) {
      let arg = 0;
      let min = block.data[r * k];
      for (let j = 1; j < k; j++) {
        const v = block.data[r * k + j];
        if (v < min) {
          min = v;
          arg = j;
        }
      }
      labels[start + r] = arg;
      best[start + r] = min;
    }
  });
}

function updateCentroids(
  x: Matrix,
  labels: Int32Array,
  weights: Float64Array,
  k: number,
  previous: Float64Array,
  best: Float64Array,
): Float64Array {
  const d = x.cols;
  const sums = new Float64Array(k * d);
  const mass = new Float64Array(k);
  for (let i = 0; i < x.rows; i++) {
    const c = labels[i];
    const w = weights[i];
    if (w === 0) continue;
    mass[c] += w;
    for (let j = 0; j < d; j++) sums[c * d + j] += w * x.data[i * d + j];
  }
  const taken = new Set<number>();
  for (let c = 0; c < k; c++) {
    if (mass[c] > 0) {
      for (let j = 0; j < d; j++) sums[c * d + j] /= mass[c];
      continue;
    }
    // Empty cluster: move it onto the (positive-weight) point farthest from its centroid.
    let far = -1;
    for (let i = 0; i < x.rows; i++) {
      if (weights[i] > 0 && !taken.has(i) && (far < 0 || best[i] > best[far])) far = i;
    }
    if (far < 0) {
      for (let j = 0; j < d; j++) sums[c * d + j] = previous[c * d + j];
      continue;
    }
    taken.add(far);
    best[far] = 0;
    copyRow(x, far, sums, c);
  }
  return sums;
}
