import { CoresetError } from '../errors/coreset-error.js';

/** Which end of a score to take: `high` keeps the largest values, `low` the smallest. */
export type ScoreDirection = 'high' | 'low';

/**
 * Indices of the k best scores, best first. Ties break toward the lower index, so the result is
 * a pure function of the scores. NaN scores are rejected.
 */
export function topK(scores: ArrayLike<number>, k: number, direction: ScoreDirection): Int32Array {
  const n = scores.length;
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new CoresetError('OUT_OF_RANGE', `k must be an integer in [0, ${n}], got ${k}`, { argument: 'k' });
  }
  const order = rankIndices(scores, direction);
  return order.slice(0, k);
}

/** All indices sorted best first (stable: ties by lower index). */
export function rankIndices(scores: ArrayLike<number>, direction: ScoreDirection): Int32Array {
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(scores[i])) {
      throw new CoresetError('NON_FINITE', `scores[${i}] is NaN`, { argument: 'scores' });
    }
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const sign = direction === 'high' ? -1 : 1;
  order.sort((a, b) => sign * (scores[a] - scores[b]) || a - b);
  return order;
}

/**
 * Top-k inside each class with the given per-class counts (`counts[c]` from class c), returned
 * class by class in increasing class order, each class best first.
 */
export function perClassTopK(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  counts: ArrayLike<number>,
  direction: ScoreDirection,
): Int32Array {
  if (labels.length !== scores.length) {
    throw new CoresetError('SHAPE_MISMATCH', `labels has ${labels.length} entries, scores has ${scores.length}`, {
      argument: 'labels',
    });
  }
  const groups = groupByLabel(labels, counts.length);
  const out: number[] = [];
  for (let c = 0; c < counts.length; c++) {
    const members = groups[c];
    const want = counts[c];
    if (!Number.isInteger(want) || want < 0 || want > members.length) {
      throw new CoresetError('OUT_OF_RANGE', `class ${c} has ${members.length} rows, cannot keep ${want}`, {
        argument: 'counts',
      });
    }
    const sub = members.map((i) => scores[i]);
    const order = topK(sub, want, direction);
    for (const j of order) out.push(members[j]);
  }
  return Int32Array.from(out);
}

/** Row indices of each class 0..numClasses-1, ascending. Labels must be integers in range. */
export function groupByLabel(labels: ArrayLike<number>, numClasses: number): number[][] {
  const groups: number[][] = Array.from({ length: numClasses }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 0 || c >= numClasses) {
      throw new CoresetError('OUT_OF_RANGE', `labels[${i}] = ${c} is not a class in [0, ${numClasses})`, {
        argument: 'labels',
      });
    }
    groups[c].push(i);
  }
  return groups;
}

/** Number of distinct classes assuming labels are 0..C-1 (max + 1). */
export function countClasses(labels: ArrayLike<number>): number {
  let max = -1;
  for (let i = 0; i < labels.length; i++) if (labels[i] > max) max = labels[i];
  return max + 1;
}
