import { CoresetError, type ScoreDirection } from '@coresets/core';

/** The training-dynamics and final-model scores this package computes. */
export type ScoreName = 'aum' | 'forgetting' | 'correctness' | 'el2n' | 'entropy' | 'loss';

/**
 * Which end of each score is "hard". Declared once here and read everywhere else, so that no two
 * code paths can sort the same score in opposite directions (a bug seen in peer libraries).
 */
export const SCORE_HARD_END: Readonly<Record<ScoreName, ScoreDirection>> = Object.freeze({
  aum: 'low',
  forgetting: 'high',
  correctness: 'low',
  el2n: 'high',
  entropy: 'high',
  loss: 'high',
});

/** One value per training example (indexed by example id) with its declared hard end. */
export interface Score {
  readonly name: ScoreName;
  readonly values: Float64Array;
  readonly hard: ScoreDirection;
}

export const SCORE_NAMES: readonly ScoreName[] = Object.freeze([
  'aum',
  'forgetting',
  'correctness',
  'el2n',
  'entropy',
  'loss',
]);

/** The hard end of a score given by name (for CLI strings); throws on an unknown name. */
export function hardEnd(name: string): ScoreDirection {
  if (!(SCORE_NAMES as readonly string[]).includes(name)) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `unknown score "${name}" (known: ${SCORE_NAMES.join(', ')})`,
      {
        argument: 'score',
      },
    );
  }
  return SCORE_HARD_END[name as ScoreName];
}

/** The opposite end: the direction that keeps the easiest examples first. */
export function oppositeDirection(direction: ScoreDirection): ScoreDirection {
  return direction === 'high' ? 'low' : 'high';
}

export function makeScore(name: ScoreName, values: Float64Array): Score {
  return { name, values, hard: SCORE_HARD_END[name] };
}
