import { Rng } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { MaxHeap } from './max-heap.js';

describe('MaxHeap', () => {
  it('pops by key descending, then index ascending', () => {
    const rng = Rng.fromSeed(4);
    const heap = new MaxHeap(200);
    const entries: [number, number][] = [];
    for (let i = 0; i < 200; i++) {
      const key = rng.int(20); // many ties
      entries.push([key, i]);
      heap.push(key, i);
    }
    entries.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    const popped: number[] = [];
    while (heap.size > 0) popped.push(heap.pop());
    expect(popped).toEqual(entries.map((e) => e[1]));
  });
});
