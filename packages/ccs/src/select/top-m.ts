import {
  CoresetError,
  groupByLabel,
  perClassTopK,
  topK,
  type ScoreDirection,
} from '@coresets/core';
import { assertLabels, assertScores } from '../internal/validate.js';
import { waterFill } from './water-filling.js';

export interface TopMOptions {
  /** Class labels; needed for `balanced`. */
  readonly labels?: ArrayLike<number> | undefined;
  /**
   * Take the same number from every class as far as class sizes allow (water-filling over the
   * classes: small classes give all they have, the rest is shared evenly). Each class gets its
   * own count — never one class's count applied to all, a bug in the reference code.
   */
  readonly balanced?: boolean | undefined;
}

export interface TopMResult {
  /** Global: best first. Balanced: class by class in increasing class order, each best first. */
  readonly indices: Int32Array;
  /** Picks per class when balanced; undefined otherwise. */
  readonly classCounts: Int32Array | undefined;
}

/**
 * The one top-m routine of this package: the m examples at the `direction` end of `scores`,
 * globally or per class. Ties break toward the lower index (core's stable `topK`). Used by the
 * importance-only baseline and by the CCS cutoff, so both read a score's direction the same way.
 */
export function topM(
  scores: ArrayLike<number>,
  m: number,
  direction: ScoreDirection,
  options: TopMOptions = {},
): TopMResult {
  assertScores(scores, 'scores');
  const n = scores.length;
  if (!Number.isInteger(m) || m < 0 || m > n) {
    throw new CoresetError('OUT_OF_RANGE', `m must be an integer in [0, ${n}], got ${m}`, {
      argument: 'm',
    });
  }
  if (options.balanced !== true) {
    return { indices: topK(scores, m, direction), classCounts: undefined };
  }
  const numClasses = assertLabels(options.labels, 'labels', n);
  const labels = options.labels!;
  const groups = groupByLabel(labels, numClasses);
  const { budgets } = waterFill(
    groups.map((g) => g.length),
    m,
  );
  return { indices: perClassTopK(scores, labels, budgets, direction), classCounts: budgets };
}
