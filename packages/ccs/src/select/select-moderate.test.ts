import { isCoresetError, matrixFromRows } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { describe, expect, it } from 'vitest';
import { distanceToClassMedian, selectModerate } from './select-moderate.js';

describe('selectModerate', () => {
  // class 0 on a line (median (2, 0)), class 1 with an even count (median (0, 5.5))
  const features = matrixFromRows([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 0],
    [10, 0],
    [0, 5],
    [0, 6],
    [3, 5],
    [0, 9],
  ]);
  const labels = [0, 0, 0, 0, 0, 1, 1, 1, 1];

  it('measures distances to the coordinate-wise class median', () => {
    const d = distanceToClassMedian(features, labels, 2);
    assertAllClose(d, [2, 1, 0, 1, 8, 0.5, 0.5, Math.hypot(3, 0.5), 3.5], { rtol: 1e-12 });
  });

  it('keeps the middle band of the sorted distances', () => {
    // sorted: 2(0) 5(0.5) 6(0.5) 1(1) 3(1) 0(2) 7(3.04) 8(3.5) 4(8); m = 3 → positions 3..5
    const r = selectModerate({ features, labels }, { budget: 3 });
    expect(Array.from(r.indices)).toEqual([1, 3, 0]);
    assertAllClose(r.scores!, [1, 1, 2], { rtol: 1e-12 });
    expect(r.meta.windowStart).toBe(3);
    const four = selectModerate({ features, labels }, { budget: 4 });
    expect(Array.from(four.indices)).toEqual([6, 1, 3, 0]);
  });

  it('checks shapes', () => {
    try {
      selectModerate({ features, labels: [0, 1] }, { budget: 1 });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'SHAPE_MISMATCH') && e.argument).toBe('labels');
    }
  });
});
