import { GreedyRun } from '../internal/greedy-run.js';
import { ranksBefore } from '../internal/ranks-before.js';
import type { SetFunction } from '../set-function.js';
import type { MaximizeOptions, MaximizeResult } from './maximize-options.js';

/** Naive greedy: every step computes all remaining gains (batched) and takes the best. */
export function naiveGreedy(fn: SetFunction, options: MaximizeOptions): MaximizeResult {
  const run = new GreedyRun(fn, options);
  naivePhase(run, run.pool.slice(), Infinity, false);
  return run.result();
}

/**
 * Runs naive steps on `pool` (ascending, modified in place) until `maxSteps` picks or the run
 * stops. Returns the live prefix length of `pool` and the gains of its last batch (aligned with
 * the pool as it was before the last pick was removed) when `keepLast`, for two-stage to reuse
 * as lazy bounds.
 */
export function naivePhase(
  run: GreedyRun,
  pool: Int32Array,
  maxSteps: number,
  keepLast: boolean,
): { size: number; lastGains: Float64Array | undefined; lastPool: Int32Array | undefined } {
  let size = pool.length;
  const buffer = new Float64Array(size);
  let lastGains: Float64Array | undefined;
  let lastPool: Int32Array | undefined;
  for (let step = 0; step < maxSteps && run.active; step++) {
    if (run.costs !== undefined) size = dropUnfit(run, pool, size);
    if (size === 0) break;
    const live = pool.subarray(0, size);
    const gains = buffer.subarray(0, size);
    run.gainsOf(live, gains);
    let best = 0;
    let bestKey = run.key(live[0], gains[0]);
    for (let t = 1; t < size; t++) {
      const key = run.key(live[t], gains[t]);
      if (ranksBefore(key, live[t], bestKey, live[best])) {
        best = t;
        bestKey = key;
      }
    }
    const e = live[best];
    if (keepLast) {
      lastGains = gains.slice();
      lastPool = live.slice();
    }
    const go = run.accept(e, gains[best]);
    pool.copyWithin(best, best + 1, size);
    size--;
    if (!go) break;
  }
  return { size, lastGains, lastPool };
}

/** Removes candidates that no longer fit the knapsack (they never will again); keeps order. */
export function dropUnfit(run: GreedyRun, pool: Int32Array, size: number): number {
  let w = 0;
  for (let t = 0; t < size; t++) if (run.fits(pool[t])) pool[w++] = pool[t];
  return w;
}
