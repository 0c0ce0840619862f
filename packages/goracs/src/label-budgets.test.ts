import { describe, expect, it } from 'vitest';
import { labelBudgets, roundHalfEven } from './label-budgets.js';

describe('labelBudgets', () => {
  it('rounds half to even for binary labels (spec: n = 5 → n₁ = 2, n = 7 → n₁ = 4)', () => {
    const half = [0, 1, 0, 1];
    expect(Array.from(labelBudgets(half, 2, 5))).toEqual([3, 2]);
    expect(Array.from(labelBudgets(half, 2, 7))).toEqual([3, 4]);
    expect(Array.from(labelBudgets([1, 1, 1, 0], 2, 10))).toEqual([2, 8]);
  });

  it('uses largest remainders with ties to the lower class for more classes', () => {
    expect(Array.from(labelBudgets([0, 1, 2], 3, 4))).toEqual([2, 1, 1]);
    expect(Array.from(labelBudgets([0, 0, 1, 2, 2, 2], 3, 5))).toEqual([2, 1, 2]);
    expect(Array.from(labelBudgets([2, 2], 4, 3))).toEqual([0, 0, 3, 0]);
  });

  it('roundHalfEven matches Python round', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4999, 2.5001, 7].map(roundHalfEven)).toEqual([
      0, 2, 2, 4, 2, 3, 7,
    ]);
  });
});
