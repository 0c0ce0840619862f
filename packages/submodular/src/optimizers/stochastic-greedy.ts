import { GreedyRun } from '../internal/greedy-run.js';
import { ranksBefore } from '../internal/ranks-before.js';
import { SamplePool } from '../internal/sample-pool.js';
import type { SetFunction } from '../set-function.js';
import {
  DEFAULT_MAXIMIZE_OPTIONS,
  type MaximizeOptions,
  type MaximizeResult,
} from './maximize-options.js';

/**
 * Stochastic greedy (Mirzasoleiman et al.): each step draws s = ⌈(n/k)·ln(1/ε)⌉ remaining
 * candidates with the seeded RNG (capped at the remaining pool, so it never loops) and takes the
 * best of the sample. ε = 0.1 by default; apricot and DeepCore use 0.9.
 */
export function stochasticGreedy(fn: SetFunction, options: MaximizeOptions): MaximizeResult {
  const run = new GreedyRun(fn, options);
  const pool = new SamplePool(run, options.epsilon ?? DEFAULT_MAXIMIZE_OPTIONS.epsilon);
  const buffer = new Float64Array(pool.sampleSize);
  while (run.active) {
    if (run.costs !== undefined) pool.dropUnfit(run);
    if (pool.size === 0) break;
    const sample = pool.draw();
    const gains = buffer.subarray(0, sample.length);
    run.gainsOf(sample, gains);
    let best = 0;
    let bestKey = run.key(sample[0], gains[0]);
    for (let t = 1; t < sample.length; t++) {
      const key = run.key(sample[t], gains[t]);
      if (ranksBefore(key, sample[t], bestKey, sample[best])) {
        best = t;
        bestKey = key;
      }
    }
    pool.remove(sample[best]);
    if (!run.accept(sample[best], gains[best])) break;
  }
  return run.result();
}
