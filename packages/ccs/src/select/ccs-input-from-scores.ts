import { CoresetError, type ScoreDirection } from '@coresets/core';
import { SCORE_NAMES, type Score, type ScoreName } from '../scores/score.js';
import type { CcsInput } from './select-ccs.js';

export interface CcsScoreChoice {
  /** Score whose range is stratified (default `aum`). */
  readonly strataScore?: ScoreName | undefined;
  /**
   * Score that decides the β cutoff: `same` (default, the paper) or a score name — `aum` is the
   * reference code's behaviour, which always cuts by AUM whatever the strata score.
   */
  readonly cutoffScore?: 'same' | ScoreName | undefined;
}

export interface CcsScoreSelection {
  readonly input: CcsInput;
  /** Spread into `selectCcs` options: the declared hard ends of the chosen scores. */
  readonly options: { readonly hard: ScoreDirection; readonly cutoffHard?: ScoreDirection };
}

/**
 * Picks the strata and cutoff scores out of the recorder's result (or any map of named scores)
 * with their declared hard ends, so callers never restate a direction:
 * `const c = ccsInputFromScores(scores); selectCcs(c.input, { ...c.options, rate: 0.9 })`.
 */
export function ccsInputFromScores(
  scores: Readonly<Partial<Record<ScoreName, Score | undefined>>>,
  choice: CcsScoreChoice = {},
): CcsScoreSelection {
  const strataName = choice.strataScore ?? 'aum';
  const cutoffName = choice.cutoffScore ?? 'same';
  const strata = pick(scores, strataName, 'strataScore');
  if (cutoffName === 'same' || cutoffName === strataName) {
    return { input: { scores: strata.values }, options: { hard: strata.hard } };
  }
  const cutoff = pick(scores, cutoffName, 'cutoffScore');
  return {
    input: { scores: strata.values, cutoffScores: cutoff.values },
    options: { hard: strata.hard, cutoffHard: cutoff.hard },
  };
}

function pick(
  scores: Readonly<Partial<Record<ScoreName, Score | undefined>>>,
  name: string,
  argument: string,
): Score {
  if (!(SCORE_NAMES as readonly string[]).includes(name)) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `${argument}: unknown score "${name}" (known: ${SCORE_NAMES.join(', ')})`,
      {
        argument,
      },
    );
  }
  const score = scores[name as ScoreName];
  if (score === undefined) {
    throw new CoresetError('MISSING_OPTION', `${argument}: score "${name}" is not available`, {
      argument,
    });
  }
  return score;
}
