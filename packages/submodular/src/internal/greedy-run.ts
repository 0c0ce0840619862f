import { CoresetError, throwIfAborted } from '@coresets/core';
import { checkSet } from './check-set.js';
import {
  assertKnownMaximizeKeys,
  DEFAULT_MAXIMIZE_OPTIONS,
  type MaximizeOptions,
  type MaximizeResult,
} from '../optimizers/maximize-options.js';
import type { SetFunction } from '../set-function.js';

/**
 * Book-keeping shared by every optimiser: validation, the budget (count or knapsack), stop rules,
 * NaN checks, progress, abort and the result arrays. Optimisers only decide *which* element is
 * next; `accept` does the rest.
 */
export class GreedyRun {
  readonly fn: SetFunction;
  readonly options: MaximizeOptions;
  readonly costs: Float64Array | undefined;
  /** Candidates still allowed, ascending. */
  readonly pool: Int32Array;
  readonly #picks: number[] = [];
  readonly #gains: number[] = [];
  readonly #chosen: Uint8Array;
  #remaining: number;
  #stopped = false;
  evaluations = 0;

  constructor(fn: SetFunction, options: MaximizeOptions) {
    assertKnownMaximizeKeys(options);
    const n = fn.n;
    const { budget, costs } = options;
    if (costs !== undefined) {
      if (costs.length !== n) {
        throw new CoresetError(
          'SHAPE_MISMATCH',
          `costs has ${costs.length} entries, expected ${n}`,
          { argument: 'costs' },
        );
      }
      for (let e = 0; e < n; e++) {
        if (!Number.isFinite(costs[e]) || costs[e] <= 0) {
          throw new CoresetError(
            'OUT_OF_RANGE',
            `costs[${e}] = ${costs[e]} must be finite and > 0`,
            { argument: 'costs' },
          );
        }
      }
      if (typeof budget !== 'number' || !Number.isFinite(budget) || budget < 0) {
        throw new CoresetError('OUT_OF_RANGE', `budget must be a finite cost ≥ 0, got ${budget}`, {
          argument: 'budget',
        });
      }
    } else if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 0) {
      throw new CoresetError('OUT_OF_RANGE', `budget must be an integer ≥ 0, got ${budget}`, {
        argument: 'budget',
      });
    }
    const initial = options.initial ?? new Int32Array(0);
    checkSet(initial, n, 'initial');
    const allowed = new Uint8Array(n);
    if (options.candidates === undefined) allowed.fill(1);
    else {
      checkSet(options.candidates, n, 'candidates');
      for (const e of options.candidates) allowed[e] = 1;
    }
    for (const e of initial) allowed[e] = 0;
    let size = 0;
    for (let e = 0; e < n; e++) size += allowed[e];
    const pool = new Int32Array(size);
    for (let e = 0, t = 0; e < n; e++) if (allowed[e] === 1) pool[t++] = e;
    this.fn = fn;
    this.options = options;
    this.costs = costs;
    this.pool = pool;
    this.#remaining = budget;
    this.#chosen = new Uint8Array(n);
    throwIfAborted(options.signal);
    fn.reset(initial);
  }

  get picked(): number {
    return this.#picks.length;
  }

  isPicked(e: number): boolean {
    return this.#chosen[e] === 1;
  }

  /** True while another pick is allowed (budget left and no stop rule fired). */
  get active(): boolean {
    if (this.#stopped) return false;
    return this.costs === undefined ? this.#picks.length < this.#remaining : this.#remaining >= 0;
  }

  /** Picks the optimiser should aim for (count budget, capped by the pool); for stochastic sizing. */
  get targetPicks(): number {
    if (this.costs === undefined) return Math.min(this.options.budget, this.pool.length);
    let mean = 0;
    for (const e of this.pool) mean += this.costs[e];
    mean /= Math.max(1, this.pool.length);
    return Math.max(1, Math.min(this.pool.length, Math.floor(this.options.budget / mean)));
  }

  /** Whether `e` still fits the remaining knapsack budget (always true without costs). */
  fits(e: number): boolean {
    return this.costs === undefined || this.costs[e] <= this.#remaining;
  }

  /** The quantity optimisers rank by: gain, or gain per unit cost under a knapsack. */
  key(e: number, gain: number): number {
    return this.costs === undefined ? gain : gain / this.costs[e];
  }

  /** Throws on a NaN gain; returns it otherwise. */
  checked(e: number, gain: number): number {
    if (Number.isNaN(gain)) {
      throw new CoresetError('NON_FINITE', `the gain of element ${e} is NaN`, { argument: 'fn' });
    }
    return gain;
  }

  gainOf(e: number): number {
    this.evaluations++;
    return this.checked(e, this.fn.gain(e));
  }

  gainsOf(candidates: Int32Array, out: Float64Array): void {
    this.evaluations += candidates.length;
    this.fn.gains(candidates, out);
    for (let t = 0; t < candidates.length; t++) this.checked(candidates[t], out[t]);
  }

  /** Commits `e` unless a stop rule fires; returns false when the run must stop. */
  accept(e: number, gain: number): boolean {
    const o = this.options;
    if (
      ((o.stopIfZeroGain ?? DEFAULT_MAXIMIZE_OPTIONS.stopIfZeroGain) && gain === 0) ||
      ((o.stopIfNegativeGain ?? DEFAULT_MAXIMIZE_OPTIONS.stopIfNegativeGain) && gain < 0)
    ) {
      this.#stopped = true;
      return false;
    }
    this.fn.commit(e);
    this.#picks.push(e);
    this.#chosen[e] = 1;
    this.#gains.push(gain);
    if (this.costs !== undefined) this.#remaining -= this.costs[e];
    if (o.onProgress !== undefined) {
      const knapsack = this.costs !== undefined;
      o.onProgress({
        phase: 'select',
        completed: knapsack ? o.budget - this.#remaining : this.#picks.length,
        total: knapsack ? o.budget : Math.min(o.budget, this.pool.length),
        info: { gain, picked: this.#picks.length, element: e },
      });
    }
    throwIfAborted(o.signal);
    return this.active;
  }

  result(): MaximizeResult {
    return {
      indices: Int32Array.from(this.#picks),
      gains: Float64Array.from(this.#gains),
      value: this.fn.value(),
      evaluations: this.evaluations,
    };
  }
}
