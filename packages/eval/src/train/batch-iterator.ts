import { CoresetError } from '@coresets/core';
import type { Rng } from '@coresets/core';

export interface Batch {
  /** Row positions (0..n−1) of this batch. */
  readonly positions: Int32Array;
  /** 0-based epoch this batch belongs to. */
  readonly epoch: number;
  /** 0-based index of the batch within its epoch. */
  readonly batchInEpoch: number;
}

/**
 * Endless seeded mini-batches: each epoch is a fresh permutation of 0..n−1 cut into batches, so
 * every row is seen exactly once per epoch. The last batch of an epoch may be smaller unless
 * `dropLast` is set (then it is skipped, and n ≥ batchSize is required).
 */
export class BatchIterator {
  readonly #n: number;
  readonly #batchSize: number;
  readonly #rng: Rng;
  readonly #shuffle: boolean;
  readonly #dropLast: boolean;
  #order: Int32Array;
  #cursor = 0;
  #epoch = 0;
  #batchInEpoch = 0;

  constructor(n: number, batchSize: number, rng: Rng, options: { shuffle?: boolean; dropLast?: boolean } = {}) {
    if (!Number.isInteger(n) || n < 1) {
      throw new CoresetError('OUT_OF_RANGE', `the data set must have at least one row, got ${n}`, { argument: 'data' });
    }
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new CoresetError('OUT_OF_RANGE', `batchSize must be a positive integer, got ${batchSize}`, {
        argument: 'batchSize',
      });
    }
    this.#dropLast = options.dropLast ?? false;
    if (this.#dropLast && batchSize > n) {
      throw new CoresetError('INFEASIBLE', `dropLast with batchSize ${batchSize} > n = ${n} yields no batches`, {
        argument: 'batchSize',
      });
    }
    this.#n = n;
    this.#batchSize = batchSize;
    this.#rng = rng;
    this.#shuffle = options.shuffle ?? true;
    this.#order = this.#newOrder();
  }

  /** Batches per epoch. */
  get batchesPerEpoch(): number {
    return this.#dropLast ? Math.floor(this.#n / this.#batchSize) : Math.ceil(this.#n / this.#batchSize);
  }

  next(): Batch {
    let remaining = this.#n - this.#cursor;
    if (remaining === 0 || (this.#dropLast && remaining < this.#batchSize)) {
      this.#epoch++;
      this.#batchInEpoch = 0;
      this.#cursor = 0;
      this.#order = this.#newOrder();
      remaining = this.#n;
    }
    const size = Math.min(this.#batchSize, remaining);
    const positions = this.#order.slice(this.#cursor, this.#cursor + size);
    this.#cursor += size;
    return { positions, epoch: this.#epoch, batchInEpoch: this.#batchInEpoch++ };
  }

  #newOrder(): Int32Array {
    if (this.#shuffle) return this.#rng.permutation(this.#n);
    const order = new Int32Array(this.#n);
    for (let i = 0; i < this.#n; i++) order[i] = i;
    return order;
  }
}
