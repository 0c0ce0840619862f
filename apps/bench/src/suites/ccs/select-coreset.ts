import { CoresetError } from '@coresets/core';
import {
  SCORE_HARD_END,
  recommendedBeta,
  selectCcs,
  selectRandom,
  selectTopK,
} from '@coresets/ccs';
import type { CcsMethod } from './ccs-profile.js';
import { percent } from './ccs-profile.js';

/**
 * The per-example scores of the score run as stored in results.json. Selection always reads these
 * stored (rounded) values, in the first run and in a resumed one alike, so both pick the same subsets.
 */
export interface StoredScores {
  readonly aum: readonly number[];
  readonly forgetting: readonly number[];
  readonly el2n: readonly number[];
  readonly entropy: readonly number[];
  /** Moderate's picks per rate (it needs the embeddings, which are not stored). */
  readonly moderate: Readonly<Record<string, readonly number[]>>;
}

/** Selection seed of a training seed; kept apart from the model and batch seeds. */
export function selectionSeed(seed: number): number {
  return 1000 + seed;
}

/** Pool indices of the coreset of `method` at pruning rate `rate` (increasing order not guaranteed). */
export function selectCoreset(
  method: CcsMethod,
  rate: number,
  seed: number,
  scores: StoredScores,
  strata: number,
): Int32Array {
  const n = scores.aum.length;
  const s = selectionSeed(seed);
  switch (method) {
    case 'random':
      return selectRandom({ n }, { rate, seed: s }).indices;
    case 'entropy':
    case 'forgetting':
    case 'el2n':
    case 'aum':
      // Hardest first: keep the declared hard end of the score.
      return selectTopK(
        { scores: Float64Array.from(scores[method]) },
        { keep: SCORE_HARD_END[method], rate },
      ).indices;
    case 'moderate': {
      const picks = scores.moderate[percent(rate)];
      if (picks === undefined) {
        throw new CoresetError(
          'MISSING_OPTION',
          `no Moderate selection stored for rate ${percent(rate)}`,
          { argument: 'rate' },
        );
      }
      return Int32Array.from(picks);
    }
    case 'ccs':
      return selectCcs(
        { scores: Float64Array.from(scores.aum) },
        { hard: SCORE_HARD_END.aum, rate, strata, seed: s },
      ).indices;
    case 'ccs-strata-only':
      return selectCcs(
        { scores: Float64Array.from(scores.aum) },
        { hard: SCORE_HARD_END.aum, rate, strata, beta: 0, seed: s },
      ).indices;
    case 'ccs-cutoff-only':
      return selectCcs(
        { scores: Float64Array.from(scores.aum) },
        { hard: SCORE_HARD_END.aum, rate, strata: 1, beta: recommendedBeta(rate), seed: s },
      ).indices;
  }
}

/** Methods whose subset does not depend on the seed (one AUC_pr per rate is enough). */
export function isDeterministic(method: CcsMethod): boolean {
  return (
    method === 'entropy' ||
    method === 'forgetting' ||
    method === 'el2n' ||
    method === 'aum' ||
    method === 'moderate'
  );
}

/** A value rounded to 7 significant digits, so results.json stays small and the stored value is what selection reads. */
export function roundStored(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(7));
}
