import {
  assertMatrix,
  CoresetError,
  forEachDistanceBlock,
  throwIfAborted,
  toRng,
  type ProgressCallback,
  type Matrix,
  type Rng,
  type SelectionResult,
} from '@coresets/core';
import { checkSet } from './internal/check-set.js';

export interface KCenterGreedyOptions {
  readonly onProgress?: ProgressCallback | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Number of new centres to pick (already-selected ones do not count). */
  readonly budget: number;
  /** Distance between rows; default euclidean. */
  readonly metric?: 'euclidean' | 'sqeuclidean' | 'l1' | 'cosine' | undefined;
  /** Centres already chosen; picks start from their coverage. */
  readonly initial?: Int32Array | undefined;
  /** Seed or generator drawing the first centre when `initial` is empty (required then). */
  readonly seed?: Rng | number | undefined;
}

export const DEFAULT_K_CENTER_GREEDY_OPTIONS = { metric: 'euclidean' } as const;

/**
 * k-center greedy (Gonzalez; the "coreset" baseline of Sener & Savarese): repeatedly pick the
 * point farthest from its nearest centre. Keeps one O(n) running-minimum vector — never a k × n
 * distance matrix. `indices` are in pick order; `scores[t]` is pick t's distance to its nearest
 * earlier centre at the time it was picked (Infinity for a random first centre).
 * `meta.radius` is the final covering radius. Ties → lower index.
 */
export function kCenterGreedy(features: Matrix, options: KCenterGreedyOptions): SelectionResult {
  const started = performance.now();
  assertMatrix(features, 'features');
  const n = features.rows;
  const known = new Set(['budget', 'metric', 'initial', 'seed', 'onProgress', 'signal']);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) {
      throw new CoresetError('UNKNOWN_OPTION', `unknown k-center option "${key}"`, {
        argument: key,
      });
    }
  }
  const initial = options.initial ?? new Int32Array(0);
  checkSet(initial, n, 'initial');
  const budget = options.budget;
  if (!Number.isInteger(budget) || budget < 0) {
    throw new CoresetError('OUT_OF_RANGE', `budget must be an integer ≥ 0, got ${budget}`, {
      argument: 'budget',
    });
  }
  const metric = options.metric ?? DEFAULT_K_CENTER_GREEDY_OPTIONS.metric;
  const k = Math.min(budget, n - initial.length);
  const minDist = new Float64Array(n).fill(Infinity);
  const chosen = new Uint8Array(n);
  const picks = new Int32Array(k);
  const scores = new Float64Array(k);
  const absorb = (centre: number): void => {
    const row = {
      rows: 1,
      cols: features.cols,
      data: features.data.subarray(centre * features.cols, (centre + 1) * features.cols),
    };
    forEachDistanceBlock(features, row, { metric }, (start, block) => {
      for (let r = 0; r < block.rows; r++) {
        const v = block.data[r];
        if (v < minDist[start + r]) minDist[start + r] = v;
      }
    });
    chosen[centre] = 1;
    minDist[centre] = 0;
  };
  for (const c of initial) absorb(c);
  let t = 0;
  if (initial.length === 0 && k > 0) {
    if (options.seed === undefined) {
      throw new CoresetError(
        'MISSING_OPTION',
        'k-center greedy needs a seed (or initial centres) for its first pick',
        {
          argument: 'seed',
        },
      );
    }
    const first = toRng(options.seed).int(n);
    picks[t] = first;
    scores[t++] = Infinity;
    absorb(first);
  }
  for (; t < k; t++) {
    throwIfAborted(options.signal);
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (chosen[i] === 0 && (best === -1 || minDist[i] > minDist[best])) best = i;
    }
    picks[t] = best;
    scores[t] = minDist[best];
    absorb(best);
    options.onProgress?.({
      phase: 'select',
      completed: t + 1,
      total: k,
      info: { distance: scores[t] },
    });
  }
  let radius = 0;
  for (let i = 0; i < n; i++) if (minDist[i] > radius) radius = minDist[i];
  const selectMs = performance.now() - started;
  return {
    indices: picks,
    scores,
    meta: {
      method: 'k-center-greedy',
      metric,
      radius: initial.length + k === 0 ? Infinity : radius,
      scoreDirection: 'higher = farther from earlier centres',
      timings: { featureMs: 0, selectMs },
    },
  };
}
