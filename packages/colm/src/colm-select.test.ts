import { matrixFromRows, Rng, type Matrix } from '@coresets/core';
import { assertAllClose } from '@coresets/core/testing';
import { AdamNormalizer } from '@coresets/gradients';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colmSelect } from './colm-select.js';
import { sourceBudgets } from './source-budgets.js';

const FC = { seed: 20261127, numRuns: 60 } as const;

/** A pool of n rows with D random features and the given sources, from a seed. */
function randomPool(seed: number, sources: number[], dim: number, scale = 1): Matrix<Float64Array> {
  const rng = Rng.fromSeed(seed);
  const data = new Float64Array(sources.length * dim);
  for (let i = 0; i < data.length; i++) data[i] = scale * rng.normal();
  return { rows: sources.length, cols: dim, data };
}

/** Plain greedy facility location on a dense similarity (ties → lower index), for reference. */
function referenceGreedy(sim: Float64Array, n: number, k: number): number[] {
  const best = new Float64Array(n);
  const picks: number[] = [];
  for (let t = 0; t < k; t++) {
    let arg = -1;
    let gain = -Infinity;
    for (let c = 0; c < n; c++) {
      if (picks.includes(c)) continue;
      let g = 0;
      for (let i = 0; i < n; i++) g += Math.max(0, sim[c * n + i] - best[i]);
      if (g > gain) {
        gain = g;
        arg = c;
      }
    }
    picks.push(arg);
    for (let i = 0; i < n; i++) best[i] = Math.max(best[i], sim[arg * n + i]);
  }
  return picks;
}

describe('colmSelect — spec vectors', () => {
  it('facility location on [0, 1, 2, 10, 11, 12] (l1, S = 12 − D, k = 3) picks [2, 4, 0]', async () => {
    const features = matrixFromRows([[0], [1], [2], [10], [11], [12]]);
    const base = {
      budget: 3,
      keepSmall: false,
      normalize: 'none',
      maskRule: 'none',
    } as const;
    const uniform = await colmSelect({ features, sources: [0, 0, 0, 0, 0, 0] }, base);
    expect(Array.from(uniform.indices)).toEqual([2, 4, 0]);
    expect(Array.from(uniform.meta.gains)).toEqual([42, 25, 2]);
    expect(Array.from(uniform.weights)).toEqual([1, 1, 1]);
    // CRAIG cluster sizes [2, 3, 1], rescaled to sum to b = 3.
    const craig = await colmSelect(
      { features, sources: [0, 0, 0, 0, 0, 0] },
      { ...base, weights: 'craig' },
    );
    expect(Array.from(craig.weights)).toEqual([1, 1.5, 0.5]);
  });

  it('Adam: step-0 moments of the single pick, then the t = 1 vector of colm.md §6', async () => {
    const features = matrixFromRows([
      [2, -0.5, 0],
      [0.001, -3, 4],
    ]);
    // One source, b = 1: both rows tie in coverage, so the lower index (row 0) is the pick.
    const r = await colmSelect(
      { features, sources: [0, 0] },
      { budget: 1, keepSmall: false, maskRule: 'none' },
    );
    expect(Array.from(r.indices)).toEqual([0]);
    expect(r.meta.step).toBe(0);
    const state = r.meta.normalizerState;
    expect(state?.step).toBe(1);
    assertAllClose(Float64Array.from(state?.m ?? []), [0.2, -0.05, 0], {
      rtol: 1e-12,
      atol: 1e-15,
    });
    assertAllClose(Float64Array.from(state?.v ?? []), [0.004, 0.00025, 0], {
      rtol: 1e-12,
      atol: 1e-15,
    });
    const u = AdamNormalizer.fromJSON(state).transform(matrixFromRows([[3, 1, -1]]));
    // The spec prints six decimals: agreement to half a unit in the last place.
    assertAllClose(u.data, [0.990807, 0.366104, -0.744137], { rtol: 0, atol: 5e-7 });
  });

  it('Adam at step 0 is sign(x): same picks as raw sign features (|x| ≥ 2^27 makes u exactly ±1)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1e6 }), async (seed) => {
        const sources = [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2];
        const x = randomPool(seed, sources, 6);
        const big = Float64Array.from(x.data, (v) => Math.sign(v) * 2 ** 27 * (1 + Math.abs(v)));
        const signs = Float64Array.from(x.data, (v) => Math.sign(v));
        const opts = { budget: 6, keepSmall: false, sparsity: 3 } as const;
        const adam = await colmSelect({ features: { ...x, data: big }, sources }, opts);
        const raw = await colmSelect(
          { features: { ...x, data: signs }, sources },
          { ...opts, normalize: 'none' },
        );
        expect(Array.from(adam.indices)).toEqual(Array.from(raw.indices));
        expect(adam.meta.budgets.map((s) => Array.from(s.columns))).toEqual(
          raw.meta.budgets.map((s) => Array.from(s.columns)),
        );
      }),
      { ...FC, numRuns: 20 },
    );
  });
});

describe('colmSelect — step invariants', () => {
  const poolArb = fc
    .record({
      seed: fc.integer({ min: 0, max: 1e6 }),
      sources: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 24 }),
      small: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
      frac: fc.double({ min: 0, max: 1, noNaN: true }),
      dim: fc.integer({ min: 1, max: 6 }),
    })
    .map((p) => ({ ...p, budget: Math.round(p.frac * p.sources.length) }));

  it('|selected| = b, kept rows first and all present when |K| ≤ b, per-source counts = k_q, no duplicates, deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(poolArb, async ({ seed, sources, small, dim, budget }) => {
        const features = randomPool(seed, sources, dim);
        const opts = { budget, smallSources: small, sparsity: Math.max(1, dim - 1) };
        const r = await colmSelect({ features, sources }, opts);
        const again = await colmSelect({ features, sources }, opts);
        expect(Array.from(again.indices)).toEqual(Array.from(r.indices));
        expect(r.indices.length).toBe(budget);
        expect(new Set(r.indices).size).toBe(budget);
        const keptAll = sources.flatMap((s, i) => (small.includes(s) ? [i] : []));
        const cand = sources.flatMap((s, i) => (small.includes(s) ? [] : [i]));
        const kept = keptAll.slice(0, Math.min(budget, keptAll.length));
        expect(Array.from(r.indices.subarray(0, kept.length))).toEqual(kept);
        expect(Array.from(r.meta.kept)).toEqual(kept);
        const remaining = budget - keptAll.length;
        if (remaining > 0) {
          const ids = [...new Set(cand.map((i) => sources[i]))].sort((a, b) => a - b);
          const sizes = ids.map((id) => cand.filter((i) => sources[i] === id).length);
          const k = sourceBudgets(sizes, Math.min(remaining, cand.length));
          ids.forEach((id, q) => {
            const picked = Array.from(r.meta.picks).filter((i) => sources[i] === id).length;
            expect(picked).toBe(k[q]);
          });
          expect(r.meta.budgets.map((s) => s.budget)).toEqual(Array.from(k));
        } else {
          expect(r.meta.picks.length).toBe(0);
        }
        expect(Array.from(r.weights)).toEqual(new Array<number>(budget).fill(1));
      }),
      FC,
    );
  });

  it('CRAIG weights: kept rows weigh the same, all weights sum to b', async () => {
    await fc.assert(
      fc.asyncProperty(poolArb, async ({ seed, sources, small, dim, budget }) => {
        const features = randomPool(seed, sources, dim);
        const r = await colmSelect(
          { features, sources },
          { budget, smallSources: small, weights: 'craig', maskRule: 'none' },
        );
        const sum = r.weights.reduce((a, b) => a + b, 0);
        if (budget > 0) expect(sum).toBeCloseTo(budget, 9);
        const kw = Array.from(r.weights.subarray(0, r.meta.kept.length));
        for (const w of kw) expect(w).toBe(kw[0]);
      }),
      FC,
    );
  });

  it('per-source greedy equals a brute-force greedy on the masked Adam features (n ≤ 10)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom('l1' as const, 'l2' as const, 'cosine' as const),
        fc.constantFrom('lazy' as const, 'naive' as const),
        async (seed, n, kRaw, distance, optimizer) => {
          const k = Math.min(kRaw, n - 1);
          const sources = new Array<number>(n).fill(3);
          // Integer features make l1 distances exact, so ties are real ties.
          const x = randomPool(seed, sources, 4);
          const data = Float64Array.from(x.data, (v) => Math.round(3 * v));
          const r = await colmSelect(
            { features: { ...x, data }, sources },
            {
              budget: k,
              keepSmall: false,
              normalize: 'none',
              maskRule: 'none',
              distance,
              optimizer,
            },
          );
          const dist = (a: number, b: number): number => {
            let s = 0;
            let na = 0;
            let nb = 0;
            let dot = 0;
            for (let j = 0; j < 4; j++) {
              const p = data[a * 4 + j];
              const q = data[b * 4 + j];
              s += distance === 'l1' ? Math.abs(p - q) : (p - q) ** 2;
              dot += p * q;
              na += p * p;
              nb += q * q;
            }
            if (distance === 'cosine') return na > 0 && nb > 0 ? 1 - dot / Math.sqrt(na * nb) : 1;
            return distance === 'l2' ? Math.sqrt(s) : s;
          };
          const d = new Float64Array(n * n);
          let max = 0;
          for (let a = 0; a < n; a++) {
            for (let b = 0; b < n; b++) {
              d[a * n + b] = a === b ? 0 : dist(a, b);
              max = Math.max(max, d[a * n + b]);
            }
          }
          const sim = Float64Array.from(d, (v) => max - v);
          if (distance === 'l1') expect(Array.from(r.indices)).toEqual(referenceGreedy(sim, n, k));
          else {
            // Rounding in the kernels may flip near-ties; the objective must still match.
            const value = (p: ArrayLike<number>): number => {
              let total = 0;
              for (let i = 0; i < n; i++) {
                let best = 0;
                for (const c of Array.from(p)) best = Math.max(best, sim[c * n + i]);
                total += best;
              }
              return total;
            };
            expect(value(r.indices)).toBeCloseTo(value(referenceGreedy(sim, n, k)), 8);
          }
        },
      ),
      FC,
    );
  });
});

describe('colmSelect — special cases', () => {
  const sources = [0, 1, 1, 2, 0, 1, 2, 2, 1, 0];

  it('|K| > b: the first b kept rows in pool order, moments untouched, step advanced', async () => {
    const features = randomPool(1, sources, 4);
    const normalizer = new AdamNormalizer(4);
    const r = await colmSelect(
      { features, sources },
      { budget: 3, smallSources: [0, 2], normalizer },
    );
    expect(Array.from(r.indices)).toEqual([0, 3, 4]);
    expect(r.meta.keptOverflow).toBe(3);
    expect(normalizer.step).toBe(1);
    expect(Array.from(normalizer.m)).toEqual([0, 0, 0, 0]);
  });

  it('detects small sources from whole-data sizes', async () => {
    const features = randomPool(2, sources, 4);
    const r = await colmSelect({ features, sources }, { budget: 8, sourceSizes: [50, 900, 40] });
    expect(Array.from(r.meta.smallSources)).toEqual([0, 2]);
    expect(Array.from(r.meta.kept)).toEqual([0, 3, 4, 6, 7, 9]);
    expect(r.indices.length).toBe(8);
    expect(r.meta.budgets.map((b) => [b.source, b.size, b.budget])).toEqual([[1, 4, 2]]);
  });

  it('featureFn is asked only for candidate rows, in pool order', async () => {
    const asked: number[][] = [];
    const r = await colmSelect(
      {
        sources,
        featureFn: (positions) => {
          asked.push(Array.from(positions));
          return randomPool(3, Array.from(positions), 5);
        },
      },
      { budget: 6, smallSources: [0] },
    );
    expect(asked).toEqual([[1, 2, 3, 5, 6, 7, 8]]);
    expect(Array.from(r.indices.subarray(0, 3))).toEqual([0, 4, 9]);
    expect(r.meta.budgets.map((b) => [b.source, b.size, b.budget])).toEqual([
      [1, 4, 2],
      [2, 3, 1],
    ]);
  });

  it('rejects NaN features (NON_FINITE, naming features) unless asked to drop them', async () => {
    const features = randomPool(4, sources, 3);
    features.data[2 * 3 + 1] = Number.NaN;
    await expect(
      colmSelect({ features, sources }, { budget: 4, keepSmall: false }),
    ).rejects.toThrow(expect.objectContaining({ code: 'NON_FINITE', argument: 'features' }));
    const r = await colmSelect(
      { features, sources },
      { budget: 4, keepSmall: false, nonFinite: 'drop' },
    );
    expect(Array.from(r.meta.dropped)).toEqual([2]);
    expect(r.indices.length).toBe(4);
    expect(Array.from(r.indices)).not.toContain(2);
  });

  it('property: any NaN in the features is rejected with an error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1e6 }),
        fc.nat(),
        fc.constantFrom(Number.NaN, Infinity, -Infinity),
        async (seed, at, bad) => {
          const features = randomPool(seed, sources, 3);
          features.data[at % features.data.length] = bad;
          await expect(
            colmSelect({ features, sources }, { budget: 5, smallSources: [1] }),
          ).rejects.toThrow(expect.objectContaining({ code: 'NON_FINITE' }));
        },
      ),
      { ...FC, numRuns: 30 },
    );
  });

  it('takes every candidate when dropping leaves no more than r', async () => {
    const features = randomPool(5, sources, 2);
    for (const row of [1, 2, 5]) features.data[row * 2] = Number.NaN;
    const r = await colmSelect(
      { features, sources },
      { budget: 9, smallSources: [0], nonFinite: 'drop' },
    );
    expect(Array.from(r.indices)).toEqual([0, 4, 9, 8, 3, 6, 7]);
  });

  it('validates options and input', async () => {
    const features = randomPool(6, sources, 3);
    const cases: [object, string, string][] = [
      [{ budget: 11, keepSmall: false }, 'OUT_OF_RANGE', 'budget'],
      [{ budget: 2 }, 'MISSING_OPTION', 'sourceSizes'],
      [
        { budget: 2, smallSources: [0], sourceSizes: [1, 2, 3] },
        'INVALID_ARGUMENT',
        'smallSources',
      ],
      [{ budget: 2, sourceSizes: [1, 2] }, 'OUT_OF_RANGE', 'sourceSizes'],
      [{ budget: 2, keepSmall: false, sparsity: 4 }, 'OUT_OF_RANGE', 'sparsity'],
      [
        { budget: 2, keepSmall: false, sparsity: 2, sparsityRatio: 0.5 },
        'INVALID_ARGUMENT',
        'sparsity',
      ],
      [{ budget: 2, keepSmall: false, maskRule: 'random' }, 'MISSING_OPTION', 'seed'],
      [
        { budget: 2, keepSmall: false, normalize: 'none', normalizer: new AdamNormalizer(3) },
        'INVALID_ARGUMENT',
        'normalizer',
      ],
      [
        { budget: 2, keepSmall: false, normalizer: new AdamNormalizer(5) },
        'SHAPE_MISMATCH',
        'normalizer',
      ],
      [{ budget: 2, keepSmall: false, bogus: 1 }, 'UNKNOWN_OPTION', 'bogus'],
      [{ keepSmall: false }, 'MISSING_OPTION', 'budget'],
    ];
    for (const [opts, code, argument] of cases) {
      await expect(colmSelect({ features, sources }, opts as never)).rejects.toThrow(
        expect.objectContaining({ code, argument }),
      );
    }
    await expect(
      colmSelect({ features, sources: [0, 1] }, { budget: 1, keepSmall: false }),
    ).rejects.toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH', argument: 'features' }));
    await expect(
      colmSelect(
        { features, sources: sources.map((s) => s - 0.5) },
        { budget: 1, keepSmall: false },
      ),
    ).rejects.toThrow(expect.objectContaining({ argument: 'sources' }));
    await expect(
      colmSelect(
        { sources, featureFn: () => randomPool(1, [0], 3) },
        { budget: 1, keepSmall: false },
      ),
    ).rejects.toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH', argument: 'featureFn' }));
  });

  it('historyFrom: candidates averages the moments of every candidate; step starts a fresh normaliser', async () => {
    const features = matrixFromRows([
      [2, -0.5, 0],
      [0.001, -3, 4],
    ]);
    const base = { budget: 1, keepSmall: false, maskRule: 'none' } as const;
    const r = await colmSelect(
      { features, sources: [0, 0] },
      { ...base, historyFrom: 'candidates' },
    );
    // m = mean of 0.1·x over both rows, v = mean of 0.001·x².
    assertAllClose(Float64Array.from(r.meta.normalizerState?.m ?? []), [0.10005, -0.175, 0.2], {
      rtol: 1e-12,
    });
    assertAllClose(
      Float64Array.from(r.meta.normalizerState?.v ?? []),
      [0.0020000005, 0.004625, 0.008],
      { rtol: 1e-12 },
    );
    const later = await colmSelect({ features, sources: [0, 0] }, { ...base, step: 5 });
    expect(later.meta.step).toBe(5);
    expect(later.meta.normalizerState?.step).toBe(6);
    await expect(
      colmSelect(
        { features, sources: [0, 0] },
        { ...base, step: 1, normalizer: new AdamNormalizer(3) },
      ),
    ).rejects.toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'step' }));
  });

  it('stops with ABORTED when the signal fires', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      colmSelect(
        { features: randomPool(8, sources, 3), sources },
        { budget: 4, keepSmall: false, signal: controller.signal },
      ),
    ).rejects.toThrow(expect.objectContaining({ code: 'ABORTED' }));
  });

  it('the random mask rule is seeded; without per-source there is one group', async () => {
    const features = randomPool(7, sources, 8);
    const opts = {
      budget: 5,
      keepSmall: false,
      maskRule: 'random',
      sparsity: 3,
      seed: 11,
    } as const;
    const a = await colmSelect({ features, sources }, opts);
    const b = await colmSelect({ features, sources }, opts);
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(a.meta.budgets.map((s) => Array.from(s.columns))).toEqual(
      b.meta.budgets.map((s) => Array.from(s.columns)),
    );
    const flat = await colmSelect(
      { features, sources },
      { budget: 5, keepSmall: false, perSource: false },
    );
    expect(flat.meta.budgets.map((s) => [s.source, s.size, s.budget])).toEqual([[-1, 10, 5]]);
  });
});
