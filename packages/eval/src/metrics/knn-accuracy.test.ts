import { matrixFromRows } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { knnAccuracy } from './knn-accuracy.js';

describe('knnAccuracy', () => {
  const train = matrixFromRows([[0], [1], [2], [10], [11], [12]]);
  const trainLabels = [0, 0, 1, 1, 1, 1];

  it('takes the majority label of the k nearest training rows', () => {
    const test = matrixFromRows([[0.4], [11.2], [5.8]]);
    // k = 3: {0,1,2} → 0,0,1 → 0; {11,10,12} → 1; 5.8: {2, 10, 1} → 1,1,0 → 1.
    const r = knnAccuracy(train, trainLabels, test, [0, 1, 0], { k: 3, metric: 'euclidean' });
    expect(Array.from(r.predictions)).toEqual([0, 1, 1]);
    expect(r.accuracy).toBeCloseTo(2 / 3, 15);
  });

  it('breaks vote ties toward the class of the nearest neighbour', () => {
    // k = 2 around 1.6: neighbours 2 (class 1) then 1 (class 0) → tie → class 1.
    const r = knnAccuracy(train, trainLabels, matrixFromRows([[1.6], [1.4]]), [1, 0], { k: 2, metric: 'euclidean' });
    expect(Array.from(r.predictions)).toEqual([1, 0]);
    expect(() => knnAccuracy(train, trainLabels, train, trainLabels, { k: 7 })).toThrow(/k/);
    expect(() => knnAccuracy(train, [0], train, trainLabels, { k: 1 })).toThrow(/1 labels for 6/);
  });
});
