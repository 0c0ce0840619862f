import { isCoresetError } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { SCORE_HARD_END } from '../scores/score.js';
import { selectTopK } from './select-top-k.js';

describe('selectTopK', () => {
  const scores = [0.5, -2, 3, 3, 1, -2];

  it('keeps the requested end, best first, ties toward the lower index', () => {
    const high = selectTopK({ scores }, { keep: 'high', budget: 3 });
    expect(Array.from(high.indices)).toEqual([2, 3, 4]);
    expect(Array.from(high.scores!)).toEqual([3, 3, 1]);
    // rate 0.5 → keep 3; AUM's hard end is low
    const low = selectTopK({ scores }, { keep: SCORE_HARD_END.aum, rate: 0.5 });
    expect(Array.from(low.indices)).toEqual([1, 5, 0]);
  });

  it('keeps per-class counts when balanced', () => {
    const labels = [0, 0, 0, 1, 1, 1];
    const r = selectTopK({ scores, labels }, { keep: 'high', budget: 4, balanced: true });
    expect(r.meta.classCounts).toEqual([2, 2]);
    expect(Array.from(r.indices)).toEqual([2, 0, 3, 4]);
  });

  it('needs labels for balanced and a keep direction', () => {
    try {
      selectTopK({ scores }, { keep: 'high', budget: 2, balanced: true });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'MISSING_OPTION') && e.argument).toBe('labels');
    }
    try {
      selectTopK({ scores }, { keep: 'up' as 'high', budget: 2 });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'INVALID_ARGUMENT') && e.argument).toBe('keep');
    }
  });
});
