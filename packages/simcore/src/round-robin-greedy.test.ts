import fc from 'fast-check';
import { Rng, matrixFromRows } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { CandidateQueues } from './candidate-queues.js';
import { roundRobinGreedy, type RoundRobinOptions } from './round-robin-greedy.js';
import { denseSimilaritySource } from './similarity-source.js';

// The spec's 7 open-set samples × 2 centroids.
const SPEC_SIM = matrixFromRows([
  [0.9, 0.95],
  [0.8, 0.2],
  [0.1, 0.85],
  [0.7, 0.6],
  [0.2, 0.5],
  [0.3, 0.4],
  [0.05, 0.1],
]);

function run(sim = SPEC_SIM, opts: Partial<RoundRobinOptions> & { capacity?: number } = {}) {
  const queues = new CandidateQueues(denseSimilaritySource(sim), opts.capacity ?? sim.rows);
  return roundRobinGreedy(queues, sim.cols, {
    budget: 5,
    stop: false,
    stopThresh: 0.95,
    patience: 2,
    distinctPerRound: false,
    rng: Rng.fromSeed(0),
    ...opts,
  });
}

describe('roundRobinGreedy — spec vectors', () => {
  it('no stop, M = 5, reference collisions: {0,1,2,3} + one of {4,5}', () => {
    const r = run();
    expect(Array.from(r.selected.subarray(0, 4))).toEqual([0, 1, 2, 3]);
    expect([4, 5]).toContain(r.selected[4]);
    expect(r.selected.length).toBe(5);
    expect(r.roundMeans.map((f) => Number(f.toFixed(10)))).toEqual([0.925, 0.825, 0.65, 0.4]);
    expect(r.stopReason).toBe('budget');
  });

  it('stop, P = 2, τ = 0.95, M = 7: threshold 0.78375 and result {0,1,2}', () => {
    const r = run(SPEC_SIM, { stop: true, budget: 7 });
    expect(Array.from(r.selected)).toEqual([0, 1, 2]);
    expect(r.referenceSimilarity).toBeCloseTo(0.825, 12);
    expect(0.95 * (r.referenceSimilarity ?? 0)).toBeCloseTo(0.78375, 12);
    expect(r.stopReason).toBe('stop-rule');
    expect(r.rounds).toBe(3);
  });

  it('distinctPerRound, M = 5: rounds {0,2}, {1,3}, {5,4} truncated', () => {
    const r = run(SPEC_SIM, { distinctPerRound: true });
    expect(Array.from(r.selected.subarray(0, 4))).toEqual([0, 2, 1, 3]);
    expect([4, 5]).toContain(r.selected[4]);
    expect(r.roundMeans.map((f) => Number(f.toFixed(10)))).toEqual([0.875, 0.7, 0.4]);
  });

  it('the truncated pick depends only on the seed', () => {
    const picks = new Set<number>();
    for (let seed = 0; seed < 20; seed++) {
      const a = run(SPEC_SIM, { rng: Rng.fromSeed(seed) });
      const b = run(SPEC_SIM, { rng: Rng.fromSeed(seed) });
      expect(Array.from(a.selected)).toEqual(Array.from(b.selected));
      picks.add(a.selected[4]);
    }
    expect([...picks].sort()).toEqual([4, 5]);
  });

  it('ends with "exhausted" when every queue runs dry', () => {
    const r = run(SPEC_SIM, { budget: 7 });
    expect(r.selected.length).toBe(7);
    const r2 = run(matrixFromRows([[0.5], [0.4]]), { budget: 2 });
    expect(Array.from(r2.selected)).toEqual([0, 1]);
  });
});

describe('roundRobinGreedy — properties', () => {
  const arbitrary = fc.record({
    n: fc.integer({ min: 1, max: 40 }),
    k: fc.integer({ min: 1, max: 6 }),
    budgetFrac: fc.double({ min: 0.05, max: 1, noNaN: true }),
    capacity: fc.integer({ min: 1, max: 45 }),
    seed: fc.integer(),
    distinct: fc.boolean(),
    stop: fc.boolean(),
    patience: fc.integer({ min: 1, max: 4 }),
  });

  it('no duplicates, budget respected, ≤ K per round, never stops before P, f non-increasing', () => {
    fc.assert(
      fc.property(arbitrary, ({ n, k, budgetFrac, capacity, seed, distinct, stop, patience }) => {
        const rng = Rng.fromSeed(seed);
        // Few distinct values so that ties are common.
        const data = new Float64Array(n * k).map(() => rng.int(5) / 4);
        const sim = { rows: n, cols: k, data };
        const budget = Math.max(1, Math.ceil(budgetFrac * n));
        const r = run(sim, { budget, capacity, distinctPerRound: distinct, stop, patience, rng: Rng.fromSeed(seed) });
        expect(new Set(r.selected).size).toBe(r.selected.length);
        expect(r.selected.length).toBeLessThanOrEqual(budget);
        if (!stop) expect(r.selected.length).toBe(Math.min(budget, n));
        expect(r.selected.length).toBeLessThanOrEqual(k * r.rounds);
        if (r.stopReason === 'stop-rule') expect(r.rounds).toBeGreaterThan(patience);
        for (let t = 1; t < r.roundMeans.length; t++) {
          expect(r.roundMeans[t]).toBeLessThanOrEqual(r.roundMeans[t - 1] + 1e-12);
        }
        // A bounded queue capacity changes nothing but the number of scans.
        const full = run(sim, { budget, capacity: n, distinctPerRound: distinct, stop, patience, rng: Rng.fromSeed(seed) });
        expect(Array.from(r.selected)).toEqual(Array.from(full.selected));
      }),
      { seed: 424242, numRuns: 150 },
    );
  });
});
