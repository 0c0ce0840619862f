import { CoresetError } from '../errors/coreset-error.js';
import type { Matrix } from '../matrix/matrix.js';
import { isSimilarity, type DistanceMetric } from './metric.js';
import { forEachDistanceBlock, type KernelEngine } from './pairwise.js';

export interface KnnOptions {
  readonly metric?: DistanceMetric;
  /** When query and reference are the same set, skip each row's own index. */
  readonly excludeSelf?: boolean;
  readonly maxBlockBytes?: number;
  /** Dot products in JS (default) or with tfjs matMul; see `KernelEngine`. */
  readonly engine?: KernelEngine | undefined;
}

export interface KnnResult {
  /** Row-major n × k neighbour indices, nearest first. */
  readonly indices: Int32Array;
  /** Row-major n × k values of the metric (distances; for `dot`, similarities). */
  readonly distances: Float64Array;
  readonly k: number;
}

/**
 * Exact k nearest neighbours of each query row among the reference rows (reference defaults to
 * the query set). Ties break toward the lower reference index. Memory is O(n·k) plus one block of
 * distances.
 */
export function knn(query: Matrix, reference: Matrix | undefined, k: number, options: KnnOptions = {}): KnnResult {
  const ref = reference ?? query;
  const excludeSelf = options.excludeSelf ?? false;
  if (excludeSelf && reference !== undefined && reference !== query) {
    throw new CoresetError('INVALID_ARGUMENT', 'excludeSelf needs the reference to be the query set itself', {
      argument: 'excludeSelf',
    });
  }
  const available = ref.rows - (excludeSelf ? 1 : 0);
  if (!Number.isInteger(k) || k < 1 || k > available) {
    throw new CoresetError('OUT_OF_RANGE', `k must be an integer in [1, ${available}], got ${k}`, { argument: 'k' });
  }
  const metric = options.metric ?? 'sqeuclidean';
  // Distances are compared as "smaller is closer"; similarities are negated for that.
  const sign = isSimilarity(metric) ? -1 : 1;
  const n = query.rows;
  const indices = new Int32Array(n * k);
  const distances = new Float64Array(n * k);
  const heapIdx = new Int32Array(k);
  const heapKey = new Float64Array(k);

  forEachDistanceBlock(query, reference, { metric, maxBlockBytes: options.maxBlockBytes, engine: options.engine }, (start, block) => {
    const m = block.cols;
    for (let r = 0; r < block.rows; r++) {
      const i = start + r;
      let size = 0;
      for (let j = 0; j < m; j++) {
        if (excludeSelf && j === i) continue;
        const key = sign * block.data[r * m + j];
        if (size < k) {
          heapPush(heapKey, heapIdx, size++, key, j);
        } else if (worse(heapKey[0], heapIdx[0], key, j)) {
          heapReplaceTop(heapKey, heapIdx, k, key, j);
        }
      }
      // Pop the max-heap from the back so the output is sorted nearest first.
      for (let t = k - 1; t >= 0; t--) {
        indices[i * k + t] = heapIdx[0];
        distances[i * k + t] = sign * heapKey[0];
        heapReplaceTop(heapKey, heapIdx, t, heapKey[t], heapIdx[t]);
      }
    }
  });
  return { indices, distances, k };
}

/** True when (keyA, idxA) ranks after (keyB, idxB): farther, or equally far with a higher index. */
function worse(keyA: number, idxA: number, keyB: number, idxB: number): boolean {
  return keyA > keyB || (keyA === keyB && idxA > idxB);
}

// A max-heap on (key, index) holding the k best candidates seen so far; its top is the worst kept.
function heapPush(keys: Float64Array, idx: Int32Array, size: number, key: number, index: number): void {
  let c = size;
  keys[c] = key;
  idx[c] = index;
  while (c > 0) {
    const p = (c - 1) >> 1;
    if (!worse(keys[c], idx[c], keys[p], idx[p])) break;
    swap(keys, idx, c, p);
    c = p;
  }
}

function heapReplaceTop(keys: Float64Array, idx: Int32Array, size: number, key: number, index: number): void {
  keys[0] = key;
  idx[0] = index;
  let p = 0;
  for (;;) {
    const l = 2 * p + 1;
    const r = l + 1;
    let largest = p;
    if (l < size && worse(keys[l], idx[l], keys[largest], idx[largest])) largest = l;
    if (r < size && worse(keys[r], idx[r], keys[largest], idx[largest])) largest = r;
    if (largest === p) return;
    swap(keys, idx, p, largest);
    p = largest;
  }
}

function swap(keys: Float64Array, idx: Int32Array, a: number, b: number): void {
  const tk = keys[a];
  keys[a] = keys[b];
  keys[b] = tk;
  const ti = idx[a];
  idx[a] = idx[b];
  idx[b] = ti;
}
