import { CoresetError } from '@coresets/core';
import type { SetFunction } from '../set-function.js';
import { approximateLazyGreedy } from './approximate-lazy-greedy.js';
import { lazierThanLazyGreedy } from './lazier-than-lazy-greedy.js';
import { lazyGreedy } from './lazy-greedy.js';
import type { MaximizeOptions, MaximizeResult } from './maximize-options.js';
import { naiveGreedy } from './naive-greedy.js';
import { stochasticGreedy } from './stochastic-greedy.js';
import { twoStageGreedy } from './two-stage-greedy.js';

export type Optimizer = (fn: SetFunction, options: MaximizeOptions) => MaximizeResult;

/** Optimiser names as the CLI and options objects spell them. */
export const OPTIMIZER_NAMES = [
  'naive',
  'lazy',
  'stochastic',
  'lazier-than-lazy',
  'approximate-lazy',
  'two-stage',
] as const;

export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** Name → optimiser. A frozen map, not global mutable state. */
export const OPTIMIZERS: Readonly<Record<OptimizerName, Optimizer>> = Object.freeze({
  naive: naiveGreedy,
  lazy: lazyGreedy,
  stochastic: stochasticGreedy,
  'lazier-than-lazy': lazierThanLazyGreedy,
  'approximate-lazy': approximateLazyGreedy,
  'two-stage': twoStageGreedy,
});

/** Looks an optimiser up by name; an unknown name throws listing the known ones. */
export function getOptimizer(name: string): Optimizer {
  if (!(OPTIMIZER_NAMES as readonly string[]).includes(name)) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `unknown optimizer "${name}"; known: ${OPTIMIZER_NAMES.join(', ')}`,
      {
        argument: 'optimizer',
      },
    );
  }
  return OPTIMIZERS[name as OptimizerName];
}

/** Maximises `fn` with the named optimiser. */
export function maximize(
  fn: SetFunction,
  optimizer: OptimizerName,
  options: MaximizeOptions,
): MaximizeResult {
  return getOptimizer(optimizer)(fn, options);
}
