import { Rng, isCoresetError, matrixFromRows } from '@coresets/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pooCostMatrix } from './cost-matrix.js';
import { greedyInit } from './greedy.js';
import { pooValue } from './poo.js';
import { refineSwaps } from './refine.js';

const col = (xs: number[]) => matrixFromRows(xs.map((x) => [x]));
const specCost = () =>
  pooCostMatrix({
    trainEmbeddings: col([0, 1, 2, 10]),
    validEmbeddings: col([0, 2, 10]),
    gradNorms: [4, 2, 4, 4],
    lambda: 0.2,
  });

describe('pooValue', () => {
  it('gives the spec OT values for every pair', () => {
    const c = specCost();
    const expected: [number[], number][] = [
      [[0, 1], 0.4],
      [[0, 2], 0.3],
      [[0, 3], 1 / 6],
      [[1, 2], 11 / 30],
      [[1, 3], 7 / 30],
      [[2, 3], 0.2],
    ];
    for (const [S, value] of expected) expect(pooValue(c, S)).toBeCloseTo(value, 14);
  });
});

describe('refineSwaps', () => {
  it('swaps 2 → 0 to the optimum 1/6 with cut = 1; the reference mask stops at 0.2', async () => {
    const res = await refineSwaps(specCost(), [2, 3], { cut: 1 });
    expect(res.swaps).toEqual([[2, 0]]);
    expect(Array.from(res.indices)).toEqual([3, 0]);
    expect(res.pooHistory[0]).toBeCloseTo(0.2, 14);
    expect(res.pooHistory[1]).toBeCloseTo(1 / 6, 14);
    const ref = await refineSwaps(specCost(), [2, 3], { cut: 1, selfExclusion: false });
    expect(ref.swaps).toEqual([]);
    expect(ref.swapsTried).toBe(1);
    expect(ref.pooHistory).toEqual([expect.closeTo(0.2, 14)]);
  });

  it('tries removals by descending score; the reference order (ascending) needs more trials', async () => {
    // At S = [2, 3]: F₂ = −0.15 > F₃ = −0.283, additions ordered 0 (−0.183) then 1 (−0.117).
    const def = await refineSwaps(specCost(), [2, 3], { cut: 2 });
    const ref = await refineSwaps(specCost(), [2, 3], { cut: 2, innerOrder: 'reference' });
    expect(def.swaps).toEqual([[2, 0]]);
    expect(ref.swaps).toEqual([[2, 0]]);
    // Default: 2 → 0 first (1 trial), then 4 failing trials at the optimum. Reference: 3 → 0 and
    // 3 → 1 fail before 2 → 0.
    expect(def.swapsTried).toBe(5);
    expect(ref.swapsTried).toBe(7);
  });

  it('follows the threshold vector (POO 0.5 → 0.4; reference threshold stays at 0.5)', async () => {
    const c = matrixFromRows([
      [0.5, 0.5, 0.5, 0.5],
      [0, 0, 1, 1],
      [0.4, 0.4, 0.4, 0.4],
    ]);
    const res = await refineSwaps(c, [0], { cut: 1 });
    expect(Array.from(res.indices)).toEqual([2]);
    expect(res.pooHistory).toEqual([expect.closeTo(0.5, 14), expect.closeTo(0.4, 14)]);
    const ref = await refineSwaps(c, [0], { cut: 1, threshold: 'reference' });
    expect(Array.from(ref.indices)).toEqual([0]);
    expect(ref.pooHistory).toEqual([expect.closeTo(0.5, 14)]);
  });

  it('refines the over-picking vector to the optimum 2/15 with cut ≥ 2', async () => {
    const c = pooCostMatrix({
      trainEmbeddings: col([9, 2, 0, 8, 6]),
      validEmbeddings: col([9, 2, 8, 10, 3, 0]),
      lambda: 0,
    });
    const greedy = greedyInit(c, 3);
    expect(pooValue(c, greedy.indices)).toBeCloseTo(1 / 6, 14);
    expect(pooValue(c, greedyInit(c, 3, { dropInactive: false }).indices)).toBeCloseTo(2 / 15, 14);
    const res = await refineSwaps(c, greedy.indices, { cut: 2 });
    expect(res.pooHistory[res.pooHistory.length - 1]).toBeCloseTo(2 / 15, 14);
  });

  it('lowers POO strictly on every swap, respects maxIters and is 1-swap optimal with a full cut (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1_000_000 }), async (seed) => {
        const rng = Rng.fromSeed(seed);
        const N = 3 + rng.int(6);
        const M = 1 + rng.int(7);
        const n = 1 + rng.int(N - 1);
        const data = new Float64Array(N * M);
        for (let t = 0; t < data.length; t++) data[t] = rng.int(10) / 9;
        const c = { rows: N, cols: M, data };
        const start = Array.from(rng.sampleWithoutReplacement(N, n));
        const maxIters = rng.int(4);
        const capped = await refineSwaps(c, start, { maxIters });
        expect(capped.swaps.length).toBeLessThanOrEqual(maxIters);
        const res = await refineSwaps(c, start, { cut: Math.max(n, N - n) });
        expect(res.indices.length).toBe(n);
        expect(new Set(res.indices).size).toBe(n);
        for (let k = 1; k < res.pooHistory.length; k++) {
          const s = res.pooHistory[k - 1];
          expect(res.pooHistory[k]).toBeLessThan(s - 1e-12 * Math.max(1, s));
        }
        const final = res.pooHistory[res.pooHistory.length - 1];
        expect(pooValue(c, res.indices)).toBeCloseTo(final, 12);
        // No single swap improves the final set.
        const inS = new Set(res.indices);
        for (const i of inS) {
          for (let o = 0; o < N; o++) {
            if (inS.has(o)) continue;
            const T = [...inS].filter((x) => x !== i).concat(o);
            expect(pooValue(c, T)).toBeGreaterThanOrEqual(final - 1e-12 * Math.max(1, final));
          }
        }
      }),
      { seed: 23, numRuns: 60 },
    );
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const c = matrixFromRows([[0], [1], [0.5]]);
    await expect(refineSwaps(c, [1], { signal: controller.signal })).rejects.toSatisfy((e) =>
      isCoresetError(e, 'ABORTED'),
    );
  });
});
