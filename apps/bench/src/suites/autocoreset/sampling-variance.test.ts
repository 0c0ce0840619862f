import { matrixFromRows, toFloat64 } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { logisticGradientSpread, predictDesigns } from './sampling-variance.js';

describe('logisticGradientSpread', () => {
  it('measures gradient spread in the H⁻¹ metric (hand-computed at θ = 0)', () => {
    const x = toFloat64(matrixFromRows([[1], [3], [2], [2]]));
    const y = Float64Array.from([-1, -1, 1, 1]);
    // p = ½ everywhere: H = ¼·Σzzᵀ + diag(1, 0) = [[5.5, 2], [2, 1]], H⁻¹ = [[1, −2], [−2, 5.5]] / 1.5.
    // Class −1 gradients [0.5, 0.5], [1.5, 0.5] deviate by ±[0.5, 0] → 0.25/1.5 each.
    const s = logisticGradientSpread(x, y, { theta: Float64Array.from([0]), bias: 0 }, 10);
    expect(s.counts).toEqual([2, 2]);
    expect(s.withinVariance[0]).toBeCloseTo(1 / 6, 12);
    expect(s.withinVariance[1]).toBeCloseTo(0, 12);
    // All four gradients (mean 0): 0.625/1.5, 0.625/1.5, 0.375/1.5, 0.375/1.5.
    expect(s.totalVariance).toBeCloseTo(1 / 3, 12);
    // Every margin is 0 at θ = 0, b = 0.
    expect(s.boundaryShare).toEqual([1, 1]);
  });
});

describe('predictDesigns', () => {
  it('uses the fair budgets and the Neyman split on the spec HTRU2 counts', () => {
    const v = predictDesigns({ counts: [11381, 1146], withinVariance: [1, 4], totalVariance: 2, cost: 100, boundaryShare: [0.1, 0.5] }, 50);
    expect(v.budgets).toEqual([22, 28]);
    expect(v.fair).toBeCloseTo((11381 ** 2 / 22 + (1146 ** 2 * 4) / 28) / 200, 6);
    expect(v.global).toBeCloseTo((12527 ** 2 * 2) / 50 / 200, 6);
    expect(v.neymanPositiveShare).toBeCloseTo(2292 / (11381 + 2292), 12);
    expect(v.neyman).toBeCloseTo((11381 + 2292) ** 2 / 50 / 200, 6);
  });
});
