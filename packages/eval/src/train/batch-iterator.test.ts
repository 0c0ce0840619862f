import { Rng } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { BatchIterator } from './batch-iterator.js';

describe('BatchIterator', () => {
  it('covers every row exactly once per epoch with a fresh seeded order', () => {
    const it1 = new BatchIterator(10, 4, Rng.fromSeed(1));
    const batches = Array.from({ length: 6 }, () => it1.next());
    expect(batches.map((b) => [b.epoch, b.batchInEpoch, b.positions.length])).toEqual([
      [0, 0, 4],
      [0, 1, 4],
      [0, 2, 2],
      [1, 0, 4],
      [1, 1, 4],
      [1, 2, 2],
    ]);
    const epoch = (e: number): number[] => batches.filter((b) => b.epoch === e).flatMap((b) => Array.from(b.positions));
    expect([...epoch(0)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...epoch(1)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(epoch(0)).not.toEqual(epoch(1));
    const it2 = new BatchIterator(10, 4, Rng.fromSeed(1));
    expect(Array.from({ length: 6 }, () => Array.from(it2.next().positions))).toEqual(batches.map((b) => Array.from(b.positions)));
    expect(it1.batchesPerEpoch).toBe(3);
  });

  it('drops the short batch with dropLast, keeps order without shuffle, and validates', () => {
    const it1 = new BatchIterator(5, 2, Rng.fromSeed(0), { dropLast: true, shuffle: false });
    expect(Array.from({ length: 3 }, () => Array.from(it1.next().positions))).toEqual([[0, 1], [2, 3], [0, 1]]);
    expect(it1.batchesPerEpoch).toBe(2);
    expect(() => new BatchIterator(3, 4, Rng.fromSeed(0), { dropLast: true })).toThrow(/no batches/);
    expect(() => new BatchIterator(0, 4, Rng.fromSeed(0))).toThrow(/at least one row/);
    expect(() => new BatchIterator(3, 0, Rng.fromSeed(0))).toThrow(/batchSize/);
  });
});
