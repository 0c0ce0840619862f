import { Rng } from '@coresets/core';
import { expect, it } from 'vitest';
import { selectFacilityLocation } from './index.js';

// The README's example, verbatim apart from the assertions.
it('README example: features in, ranked indices + gains + weights out', () => {
  const data = new Float64Array(500 * 8);
  Rng.fromSeed(0).fillNormal(data);
  const features = { rows: 500, cols: 8, data };
  const { indices, gains, weights, meta } = selectFacilityLocation({ features }, { budget: 10 });

  expect(indices.length).toBe(10);
  for (let t = 1; t < 10; t++) expect(gains[t]).toBeLessThanOrEqual(gains[t - 1]);
  expect(weights.reduce((a, b) => a + b, 0)).toBe(500);
  expect(Object.keys(meta.timings as object)).toEqual(['featureMs', 'kernelMs', 'selectMs']);
});
