import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveBudget } from './budget.js';
import { countClasses, groupByLabel, perClassTopK, rankIndices, topK } from './top-k.js';

describe('topK', () => {
  it('breaks ties toward the lower index in both directions', () => {
    const scores = [3, 1, 3, 2, 1];
    expect(Array.from(topK(scores, 3, 'high'))).toEqual([0, 2, 3]);
    expect(Array.from(topK(scores, 3, 'low'))).toEqual([1, 4, 3]);
    expect(Array.from(rankIndices(scores, 'high'))).toEqual([0, 2, 3, 1, 4]);
  });

  it('equals a stable sort for random scores with ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 }), fc.boolean(), (scores, high) => {
        const dir = high ? 'high' : 'low';
        const expected = scores
          .map((s, i) => [s, i] as const)
          .sort((a, b) => (high ? b[0] - a[0] : a[0] - b[0]) || a[1] - b[1])
          .map(([, i]) => i);
        expect(Array.from(rankIndices(scores, dir))).toEqual(expected);
      }),
      { seed: 1, numRuns: 100 },
    );
  });

  it('rejects NaN and bad k', () => {
    expect(() => topK([1, Number.NaN], 1, 'high')).toThrow('scores[1] is NaN');
    expect(() => topK([1, 2], 3, 'high')).toThrow(/k must be an integer in \[0, 2\]/);
  });
});

describe('perClassTopK', () => {
  it('takes the requested count from each class, class by class', () => {
    const scores = [5, 1, 4, 2, 3, 6];
    const labels = [0, 1, 0, 1, 0, 1];
    expect(Array.from(perClassTopK(scores, labels, [2, 1], 'high'))).toEqual([0, 2, 5]);
    expect(Array.from(perClassTopK(scores, labels, [1, 2], 'low'))).toEqual([4, 1, 3]);
    expect(() => perClassTopK(scores, labels, [4, 0], 'high')).toThrow(/class 0 has 3 rows, cannot keep 4/);
  });

  it('groups and counts labels with validation', () => {
    expect(groupByLabel([1, 0, 1], 2)).toEqual([[1], [0, 2]]);
    expect(countClasses([2, 0, 1, 2])).toBe(3);
    expect(() => groupByLabel([0, 2], 2)).toThrow(/labels\[1\] = 2/);
  });
});

describe('resolveBudget', () => {
  it('converts a pruning rate to a kept count', () => {
    expect(resolveBudget(1000, { rate: 0.9 })).toBe(100);
    expect(resolveBudget(10, { rate: 0.99 })).toBe(1);
    expect(resolveBudget(10, { budget: 4 })).toBe(4);
  });

  it('rejects both / neither / out of range', () => {
    expect(() => resolveBudget(10, {})).toThrow(/exactly one of budget or rate/);
    expect(() => resolveBudget(10, { budget: 2, rate: 0.5 })).toThrow(/exactly one/);
    expect(() => resolveBudget(10, { budget: 11 })).toThrow(/budget must be an integer in \[1, 10\]/);
    expect(() => resolveBudget(10, { rate: 1 })).toThrow(/rate must be in \(0, 1\)/);
  });
});
