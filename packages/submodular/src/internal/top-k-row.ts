import { ranksBefore } from './ranks-before.js';

/**
 * Keeps the k best (key, index, value) entries offered for one row — larger key first, ties to
 * the lower index — in a heap whose top is the worst entry kept. O(k) memory, reused per row.
 */
export class TopKRow {
  readonly k: number;
  readonly #keys: Float64Array;
  readonly #idx: Int32Array;
  readonly #vals: Float64Array;
  #size = 0;

  constructor(k: number) {
    this.k = k;
    this.#keys = new Float64Array(k);
    this.#idx = new Int32Array(k);
    this.#vals = new Float64Array(k);
  }

  get size(): number {
    return this.#size;
  }

  /** Key of the entry that would be evicted next (−∞ while fewer than k are kept). */
  get thresholdKey(): number {
    return this.#size < this.k ? -Infinity : this.#keys[0];
  }

  reset(): void {
    this.#size = 0;
  }

  offer(key: number, j: number, value: number): void {
    if (this.#size < this.k) this.#siftUp(this.#size++, key, j, value);
    else if (ranksBefore(key, j, this.#keys[0], this.#idx[0])) this.#siftDown(key, j, value);
  }

  /** Writes the kept entries in ascending index order at `offset`; returns how many. */
  drain(outIdx: Int32Array, outVal: Float64Array, offset: number): number {
    const size = this.#size;
    const order = Array.from({ length: size }, (_, t) => t).sort(
      (a, b) => this.#idx[a] - this.#idx[b],
    );
    for (let t = 0; t < size; t++) {
      outIdx[offset + t] = this.#idx[order[t]];
      outVal[offset + t] = this.#vals[order[t]];
    }
    this.#size = 0;
    return size;
  }

  // "worse(a, b)": a ranks after b, so the heap top is the entry to evict next.
  #siftUp(c: number, key: number, j: number, value: number): void {
    const keys = this.#keys;
    const idx = this.#idx;
    const vals = this.#vals;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!ranksBefore(keys[p], idx[p], key, j)) break;
      keys[c] = keys[p];
      idx[c] = idx[p];
      vals[c] = vals[p];
      c = p;
    }
    keys[c] = key;
    idx[c] = j;
    vals[c] = value;
  }

  #siftDown(key: number, j: number, value: number): void {
    const keys = this.#keys;
    const idx = this.#idx;
    const vals = this.#vals;
    const size = this.#size;
    let p = 0;
    for (;;) {
      const l = 2 * p + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && ranksBefore(keys[l], idx[l], keys[r], idx[r]) ? r : l;
      if (!ranksBefore(key, j, keys[c], idx[c])) break;
      keys[p] = keys[c];
      idx[p] = idx[c];
      vals[p] = vals[c];
      p = c;
    }
    keys[p] = key;
    idx[p] = j;
    vals[p] = value;
  }
}
