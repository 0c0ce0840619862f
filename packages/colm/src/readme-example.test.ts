import { Rng } from '@coresets/core';
import { expect, it } from 'vitest';
import { colmSelect, createColmStepSelector } from './index.js';

// The README's examples, verbatim apart from the assertions.
it('README example: one pool, then the training-loop plug-in', async () => {
  // A pool of 32 rows from 4 sources; sources 2 and 3 are small in the whole data set.
  const rng = Rng.fromSeed(0);
  const sources = Int32Array.from({ length: 32 }, (_, i) => (i % 11 === 0 ? 3 : i % 3));
  const features = { rows: 32, cols: 64, data: rng.fillNormal(new Float64Array(32 * 64)) };
  const sourceSizes = [9000, 7000, 300, 40];

  const first = await colmSelect({ features, sources }, { budget: 16, sourceSizes, sparsity: 8 });
  // first.indices: kept small-source rows first, then per-source medoids; first.meta.budgets: k_q
  // Next pool: hand the Adam moments back (e.g. after a round trip through a state file).
  const next = await colmSelect(
    { features, sources },
    { budget: 16, sourceSizes, sparsity: 8, normalizer: first.meta.normalizerState },
  );

  // As a plug-in for a "pool → select → train" loop (eval's finetuneLm takes this shape).
  const selector = createColmStepSelector<{ source: number; id: number }, null>({
    featureFn: (pool, positions) => ({
      rows: positions.length,
      cols: 64,
      data: Float64Array.from({ length: positions.length * 64 }, (_, k) =>
        Math.sin(pool.examples[positions[Math.floor(k / 64)]].id + k),
      ),
    }),
    sourceSizes,
    sparsity: 8,
  });
  const examples = Array.from(sources, (source, id) => ({ source, id }));
  const chosen = await selector(
    { step: 0, indices: Int32Array.from(sources.keys()), examples },
    null,
  );
  const checkpoint = JSON.stringify(selector.toJSON()); // Adam state + step count

  expect(first.indices.length).toBe(16);
  const small = Array.from(sources.keys()).filter((i) => sources[i] >= 2);
  expect(Array.from(first.indices.subarray(0, small.length))).toEqual(small);
  expect(next.meta.step).toBe(1);
  expect(chosen.positions.length).toBe(16);
  expect(JSON.parse(checkpoint)).toMatchObject({ version: 1, steps: 1 });
});
