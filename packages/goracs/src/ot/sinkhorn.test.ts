import { Rng, isCoresetError, matrixFromRows } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { emd } from './emd.js';
import { sinkhorn } from './sinkhorn.js';

function randomCost(seed: number, n: number, m: number) {
  const rng = Rng.fromSeed(seed);
  const data = new Float64Array(n * m);
  for (let k = 0; k < data.length; k++) data[k] = rng.uniform();
  return { rows: n, cols: m, data };
}

describe('sinkhorn', () => {
  it('converges to the exact OT cost as ε → 0', () => {
    const c = randomCost(1, 12, 17);
    const exact = emd(c).value;
    const gaps = [0.1, 0.03, 0.01, 0.003, 0.001].map((epsilon) => {
      const res = sinkhorn(c, { epsilon, tol: 1e-9 });
      expect(res.converged).toBe(true);
      expect(res.exact).toBe(false);
      // ⟨P, C⟩ of a feasible plan can only be above the optimum (up to the marginal error).
      expect(res.value).toBeGreaterThanOrEqual(exact - 1e-8);
      return res.value - exact;
    });
    for (let k = 1; k < gaps.length; k++) expect(gaps[k]).toBeLessThan(gaps[k - 1]);
    expect(gaps[gaps.length - 1]).toBeLessThan(1e-3);
  });

  it('stays finite for small ε where exp(−C/ε) underflows, and meets the marginals', () => {
    const c = randomCost(2, 8, 9);
    const res = sinkhorn(c, { epsilon: 1e-3, tol: 1e-9, returnPlan: true });
    expect(Math.exp(-1 / 1e-3)).toBe(0);
    expect(Number.isFinite(res.value)).toBe(true);
    expect(res.marginalError).toBeLessThan(1e-9);
    const plan = res.plan!;
    for (let j = 0; j < 9; j++) {
      let s = 0;
      for (let i = 0; i < 8; i++) s += plan.data[i * 9 + j];
      expect(s).toBeCloseTo(1 / 9, 12);
    }
    expect(Math.abs(res.value - emd(c).value)).toBeLessThan(1e-3);
  });

  it('handles general marginals and centres its potentials', () => {
    const c = matrixFromRows([
      [0, 1],
      [1, 0],
      [0.5, 0.5],
    ]);
    const a = [0.2, 0.3, 0.5];
    const b = [0.6, 0.4];
    const res = sinkhorn(c, { a, b, epsilon: 0.005, tol: 1e-10 });
    expect(res.value).toBeCloseTo(emd(c, { a, b }).value, 2);
    const au = a.reduce((s, x, i) => s + x * res.u[i], 0);
    const bv = b.reduce((s, x, j) => s + x * res.v[j], 0);
    expect(au).toBeCloseTo(bv, 12);
  });

  it('stops on the ℓ2 marginal error when asked (POT\'s rule), in no more sweeps than ℓ1', () => {
    const c = randomCost(5, 30, 40);
    const l1 = sinkhorn(c, { epsilon: 0.02, tol: 1e-7, returnPlan: true });
    const l2 = sinkhorn(c, { epsilon: 0.02, tol: 1e-7, errorNorm: 'l2', returnPlan: true });
    expect(l1.converged && l2.converged).toBe(true);
    expect(l2.iterations).toBeLessThanOrEqual(l1.iterations);
    // The reported error is the row-marginal error of the returned plan, in the chosen norm.
    const rowError = (plan: { data: Float64Array }, norm: 'l1' | 'l2') => {
      let e = 0;
      for (let i = 0; i < 30; i++) {
        let s = 0;
        for (let j = 0; j < 40; j++) s += plan.data[i * 40 + j];
        e += norm === 'l1' ? Math.abs(s - 1 / 30) : (s - 1 / 30) ** 2;
      }
      return norm === 'l1' ? e : Math.sqrt(e);
    };
    expect(rowError(l1.plan!, 'l1')).toBeCloseTo(l1.marginalError, 12);
    expect(rowError(l2.plan!, 'l2')).toBeCloseTo(l2.marginalError, 12);
    expect(l2.marginalError).toBeLessThan(1e-7);
    expect(Math.abs(l1.value - l2.value)).toBeLessThan(1e-5);
  });

  it('stops after maxIterations sweeps and says it did not converge', () => {
    const res = sinkhorn(randomCost(6, 20, 20), { epsilon: 0.001, tol: 1e-12, maxIterations: 3 });
    expect(res.iterations).toBe(3);
    expect(res.converged).toBe(false);
    expect(res.marginalError).toBeGreaterThan(1e-12);
  });

  it('rejects bad options', () => {
    expect(() => sinkhorn(matrixFromRows([[1]]), { errorNorm: 'linf' as never })).toThrow(/errorNorm must be/);
    const c = matrixFromRows([[1]]);
    try {
      sinkhorn(c, { epsilon: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'OUT_OF_RANGE') && e.argument).toBe('epsilon');
    }
  });
});
