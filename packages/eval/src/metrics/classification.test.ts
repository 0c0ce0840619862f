import { isCoresetError, matrixFromRows } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  argmaxRows,
  classificationReport,
  macroAccuracy,
  negativeLogLikelihood,
  perClassAccuracy,
  softmaxRows,
} from './classification.js';
import { relativeError } from './relative-error.js';

describe('classification metrics', () => {
  const labels = [0, 0, 0, 1, 2, 2];
  const predicted = [0, 0, 1, 1, 2, 0];

  it('accuracy, per-class and macro accuracy match hand-computed values', () => {
    expect(accuracy(predicted, labels)).toBeCloseTo(4 / 6, 15);
    expect(Array.from(perClassAccuracy(predicted, labels, 4))).toEqual([2 / 3, 1, 1 / 2, Number.NaN]);
    // Classes without rows are left out of the macro mean.
    expect(macroAccuracy(predicted, labels, 4)).toBeCloseTo((2 / 3 + 1 + 1 / 2) / 3, 15);
    expect(() => accuracy([0], [0, 1])).toThrow(/1 predictions for 2 labels/);
    expect(() => perClassAccuracy([0], [5], 3)).toThrow(/outside/);
  });

  it('argmax breaks ties toward the lower index and rejects NaN', () => {
    expect(Array.from(argmaxRows(matrixFromRows([[1, 3, 3], [2, 2, 2], [-1, -5, 0]])))).toEqual([1, 0, 2]);
    try {
      argmaxRows(matrixFromRows([[0, Number.NaN]]));
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'NON_FINITE')).toBe(true);
    }
  });

  it('NLL and softmax match closed forms, stably for large logits', () => {
    // [0, ln 3] → p = [1/4, 3/4]; [1000, 1000] → p = [1/2, 1/2].
    const logits = matrixFromRows([[0, Math.log(3)], [1000, 1000]]);
    expect(negativeLogLikelihood(logits, [1, 0])).toBeCloseTo((Math.log(4 / 3) + Math.log(2)) / 2, 12);
    const p = softmaxRows(logits).data;
    expect(p[0]).toBeCloseTo(0.25, 15);
    expect(p[1]).toBeCloseTo(0.75, 15);
    expect([p[2], p[3]]).toEqual([0.5, 0.5]);
    const report = classificationReport(logits, [1, 1]);
    expect([report.accuracy, report.n]).toEqual([0.5, 2]); // row 1 ties → class 0
    expect(() => negativeLogLikelihood(logits, [2, 0])).toThrow(/outside/);
  });

  it('relative error ε = F(θ_coreset)/F(θ*) − 1', () => {
    expect(relativeError(0.6, 0.5)).toBeCloseTo(0.2, 15);
    expect(relativeError(0.5, 0.5)).toBe(0);
    expect(() => relativeError(1, 0)).toThrow(/optimalLoss/);
    expect(() => relativeError(-1, 1)).toThrow(/coresetLoss/);
  });
});
