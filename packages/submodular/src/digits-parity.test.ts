import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Matrix } from '@coresets/core';
import { firstMismatch } from '@coresets/core/testing';
import { describe, expect, it } from 'vitest';
import { selectFacilityLocation } from './select-facility-location.js';

// Goldens: see src/__fixtures__/README.md (numpy re-derivation, cross-checked against apricot's
// published digits rankings and gains).
const fixtures = new URL('./__fixtures__/', import.meta.url);
const goldens = JSON.parse(
  readFileSync(new URL('digits-facility-location-goldens.json', fixtures), 'utf8'),
) as Record<
  'maxMinusSqEuclidean' | 'cosineSquared' | 'correlationSquared',
  { indices: number[]; gains: number[] }
>;

function loadDigits(): Matrix<Float64Array> {
  const text = gunzipSync(readFileSync(new URL('digits.csv.gz', fixtures))).toString('utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const data = new Float64Array(lines.length * 64);
  lines.forEach((line, i) => {
    const values = line.split(',');
    for (let j = 0; j < 64; j++) data[i * 64 + j] = Number(values[j]);
  });
  return { rows: lines.length, cols: 64, data };
}

describe('apricot digits parity (1797 × 64, k = 100)', () => {
  const digits = loadDigits();

  it('loads the vendored digits matrix', () => {
    expect(digits.rows).toBe(1797);
    expect(Array.from(digits.data.subarray(0, 6))).toEqual([0, 0, 5, 13, 9, 1]);
  });

  // Each case builds a 1797² kernel: seconds on a shared 2-core machine, hence the longer limit.
  const golden = goldens.maxMinusSqEuclidean;

  it('maxMinusSqEuclidean goldens break the 8645 tie at positions 37–38 toward the lower index', () => {
    expect(golden.indices.slice(37, 39)).toEqual([384, 1545]);
    expect(golden.gains.slice(37, 39)).toEqual([8645, 8645]);
  });

  for (const optimizer of ['lazy', 'naive'] as const) {
    it(
      `maxMinusSqEuclidean (${optimizer}): every pick and integer gain, float32 storage`,
      { timeout: 30_000 },
      () => {
        const result = selectFacilityLocation(
          { features: digits },
          { budget: 100, transform: 'maxMinusSqEuclidean', optimizer },
        );
        expect(Array.from(result.indices)).toEqual(golden.indices);
        expect(Array.from(result.gains)).toEqual(golden.gains);
        expect(result.weights.reduce((x, y) => x + y, 0)).toBe(1797);
      },
    );
  }

  // float32 (the default storage) is checked once; float64 for both variants.
  const cosineCases = [
    ['cosineSquared', 'float64', 1e-9],
    ['cosineSquared', 'float32', 1e-6],
    ['correlationSquared', 'float64', 1e-9],
  ] as const;
  for (const [transform, dtype, rtol] of cosineCases) {
    it(
      `${transform} (${dtype}): all 100 picks, gains within ${rtol} relative`,
      { timeout: 30_000 },
      () => {
        const expected = goldens[transform];
        const result = selectFacilityLocation(
          { features: digits },
          { budget: 100, transform, dtype, optimizer: 'two-stage' },
        );
        expect(Array.from(result.indices)).toEqual(expected.indices);
        expect(firstMismatch(result.gains, expected.gains, { rtol })).toBeUndefined();
      },
    );
  }
});
