import { CoresetError, toRng, type Rng } from '@coresets/core';
import type { GreedyRun } from './greedy-run.js';

/**
 * The remaining candidates as an unordered array with O(1) removal, plus the seeded draw of a
 * step's sample — shared by stochastic and lazier-than-lazy so both see identical samples.
 */
export class SamplePool {
  readonly #items: Int32Array;
  readonly #position: Int32Array;
  #size: number;
  readonly #rng: Rng;
  readonly sampleSize: number;

  constructor(run: GreedyRun, epsilon: number) {
    if (typeof epsilon !== 'number' || !(epsilon > 0 && epsilon < 1)) {
      throw new CoresetError('OUT_OF_RANGE', `epsilon must be in (0, 1), got ${epsilon}`, {
        argument: 'epsilon',
      });
    }
    const { rng } = run.options;
    if (rng === undefined) {
      throw new CoresetError(
        'MISSING_OPTION',
        'stochastic optimisers need a seeded rng (or seed)',
        { argument: 'rng' },
      );
    }
    this.#rng = toRng(rng);
    this.#items = run.pool.slice();
    this.#size = this.#items.length;
    this.#position = new Int32Array(run.fn.n).fill(-1);
    for (let t = 0; t < this.#size; t++) this.#position[this.#items[t]] = t;
    const n = this.#size;
    const k = Math.max(1, run.targetPicks);
    this.sampleSize = Math.max(1, Math.ceil((n / k) * Math.log(1 / epsilon)));
  }

  get size(): number {
    return this.#size;
  }

  remove(e: number): void {
    const p = this.#position[e];
    const last = this.#items[--this.#size];
    this.#items[p] = last;
    this.#position[last] = p;
    this.#position[e] = -1;
  }

  /** Drops every candidate that no longer fits the knapsack. */
  dropUnfit(run: GreedyRun): void {
    for (let t = this.#size - 1; t >= 0; t--) {
      const e = this.#items[t];
      if (!run.fits(e)) this.remove(e);
    }
  }

  /** A fresh sample of min(s, remaining) distinct candidates, ascending. */
  draw(): Int32Array {
    const s = Math.min(this.sampleSize, this.#size);
    const positions = this.#rng.sampleWithoutReplacement(this.#size, s);
    const out = new Int32Array(s);
    for (let t = 0; t < s; t++) out[t] = this.#items[positions[t]];
    return out.sort();
  }
}
