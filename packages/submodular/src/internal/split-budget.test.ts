import { describe, expect, it } from 'vitest';
import { checkGroupBudgets, splitBudget } from './split-budget.js';

describe('splitBudget', () => {
  it('uses largest remainders, ties to the lower group, and sums to the budget', () => {
    expect(splitBudget(7, [10, 10, 10], true)).toEqual([3, 2, 2]);
    expect(splitBudget(10, [1, 2, 7], true)).toEqual([1, 2, 7]);
    expect(splitBudget(5, [3, 3], false)).toEqual([2.5, 2.5]);
  });

  it('validates explicit budgets', () => {
    expect(() => checkGroupBudgets([1, 2], 3, true)).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
    expect(() => checkGroupBudgets([1, 0.5], 2, true)).toThrow(
      expect.objectContaining({ argument: 'groupBudgets' }),
    );
    expect(checkGroupBudgets([1, 0.5], 2, false)).toEqual([1, 0.5]);
  });
});
