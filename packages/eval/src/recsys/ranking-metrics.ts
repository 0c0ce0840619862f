import { CoresetError, type Rng } from '@coresets/core';

export interface RankingMetrics {
  /** Share of samples whose target ranks within the top K. */
  readonly hitRate: number;
  /** Mean of 1 / log2(rank + 1) over samples whose target ranks within the top K (0 otherwise). */
  readonly ndcg: number;
}

/**
 * 1-based rank of `target` among `candidates` by decreasing score; ties rank the lower item id
 * first, so the result does not depend on candidate order.
 */
export function rankOf(scores: ArrayLike<number>, target: number, candidates?: ArrayLike<number>): number {
  const s = scores[target];
  if (Number.isNaN(s)) throw new CoresetError('NON_FINITE', `score of item ${target} is NaN`, { argument: 'scores' });
  let rank = 1;
  const n = candidates === undefined ? scores.length : candidates.length;
  for (let c = 0; c < n; c++) {
    const item = candidates === undefined ? c : candidates[c];
    if (item === target) continue;
    const v = scores[item];
    if (v > s || (v === s && item < target)) rank++;
  }
  return rank;
}

/** HR@K and NDCG@K from 1-based ranks. */
export function rankingMetrics(ranks: ArrayLike<number>, k: number): RankingMetrics {
  if (!Number.isInteger(k) || k < 1) throw new CoresetError('OUT_OF_RANGE', `k must be a positive integer, got ${k}`, { argument: 'k' });
  let hits = 0;
  let ndcg = 0;
  for (let i = 0; i < ranks.length; i++) {
    if (ranks[i] <= k) {
      hits++;
      ndcg += 1 / Math.log2(ranks[i] + 1);
    }
  }
  const n = Math.max(1, ranks.length);
  return { hitRate: hits / n, ndcg: ndcg / n };
}

/** `count` distinct negative items ≠ target, drawn uniformly (the "1 + 99 sampled" protocol). */
export function sampleNegatives(rng: Rng, numItems: number, target: number, count: number): Int32Array {
  if (count > numItems - 1) throw new CoresetError('OUT_OF_RANGE', `cannot sample ${count} negatives from ${numItems - 1} items`, { argument: 'count' });
  const picks = rng.sampleWithoutReplacement(numItems - 1, count);
  // Map [0, numItems − 1) onto the items other than the target.
  return picks.map((p) => (p >= target ? p + 1 : p));
}
