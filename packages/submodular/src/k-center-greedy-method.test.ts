import { matrixFromRows, MethodRegistry } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { registerKCenterGreedy } from './k-center-greedy-method.js';

describe('kCenterGreedyMethod', () => {
  it('registers as k-center-greedy and validates its options', async () => {
    const registry = registerKCenterGreedy(new MethodRegistry());
    const method = registry.get<
      { features: ReturnType<typeof matrixFromRows> },
      { budget: number; initial?: Int32Array }
    >('k-center-greedy');
    const features = matrixFromRows([[0], [1], [2], [10], [11], [12]]);
    const result = await method.select({ features }, { budget: 2, initial: Int32Array.from([0]) });
    expect(Array.from(result.indices)).toEqual([5, 2]);
    expect(() => method.select({ features }, { budget: -1 })).toThrow(
      expect.objectContaining({ argument: 'budget' }),
    );
  });
});
