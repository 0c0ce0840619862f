import { MethodRegistry, Rng, createMatrix, isCoresetError, matrixFromRows } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { assembleCost, scaledDistances, scaledGradNorms } from './cost-matrix.js';
import { goracs, selectGoracs } from './goracs.js';
import { goracsMethod } from './goracs-method.js';
import { DEFAULT_GORACS_OPTIONS } from './options.js';
import { greedyInit } from './greedy.js';
import { refineSwaps } from './refine.js';

const col = (xs: number[]) => matrixFromRows(xs.map((x) => [x]));

function blobs(seed: number, n: number, d: number): Matrix<Float64Array> {
  const rng = Rng.fromSeed(seed);
  const m = createMatrix(n, d, 'float64') as Matrix<Float64Array>;
  for (let i = 0; i < n; i++)
    for (let k = 0; k < d; k++) m.data[i * d + k] = rng.normal() + (i % 3) * 2;
  return m;
}

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return isCoresetError(e) ? `${e.code}:${e.argument}` : String(e);
  }
  return 'none';
}

describe('goracs', () => {
  it('reproduces the spec POO vector end to end (greedy [2, 3], swap 2 → 0, POO 0.2 → 1/6)', async () => {
    const res = await goracs({
      trainEmbeddings: col([0, 1, 2, 10]),
      validEmbeddings: col([0, 2, 10]),
      gradNorms: [4, 2, 4, 4],
      lambda: 0.2,
      budget: 2,
      cut: 1,
      validation: 'shared',
    });
    expect(Array.from(res.indices)).toEqual([3, 0]);
    expect(res.meta.pooGreedy).toBeCloseTo(0.2, 14);
    expect(res.meta.pooFinal).toBeCloseTo(1 / 6, 14);
    expect(res.meta.swaps).toEqual([[2, 0]]);
    expect(res.meta.swapsAccepted).toBe(1);
    expect(res.meta.swapsTried).toBe(2);
    expect(res.meta.exact).toBe(true);
    expect(res.meta.timings).toMatchObject({
      featureMs: expect.any(Number),
      selectMs: expect.any(Number),
    });
  });

  it('reproduces the tie-guard vector with maxIters = 0', async () => {
    const res = await goracs({
      trainEmbeddings: col([8, 0, 6, 10]),
      validEmbeddings: col([10, 5, 3, 9, 4]),
      lambda: 0,
      budget: 3,
      maxIters: 0,
      validation: 'shared',
    });
    expect(Array.from(res.indices)).toEqual([2, 3, 0]);
    expect(res.meta.greedyPicks).toBe(4);
  });

  it('accepts a precomputed cost (spec threshold vector)', async () => {
    const cost = matrixFromRows([
      [0.5, 0.5, 0.5, 0.5],
      [0, 0, 1, 1],
      [0.4, 0.4, 0.4, 0.4],
    ]);
    const res = await goracs({ cost, budget: 1, cut: 1, validation: 'shared' });
    // Greedy already picks row 2 (lowest row sum); nothing improves on it.
    expect(Array.from(res.indices)).toEqual([2]);
    expect(res.meta.pooHistory).toEqual([expect.closeTo(0.4, 14)]);
  });

  it('label-enhanced ≡ two ITRA runs concatenated (S₁ ++ S₀) with global d and g scaling', async () => {
    const train = blobs(1, 40, 3);
    const valid = blobs(2, 12, 3);
    const labels = Array.from({ length: 40 }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0));
    const validLabels = Array.from({ length: 12 }, (_, j) => (j % 3 === 0 ? 1 : 0));
    const gradNorms = Array.from({ length: 40 }, (_, i) => 1 + (i % 5));
    const res = await goracs({
      trainEmbeddings: train,
      validEmbeddings: valid,
      gradNorms,
      labels,
      validLabels,
      lambda: 0.25,
      budget: 6,
      cut: 5,
      validation: 'shared',
    });
    // mean(validLabels) = 1/3 → n₁ = round(2) = 2, n₀ = 4.
    const d = scaledDistances(train, valid, 'max');
    const g = scaledGradNorms(gradNorms, 40);
    const expected: number[] = [];
    for (const [c, budget] of [
      [1, 2],
      [0, 4],
    ]) {
      const rows = Int32Array.from(labels.flatMap((l, i) => (l === c ? [i] : [])));
      const cols = Int32Array.from(validLabels.flatMap((l, j) => (l === c ? [j] : [])));
      const cost = assembleCost(d, g, 0.25, rows, cols);
      const r = await refineSwaps(cost, greedyInit(cost, budget).indices, { cut: 5 });
      expected.push(...Array.from(r.indices, (k) => rows[k]));
    }
    expect(Array.from(res.indices)).toEqual(expected);
    expect((res.meta.runs as { label: number }[]).map((r) => r.label)).toEqual([1, 0]);
  });

  it('splits the validation set by seed: same seed ⇒ same output, the split is reported', async () => {
    const base = {
      trainEmbeddings: blobs(3, 60, 4),
      validEmbeddings: blobs(4, 20, 4),
      budget: 8,
      cut: 4,
    };
    const a = await goracs({ ...base, seed: 5 });
    const b = await goracs({ ...base, seed: 5 });
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(a.meta).toMatchObject({
      targetIndices: b.meta.targetIndices,
      pooHistory: b.meta.pooHistory,
    });
    const target = a.meta.targetIndices as number[];
    const held = a.meta.heldOutIndices as number[];
    expect(target.length + held.length).toBe(20);
    expect(target.filter((j) => held.includes(j))).toEqual([]);
    expect(a.indices.length).toBe(8);
    expect(new Set(a.indices).size).toBe(8);
    const history = a.meta.pooHistory as number[];
    for (let k = 1; k < history.length; k++) expect(history[k]).toBeLessThan(history[k - 1]);
  });

  it('runs the approximate Sinkhorn solver and flags it', async () => {
    const res = await goracs({
      trainEmbeddings: blobs(5, 30, 2),
      validEmbeddings: blobs(6, 10, 2),
      budget: 4,
      cut: 3,
      maxIters: 3,
      solver: 'sinkhorn',
      validation: 'shared',
    });
    expect(res.meta.exact).toBe(false);
    const history = res.meta.pooHistory as number[];
    for (let k = 1; k < history.length; k++) expect(history[k]).toBeLessThan(history[k - 1] - 1e-6);
  });

  it('evaluates POO identically with the successive-shortest-path solver', async () => {
    const base = {
      trainEmbeddings: blobs(7, 25, 2),
      validEmbeddings: blobs(8, 9, 2),
      budget: 4,
      cut: 3,
      maxIters: 2,
      validation: 'shared' as const,
    };
    const ns = await goracs(base);
    const ssp = await goracs({ ...base, solver: 'ssp' });
    expect(ssp.meta.exact).toBe(true);
    expect(ssp.meta.pooGreedy).toBeCloseTo(ns.meta.pooGreedy as number, 12);
    const history = ssp.meta.pooHistory as number[];
    for (let k = 1; k < history.length; k++) expect(history[k]).toBeLessThan(history[k - 1]);
  });

  it('validates inputs with CoresetError naming the argument', async () => {
    const t = col([0, 1, 2]);
    const v = col([0, 1]);
    expect(await errorOf(goracs({ trainEmbeddings: t, validEmbeddings: v, budget: 1 }))).toBe(
      'MISSING_OPTION:seed',
    );
    expect(
      await errorOf(
        goracs({ trainEmbeddings: t, validEmbeddings: v, budget: 1, seed: 'x' as never }),
      ),
    ).toBe('INVALID_ARGUMENT:seed');
    expect(await errorOf(goracs({ trainEmbeddings: t, budget: 1, seed: 1 }))).toBe(
      'MISSING_OPTION:validEmbeddings',
    );
    expect(
      await errorOf(goracs({ trainEmbeddings: t, validEmbeddings: v, budget: 4, seed: 1 })),
    ).toBe('OUT_OF_RANGE:budget');
    expect(
      await errorOf(goracs({ trainEmbeddings: t, validEmbeddings: v, budget: 1, seed: 1, cut: 0 })),
    ).toBe('OUT_OF_RANGE:cut');
    expect(
      await errorOf(
        goracs({
          trainEmbeddings: t,
          validEmbeddings: v,
          budget: 1,
          seed: 1,
          gradNorms: [1, -1, 0],
        }),
      ),
    ).toBe('OUT_OF_RANGE:gradNorms');
    expect(
      await errorOf(
        goracs({
          trainEmbeddings: t,
          validEmbeddings: col([0, 1, 2, 3]),
          budget: 1,
          seed: 1,
          labels: [0, 1, 1],
        }),
      ),
    ).toBe('MISSING_OPTION:validLabels');
    expect(
      await errorOf(
        goracs({
          trainEmbeddings: t,
          validEmbeddings: v,
          budget: 2,
          labels: [0, 0, 1],
          validLabels: [1, 1],
          validation: 'shared',
        }),
      ),
    ).toBe('INFEASIBLE:budget');
    expect(
      await errorOf(goracs({ cost: matrixFromRows([[2]]), budget: 1, validation: 'shared' })),
    ).toBe('OUT_OF_RANGE:cost');
    expect(
      await errorOf(
        goracs({ cost: matrixFromRows([[0.2]]), lambda: 0.5, budget: 1, validation: 'shared' }),
      ),
    ).toBe('INVALID_ARGUMENT:lambda');
    expect(
      await errorOf(
        selectGoracs({ trainEmbeddings: t, validEmbeddings: v }, {
          budget: 1,
          seed: 1,
          bogus: 1,
        } as never),
      ),
    ).toBe('UNKNOWN_OPTION:bogus');
  });

  it('registers as a CoresetMethod with the documented defaults', async () => {
    const registry = new MethodRegistry().register(goracsMethod);
    const method = registry.get<
      Parameters<typeof goracsMethod.select>[0],
      Parameters<typeof goracsMethod.select>[1]
    >('goracs');
    expect(method.optionsSchema.lambda).toMatchObject({ default: DEFAULT_GORACS_OPTIONS.lambda });
    expect(method.optionsSchema.cut).toMatchObject({ default: 30 });
    expect(method.optionsSchema.maxIters).toMatchObject({ default: 100 });
    const res = await method.select(
      { trainEmbeddings: col([0, 1, 2, 10]), validEmbeddings: col([0, 2, 10]) },
      { budget: 2, seed: 1 },
    );
    expect(res.indices.length).toBe(2);
  });
});
