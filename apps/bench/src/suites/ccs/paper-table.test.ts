import { describe, expect, it } from 'vitest';
import { PAPER_CIFAR10, PAPER_RATES, formatPaper, paperValue } from './paper-table.js';

describe('paper table', () => {
  it('has one value per paper rate for every method and the confirmed 90% numbers', () => {
    for (const row of Object.values(PAPER_CIFAR10)) expect(row.length).toBe(PAPER_RATES.length);
    expect(paperValue('ccs', 0.9)).toEqual({ value: 86.08, approx: false });
    expect(paperValue('random', 0.9)).toEqual({ value: 79.04, approx: false });
    expect(paperValue('ccs', 0.95)).toBeUndefined();
    expect(paperValue('ccs-strata-only', 0.9)).toBeUndefined();
  });

  it('marks approximate values and keeps the published decimals', () => {
    expect(formatPaper(paperValue('random', 0.8))).toBe('≈88.0');
    expect(formatPaper(paperValue('forgetting', 0.9))).toBe('34.03');
    expect(formatPaper(undefined)).toBe('—');
  });
});
