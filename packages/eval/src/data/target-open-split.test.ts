import { isCoresetError } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import type { LabeledDataset } from './dataset.js';
import { subsetDataset } from './dataset.js';
import { makeTargetOpenSplit } from './target-open-split.js';

const data: LabeledDataset = {
  x: { rows: 100, cols: 1, data: Float32Array.from({ length: 100 }, (_, i) => i) },
  labels: Int32Array.from({ length: 100 }, (_, i) => i % 10),
  numClasses: 10,
  shape: [1],
};

describe('makeTargetOpenSplit', () => {
  it('draws perClass rows of each target class; everything else is the open set', () => {
    const s = makeTargetOpenSplit(data, { targetClasses: [0, 2, 4, 6], perClass: 3, seed: 1 });
    expect(s.target).toHaveLength(12);
    expect(Array.from(s.target, (i) => data.labels[i])).toEqual([0, 0, 0, 2, 2, 2, 4, 4, 4, 6, 6, 6]);
    expect(s.openSet).toHaveLength(88);
    expect(new Set([...s.target, ...s.openSet]).size).toBe(100);
    // 7 rows of each of the 4 target classes remain in the open set.
    expect(s.openSetRelevant.reduce((a, b) => a + b, 0)).toBe(28);
    expect(Array.from(s.relabel)).toEqual([0, -1, 1, -1, 2, -1, 3, -1, -1, -1]);
    const probe = subsetDataset(data, s.target, { relabel: s.relabel });
    expect(probe.numClasses).toBe(4);
    expect(Array.from(probe.labels)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    expect(makeTargetOpenSplit(data, { perClass: 3, seed: 1 }).target).toEqual(s.target);
    expect(makeTargetOpenSplit(data, { perClass: 3, seed: 2 }).target).not.toEqual(s.target);
  });

  it('rejects infeasible or malformed requests', () => {
    try {
      makeTargetOpenSplit(data, { perClass: 11, seed: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'INFEASIBLE') && e.argument).toBe('perClass');
    }
    expect(() => makeTargetOpenSplit(data, { targetClasses: [1, 1], seed: 0 })).toThrow(/twice/);
    expect(() => makeTargetOpenSplit(data, { targetClasses: [10], seed: 0 })).toThrow(/not a class/);
  });
});
