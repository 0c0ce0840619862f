import { describe, expect, it } from 'vitest';
import { Rng } from '@coresets/core';
import { twoGaussians } from '../__fixtures__/synthetic.js';
import { fitLinearSvm, linearSvmLoss } from './linear-svm.js';
import type { LinearSolution } from './problem.js';

const total = (v: ArrayLike<number>): number => Array.from(v).reduce((a, b) => a + b, 0);

describe('fitLinearSvm', () => {
  const { x, y } = twoGaussians(150, 3, 5);
  const ones = new Float64Array(150).fill(1);

  it('Σ f_i at the fit is not beaten by random perturbations (primal optimality)', () => {
    const sol = fitLinearSvm(x, y, ones, { referenceWeight: 150 }, { tol: 1e-10 });
    expect(sol.converged).toBe(true);
    const cost = (s: LinearSolution): number => total(linearSvmLoss(x, y, s, ones));
    const f0 = cost(sol);
    const rng = Rng.fromSeed(6);
    for (let r = 0; r < 50; r++) {
      const step = 1e-3 * (1 + rng.uniform());
      const theta = Float64Array.from(sol.theta, (v) => v + step * rng.normal());
      expect(cost({ theta, bias: sol.bias + step * rng.normal() })).toBeGreaterThanOrEqual(
        f0 - 1e-9 * f0,
      );
    }
  });

  it('separable data: max-margin separator with all margins ≥ 1 when C is large', () => {
    const sx = { rows: 4, cols: 2, data: Float64Array.of(-2, 0, -1, 1, 1, -1, 2, 0) };
    const sy = Float64Array.of(-1, -1, 1, 1);
    const sol = fitLinearSvm(
      sx,
      sy,
      new Float64Array(4).fill(1),
      { referenceWeight: 4 },
      { c: 1000, tol: 1e-12 },
    );
    // Hard margin: the closest hull points are (−1, 1) and (1, −1), so θ = (½, −½), b = 0, and
    // every point here sits exactly on the margin.
    for (let i = 0; i < 4; i++) {
      const m =
        sy[i] * (sx.data[2 * i] * sol.theta[0] + sx.data[2 * i + 1] * sol.theta[1] + sol.bias);
      expect(m).toBeGreaterThanOrEqual(1 - 1e-9);
    }
    expect(Math.abs(sol.bias)).toBeLessThan(1e-9);
    expect(sol.theta[0]).toBeCloseTo(0.5, 9);
    expect(sol.theta[1]).toBeCloseTo(-0.5, 9);
  });

  it('fit with unit weights on all points is the C-rescaled fit of scaled weights', () => {
    const a = fitLinearSvm(x, y, ones, { referenceWeight: 150 }, { tol: 1e-10 });
    const b = fitLinearSvm(
      x,
      y,
      new Float64Array(150).fill(3),
      { referenceWeight: 150 },
      { tol: 1e-10 },
    );
    for (let j = 0; j < 3; j++) expect(b.theta[j]).toBeCloseTo(a.theta[j], 6);
    expect(b.bias).toBeCloseTo(a.bias, 6);
  });
});
