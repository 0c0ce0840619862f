import { matrixFromRows } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { denseKernelFromSimilarity } from '../kernels/facility-kernel.js';
import { LogDeterminant } from './log-determinant.js';
import { maximize } from '../optimizers/maximize.js';

const s = denseKernelFromSimilarity(
  matrixFromRows([
    [1, 0.5, 0.2],
    [0.5, 1, 0.1],
    [0.2, 0.1, 1],
  ]),
);

describe('LogDeterminant', () => {
  it('evaluates log det(S_A + λI) and its incremental Cholesky gains match', () => {
    const fn = new LogDeterminant(s, { lambda: 1 });
    expect(fn.evaluate([0, 1])).toBeCloseTo(Math.log(2 * 2 - 0.25), 14);
    const detAll = 2 * (2 * 2 - 0.01) - 0.5 * (0.5 * 2 - 0.1 * 0.2) + 0.2 * (0.5 * 0.1 - 2 * 0.2);
    expect(fn.evaluate([0, 1, 2])).toBeCloseTo(Math.log(detAll), 14);
    const result = maximize(fn, 'lazy', { budget: 3 });
    expect(result.value).toBeCloseTo(Math.log(detAll), 14);
    // Singletons tie at log 2 → 0; then 2 (log 1.98) beats 1 (log 1.875).
    expect(Array.from(result.indices)).toEqual([0, 2, 1]);
    expect(result.gains[1]).toBeCloseTo(Math.log(2 - 0.04 / 2), 14);
  });

  it('rejects a non-symmetric kernel and λ ≤ 0', () => {
    const asym = {
      kind: 'dense',
      candidates: 2,
      represented: 2,
      data: Float64Array.from([1, 0.2, 0.3, 1]),
    } as const;
    expect(() => new LogDeterminant(asym)).toThrow(/symmetric/);
    expect(() => new LogDeterminant(s, { lambda: 0 })).toThrow(
      expect.objectContaining({ argument: 'lambda' }),
    );
  });
});
