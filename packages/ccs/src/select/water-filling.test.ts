import { isCoresetError } from '@coresets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waterFill } from './water-filling.js';

describe('waterFill', () => {
  it('matches the spec vectors', () => {
    expect(Array.from(waterFill([5, 100, 20, 0, 300], 100).budgets)).toEqual([5, 37, 20, 0, 38]);
    expect(Array.from(waterFill([1, 2, 50, 50], 7).budgets)).toEqual([1, 2, 2, 2]);
    expect(Array.from(waterFill([10, 10], 5).budgets)).toEqual([2, 3]);
  });

  it('reports an infeasible request as a shortfall', () => {
    const r = waterFill([3, 3, 3, 3], 13);
    expect(Array.from(r.budgets)).toEqual([3, 3, 3, 3]);
    expect(r.shortfall).toBe(1);
    expect(waterFill([5, 100, 20, 0, 300], 100).shortfall).toBe(0);
  });

  it('rejects bad sizes and budgets with the argument name', () => {
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return isCoresetError(e) ? `${e.code}:${e.argument}` : 'other';
      }
      return undefined;
    };
    expect(codeOf(() => waterFill([1, -1], 1))).toBe('INVALID_ARGUMENT:sizes');
    expect(codeOf(() => waterFill([1.5], 1))).toBe('INVALID_ARGUMENT:sizes');
    expect(codeOf(() => waterFill([], 0))).toBe('INVALID_ARGUMENT:sizes');
    expect(codeOf(() => waterFill([3], -1))).toBe('OUT_OF_RANGE:m');
  });

  it('sums to m when feasible, never exceeds a group, and is as even as possible', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 800 }),
        (sizes, m) => {
          const { budgets, shortfall } = waterFill(sizes, m);
          const total = sizes.reduce((a, b) => a + b, 0);
          const sum = budgets.reduce((a, b) => a + b, 0);
          expect(sum).toBe(Math.min(m, total));
          expect(shortfall).toBe(m - sum);
          for (let i = 0; i < sizes.length; i++) expect(budgets[i]).toBeLessThanOrEqual(sizes[i]);
          // Any group below the largest budget must be saturated, and unsaturated groups differ by ≤ 1.
          const maxB = Math.max(...budgets);
          const unsaturated = sizes
            .map((s, i) => (budgets[i] < s ? budgets[i] : undefined))
            .filter((b) => b !== undefined);
          for (let i = 0; i < sizes.length; i++) {
            if (budgets[i] < maxB - 1) expect(budgets[i]).toBe(sizes[i]);
          }
          if (unsaturated.length > 0)
            expect(Math.max(...unsaturated) - Math.min(...unsaturated)).toBeLessThanOrEqual(1);
        },
      ),
      { seed: 20230101, numRuns: 300 },
    );
  });
});
