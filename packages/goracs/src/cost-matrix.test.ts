import { matrixFromRows } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { assembleCost, pooCostMatrix, scaledDistances } from './cost-matrix.js';

const col = (xs: number[]) => matrixFromRows(xs.map((x) => [x]));

describe('pooCostMatrix', () => {
  it('gives the spec matrix for x_T = [0, 1, 2, 10], x_V = [0, 2, 10], g = [4, 2, 4, 4], λ = 0.2', () => {
    const c = pooCostMatrix({
      trainEmbeddings: col([0, 1, 2, 10]),
      validEmbeddings: col([0, 2, 10]),
      gradNorms: [4, 2, 4, 4],
      lambda: 0.2,
    });
    const expected = [0, 0.2, 1, 0.2, 0.2, 1, 0.2, 0, 0.8, 1, 0.8, 0];
    for (let k = 0; k < expected.length; k++) expect(c.data[k]).toBeCloseTo(expected[k], 14);
  });

  it('guards the zero cases: identical embeddings, zero gradient norms, constant C', () => {
    const c = pooCostMatrix({
      trainEmbeddings: col([3, 3]),
      validEmbeddings: col([3]),
      gradNorms: [0, 0],
    });
    expect(Array.from(c.data)).toEqual([0, 0]);
  });

  it('keeps raw distances with distanceScale raw and never mutates d', () => {
    const d = scaledDistances(col([0, 4]), col([0, 2]), 'raw');
    expect(Array.from(d.data)).toEqual([0, 2, 4, 2]);
    const before = Array.from(d.data);
    const block = assembleCost(
      d,
      Float64Array.from([1, 0]),
      1,
      Int32Array.from([1]),
      Int32Array.from([0, 1]),
    );
    expect(Array.from(block.data)).toEqual([1, 0]);
    expect(Array.from(d.data)).toEqual(before);
  });
});
