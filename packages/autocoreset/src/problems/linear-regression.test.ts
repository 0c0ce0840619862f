import { describe, expect, it } from 'vitest';
import { Matrix as MlMatrix, solve } from 'ml-matrix';
import { Rng } from '@coresets/core';
import { fitLinearRegression, linearRegressionLoss } from './linear-regression.js';

describe('fitLinearRegression', () => {
  const rng = Rng.fromSeed(8);
  const n = 60;
  const d = 3;
  const x = { rows: n, cols: d, data: rng.fillNormal(new Float64Array(n * d)) };
  const y = Float64Array.from(
    { length: n },
    (_, i) =>
      2 * x.data[i * d] - x.data[i * d + 1] + 0.5 * x.data[i * d + 2] + 3 + 0.1 * rng.normal(),
  );
  const w = Float64Array.from({ length: n }, () => rng.uniformRange(0.5, 2));

  it('matches the weighted normal equations (XᵀUX)β = XᵀUy', () => {
    const sol = fitLinearRegression(x, y, w);
    const rows = Array.from({ length: n }, (_, i) => [...x.data.subarray(i * d, i * d + d), 1]);
    const a = new MlMatrix(rows);
    const u = MlMatrix.diag(Array.from(w));
    const at = a.transpose();
    const beta = solve(
      at.mmul(u).mmul(a),
      at.mmul(u).mmul(MlMatrix.columnVector(Array.from(y))),
    ).getColumn(0);
    for (let j = 0; j < d; j++) expect(sol.theta[j]).toBeCloseTo(beta[j], 10);
    expect(sol.bias).toBeCloseTo(beta[d], 10);
  });

  it('recovers an exact linear model and Σ f_i = 0 there', () => {
    const exact = Float64Array.from(
      { length: n },
      (_, i) => x.data[i * d] - 4 * x.data[i * d + 2] - 1,
    );
    const sol = fitLinearRegression(x, exact, w);
    expect(sol.theta[0]).toBeCloseTo(1, 10);
    expect(sol.theta[1]).toBeCloseTo(0, 10);
    expect(sol.theta[2]).toBeCloseTo(-4, 10);
    expect(sol.bias).toBeCloseTo(-1, 10);
    expect(linearRegressionLoss(x, exact, sol, w).reduce((a, b) => a + b, 0)).toBeLessThan(
      1e-18 * n + 1e-15,
    );
  });

  it('rank-deficient coreset (2 points, 3 features): the minimum-norm interpolant', () => {
    const sx = { rows: 2, cols: 3, data: Float64Array.of(1, 0, 0, 0, 1, 0) };
    const sy = Float64Array.of(2, 4);
    const sol = fitLinearRegression(sx, sy, Float64Array.of(1, 1));
    const loss = linearRegressionLoss(sx, sy, sol, Float64Array.of(1, 1));
    expect(loss[0]).toBeLessThan(1e-20);
    expect(loss[1]).toBeLessThan(1e-20);
    expect(sol.theta[2]).toBeCloseTo(0, 12);
  });

  it('zero-weight rows do not influence the fit', () => {
    const w2 = Float64Array.from(w);
    const y2 = Float64Array.from(y);
    w2[0] = 0;
    y2[0] = 1e6;
    const a = fitLinearRegression(x, y2, w2);
    const b = fitLinearRegression(
      { rows: n - 1, cols: d, data: x.data.slice(d) },
      y.slice(1),
      w.slice(1),
    );
    for (let j = 0; j < d; j++) expect(a.theta[j]).toBeCloseTo(b.theta[j], 9);
  });
});
