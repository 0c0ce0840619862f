import { isCoresetError } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import type { LabeledDataset } from './dataset.js';
import { rowsWithLabels, splitDataset, subsetDataset, validateDataset } from './dataset.js';

const data: LabeledDataset = {
  x: { rows: 6, cols: 2, data: Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) },
  labels: Int32Array.from([0, 1, 2, 0, 1, 2]),
  numClasses: 3,
  shape: [2],
  classNames: ['a', 'b', 'c'],
};

describe('subsetDataset', () => {
  it('copies rows in the given order and can relabel', () => {
    const s = subsetDataset(data, [4, 0, 4]);
    expect(Array.from(s.x.data)).toEqual([8, 9, 0, 1, 8, 9]);
    expect(Array.from(s.labels)).toEqual([1, 0, 1]);
    const r = subsetDataset(data, [2, 1, 5], { relabel: [-1, 1, 0] });
    expect(Array.from(r.labels)).toEqual([0, 1, 0]);
    expect(r.numClasses).toBe(2);
    expect(r.classNames).toEqual(['c', 'b']);
    expect(() => subsetDataset(data, [0], { relabel: [-1, 1, 0] })).toThrow(/relabel drops/);
    expect(() => subsetDataset(data, [6])).toThrow(/outside/);
  });
});

describe('splitDataset', () => {
  it('splits deterministically, disjointly and (stratified) keeps class proportions', () => {
    const big: LabeledDataset = {
      x: { rows: 100, cols: 1, data: Float32Array.from({ length: 100 }, (_, i) => i) },
      labels: Int32Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : 1)),
      numClasses: 2,
      shape: [1],
    };
    const a = splitDataset(big, { size: 10, seed: 3, stratify: true });
    const b = splitDataset(big, { size: 10, seed: 3, stratify: true });
    expect(a.secondIndices).toEqual(b.secondIndices);
    expect(Array.from(a.second.labels).filter((y) => y === 0)).toHaveLength(7);
    expect(new Set([...a.firstIndices, ...a.secondIndices]).size).toBe(100);
    expect(Array.from(a.second.x.data)).toEqual(Array.from(a.secondIndices));
    const c = splitDataset(big, { size: 0.25, seed: 1 });
    expect(c.second.x.rows).toBe(25);
    expect(c.secondIndices).not.toEqual(splitDataset(big, { size: 0.25, seed: 2 }).secondIndices);
    // Stratified remainder: 3 rows of a 70/30 set → floor quotas 2 + 0, the remainder goes to the larger class.
    expect(Array.from(splitDataset(big, { size: 3, seed: 0, stratify: true }).second.labels)).toEqual([0, 0, 0]);
    expect(() => splitDataset(big, { size: 101, seed: 0 })).toThrow(/size must be/);
  });
});

describe('validateDataset', () => {
  it('names the argument for bad labels, shapes and values', () => {
    const bad = (d: LabeledDataset, code: string): void => {
      try {
        validateDataset(d, 'train');
        expect.unreachable();
      } catch (e) {
        expect(isCoresetError(e) && [e.code, e.argument]).toEqual([code, 'train']);
      }
    };
    expect(validateDataset(data)).toBe(data);
    bad({ ...data, labels: Int32Array.from([0, 1, 2, 0, 1, 3]) }, 'OUT_OF_RANGE');
    bad({ ...data, shape: [3] }, 'SHAPE_MISMATCH');
    bad({ ...data, labels: new Int32Array(5) }, 'SHAPE_MISMATCH');
    bad({ ...data, x: { ...data.x, data: Float32Array.from([Number.NaN, ...data.x.data.subarray(1)]) } }, 'NON_FINITE');
  });
});

describe('rowsWithLabels', () => {
  it('lists the rows of the given classes in ascending order', () => {
    expect(Array.from(rowsWithLabels(data, [2, 0]))).toEqual([0, 2, 3, 5]);
    expect(() => rowsWithLabels(data, [3])).toThrow(/outside/);
  });
});
