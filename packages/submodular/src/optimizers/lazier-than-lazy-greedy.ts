import { GreedyRun } from '../internal/greedy-run.js';
import { MaxHeap } from '../internal/max-heap.js';
import { ranksBefore } from '../internal/ranks-before.js';
import { SamplePool } from '../internal/sample-pool.js';
import type { SetFunction } from '../set-function.js';
import {
  DEFAULT_MAXIMIZE_OPTIONS,
  type MaximizeOptions,
  type MaximizeResult,
} from './maximize-options.js';

/**
 * Lazier-than-lazy greedy: the stochastic sample of each step is searched lazily against upper
 * bounds kept across steps, so only elements whose bound could win are re-evaluated. Draws the
 * same samples as `stochasticGreedy` with the same seed; for facility location the picks match.
 */
export function lazierThanLazyGreedy(fn: SetFunction, options: MaximizeOptions): MaximizeResult {
  const run = new GreedyRun(fn, options);
  const pool = new SamplePool(run, options.epsilon ?? DEFAULT_MAXIMIZE_OPTIONS.epsilon);
  const n = fn.n;
  const bound = new Float64Array(n).fill(Infinity);
  const stamp = new Int32Array(n).fill(-1);
  const heap = new MaxHeap(pool.sampleSize);
  while (run.active) {
    if (run.costs !== undefined) pool.dropUnfit(run);
    if (pool.size === 0) break;
    const sample = pool.draw();
    heap.clear();
    for (const e of sample) heap.push(run.key(e, bound[e]), e);
    let chosen = -1;
    while (heap.size > 0) {
      const e = heap.pop();
      if (stamp[e] !== run.picked) {
        bound[e] = run.gainOf(e);
        stamp[e] = run.picked;
        const key = run.key(e, bound[e]);
        if (heap.size > 0 && ranksBefore(heap.topKey(), heap.topItem(), key, e)) {
          heap.push(key, e);
          continue;
        }
      }
      chosen = e;
      break;
    }
    pool.remove(chosen);
    if (!run.accept(chosen, bound[chosen])) break;
  }
  return run.result();
}
