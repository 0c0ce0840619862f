import { closeTo } from '@coresets/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceOptimum, SET_FUNCTION_CASES } from './__fixtures__/set-function-cases.js';
import { maximize } from './optimizers/maximize.js';

// Seeded so failures reproduce; fast-check prints the seed and counterexample on failure.
const FC = { seed: 20261127, numRuns: 25 } as const;
const caseArb = fc.record({
  seed: fc.integer({ min: 0, max: 1e6 }),
  n: fc.integer({ min: 2, max: 9 }),
});

/** A random subset (as a shuffled prefix) and a superset of it, from a seed. */
function nestedSets(n: number, seed: number): { a: number[]; b: number[]; outside: number[] } {
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const sizeB = Math.max(0, Math.min(n - 1, (seed % n) + 1));
  const sizeA = Math.floor(sizeB / 2);
  return { a: order.slice(0, sizeA), b: order.slice(0, sizeB), outside: order.slice(sizeB) };
}

const tol = (exact: boolean): { rtol: number; atol: number } =>
  exact ? { rtol: 0, atol: 0 } : { rtol: 1e-9, atol: 1e-9 };

describe.each(SET_FUNCTION_CASES)('$name', (c) => {
  it('evaluate(∅) = 0 and marginalGain(∅, e) = evaluate({e})', () => {
    fc.assert(
      fc.property(caseArb, ({ seed, n }) => {
        const fn = c.make(seed, n);
        expect(fn.evaluate([])).toBe(0);
        for (let e = 0; e < n; e++)
          expect(
            closeTo(fn.marginalGain([], e), fn.evaluate([e]), { rtol: 1e-12, atol: 1e-12 }),
          ).toBe(true);
      }),
      FC,
    );
  });

  it('memoised gains equal from-scratch gains; value() equals evaluate()', () => {
    fc.assert(
      fc.property(caseArb, ({ seed, n }) => {
        const fn = c.make(seed, n);
        const { b, outside } = nestedSets(n, seed);
        fn.reset(b);
        const out = new Float64Array(outside.length);
        fn.gains(Int32Array.from(outside), out);
        outside.forEach((e, t) => {
          expect(closeTo(out[t], fn.marginalGain(b, e), tol(c.exact))).toBe(true);
          expect(fn.gain(e)).toBe(out[t]);
        });
        expect(closeTo(fn.value(), fn.evaluate(b), { rtol: 1e-9, atol: 1e-9 })).toBe(true);
        const copy = fn.clone();
        expect(copy.value()).toBe(0);
      }),
      FC,
    );
  });

  it('monotone on nested sets and has diminishing returns', () => {
    fc.assert(
      fc.property(caseArb, ({ seed, n }) => {
        const fn = c.make(seed, n);
        const { a, b, outside } = nestedSets(n, seed);
        if (fn.monotone) expect(fn.evaluate(a)).toBeLessThanOrEqual(fn.evaluate(b) + 1e-9);
        for (const e of outside)
          expect(fn.marginalGain(a, e)).toBeGreaterThanOrEqual(fn.marginalGain(b, e) - 1e-9);
      }),
      FC,
    );
  });

  it('naive ≡ lazy ≡ two-stage ≡ approximate-lazy(β = 1), with the prefix property', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 10 }), ({ seed, n }, budget) => {
        const naive = maximize(c.make(seed, n), 'naive', { budget });
        expect(naive.indices.length).toBe(Math.min(budget, n));
        for (const [name, extra] of [
          ['lazy', {}],
          ['two-stage', { naiveSteps: 2 }],
          ['approximate-lazy', { beta: 1 }],
        ] as const) {
          const other = maximize(c.make(seed, n), name, { budget, ...extra });
          expect(Array.from(other.indices)).toEqual(Array.from(naive.indices));
          other.gains.forEach((g, t) =>
            expect(closeTo(g, naive.gains[t], tol(c.exact))).toBe(true),
          );
        }
        const shorter = maximize(c.make(seed, n), 'lazy', { budget: Math.floor(budget / 2) });
        expect(Array.from(shorter.indices)).toEqual(
          Array.from(naive.indices.subarray(0, shorter.indices.length)),
        );
      }),
      FC,
    );
  });

  it('greedy ≥ (1 − 1/e) · brute-force optimum for k ≤ 3 (monotone cases)', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 3 }), ({ seed, n }, k) => {
        const fn = c.make(seed, n);
        if (!fn.monotone) return;
        const greedy = maximize(fn, 'lazy', { budget: k });
        expect(greedy.value).toBeGreaterThanOrEqual(
          (1 - 1 / Math.E) * bruteForceOptimum(fn, k) - 1e-9,
        );
      }),
      FC,
    );
  });

  it('stochastic with the whole pool ≡ naive; same seed ⇒ same output; lazier-than-lazy ≡ stochastic', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        ({ seed, n }, budget, rngSeed) => {
          const naive = maximize(c.make(seed, n), 'naive', { budget });
          const full = maximize(c.make(seed, n), 'stochastic', {
            budget,
            rng: rngSeed,
            epsilon: 1e-9,
          });
          expect(Array.from(full.indices)).toEqual(Array.from(naive.indices));
          const first = maximize(c.make(seed, n), 'stochastic', {
            budget,
            rng: rngSeed,
            epsilon: 0.5,
          });
          const again = maximize(c.make(seed, n), 'stochastic', {
            budget,
            rng: rngSeed,
            epsilon: 0.5,
          });
          expect(Array.from(again.indices)).toEqual(Array.from(first.indices));
          expect(Array.from(again.gains)).toEqual(Array.from(first.gains));
          const ltl = maximize(c.make(seed, n), 'lazier-than-lazy', {
            budget,
            rng: rngSeed,
            epsilon: 0.5,
          });
          expect(Array.from(ltl.indices)).toEqual(Array.from(first.indices));
        },
      ),
      FC,
    );
  });
});
