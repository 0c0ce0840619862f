import { isCoresetError } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { makeScore } from '../scores/score.js';
import { ccsInputFromScores } from './ccs-input-from-scores.js';
import { selectCcs } from './select-ccs.js';

describe('ccsInputFromScores', () => {
  const aum = makeScore('aum', Float64Array.of(-5, 3, 0.5, 1, 2.5, -1, 4.2, 0, 3.5, 6));
  const forgetting = makeScore('forgetting', Float64Array.of(0, 0, 1, 2, 0, 5, 0, 1, 0, 3));

  it('uses the strata score for the cutoff by default (the paper)', () => {
    const c = ccsInputFromScores({ aum, forgetting }, { strataScore: 'forgetting' });
    expect(c.options).toEqual({ hard: 'high' });
    const r = selectCcs(c.input, { ...c.options, rate: 0.5, beta: 0.2, strata: 3 });
    expect(Array.from(r.meta.cutIndices as Int32Array)).toEqual([5, 9]);
  });

  it('cuts by AUM, low end, when asked for the reference behaviour', () => {
    const c = ccsInputFromScores(
      { aum, forgetting },
      { strataScore: 'forgetting', cutoffScore: 'aum' },
    );
    expect(c.options).toEqual({ hard: 'high', cutoffHard: 'low' });
    const r = selectCcs(c.input, { ...c.options, rate: 0.5, beta: 0.2, strata: 3 });
    expect(Array.from(r.meta.cutIndices as Int32Array)).toEqual([0, 5]);
  });

  it('names a missing or unknown score', () => {
    try {
      ccsInputFromScores({ aum }, { strataScore: 'el2n' });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'MISSING_OPTION') && e.argument).toBe('strataScore');
    }
    expect(() => ccsInputFromScores({ aum }, { cutoffScore: 'margin' as 'aum' })).toThrow(
      /unknown score "margin"/,
    );
  });
});
