import type { Matrix, Rng } from '@coresets/core';

/** A weighted subset of the rows handed to a summariser: unique ascending row ids, weights > 0. */
export interface VectorSummary {
  readonly indices: Int32Array;
  readonly weights: Float64Array;
}

/** The vector-summarisation methods the AutoCoreset loop can use. */
export const SUMMARIZER_NAMES = ['caratheodory', 'importance', 'best-of-k', 'uniform'] as const;
export type SummarizerName = (typeof SUMMARIZER_NAMES)[number];

/**
 * Summarises the rows of `points` (one loss vector per row) by at most `budget` weighted rows
 * whose weighted sum approximates (or, for Caratheodory, equals) the plain sum of all rows.
 */
export type VectorSummarizer = (
  points: Matrix<Float64Array>,
  budget: number,
  rng: Rng,
) => VectorSummary;

/** Folds draws with replacement into unique ascending ids with their counts. */
export function countDraws(draws: Int32Array): { ids: Int32Array; counts: Float64Array } {
  const sorted = Int32Array.from(draws).sort();
  const ids: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < sorted.length; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) counts[counts.length - 1]++;
    else {
      ids.push(sorted[k]);
      counts.push(1);
    }
  }
  return { ids: Int32Array.from(ids), counts: Float64Array.from(counts) };
}
