import { describe, expect, it } from 'vitest';
import { twoGaussians } from './__fixtures__/synthetic.js';
import { uniformCoreset } from './uniform-coreset.js';

describe('uniformCoreset', () => {
  const { x, y } = twoGaussians(500, 2, 9, { positive: 0.1 });
  const positives = y.reduce((a, b) => a + b, 0);

  it('per-class: one draw per class with the fair budgets; weights count·n_c/m_c', () => {
    const r = uniformCoreset({ data: x, labels: y, problem: 'logistic', size: 50, seed: 1 });
    const [m0, m1] = r.meta.classBudgets;
    expect(m0 + m1).toBe(50);
    let w1 = 0;
    r.indices.forEach((i, k) => {
      if (y[i] === 1) w1 += r.weights[k];
    });
    // The class-1 weights sum to n₁ exactly (every draw carries n₁/m₁).
    expect(w1).toBeCloseTo(positives, 9);
    expect(r.meta.method).toBe('uniform');
  });

  it('global: weights count·n/m summing to n, every class present, no budgets', () => {
    const r = uniformCoreset({
      data: x,
      labels: y,
      problem: 'svm',
      size: 20,
      mode: 'global',
      seed: 2,
    });
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(500, 9);
    expect(new Set(Array.from(r.indices, (i) => y[i])).size).toBe(2);
    expect(r.meta.classBudgets).toEqual([]);
    expect(() =>
      uniformCoreset({
        data: x,
        labels: y,
        problem: 'svm',
        size: 20,
        mode: 'global',
        classBudgets: 'fair',
      }),
    ).toThrow(expect.objectContaining({ argument: 'classBudgets' }));
  });
});
