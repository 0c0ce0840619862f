import { CoresetError } from '@coresets/core';
import { GreedyRun } from '../internal/greedy-run.js';
import type { SetFunction } from '../set-function.js';
import { lazyPhase } from './lazy-greedy.js';
import {
  DEFAULT_MAXIMIZE_OPTIONS,
  type MaximizeOptions,
  type MaximizeResult,
} from './maximize-options.js';

/**
 * Approximate lazy greedy: like lazy, but a popped element is accepted as soon as its fresh gain
 * is at least β times the next bound (β = 0.9 by default), trading exactness for fewer
 * re-evaluations.
 */
export function approximateLazyGreedy(fn: SetFunction, options: MaximizeOptions): MaximizeResult {
  const beta = options.beta ?? DEFAULT_MAXIMIZE_OPTIONS.beta;
  if (typeof beta !== 'number' || !(beta > 0 && beta <= 1)) {
    throw new CoresetError('OUT_OF_RANGE', `beta must be in (0, 1], got ${beta}`, {
      argument: 'beta',
    });
  }
  const run = new GreedyRun(fn, options);
  const gains = new Float64Array(run.pool.length);
  run.gainsOf(run.pool, gains);
  lazyPhase(run, run.pool, gains, 0, beta);
  return run.result();
}
