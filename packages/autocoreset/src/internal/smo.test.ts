import { describe, expect, it } from 'vitest';
import { twoGaussians } from '../__fixtures__/synthetic.js';
import { smoLinearSvm } from './smo.js';

describe('smoLinearSvm', () => {
  it('satisfies the KKT conditions and closes the duality gap (weighted bounds)', () => {
    const { x, y } = twoGaussians(200, 2, 3, { shift: 2 });
    const signs = Float64Array.from(y, (v) => (v > 0 ? 1 : -1));
    const upper = Float64Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 0 : 0.5 + (i % 3)));
    const res = smoLinearSvm(x, signs, upper, 1e-10, 1_000_000);
    expect(res.converged).toBe(true);
    const tol = 1e-7;
    let balance = 0;
    let primalData = 0;
    let alphaSum = 0;
    const w = new Float64Array(2);
    for (let i = 0; i < 200; i++) {
      const a = res.alpha[i];
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(upper[i]);
      balance += a * signs[i];
      alphaSum += a;
      w[0] += a * signs[i] * x.data[2 * i];
      w[1] += a * signs[i] * x.data[2 * i + 1];
      const margin =
        signs[i] * (res.theta[0] * x.data[2 * i] + res.theta[1] * x.data[2 * i + 1] + res.bias);
      primalData += upper[i] * Math.max(0, 1 - margin);
      if (upper[i] === 0) continue;
      if (a <= 0) expect(margin).toBeGreaterThanOrEqual(1 - tol);
      else if (a >= upper[i]) expect(margin).toBeLessThanOrEqual(1 + tol);
      else expect(Math.abs(margin - 1)).toBeLessThan(tol);
    }
    expect(Math.abs(balance)).toBeLessThan(1e-9);
    expect(w[0]).toBeCloseTo(res.theta[0], 10);
    expect(w[1]).toBeCloseTo(res.theta[1], 10);
    const normSq = w[0] ** 2 + w[1] ** 2;
    const primal = 0.5 * normSq + primalData;
    const dual = alphaSum - 0.5 * normSq;
    expect((primal - dual) / primal).toBeLessThan(1e-7);
    expect(res.alpha.filter((_, i) => upper[i] === 0).every((a) => a === 0)).toBe(true);
  });
});
