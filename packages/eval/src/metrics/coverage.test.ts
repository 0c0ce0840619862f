import { Rng, matrixFromRows } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { coverageAucPr } from './coverage.js';

function bruteForce(test: Matrix, core: Matrix): number {
  let total = 0;
  for (let i = 0; i < test.rows; i++) {
    let best = Infinity;
    for (let j = 0; j < core.rows; j++) {
      let s = 0;
      for (let k = 0; k < test.cols; k++) s += (test.data[i * test.cols + k] - core.data[j * core.cols + k]) ** 2;
      best = Math.min(best, Math.sqrt(s));
    }
    total += best;
  }
  return total / test.rows;
}

describe('coverageAucPr', () => {
  it('is the mean distance to the nearest coreset point (hand example)', () => {
    const test = matrixFromRows([[0, 0], [3, 4], [10, 0]]);
    const core = matrixFromRows([[0, 0], [10, 1]]);
    // Distances: 0; min(5, √58) = 5; 1 → mean 2.
    expect(coverageAucPr(test, core)).toBeCloseTo(2, 12);
  });

  it('matches a brute-force loop across blocks, and a superset never covers worse', () => {
    const rng = Rng.fromSeed(3);
    const test = { rows: 57, cols: 5, data: rng.fillNormal(new Float64Array(57 * 5)) };
    const full = { rows: 40, cols: 5, data: rng.fillNormal(new Float64Array(40 * 5)) };
    const subset = { rows: 10, cols: 5, data: full.data.slice(0, 50) };
    const tinyBlocks = coverageAucPr(test, full, { maxBlockBytes: 8 * 40 * 3 });
    expect(tinyBlocks).toBeCloseTo(bruteForce(test, full), 10);
    expect(coverageAucPr(test, full)).toBeCloseTo(tinyBlocks, 12);
    expect(coverageAucPr(test, subset)).toBeGreaterThanOrEqual(tinyBlocks);
    expect(() => coverageAucPr(test, { rows: 1, cols: 4, data: new Float64Array(4) })).toThrow(/coresetEmbeddings/);
  });
});
