import { isCoresetError, matrixFromRows } from '@coresets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyColumnMask, columnImportance, groupTopHColumns, topHColumns } from './top-h-mask.js';

// Column means over all rows: [0.5, −2, 1, 2, 0, −1] → importance [0.5, 2, 1, 2, 0, 1].
const X = matrixFromRows([
  [1, -4, 2, 2, 1, -1],
  [0, 0, 0, 2, -1, -1],
]);

describe('top-h masks', () => {
  it('pick the largest |mean| columns, ties to the lower index, returned ascending', () => {
    expect(Array.from(columnImportance(X))).toEqual([0.5, 2, 1, 2, 0, 1]);
    expect(Array.from(topHColumns(X, 1))).toEqual([1]);
    expect(Array.from(topHColumns(X, 2))).toEqual([1, 3]);
    // Third place is a tie between columns 2 and 5 (importance 1): column 2 wins.
    expect(Array.from(topHColumns(X, 3))).toEqual([1, 2, 3]);
    expect(Array.from(topHColumns(X, 4))).toEqual([1, 2, 3, 5]);
    expect(Array.from(topHColumns(X, 2, undefined, { rule: 'smallest' }))).toEqual([0, 4]);
    expect(Array.from(topHColumns(X, 0))).toEqual([]);
    // Over row 1 only: importance [0, 0, 0, 2, 1, 1].
    expect(Array.from(topHColumns(X, 2, [1]))).toEqual([3, 4]);
  });

  it('work per group and apply to the group rows', () => {
    const x = matrixFromRows([
      [5, 0, 1],
      [0, 3, 0],
      [-5, 0, 2],
      [0, -1, 0],
    ]);
    const masks = groupTopHColumns(x, [7, 2, 7, 2], 1);
    expect(masks.map((m) => [m.group, Array.from(m.rows), Array.from(m.columns)])).toEqual([
      [2, [1, 3], [1]],
      // Group 7: means [0, 0, 1.5] → column 2 (the ±5 cancel).
      [7, [0, 2], [2]],
    ]);
    const f = applyColumnMask(x, [2, 0], [2, 0]);
    expect([f.rows, f.cols, Array.from(f.data)]).toEqual([2, 2, [2, -5, 1, 5]]);
  });

  it('random rule is seeded and uses distinct columns', () => {
    const a = topHColumns(X, 3, undefined, { rule: 'random', rng: 9 });
    const b = topHColumns(X, 3, undefined, { rule: 'random', rng: 9 });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(new Set(a).size).toBe(3);
    expect(Array.from(a)).toEqual([...a].sort((p, q) => p - q));
    const g1 = groupTopHColumns(X, [0, 1], 2, { rule: 'random', rng: 4 });
    const g2 = groupTopHColumns(X, [0, 1], 2, { rule: 'random', rng: 4 });
    expect(g1.map((m) => Array.from(m.columns))).toEqual(g2.map((m) => Array.from(m.columns)));
  });

  it('property: h distinct ascending columns, none less important than a column left out', () => {
    const arb = fc
      .record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 8 }) })
      .chain(({ rows, cols }) =>
        fc.record({
          values: fc.array(fc.integer({ min: -3, max: 3 }), {
            minLength: rows * cols,
            maxLength: rows * cols,
          }),
          rows: fc.constant(rows),
          cols: fc.constant(cols),
          h: fc.integer({ min: 0, max: cols }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ values, rows, cols, h }) => {
        const x = { rows, cols, data: Float64Array.from(values) };
        const picked = Array.from(topHColumns(x, h));
        const imp = columnImportance(x);
        expect(picked).toHaveLength(h);
        for (let k = 1; k < h; k++) expect(picked[k]).toBeGreaterThan(picked[k - 1]);
        const minIn = Math.min(...picked.map((j) => imp[j]));
        for (let j = 0; j < cols; j++) {
          if (picked.includes(j)) continue;
          expect(imp[j]).toBeLessThanOrEqual(minIn);
          // Ties go to the lower index: an equally important column left out sits after every pick it ties.
          if (imp[j] === minIn)
            expect(picked.filter((p) => imp[p] === minIn).every((p) => p < j)).toBe(true);
        }
      }),
      { seed: 20261127, numRuns: 200 },
    );
  });

  it('validates arguments', () => {
    const code = (fn: () => unknown): [string, string] => {
      try {
        fn();
      } catch (e) {
        if (isCoresetError(e)) return [e.code, e.argument ?? ''];
      }
      return ['none', ''];
    };
    expect(code(() => topHColumns(X, 7))).toEqual(['OUT_OF_RANGE', 'h']);
    expect(code(() => topHColumns(X, 2, [2]))).toEqual(['OUT_OF_RANGE', 'rows']);
    expect(code(() => topHColumns(X, 2, []))).toEqual(['INVALID_ARGUMENT', 'rows']);
    expect(code(() => topHColumns(X, 2, undefined, { rule: 'random' }))).toEqual([
      'MISSING_OPTION',
      'rng',
    ]);
    expect(code(() => topHColumns(X, 2, undefined, { rng: 1 }))).toEqual([
      'INVALID_ARGUMENT',
      'rng',
    ]);
    expect(code(() => groupTopHColumns(X, [0], 1))).toEqual(['SHAPE_MISMATCH', 'groups']);
    expect(code(() => groupTopHColumns(X, [0, -1], 1))).toEqual(['INVALID_ARGUMENT', 'groups']);
    expect(code(() => applyColumnMask(X, [6]))).toEqual(['OUT_OF_RANGE', 'columns']);
  });
});
