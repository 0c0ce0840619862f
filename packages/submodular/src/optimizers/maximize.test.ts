import { isCoresetError, matrixFromRows, Rng } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { randomFeatures } from '../__fixtures__/set-function-cases.js';
import { FacilityLocation } from '../functions/facility-location.js';
import { buildDenseKernel } from '../kernels/build-dense-kernel.js';
import { denseKernelFromSimilarity } from '../kernels/facility-kernel.js';
import type { SetFunction } from '../set-function.js';
import { maximize, OPTIMIZER_NAMES, getOptimizer } from './maximize.js';

const fl = (seed: number, n = 12): FacilityLocation =>
  new FacilityLocation(
    buildDenseKernel(randomFeatures(Rng.fromSeed(seed), n, 3), {
      transform: 'maxMinusSqEuclidean',
      dtype: 'float64',
    }),
  );

/** Wraps a function so that one element's gain is NaN. */
function withNaN(inner: SetFunction, bad: number): SetFunction {
  const wrapped: SetFunction = {
    n: inner.n,
    monotone: inner.monotone,
    evaluate: (s) => inner.evaluate(s),
    marginalGain: (s, e) => (e === bad ? NaN : inner.marginalGain(s, e)),
    gain: (e) => (e === bad ? NaN : inner.gain(e)),
    gains: (c, out) => {
      inner.gains(c, out);
      c.forEach((e, t) => {
        if (e === bad) out[t] = NaN;
      });
    },
    commit: (e) => inner.commit(e),
    reset: (i) => inner.reset(i),
    value: () => inner.value(),
    clone: () => withNaN(inner.clone(), bad),
  };
  return wrapped;
}

describe.each(OPTIMIZER_NAMES)('optimizer %s', (name) => {
  const base = { rng: 5 };

  it('budget ≥ n returns every candidate once; budget 0 returns nothing', () => {
    const all = maximize(fl(1), name, { ...base, budget: 50 });
    expect(Array.from(all.indices).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i),
    );
    expect(maximize(fl(1), name, { ...base, budget: 0 }).indices.length).toBe(0);
  });

  it('a NaN gain throws NON_FINITE instead of looping', () => {
    expect(() => maximize(withNaN(fl(2), 3), name, { ...base, budget: 12 })).toThrow(
      expect.objectContaining({ code: 'NON_FINITE' }),
    );
  });

  it('reports progress per pick and honours an AbortSignal', () => {
    const events: number[] = [];
    maximize(fl(3), name, { ...base, budget: 4, onProgress: (e) => events.push(e.completed) });
    expect(events).toEqual([1, 2, 3, 4]);
    const controller = new AbortController();
    let picks = 0;
    expect(() =>
      maximize(fl(3), name, {
        ...base,
        budget: 8,
        signal: controller.signal,
        onProgress: () => {
          if (++picks === 2) controller.abort();
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'ABORTED' }));
    expect(picks).toBe(2);
  });

  it('knapsack: picks fit the budget, and unit costs equal the cardinality run', () => {
    const costs = Float64Array.from({ length: 12 }, (_, e) => 1 + (e % 4));
    const result = maximize(fl(4), name, { ...base, budget: 7.5, costs });
    const spent = Array.from(result.indices).reduce((s, e) => s + costs[e], 0);
    expect(spent).toBeLessThanOrEqual(7.5);
    const unit = maximize(fl(4), name, { ...base, budget: 5, costs: new Float64Array(12).fill(1) });
    const plain = maximize(fl(4), name, { ...base, budget: 5 });
    expect(Array.from(unit.indices)).toEqual(Array.from(plain.indices));
  });

  it('initial elements count toward F but are neither returned nor charged', () => {
    const result = maximize(fl(6), name, { ...base, budget: 3, initial: Int32Array.from([0, 1]) });
    expect(result.indices.length).toBe(3);
    expect(Array.from(result.indices)).not.toContain(0);
    expect(Array.from(result.indices)).not.toContain(1);
    expect(result.value).toBe(fl(6).evaluate([0, 1, ...result.indices]));
  });

  it('candidates restricts the pool; unknown option keys are rejected', () => {
    const result = maximize(fl(7), name, {
      ...base,
      budget: 10,
      candidates: Int32Array.from([2, 5, 9]),
    });
    expect(Array.from(result.indices).sort((a, b) => a - b)).toEqual([2, 5, 9]);
    expect(() =>
      maximize(fl(7), name, { ...base, budget: 2, ...({ bugdet: 3 } as object) }),
    ).toThrow(expect.objectContaining({ code: 'UNKNOWN_OPTION', argument: 'bugdet' }));
  });
});

describe('optimizer specifics', () => {
  const dup = denseKernelFromSimilarity(
    matrixFromRows([
      [1, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]),
  );

  it('stopIfZeroGain stops at the first zero gain; without it the zero-gain pick is made', () => {
    expect(
      Array.from(
        maximize(new FacilityLocation(dup), 'lazy', { budget: 3, stopIfZeroGain: true }).indices,
      ),
    ).toEqual([0, 2]);
    const all = maximize(new FacilityLocation(dup), 'lazy', { budget: 3 });
    expect(Array.from(all.indices)).toEqual([0, 2, 1]);
    expect(Array.from(all.gains)).toEqual([2, 1, 0]);
  });

  it('stopIfNegativeGain stops before a negative gain', () => {
    const neg: SetFunction = {
      n: 4,
      monotone: false,
      evaluate: () => 0,
      marginalGain: () => 0,
      gain: (e) => 3 - 2 * e,
      gains: (c, out) => c.forEach((e, t) => (out[t] = 3 - 2 * e)),
      commit: () => undefined,
      reset: () => undefined,
      value: () => 0,
      clone: () => neg,
    };
    expect(
      Array.from(maximize(neg, 'naive', { budget: 4, stopIfNegativeGain: true }).indices),
    ).toEqual([0, 1]);
    expect(Array.from(maximize(neg, 'naive', { budget: 4 }).indices)).toEqual([0, 1, 2, 3]);
  });

  it('approximate-lazy accepts only gains ≥ β × the best gain of that step', () => {
    const result = maximize(fl(8, 30), 'approximate-lazy', { budget: 10, beta: 0.5 });
    const check = fl(8, 30);
    result.indices.forEach((e, t) => {
      const pool = Int32Array.from({ length: 30 }, (_, i) => i).filter(
        (i) => !result.indices.subarray(0, t).includes(i),
      );
      const gains = new Float64Array(pool.length);
      check.gains(pool, gains);
      expect(result.gains[t]).toBeGreaterThanOrEqual(0.5 * Math.max(...gains));
      check.commit(e);
    });
  });

  it('lazy evaluates far fewer gains than naive', () => {
    const naive = maximize(fl(9, 60), 'naive', { budget: 20 });
    const lazy = maximize(fl(9, 60), 'lazy', { budget: 20 });
    expect(Array.from(lazy.indices)).toEqual(Array.from(naive.indices));
    expect(lazy.evaluations).toBeLessThan(naive.evaluations / 2);
  });

  it('stochastic optimisers need an rng and a valid epsilon', () => {
    expect(() => maximize(fl(1), 'stochastic', { budget: 2 })).toThrow(
      expect.objectContaining({ code: 'MISSING_OPTION' }),
    );
    expect(() => maximize(fl(1), 'lazier-than-lazy', { budget: 2, rng: 1, epsilon: 1 })).toThrow(
      expect.objectContaining({ argument: 'epsilon' }),
    );
  });

  it('unknown optimizer names and bad budgets are rejected', () => {
    expect(() => getOptimizer('lazzy')).toThrow(expect.objectContaining({ argument: 'optimizer' }));
    let error: unknown;
    try {
      maximize(fl(1), 'naive', { budget: -1 });
    } catch (e) {
      error = e;
    }
    expect(isCoresetError(error, 'OUT_OF_RANGE')).toBe(true);
    expect(() => maximize(fl(1), 'naive', { budget: 2.5 })).toThrow(
      expect.objectContaining({ argument: 'budget' }),
    );
  });
});
