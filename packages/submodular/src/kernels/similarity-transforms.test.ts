import { matrixFromRows } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { buildDenseKernel } from './build-dense-kernel.js';
import { kernelEntry } from './facility-kernel.js';
import { SIMILARITY_TRANSFORMS, transformPlan } from './similarity-transforms.js';
import { symmetrizeCsr } from './symmetrize.js';

// Three points: a = (3, 4), b = (0, 0) … (c) = (−3, −4); |a| = 5.
const x = matrixFromRows([
  [3, 4],
  [1, 0],
  [-3, -4],
]);

function entry(
  transform: (typeof SIMILARITY_TRANSFORMS)[number],
  i: number,
  j: number,
  extra: object = {},
): number {
  const kernel = buildDenseKernel(x, { transform: transform as never, dtype: 'float64', ...extra });
  return kernelEntry(kernel, i, j);
}

describe('similarity transforms follow the spec table exactly', () => {
  it('maxMinusDist: max(D) − D for l2 and l1', () => {
    // l2: D(a, c) = 10 is the max; D(a, b) = √20.
    expect(entry('maxMinusDist', 0, 1)).toBeCloseTo(10 - Math.sqrt(20), 14);
    expect(entry('maxMinusDist', 0, 2)).toBe(0);
    expect(entry('maxMinusDist', 1, 1)).toBe(10);
    // l1: D(a, c) = 14 is the max; D(a, b) = 2 + 4 = 6.
    expect(entry('maxMinusDist', 0, 1, { distance: 'l1' })).toBe(8);
  });

  it('maxMinusSqEuclidean: max(D²) − D²', () => {
    expect(entry('maxMinusSqEuclidean', 0, 1)).toBe(100 - 20);
    expect(entry('maxMinusSqEuclidean', 2, 2)).toBe(100);
  });

  it('cosineSquared, correlationSquared and halfCosine', () => {
    const cosAB = 3 / 5;
    expect(entry('cosineSquared', 0, 1)).toBeCloseTo(cosAB ** 2, 15);
    expect(entry('cosineSquared', 0, 2)).toBeCloseTo(1, 15);
    expect(entry('halfCosine', 0, 1)).toBeCloseTo(0.5 + 0.5 * cosAB, 15);
    expect(entry('halfCosine', 0, 2)).toBeCloseTo(0, 15);
    // Centred rows: a → (−0.5, 0.5), b → (0.5, −0.5): correlation −1, squared 1.
    expect(entry('correlationSquared', 0, 1)).toBeCloseTo(1, 15);
  });

  it('craigEuclidean: max(D) − D + 1e-3, and rbf: exp(−D² / (2σ²))', () => {
    expect(entry('craigEuclidean', 0, 2)).toBe(1e-3);
    expect(entry('craigEuclidean', 0, 0)).toBe(10 + 1e-3);
    expect(entry('rbf', 0, 1, { sigma: 2 })).toBeCloseTo(Math.exp(-20 / 8), 15);
  });

  it('every name is known; precomputed has no feature plan; bad parameters throw', () => {
    for (const name of SIMILARITY_TRANSFORMS) {
      if (name === 'precomputed') expect(() => transformPlan(name)).toThrow(/similarity matrix/);
      else if (name === 'rbf') expect(transformPlan(name, { sigma: 1 }).name).toBe('rbf');
      else expect(transformPlan(name).name).toBe(name);
    }
    expect(() => transformPlan('rbf', { sigma: 0 })).toThrow(
      expect.objectContaining({ argument: 'sigma' }),
    );
    expect(() => transformPlan('maxMinusDist', { distance: 'l3' as 'l1' })).toThrow(
      expect.objectContaining({ argument: 'distance' }),
    );
    expect(() => transformPlan('cosine' as 'rbf')).toThrow(
      expect.objectContaining({ argument: 'transform' }),
    );
  });

  it('float32 storage keeps max-minus similarities non-negative', () => {
    const kernel = buildDenseKernel(matrixFromRows([[0.1], [0.7], [1e7 + 0.3]]), {
      transform: 'maxMinusSqEuclidean',
    });
    expect(Math.min(...kernel.data)).toBeGreaterThanOrEqual(0);
  });
});

describe('symmetrizeCsr', () => {
  it('returns the union with the larger value and sorted columns', () => {
    const out = symmetrizeCsr(3, {
      indptr: Int32Array.from([0, 2, 3, 4]),
      indices: Int32Array.from([0, 2, 0, 1]),
      data: Float64Array.from([5, 1, 3, 7]),
    });
    expect(Array.from(out.indptr)).toEqual([0, 3, 5, 7]);
    expect(Array.from(out.indices)).toEqual([0, 1, 2, 0, 2, 0, 1]);
    expect(Array.from(out.data)).toEqual([5, 3, 1, 3, 7, 1, 7]);
  });
});
