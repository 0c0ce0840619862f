import { describe, expect, it } from 'vitest';
import { classBudgets, fairClassBudgets } from './class-budgets.js';

describe('fairClassBudgets (spec §6 vectors)', () => {
  const htru = [11381, 1146];
  const expected: [number, number[]][] = [
    [50, [22, 28]],
    [77, [34, 43]],
    [105, [46, 59]],
    [133, [58, 75]],
    [161, [70, 91]],
    [188, [82, 106]],
    [300, [131, 169]],
  ];
  it.each(expected)('HTRU2 training counts, m = %i', (m, want) => {
    expect(Array.from(fairClassBudgets(htru, m).budgets)).toEqual(want);
    expect(Array.from(fairClassBudgets([16259, 1639], m).budgets)).toEqual(want);
  });

  it('HTRU2 m = 300 picks α = 0.4, x = (0.36, 0.32, 0.32)', () => {
    const d = fairClassBudgets(htru, 300);
    expect(d.alpha).toBeCloseTo(0.4, 12);
    expect(d.mix[0]).toBeCloseTo(0.36, 12);
    expect(d.mix[1]).toBeCloseTo(0.32, 12);
  });

  it('four classes', () => {
    expect(Array.from(fairClassBudgets([5000, 3000, 1500, 500], 40).budgets)).toEqual([
      11, 10, 9, 10,
    ]);
    expect(Array.from(fairClassBudgets([5000, 3000, 1500, 500], 100).budgets)).toEqual([
      27, 24, 23, 26,
    ]);
  });

  it('a small class: sizes [30, 500], m = 100 → α = 0.4667, [28, 72]', () => {
    const d = fairClassBudgets([30, 500], 100);
    expect(d.alpha).toBeCloseTo(0.4 + 0.6 / 9, 12);
    expect(d.mix[0]).toBeCloseTo(0.72, 12);
    expect(Array.from(d.budgets)).toEqual([28, 72]);
  });
});

describe('classBudgets', () => {
  it('proportional and balanced', () => {
    expect(Array.from(classBudgets([900, 100], 50, 'proportional'))).toEqual([45, 5]);
    expect(Array.from(classBudgets([900, 100, 7], 50, 'balanced'))).toEqual([17, 17, 16]);
  });

  it('explicit sizes are checked', () => {
    expect(Array.from(classBudgets([10, 10], 5, [2, 3]))).toEqual([2, 3]);
    expect(() => classBudgets([10, 10], 5, [2])).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
    expect(() => classBudgets([10, 10], 5, [2, 0])).toThrow(
      expect.objectContaining({ argument: 'classBudgets' }),
    );
  });

  it('rejects an empty class', () => {
    expect(() => classBudgets([10, 0], 5, 'fair')).toThrow(
      expect.objectContaining({ argument: 'labels' }),
    );
  });
});
