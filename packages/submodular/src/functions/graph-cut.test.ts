import { matrixFromRows } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { denseKernelFromSimilarity } from '../kernels/facility-kernel.js';
import { GraphCut } from './graph-cut.js';

const s = denseKernelFromSimilarity(
  matrixFromRows([
    [1, 0.5, 0.2],
    [0.5, 1, 0.1],
    [0.2, 0.1, 1],
  ]),
);

describe('GraphCut', () => {
  it('evaluates Σ_{i∈V, j∈A} s_ij − λ Σ_{j,l∈A} s_jl', () => {
    const fn = new GraphCut(s, { lambda: 0.5 });
    // A = {0, 2}: column sums 1.7 + 1.3 = 3; pairs 1 + 1 + 0.2 + 0.2 = 2.4.
    expect(fn.evaluate([0, 2])).toBeCloseTo(3 - 0.5 * 2.4, 15);
    expect(fn.monotone).toBe(true);
    expect(new GraphCut(s, { lambda: 0.8 }).monotone).toBe(false);
    expect(() => new GraphCut(s, { lambda: -1 })).toThrow(
      expect.objectContaining({ argument: 'lambda' }),
    );
  });
});
