import { describe, expect, it } from 'vitest';
import { SCORE_HARD_END, SCORE_NAMES, hardEnd, oppositeDirection } from './score.js';

describe('score directions', () => {
  it('declares the hard end of every score once', () => {
    expect(SCORE_HARD_END).toEqual({
      aum: 'low',
      forgetting: 'high',
      correctness: 'low',
      el2n: 'high',
      entropy: 'high',
      loss: 'high',
    });
    expect(SCORE_NAMES.map(hardEnd)).toEqual(SCORE_NAMES.map((n) => SCORE_HARD_END[n]));
    expect(oppositeDirection('high')).toBe('low');
  });

  it('rejects unknown score names', () => {
    expect(() => hardEnd('margin')).toThrow(/unknown score "margin"/);
  });
});
