import { isCoresetError } from '@coresets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceBudgets } from './source-budgets.js';

const FC = { seed: 20261127, numRuns: 200 } as const;

describe('sourceBudgets', () => {
  it('matches colm.md §6: floor then one each to the smallest k (ties → lower id)', () => {
    expect(Array.from(sourceBudgets([40, 30, 20, 3], 10))).toEqual([4, 3, 2, 1]);
    expect(Array.from(sourceBudgets([50, 25, 25], 10))).toEqual([5, 3, 2]);
  });

  it('gives every source its whole size when r = n, and nothing when r = 0', () => {
    expect(Array.from(sourceBudgets([3, 0, 5], 8))).toEqual([3, 0, 5]);
    expect(Array.from(sourceBudgets([3, 0, 5], 0))).toEqual([0, 0, 0]);
    // An empty source never receives deficit units.
    expect(Array.from(sourceBudgets([2, 2, 0], 3))).toEqual([2, 1, 0]);
  });

  it('balanced splits as evenly as the sizes allow', () => {
    expect(Array.from(sourceBudgets([40, 30, 20, 3], 10, 'balanced'))).toEqual([3, 3, 2, 2]);
    expect(Array.from(sourceBudgets([1, 9], 6, 'balanced'))).toEqual([1, 5]);
  });

  it('properties: Σk = r, 0 ≤ k_q ≤ n_q, proportional k_q within 1 above ⌊n_q r / n⌋', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('proportional' as const, 'balanced' as const),
        (sizes, frac, rule) => {
          const n = sizes.reduce((a, b) => a + b, 0);
          const r = Math.floor(frac * n);
          const k = sourceBudgets(sizes, r, rule);
          expect(k.reduce((a, b) => a + b, 0)).toBe(r);
          sizes.forEach((s, q) => {
            expect(k[q]).toBeGreaterThanOrEqual(0);
            expect(k[q]).toBeLessThanOrEqual(s);
            if (rule === 'proportional' && r < n) {
              const floor = Math.floor((s * r) / n);
              expect(k[q] - floor).toBeGreaterThanOrEqual(0);
              expect(k[q] - floor).toBeLessThanOrEqual(1);
            }
          });
          if (rule === 'balanced') {
            // No source with spare rows has two fewer picks than another source.
            const open = sizes.map((s, q) => k[q] < s);
            for (let a = 0; a < sizes.length; a++) {
              for (let b = 0; b < sizes.length; b++) {
                if (open[a]) expect(k[b] - k[a]).toBeLessThanOrEqual(1);
              }
            }
          }
        },
      ),
      FC,
    );
  });

  it('rejects budgets outside [0, n] and bad sizes', () => {
    expect(() => sourceBudgets([2, 3], 6)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', argument: 'remaining' }),
    );
    expect(() => sourceBudgets([2, 3], -1)).toThrow(/remaining budget/);
    try {
      sourceBudgets([2, 1.5], 1);
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'INVALID_ARGUMENT')).toBe(true);
    }
  });
});
