import { Rng, type Matrix } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import type { ColmSelectionResult } from './colm-select.js';
import {
  createColmStepSelector,
  parseColmSelectorState,
  type ColmFeatureFn,
  type ColmPool,
} from './colm-step-selector.js';

interface Example {
  readonly id: number;
  readonly source: number;
}

// Sizes 30/20/6/4: mean 15, so sources 2 and 3 are small.
const SIZES = [30, 20, 6, 4];
const TRAIN: Example[] = SIZES.flatMap((n, s) =>
  Array.from({ length: n }, (_, k) => ({ id: 0, source: s, k })),
).map((e, id) => ({ id, source: e.source }));
const DIM = 6;

/** A fixed feature per example (independent of the pool), so selections are reproducible. */
function featureOf(id: number): Float64Array {
  return Rng.fromSeed(1000 + id).fillNormal(new Float64Array(DIM));
}

const candidateFeatures: ColmFeatureFn<Example, null> = (pool, positions) => {
  const data = new Float64Array(positions.length * DIM);
  positions.forEach((p, r) => data.set(featureOf(pool.examples[p].id), r * DIM));
  return { rows: positions.length, cols: DIM, data };
};

/** Pools of 16 drawn by a seeded permutation, as a training loop would. */
function pools(count: number): ColmPool<Example>[] {
  const rng = Rng.fromSeed(5);
  return Array.from({ length: count }, (_, step) => {
    const indices = rng.permutation(TRAIN.length).slice(0, 16);
    return { step, indices, examples: Array.from(indices, (i) => TRAIN[i]) };
  });
}

describe('createColmStepSelector', () => {
  it('selects b = B/2 per step: small-source rows kept, uniform weights as no weights', async () => {
    const results: ColmSelectionResult[] = [];
    const select = createColmStepSelector<Example, null>({
      featureFn: candidateFeatures,
      sourceSizes: SIZES,
      sparsity: 3,
      onStep: (_, r) => results.push(r),
    });
    for (const pool of pools(5)) {
      const chosen = await select(pool, null);
      expect(chosen.positions.length).toBe(8);
      expect(chosen.weights).toBeUndefined();
      expect(new Set(chosen.positions).size).toBe(8);
      const small = pool.examples.flatMap((e, i) => (e.source >= 2 ? [i] : []));
      expect(Array.from(chosen.positions.subarray(0, small.length))).toEqual(small);
    }
    expect(select.steps).toBe(5);
    expect(select.normalizer?.step).toBe(5);
    expect(results.map((r) => r.meta.step)).toEqual([0, 1, 2, 3, 4]);
    expect(select.last).toBe(results[4]);
  });

  it('counts steps filled by kept rows alone in the Adam step counter', async () => {
    const results: ColmSelectionResult[] = [];
    const select = createColmStepSelector<Example, null>({
      featureFn: candidateFeatures,
      sourceSizes: SIZES,
      budget: 2,
      onStep: (_, r) => results.push(r),
    });
    const smallOnly = TRAIN.filter((e) => e.source >= 2).slice(0, 4);
    await select(
      { step: 0, indices: Int32Array.from(smallOnly, (e) => e.id), examples: smallOnly },
      null,
    );
    expect(select.normalizer).toBeUndefined();
    expect(select.toJSON()).toEqual({ version: 1, steps: 1, normalizer: null });
    const [pool] = pools(1);
    await select({ ...pool, step: 1 }, null);
    expect(results.map((r) => r.meta.step)).toEqual([0, 1]);
    expect(select.normalizer?.step).toBe(2);
  });

  it('resumes from toJSON() exactly as an uninterrupted run', async () => {
    const all = pools(6);
    const options = { featureFn: candidateFeatures, sourceSizes: SIZES, sparsity: 2 };
    const straight = createColmStepSelector<Example, null>(options);
    const expected: number[][] = [];
    for (const pool of all) expected.push(Array.from((await straight(pool, null)).positions));

    const first = createColmStepSelector<Example, null>(options);
    const got: number[][] = [];
    for (const pool of all.slice(0, 3)) got.push(Array.from((await first(pool, null)).positions));
    const saved = JSON.stringify(first.toJSON());
    const resumed = createColmStepSelector<Example, null>({ ...options, state: saved });
    expect(resumed.steps).toBe(3);
    for (const pool of all.slice(3)) got.push(Array.from((await resumed(pool, null)).positions));
    expect(got).toEqual(expected);
    expect(resumed.toJSON()).toEqual(straight.toJSON());
  });

  it('checkpoints non-zero moments and the step counter after feature-based steps', async () => {
    const all = pools(4);
    const options = { featureFn: candidateFeatures, sourceSizes: SIZES, sparsity: 2 };
    const warm = createColmStepSelector<Example, null>(options);
    for (const pool of all.slice(0, 3)) await warm(pool, null);
    const state = warm.toJSON();
    expect(state.steps).toBe(3);
    expect(state.normalizer?.step).toBe(3);
    expect(state.normalizer?.m.some((v) => v !== 0)).toBe(true);
  });

  it('accepts features for every pool row and picks the candidates out', async () => {
    const allRows: ColmFeatureFn<Example, null> = (pool) =>
      candidateFeatures(
        pool,
        Int32Array.from(pool.examples, (_, i) => i),
        null,
      );
    const [pool] = pools(1);
    const a = await createColmStepSelector<Example, null>({
      featureFn: candidateFeatures,
      sourceSizes: SIZES,
    })(pool, null);
    const b = await createColmStepSelector<Example, null>({
      featureFn: allRows,
      sourceSizes: SIZES,
    })(pool, null);
    expect(Array.from(b.positions)).toEqual(Array.from(a.positions));
  });

  it('CRAIG weights come back as float32 weights summing to b; budget overrides the ratio', async () => {
    const [pool] = pools(1);
    const chosen = await createColmStepSelector<Example, null>({
      featureFn: candidateFeatures,
      sourceSizes: SIZES,
      weights: 'craig',
      budget: 10,
    })(pool, null);
    expect(chosen.positions.length).toBe(10);
    expect(chosen.weights).toBeInstanceOf(Float32Array);
    expect(chosen.weights?.reduce((s, w) => s + w, 0)).toBeCloseTo(10, 4);
  });

  it('drops candidates whose feature is NaN (e.g. no answer token) and reports them', async () => {
    const [pool] = pools(1);
    const withNaN: ColmFeatureFn<Example, null> = (p, positions) => {
      const x = candidateFeatures(p, positions, null) as Matrix;
      x.data[0] = Number.NaN;
      return x;
    };
    const select = createColmStepSelector<Example, null>({
      featureFn: withNaN,
      sourceSizes: SIZES,
    });
    const chosen = await select(pool, null);
    const firstCandidate = pool.examples.findIndex((e) => e.source < 2);
    expect(Array.from(select.last?.meta.dropped ?? [])).toEqual([firstCandidate]);
    expect(Array.from(chosen.positions)).not.toContain(firstCandidate);
    expect(chosen.positions.length).toBe(8);
  });

  it('ablations: no keep-small, no Adam (state stays null), sourceOf', async () => {
    const [pool] = pools(1);
    const select = createColmStepSelector<Example, null>({
      featureFn: candidateFeatures,
      keepSmall: false,
      normalize: 'none',
      sourceOf: (e) => e.source % 2,
    });
    const chosen = await select(pool, null);
    expect(chosen.positions.length).toBe(8);
    expect(select.last?.meta.kept.length).toBe(0);
    expect(select.last?.meta.budgets.map((b) => b.source)).toEqual([0, 1]);
    expect(select.toJSON()).toEqual({ version: 1, steps: 1, normalizer: null });
  });

  it('validates options, pools and source ids', async () => {
    const featureFn = candidateFeatures;
    expect(() =>
      createColmStepSelector({ featureFn, sourceSizes: SIZES, budget: 4, ratio: 0.5 }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'budget' }));
    expect(() => createColmStepSelector({ featureFn })).toThrow(
      expect.objectContaining({ code: 'MISSING_OPTION', argument: 'sourceSizes' }),
    );
    expect(() => createColmStepSelector({ sourceSizes: SIZES } as never)).toThrow(
      expect.objectContaining({ code: 'MISSING_OPTION', argument: 'featureFn' }),
    );
    const [pool] = pools(1);
    const noSource = { ...pool, examples: pool.examples.map((e) => ({ id: e.id })) };
    await expect(
      createColmStepSelector<{ id: number }, null>({
        featureFn: () => ({ rows: 0, cols: 1, data: new Float64Array(0) }),
        sourceSizes: SIZES,
      })(noSource, null),
    ).rejects.toThrow(expect.objectContaining({ code: 'MISSING_OPTION', argument: 'sourceOf' }));
    await expect(
      createColmStepSelector<Example, null>({ featureFn, sourceSizes: [10, 10] })(pool, null),
    ).rejects.toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE', argument: 'sourceSizes' }));
    await expect(
      createColmStepSelector<Example, null>({ featureFn, sourceSizes: SIZES, ratio: 0.01 })(
        pool,
        null,
      ),
    ).rejects.toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE', argument: 'ratio' }));
  });
});

describe('parseColmSelectorState', () => {
  it('round-trips and rejects malformed states', () => {
    const ok = { version: 1, steps: 2, normalizer: null };
    expect(parseColmSelectorState(JSON.stringify(ok))).toEqual(ok);
    expect(() => parseColmSelectorState('{')).toThrow(
      expect.objectContaining({ code: 'PARSE_ERROR' }),
    );
    expect(() => parseColmSelectorState({ ...ok, version: 2 })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_FORMAT', argument: 'state.version' }),
    );
    expect(() => parseColmSelectorState({ ...ok, extra: 1 })).toThrow(
      expect.objectContaining({ code: 'PARSE_ERROR', argument: 'state.extra' }),
    );
    expect(() => parseColmSelectorState({ ...ok, steps: -1 })).toThrow(
      expect.objectContaining({ argument: 'state.steps' }),
    );
    expect(() => parseColmSelectorState({ ...ok, normalizer: { version: 1 } })).toThrow(
      expect.objectContaining({ code: 'PARSE_ERROR' }),
    );
  });
});
