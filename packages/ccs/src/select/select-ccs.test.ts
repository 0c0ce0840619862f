import { Rng, isCoresetError, type CoresetErrorCode } from '@coresets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalWidthStrata } from './equal-width-strata.js';
import { selectCcs, type CcsOptions } from './select-ccs.js';
import { selectRandom } from './select-random.js';

function errorOf(
  f: () => unknown,
): { code: CoresetErrorCode; argument: string | undefined } | undefined {
  try {
    f();
  } catch (e) {
    if (isCoresetError(e)) return { code: e.code, argument: e.argument };
    throw e;
  }
  return undefined;
}

const AUM = [-5, 3, 0.5, 1, 2.5, -1, 4.2, 0, 3.5, 6];

describe('selectCcs', () => {
  it('reproduces the spec end-to-end vector', () => {
    const r = selectCcs({ scores: AUM }, { hard: 'low', rate: 0.5, beta: 0.2, strata: 3, seed: 1 });
    expect(Array.from(r.meta.cutIndices as Int32Array)).toEqual([0, 5]);
    expect(r.meta.strataSizes).toEqual([3, 3, 2]);
    expect(r.meta.budgets).toEqual([2, 2, 1]);
    expect(r.meta.m).toBe(5);
    const strata = [new Set([2, 3, 7]), new Set([1, 4, 8]), new Set([6, 9])];
    const counts = strata.map((s) => Array.from(r.indices).filter((i) => s.has(i)).length);
    expect(counts).toEqual([2, 2, 1]);
    expect(r.indices).toHaveLength(5);
    expect(Array.from(r.indices)).toEqual([...r.indices].sort((a, b) => a - b));
    for (let t = 0; t < r.indices.length; t++) expect(r.scores![t]).toBe(AUM[r.indices[t]]);
  });

  it('defaults β from the rule for the rate and records where it came from', () => {
    const scores = Array.from({ length: 100 }, (_, i) => i);
    const r = selectCcs({ scores }, { hard: 'high', rate: 0.9 });
    expect(r.meta.beta).toBe(0.3);
    expect(r.meta.betaSource).toBe('rule');
    expect(r.meta.cutCount).toBe(30);
    // hard end 'high': the 30 largest are cut
    expect(Math.max(...r.indices)).toBeLessThan(70);
    const given = selectCcs({ scores }, { hard: 'high', budget: 50, beta: 0.1 });
    expect(given.meta.betaSource).toBe('given');
    expect(given.meta.cutCount).toBe(10);
  });

  it('cuts by a separate cutoff score when given', () => {
    const scores = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const cutoff = [9, 0, 9, 9, 9, 9, 9, 9, 9, 1];
    const r = selectCcs(
      { scores, cutoffScores: cutoff },
      { hard: 'high', cutoffHard: 'low', budget: 8, beta: 0.2, strata: 2, seed: 3 },
    );
    expect(Array.from(r.meta.cutIndices as Int32Array)).toEqual([1, 9]);
    expect(Array.from(r.indices)).toEqual([0, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('rejects β too large for α, and bad option combinations', () => {
    const scores = Array.from({ length: 20 }, (_, i) => i % 7);
    expect(errorOf(() => selectCcs({ scores }, { hard: 'low', rate: 0.5, beta: 0.6 }))).toEqual({
      code: 'INFEASIBLE',
      argument: 'beta',
    });
    expect(errorOf(() => selectCcs({ scores }, { rate: 0.5 } as CcsOptions))).toEqual({
      code: 'MISSING_OPTION',
      argument: 'hard',
    });
    expect(
      errorOf(() => selectCcs({ scores }, { hard: 'low', rate: 0.5, cutoffHard: 'low' })),
    ).toEqual({
      code: 'INVALID_ARGUMENT',
      argument: 'cutoffHard',
    });
    expect(
      errorOf(() => selectCcs({ scores, cutoffScores: scores }, { hard: 'low', rate: 0.5 })),
    ).toEqual({
      code: 'MISSING_OPTION',
      argument: 'cutoffHard',
    });
    expect(
      errorOf(() =>
        selectCcs({ scores, cutoffScores: [1, 2] }, { hard: 'low', rate: 0.5, cutoffHard: 'low' }),
      ),
    ).toEqual({ code: 'SHAPE_MISMATCH', argument: 'cutoffScores' });
    expect(
      errorOf(() => selectCcs({ scores }, { hard: 'low', rate: 0.5, stratas: 3 } as CcsOptions)),
    ).toEqual({
      code: 'UNKNOWN_OPTION',
      argument: 'stratas',
    });
    expect(errorOf(() => selectCcs({ scores }, { hard: 'low' }))).toEqual({
      code: 'INVALID_ARGUMENT',
      argument: 'budget',
    });
    expect(errorOf(() => selectCcs({ scores: [1, Infinity] }, { hard: 'low', budget: 1 }))).toEqual(
      {
        code: 'NON_FINITE',
        argument: 'scores',
      },
    );
    expect(
      errorOf(() =>
        selectCcs({ scores }, { hard: 'low', budget: 3, seed: 'x' as unknown as number }),
      ),
    ).toEqual({
      code: 'INVALID_ARGUMENT',
      argument: 'seed',
    });
  });

  it('honours the reference edge convention', () => {
    // forgetting-like integer scores 0..5: the reference padding moves 1 into stratum 0.
    const scores = [0, 1, 2, 3, 4, 5];
    const exact = selectCcs({ scores }, { hard: 'high', budget: 5, beta: 0, strata: 5 });
    const reference = selectCcs(
      { scores },
      { hard: 'high', budget: 5, beta: 0, strata: 5, edges: 'reference' },
    );
    expect(exact.meta.strataSizes).toEqual([1, 1, 1, 1, 2]);
    expect(reference.meta.strataSizes).toEqual([2, 1, 1, 1, 1]);
  });

  it('accepts an Rng and aborts on a fired signal', () => {
    const a = selectCcs(
      { scores: AUM },
      { hard: 'low', budget: 4, beta: 0.2, strata: 2, seed: Rng.fromSeed(9) },
    );
    const b = selectCcs({ scores: AUM }, { hard: 'low', budget: 4, beta: 0.2, strata: 2, seed: 9 });
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    const controller = new AbortController();
    controller.abort();
    expect(
      errorOf(() =>
        selectCcs({ scores: AUM }, { hard: 'low', budget: 4, signal: controller.signal }),
      )?.code,
    ).toBe('ABORTED');
  });

  const caseArb = fc
    .record({
      values: fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 2, maxLength: 120 }),
      scale: fc.constantFrom(1, 0.25, 0.1),
      k: fc.integer({ min: 1, max: 12 }),
      keepFrac: fc.double({ min: 0, max: 1, noNaN: true }),
      betaFrac: fc.double({ min: 0, max: 1, noNaN: true }),
      hard: fc.constantFrom<'high' | 'low'>('high', 'low'),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    })
    .map(({ values, scale, k, keepFrac, betaFrac, hard, seed }) => {
      const n = values.length;
      const scores = values.map((v) => v * scale);
      const m = 1 + Math.floor(keepFrac * (n - 1));
      // β in steps of 1/n up to the largest feasible cut
      const maxCut = n - m;
      const cut = Math.floor(betaFrac * maxCut);
      return { scores, n, m, k, beta: cut / n, cut, hard, seed };
    });

  it('satisfies the selection properties', () => {
    fc.assert(
      fc.property(caseArb, ({ scores, n, m, k, beta, cut, hard, seed }) => {
        const r = selectCcs({ scores }, { hard, budget: m, beta, strata: k, seed });
        const cutSet = new Set(r.meta.cutIndices as Int32Array);
        expect(r.meta.cutCount).toBe(cut);
        expect(cutSet.size).toBe(cut);
        // the cut set is exactly the hardest `cut` by the score (ties → lower index)
        const order = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
          hard === 'high' ? scores[b] - scores[a] || a - b : scores[a] - scores[b] || a - b,
        );
        expect([...cutSet].sort((a, b) => a - b)).toEqual(
          order.slice(0, cut).sort((a, b) => a - b),
        );
        // |S| = m, distinct, never from the cut set
        expect(r.indices).toHaveLength(m);
        expect(new Set(r.indices).size).toBe(m);
        for (const i of r.indices) expect(cutSet.has(i)).toBe(false);
        // Σ budgets = m, every pick inside its stratum, per-stratum counts = budgets
        const budgets = r.meta.budgets as number[];
        expect(budgets.reduce((a, b) => a + b, 0)).toBe(m);
        const keep = Int32Array.from(order.slice(cut)).sort();
        const strata = equalWidthStrata(scores, keep, k);
        expect(r.meta.strataSizes).toEqual(Array.from(strata.sizes));
        const stratumOfIndex = new Map<number, number>();
        keep.forEach((i, t) => stratumOfIndex.set(i, strata.stratumOf[t]));
        const counts = new Array<number>(k).fill(0);
        for (const i of r.indices) counts[stratumOfIndex.get(i)!]++;
        expect(counts).toEqual(budgets);
        // same seed ⇒ same subset
        const again = selectCcs({ scores }, { hard, budget: m, beta, strata: k, seed });
        expect(Array.from(again.indices)).toEqual(Array.from(r.indices));
      }),
      { seed: 4242, numRuns: 250 },
    );
  });

  it('rejects every β that cuts more than N − m', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200 }),
        fc.double({ min: 0.01, max: 0.98, noNaN: true }),
        (n, rate) => {
          const scores = Array.from({ length: n }, (_, i) => (i * 7) % 13);
          const m = Math.max(1, Math.round(n * (1 - rate)));
          const tooMuch = (n - m + 1) / n;
          if (tooMuch >= 1) return;
          expect(
            errorOf(() => selectCcs({ scores }, { hard: 'low', rate, beta: tooMuch }))?.code,
          ).toBe('INFEASIBLE');
        },
      ),
      { seed: 99, numRuns: 200 },
    );
  });

  it('with β = 0 and one stratum is exactly uniform random sampling', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 10_000 }),
        (scores, frac, seed) => {
          const m = 1 + Math.floor(frac * (scores.length - 1));
          const ccs = selectCcs({ scores }, { hard: 'low', budget: m, beta: 0, strata: 1, seed });
          const random = selectRandom({ n: scores.length }, { budget: m, seed });
          expect(Array.from(ccs.indices)).toEqual(Array.from(random.indices));
        },
      ),
      { seed: 7, numRuns: 150 },
    );
  });

  it('samples uniformly inside a stratum', () => {
    // One stratum of 10 equal scores, budget 3: each member should be picked ≈ 30% of the time.
    const scores = new Array<number>(10).fill(1);
    const hits = new Array<number>(10).fill(0);
    const runs = 2000;
    for (let s = 0; s < runs; s++) {
      for (const i of selectCcs({ scores }, { hard: 'low', budget: 3, beta: 0, strata: 4, seed: s })
        .indices)
        hits[i]++;
    }
    // binomial sd = sqrt(2000 · 0.3 · 0.7) ≈ 20.5; 5 sd band
    for (const h of hits) expect(Math.abs(h - 600)).toBeLessThan(103);
  });
});
