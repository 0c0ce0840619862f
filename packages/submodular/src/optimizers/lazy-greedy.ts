import { GreedyRun } from '../internal/greedy-run.js';
import { MaxHeap } from '../internal/max-heap.js';
import { ranksBefore } from '../internal/ranks-before.js';
import type { SetFunction } from '../set-function.js';
import type { MaximizeOptions, MaximizeResult } from './maximize-options.js';

/**
 * Lazy greedy (Minoux): a real max-heap of upper bounds keyed by (bound desc, index asc),
 * initialised with exact singleton gains. Pop, recompute, accept when (gain, −index) still ranks
 * at or above the next bound, else push back. For facility location this gives exactly naive's
 * picks and gains: stale bounds stay valid even after float rounding.
 */
export function lazyGreedy(fn: SetFunction, options: MaximizeOptions): MaximizeResult {
  const run = new GreedyRun(fn, options);
  const pool = run.pool;
  const gains = new Float64Array(pool.length);
  run.gainsOf(pool, gains);
  lazyPhase(run, pool, gains, 0, 1);
  return run.result();
}

/**
 * Continues a run lazily from bounds `bounds[t]` for `items[t]`, which were exact when `freshAt`
 * picks had been made. `beta` < 1 accepts a fresh gain ≥ β·(next bound) (approximate lazy).
 */
export function lazyPhase(
  run: GreedyRun,
  items: Int32Array,
  bounds: Float64Array,
  freshAt: number,
  beta: number,
): void {
  const heap = new MaxHeap(items.length);
  const stamp = new Int32Array(run.fn.n).fill(-1);
  const gainOf = new Float64Array(run.fn.n);
  for (let t = 0; t < items.length; t++) {
    const e = items[t];
    heap.push(run.key(e, bounds[t]), e);
    stamp[e] = freshAt;
    gainOf[e] = bounds[t];
  }
  while (run.active && heap.size > 0) {
    const e = heap.pop();
    if (!run.fits(e)) continue;
    if (stamp[e] !== run.picked) {
      const g = run.gainOf(e);
      stamp[e] = run.picked;
      gainOf[e] = g;
      if (heap.size > 0) {
        const key = run.key(e, g);
        const nextKey = heap.topKey();
        const accept =
          beta === 1 ? !ranksBefore(nextKey, heap.topItem(), key, e) : key >= beta * nextKey;
        if (!accept) {
          heap.push(key, e);
          continue;
        }
      }
    }
    if (!run.accept(e, gainOf[e])) break;
  }
}
