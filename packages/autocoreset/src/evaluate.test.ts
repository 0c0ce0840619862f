import { describe, expect, it } from 'vitest';
import { twoGaussians } from './__fixtures__/synthetic.js';
import {
  classificationAccuracy,
  coresetEpsilon,
  fitFullData,
  fitOnCoreset,
  problemCost,
  rSquared,
} from './evaluate.js';
import type { LinearSolution } from './problems/problem.js';

describe('evaluation helpers', () => {
  const { x, y } = twoGaussians(400, 3, 7);

  it('ε is 0 for the full fit and positive for a worse solution', () => {
    const full = fitFullData<LinearSolution>('logistic', x, y);
    expect(coresetEpsilon('logistic', x, y, full, full)).toBe(0);
    const worse: LinearSolution = { theta: full.theta.map((v) => v * 0.5), bias: full.bias };
    expect(coresetEpsilon('logistic', x, y, worse, full)).toBeGreaterThan(0);
  });

  it('a coreset of every point with unit weights reproduces the full fit', () => {
    const all = {
      indices: Int32Array.from({ length: 400 }, (_, i) => i),
      weights: new Float64Array(400).fill(1),
    };
    const a = fitOnCoreset<LinearSolution>('svm', x, y, all);
    const b = fitFullData<LinearSolution>('svm', x, y);
    expect(Array.from(a.theta)).toEqual(Array.from(b.theta));
    expect(problemCost('svm', x, y, a)).toBe(problemCost('svm', x, y, b));
  });

  it('accuracy and R² on hand-checked cases', () => {
    const px = { rows: 4, cols: 1, data: Float64Array.of(-2, -1, 1, 2) };
    const sol = { theta: Float64Array.of(1), bias: -1.5 };
    // Scores −3.5, −2.5, −0.5, 0.5 → predictions −, −, −, +.
    expect(classificationAccuracy(sol, px, Float64Array.of(0, 0, 1, 1))).toBe(0.75);
    expect(classificationAccuracy(sol, px, Float64Array.of(-1, -1, -1, 1))).toBe(1);
    const exact = { theta: Float64Array.of(2), bias: 1 };
    expect(rSquared(exact, px, Float64Array.of(-3, -1, 3, 5))).toBe(1);
    // Predicting the mean everywhere gives R² = 0.
    expect(
      rSquared({ theta: Float64Array.of(0), bias: 1 }, px, Float64Array.of(-3, -1, 3, 5)),
    ).toBe(0);
  });
});
