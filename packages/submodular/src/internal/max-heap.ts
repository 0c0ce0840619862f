import { ranksBefore } from './ranks-before.js';

/**
 * Binary max-heap of (key, index) pairs ordered by key descending, then index ascending, so the
 * top is always the element naive greedy would pick among the stored bounds.
 */
export class MaxHeap {
  readonly #keys: Float64Array;
  readonly #items: Int32Array;
  #size = 0;

  constructor(capacity: number) {
    this.#keys = new Float64Array(Math.max(1, capacity));
    this.#items = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.#size;
  }

  topKey(): number {
    return this.#keys[0];
  }

  topItem(): number {
    return this.#items[0];
  }

  push(key: number, item: number): void {
    const keys = this.#keys;
    const items = this.#items;
    let c = this.#size++;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!ranksBefore(key, item, keys[p], items[p])) break;
      keys[c] = keys[p];
      items[c] = items[p];
      c = p;
    }
    keys[c] = key;
    items[c] = item;
  }

  /** Removes the top and returns its item (the caller reads `topKey()` first if it needs it). */
  pop(): number {
    const keys = this.#keys;
    const items = this.#items;
    const top = items[0];
    const size = --this.#size;
    if (size === 0) return top;
    const key = keys[size];
    const item = items[size];
    let p = 0;
    for (;;) {
      const l = 2 * p + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && ranksBefore(keys[r], items[r], keys[l], items[l]) ? r : l;
      if (!ranksBefore(keys[c], items[c], key, item)) break;
      keys[p] = keys[c];
      items[p] = items[c];
      p = c;
    }
    keys[p] = key;
    items[p] = item;
    return top;
  }

  clear(): void {
    this.#size = 0;
  }
}
