import { isCoresetError } from '@coresets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalWidthStrata } from './equal-width-strata.js';

const all = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

describe('equalWidthStrata', () => {
  it('bins the spec vector the same under both edge conventions', () => {
    const values = [-3, -1, 0, 0.5, 2, 10];
    expect(Array.from(equalWidthStrata(values, all(6), 4, 'exact').stratumOf)).toEqual([
      0, 0, 0, 1, 1, 3,
    ]);
    expect(Array.from(equalWidthStrata(values, all(6), 4, 'reference').stratumOf)).toEqual([
      0, 0, 0, 1, 1, 3,
    ]);
    expect(Array.from(equalWidthStrata(values, all(6), 4).sizes)).toEqual([3, 2, 0, 1]);
  });

  it('differs between conventions only on bin boundaries (integer scores)', () => {
    const values = [0, 1, 2, 3, 4, 5];
    expect(Array.from(equalWidthStrata(values, all(6), 5, 'exact').stratumOf)).toEqual([
      0, 1, 2, 3, 4, 4,
    ]);
    expect(Array.from(equalWidthStrata(values, all(6), 5, 'reference').stratumOf)).toEqual([
      0, 0, 1, 2, 3, 4,
    ]);
  });

  it('groups members by stratum in input order and reports edges', () => {
    const values = [10, 0, 5, 9, 1];
    const s = equalWidthStrata(values, Int32Array.from([4, 0, 2, 1]), 2);
    expect(s.groups.map((g) => Array.from(g))).toEqual([
      [4, 1],
      [0, 2],
    ]);
    expect(Array.from(s.edges)).toEqual([0, 5, 10]);
  });

  it('puts everything in stratum 0 when all values are equal', () => {
    const s = equalWidthStrata([2, 2, 2], all(3), 5);
    expect(Array.from(s.sizes)).toEqual([3, 0, 0, 0, 0]);
  });

  it('refuses reference edges when the maximum is not positive', () => {
    try {
      equalWidthStrata([-3, -1], all(2), 2, 'reference');
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'INVALID_ARGUMENT') && e.argument).toBe('edges');
    }
  });

  it('places every member inside its stratum range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (values, k) => {
          const s = equalWidthStrata(values, all(values.length), k);
          expect(s.sizes.reduce((a, b) => a + b, 0)).toBe(values.length);
          const lo = Math.min(...values);
          const hi = Math.max(...values);
          const step = (hi - lo) / k;
          for (let t = 0; t < values.length; t++) {
            const b = s.stratumOf[t];
            if (hi === lo) {
              expect(b).toBe(0);
              continue;
            }
            // Tolerance of one ulp-scale step for values that sit on an inner edge.
            const eps = 1e-9 * Math.max(1, Math.abs(hi), Math.abs(lo));
            expect(values[t]).toBeGreaterThanOrEqual(lo + b * step - eps);
            if (b < k - 1) expect(values[t]).toBeLessThan(lo + (b + 1) * step + eps);
          }
          expect(s.stratumOf[values.indexOf(hi)]).toBe(hi === lo ? 0 : k - 1);
        },
      ),
      { seed: 77, numRuns: 200 },
    );
  });
});
