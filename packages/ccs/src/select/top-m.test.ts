import { isCoresetError } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { topM } from './top-m.js';

describe('topM', () => {
  it('takes the requested end globally, ties toward the lower index', () => {
    const scores = [3, 1, 3, 0, 2];
    expect(Array.from(topM(scores, 3, 'high').indices)).toEqual([0, 2, 4]);
    expect(Array.from(topM(scores, 2, 'low').indices)).toEqual([3, 1]);
    expect(topM(scores, 2, 'low').classCounts).toBeUndefined();
  });

  it('gives every class its own count when balanced', () => {
    // class sizes 2, 5, 5 and m = 9 → water-filled counts [2, 3, 4]
    const labels = [0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2];
    const scores = [5, 4, 10, 9, 8, 7, 6, 1, 2, 3, 4, 5];
    const r = topM(scores, 9, 'high', { labels, balanced: true });
    expect(Array.from(r.classCounts!)).toEqual([2, 3, 4]);
    expect(Array.from(r.indices)).toEqual([0, 1, 2, 3, 4, 11, 10, 9, 8]);
  });

  it('requires labels when balanced and checks m', () => {
    try {
      topM([1, 2], 1, 'high', { balanced: true });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'MISSING_OPTION') && e.argument).toBe('labels');
    }
    expect(() => topM([1, 2], 3, 'high')).toThrow(/m must be/);
    expect(() => topM([1, Number.NaN], 1, 'high')).toThrow(/scores\[1\]/);
  });
});
