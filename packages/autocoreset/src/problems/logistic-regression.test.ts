import { describe, expect, it } from 'vitest';
import { twoGaussians } from '../__fixtures__/synthetic.js';
import { fitLogisticRegression, logisticRegressionLoss } from './logistic-regression.js';
import type { LinearSolution } from './problem.js';

const total = (v: ArrayLike<number>): number => Array.from(v).reduce((a, b) => a + b, 0);

describe('fitLogisticRegression', () => {
  const { x, y } = twoGaussians(300, 3, 1);
  const ones = new Float64Array(300).fill(1);

  it('the gradient of Σ f_i vanishes at the fit and every nearby point costs more', () => {
    const sol = fitLogisticRegression(x, y, ones, { referenceWeight: 300 });
    expect(sol.converged).toBe(true);
    const cost = (s: LinearSolution): number => total(logisticRegressionLoss(x, y, s, ones));
    const f0 = cost(sol);
    const h = 1e-6;
    const params = [...sol.theta, sol.bias];
    for (let k = 0; k < params.length; k++) {
      const shift = (delta: number): LinearSolution => {
        const p = params.slice();
        p[k] += delta;
        return { theta: Float64Array.from(p.slice(0, 3)), bias: p[3] };
      };
      const g = (cost(shift(h)) - cost(shift(-h))) / (2 * h);
      // Central differences on a cost of O(100): |g| at the optimum is pure rounding noise.
      expect(Math.abs(g)).toBeLessThan(1e-4);
      expect(cost(shift(1e-3))).toBeGreaterThan(f0);
      expect(cost(shift(-1e-3))).toBeGreaterThan(f0);
    }
  });

  it('weight 2 on a point equals duplicating it; C-rescaling makes scaled weights a no-op', () => {
    const dupX = { rows: 301, cols: 3, data: new Float64Array(301 * 3) };
    dupX.data.set(x.data);
    dupX.data.set(x.data.subarray(0, 3), 300 * 3);
    const dupY = Float64Array.from([...y, y[0]]);
    const a = fitLogisticRegression(dupX, dupY, new Float64Array(301).fill(1), {
      referenceWeight: 301,
    });
    const w = new Float64Array(300).fill(1);
    w[0] = 2;
    const b = fitLogisticRegression(x, y, w, { referenceWeight: 301 });
    for (let j = 0; j < 3; j++) expect(b.theta[j]).toBeCloseTo(a.theta[j], 9);
    expect(b.bias).toBeCloseTo(a.bias, 9);
    const scaled = fitLogisticRegression(x, y, new Float64Array(300).fill(7), {
      referenceWeight: 300,
    });
    const unit = fitLogisticRegression(x, y, ones, { referenceWeight: 300 });
    for (let j = 0; j < 3; j++) expect(scaled.theta[j]).toBeCloseTo(unit.theta[j], 9);
  });

  it('separable data: perfect training accuracy, finite weights that grow with C', () => {
    const sx = { rows: 6, cols: 1, data: Float64Array.of(-3, -2, -1, 1, 2, 3) };
    const sy = Float64Array.of(0, 0, 0, 1, 1, 1);
    const w = new Float64Array(6).fill(1);
    const small = fitLogisticRegression(sx, sy, w, { referenceWeight: 6 }, { c: 1 });
    const large = fitLogisticRegression(sx, sy, w, { referenceWeight: 6 }, { c: 100 });
    for (let i = 0; i < 6; i++) {
      const z = sx.data[i] * small.theta[0] + small.bias;
      expect(z > 0).toBe(sy[i] === 1);
    }
    expect(Number.isFinite(large.theta[0])).toBe(true);
    expect(large.theta[0]).toBeGreaterThan(small.theta[0]);
    // Symmetric data: the intercept is zero.
    expect(Math.abs(small.bias)).toBeLessThan(1e-9);
  });

  it('Σ f_i splits the regulariser by weight share', () => {
    const sol = { theta: Float64Array.of(1, -1, 0.5), bias: 0.2 };
    const w = Float64Array.from({ length: 300 }, (_, i) => 1 + (i % 3));
    const f = logisticRegressionLoss(x, y, sol, w);
    // Removing the data term leaves exactly ½‖θ‖².
    const zero = logisticRegressionLoss(x, y, sol, w, 0);
    expect(total(zero)).toBeCloseTo(0.5 * 2.25, 12);
    expect(total(f)).toBeGreaterThan(total(zero));
  });

  it('rejects one-class data and bad labels', () => {
    const w = new Float64Array(300).fill(1);
    expect(() =>
      fitLogisticRegression(x, new Float64Array(300).fill(1), w, { referenceWeight: 300 }),
    ).toThrow(expect.objectContaining({ code: 'INFEASIBLE' }));
    const bad = Float64Array.from(y);
    bad[5] = 2;
    expect(() => fitLogisticRegression(x, bad, w, { referenceWeight: 300 })).toThrow(
      expect.objectContaining({ argument: 'labels' }),
    );
  });
});
