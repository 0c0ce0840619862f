import { describe, expect, it } from 'vitest';
import { recommendedBeta } from './beta-rule.js';

describe('recommendedBeta', () => {
  it('follows the project table, lower row between rows', () => {
    const rates = [0, 0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98];
    expect(rates.map(recommendedBeta)).toEqual([0, 0, 0, 0, 0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.3]);
    // a rate computed as 1 − m/N that lands a hair below 0.9
    expect(recommendedBeta(1 - 5500 / 55000)).toBe(0.3);
    expect(recommendedBeta(0.8999999999999999)).toBe(0.3);
  });

  it('rejects rates outside [0, 1)', () => {
    expect(() => recommendedBeta(1)).toThrow(/rate/);
    expect(() => recommendedBeta(-0.1)).toThrow(/rate/);
  });
});
