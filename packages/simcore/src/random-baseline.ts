import { CoresetError, Rng, type SelectionResult } from '@coresets/core';

/** The random baseline: `size` distinct open-set rows drawn uniformly with the seed. */
export function selectRandomOpenSet(openSetSize: number, size: number, seed: number): SelectionResult {
  if (!Number.isInteger(size) || size < 0 || size > openSetSize) {
    throw new CoresetError('OUT_OF_RANGE', `size must be an integer in [0, ${openSetSize}], got ${size}`, {
      argument: 'size',
    });
  }
  const t0 = performance.now();
  const indices = Rng.fromSeed(seed).sampleWithoutReplacement(openSetSize, size);
  return { indices, meta: { method: 'random', timings: { featureMs: 0, selectMs: performance.now() - t0 } } };
}
