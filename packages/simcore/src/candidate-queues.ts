import type { SimilaritySource } from './similarity-source.js';

export interface Candidate {
  readonly index: number;
  readonly sim: number;
}

/**
 * One queue per centroid: open-set rows by decreasing similarity (ties → lower index).
 *
 * Each queue holds at most `capacity` candidates at a time. When a queue's buffer runs out it is
 * refilled with the next `capacity` candidates after the last one handed out, by another scan of
 * the open set; so memory stays at K · capacity entries whatever |U| is, and with capacity ≥ |U|
 * (the default when it fits) every queue is built exactly once.
 */
export class CandidateQueues {
  readonly #source: SimilaritySource;
  readonly #capacity: number;
  readonly #buffers: Candidate[][];
  readonly #positions: Int32Array;
  /** True once a queue's buffer holds everything after its cursor (no refill needed). */
  readonly #complete: boolean[];
  #scans = 0;

  constructor(source: SimilaritySource, capacity: number) {
    this.#source = source;
    this.#capacity = Math.max(1, Math.min(capacity, source.rows));
    const k = source.centroids;
    this.#positions = new Int32Array(k);
    this.#complete = new Array<boolean>(k).fill(false);
    const all = Int32Array.from({ length: k }, (_, i) => i);
    this.#buffers = this.#fill(all, undefined);
    for (let c = 0; c < k; c++) this.#complete[c] = this.#buffers[c].length < this.#capacity || this.#capacity === source.rows;
  }

  /** Number of passes over the open set so far (1 when everything fit). */
  get scans(): number {
    return this.#scans;
  }

  /** Removes and returns the next candidate of centroid `k`, or undefined when exhausted. */
  pop(k: number): Candidate | undefined {
    let buffer = this.#buffers[k];
    if (this.#positions[k] >= buffer.length) {
      if (this.#complete[k] || buffer.length === 0) return undefined;
      const last = buffer[buffer.length - 1];
      buffer = this.#fill(Int32Array.of(k), last)[0];
      this.#buffers[k] = buffer;
      this.#positions[k] = 0;
      this.#complete[k] = buffer.length < this.#capacity;
      if (buffer.length === 0) return undefined;
    }
    return buffer[this.#positions[k]++];
  }

  /** Top-`capacity` candidates per listed centroid, strictly after `after` in queue order. */
  #fill(centroidIds: Int32Array, after: Candidate | undefined): Candidate[][] {
    this.#scans++;
    const width = centroidIds.length;
    const heaps = Array.from({ length: width }, () => new WorstFirstHeap(this.#capacity));
    this.#source.scan(centroidIds, (start, rows, block) => {
      for (let r = 0; r < rows; r++) {
        const index = start + r;
        for (let c = 0; c < width; c++) {
          const sim = block[r * width + c];
          if (Number.isNaN(sim)) throw new RangeError(`similarity of row ${index} is NaN`);
          if (after !== undefined && !ranksAfter(sim, index, after.sim, after.index)) continue;
          heaps[c].offer(sim, index);
        }
      }
    });
    return heaps.map((h) => h.sorted());
  }
}

/** True when (sim, index) comes later in a queue than (refSim, refIndex). */
function ranksAfter(sim: number, index: number, refSim: number, refIndex: number): boolean {
  return sim < refSim || (sim === refSim && index > refIndex);
}

/** Bounded heap keeping the best `capacity` (sim, index) pairs; its root is the worst kept. */
class WorstFirstHeap {
  readonly #sims: Float64Array;
  readonly #idx: Int32Array;
  #size = 0;

  constructor(capacity: number) {
    this.#sims = new Float64Array(capacity);
    this.#idx = new Int32Array(capacity);
  }

  offer(sim: number, index: number): void {
    const cap = this.#sims.length;
    if (this.#size < cap) {
      let c = this.#size++;
      this.#sims[c] = sim;
      this.#idx[c] = index;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!this.#worse(c, p)) break;
        this.#swap(c, p);
        c = p;
      }
      return;
    }
    if (!ranksAfter(this.#sims[0], this.#idx[0], sim, index)) return;
    this.#sims[0] = sim;
    this.#idx[0] = index;
    let p = 0;
    for (;;) {
      const l = 2 * p + 1;
      const r = l + 1;
      let w = p;
      if (l < this.#size && this.#worse(l, w)) w = l;
      if (r < this.#size && this.#worse(r, w)) w = r;
      if (w === p) return;
      this.#swap(p, w);
      p = w;
    }
  }

  sorted(): Candidate[] {
    const out: Candidate[] = [];
    for (let i = 0; i < this.#size; i++) out.push({ index: this.#idx[i], sim: this.#sims[i] });
    out.sort((a, b) => b.sim - a.sim || a.index - b.index);
    return out;
  }

  #worse(a: number, b: number): boolean {
    return ranksAfter(this.#sims[a], this.#idx[a], this.#sims[b], this.#idx[b]);
  }

  #swap(a: number, b: number): void {
    const s = this.#sims[a];
    this.#sims[a] = this.#sims[b];
    this.#sims[b] = s;
    const i = this.#idx[a];
    this.#idx[a] = this.#idx[b];
    this.#idx[b] = i;
  }
}
