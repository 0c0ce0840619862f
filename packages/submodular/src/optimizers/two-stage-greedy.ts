import { assertInteger } from '@coresets/core';
import { GreedyRun } from '../internal/greedy-run.js';
import type { SetFunction } from '../set-function.js';
import { lazyPhase } from './lazy-greedy.js';
import {
  DEFAULT_MAXIMIZE_OPTIONS,
  type MaximizeOptions,
  type MaximizeResult,
} from './maximize-options.js';
import { naivePhase } from './naive-greedy.js';

/**
 * Two-stage greedy: naive for the first `naiveSteps` picks (10 by default) — early steps change
 * most gains, so a heap would mostly re-evaluate — then lazy, seeded with the last naive batch
 * as upper bounds.
 */
export function twoStageGreedy(fn: SetFunction, options: MaximizeOptions): MaximizeResult {
  const steps = options.naiveSteps ?? DEFAULT_MAXIMIZE_OPTIONS.naiveSteps;
  assertInteger(steps, 'naiveSteps', 0);
  const run = new GreedyRun(fn, options);
  if (steps === 0) {
    const gains = new Float64Array(run.pool.length);
    run.gainsOf(run.pool, gains);
    lazyPhase(run, run.pool, gains, 0, 1);
    return run.result();
  }
  const pool = run.pool.slice();
  const { lastGains, lastPool } = naivePhase(run, pool, steps, true);
  if (run.active && lastGains !== undefined && lastPool !== undefined) {
    // The last batch was exact one pick ago, so every entry is a valid (stale) upper bound.
    const items: number[] = [];
    const bounds: number[] = [];
    for (let t = 0; t < lastPool.length; t++) {
      if (run.isPicked(lastPool[t])) continue;
      items.push(lastPool[t]);
      bounds.push(lastGains[t]);
    }
    lazyPhase(run, Int32Array.from(items), Float64Array.from(bounds), run.picked - 1, 1);
  }
  return run.result();
}
