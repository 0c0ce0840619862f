import { matrixFromRows } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { FeatureBased } from './feature-based.js';

describe('FeatureBased', () => {
  const x = matrixFromRows([
    [4, 0],
    [0, 9],
    [5, 16],
  ]);

  it('evaluates Σ_f w_f (φ(Σ x) − φ(0)) for sqrt, log1p and sigmoid', () => {
    expect(new FeatureBased(x).evaluate([0, 1])).toBe(2 + 3);
    expect(new FeatureBased(x, { weights: Float64Array.from([2, 1]) }).evaluate([0, 2])).toBe(
      2 * 3 + 4,
    );
    expect(new FeatureBased(x, { phi: 'log1p' }).evaluate([1])).toBeCloseTo(Math.log(10), 15);
    expect(new FeatureBased(x, { phi: 'sigmoid' }).evaluate([0])).toBeCloseTo(
      1 / (1 + Math.exp(-4)) - 0.5,
      15,
    );
  });

  it('rejects negative features', () => {
    expect(() => new FeatureBased(matrixFromRows([[1, -1]]))).toThrow(
      expect.objectContaining({ argument: 'features' }),
    );
  });
});
