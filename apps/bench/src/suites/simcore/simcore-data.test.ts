import type { LabeledDataset } from '@coresets/eval';
import { describe, expect, it } from 'vitest';
import { poolImages, purity, type SeedSplit, type SimCoreData } from './simcore-data.js';

const dataset = (rows: number, cols: number, first: number): LabeledDataset => ({
  x: { rows, cols, data: Float32Array.from({ length: rows * cols }, (_, i) => first + Math.floor(i / cols)) },
  labels: new Int32Array(rows),
  numClasses: 1,
  shape: [cols],
});

describe('purity', () => {
  it('is the share of relevant open-set positions', () => {
    const relevant = Uint8Array.from([1, 0, 1, 1, 0]);
    expect(purity([0, 1, 2, 3], relevant)).toBe(0.75);
    expect(purity([1, 4], relevant)).toBe(0);
    expect(purity([], relevant)).toBeNaN();
  });
});

describe('poolImages', () => {
  it('puts the target images first, then the chosen open-set rows in order', () => {
    // Training rows hold their own index in every pixel; target rows hold 100 + their index.
    const data: SimCoreData = { train: dataset(6, 784, 0), targetTest: dataset(1, 784, 0), dir: '' };
    const split: SeedSplit = { target: dataset(2, 784, 100), openSet: Int32Array.from([1, 3, 4, 5]), openSetRelevant: new Uint8Array(4) };
    const pool = poolImages(data, split, [3, 1]);
    expect(pool.length).toBe(4 * 784);
    expect([0, 1, 2, 3].map((r) => pool[r * 784])).toEqual([100, 101, 5, 3]);
    expect(pool[4 * 784 - 1]).toBe(3);
  });
});
