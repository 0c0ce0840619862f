import type { CoresetMethod, Matrix, MethodRegistry, OptionsSchema } from '@coresets/core';
import { validateOptions } from '@coresets/core';
import { kCenterGreedy, type KCenterGreedyOptions } from './k-center-greedy.js';

export const K_CENTER_GREEDY_OPTIONS_SCHEMA: OptionsSchema = {
  budget: { type: 'integer', min: 0, required: true, description: 'centres to pick' },
  metric: {
    type: 'string',
    values: ['euclidean', 'sqeuclidean', 'l1', 'cosine'],
    default: 'euclidean',
    description: 'distance between rows',
  },
  initial: { type: 'any', description: 'Int32Array of centres already chosen' },
  seed: { type: 'any', description: 'seed or Rng for the first centre (needed without initial)' },
  onProgress: { type: 'any', description: 'progress callback' },
  signal: { type: 'any', description: 'AbortSignal' },
};

/** k-center greedy as a registry / CLI method (`coresets select k-center-greedy`). */
export const kCenterGreedyMethod: CoresetMethod<{ features: Matrix }, KCenterGreedyOptions> = {
  name: 'k-center-greedy',
  description: 'Farthest-point (k-center) greedy with an O(n) running minimum',
  optionsSchema: K_CENTER_GREEDY_OPTIONS_SCHEMA,
  select: (input, options) =>
    kCenterGreedy(
      input.features,
      validateOptions<KCenterGreedyOptions>(
        K_CENTER_GREEDY_OPTIONS_SCHEMA,
        options,
        'k-center options',
      ),
    ),
};

/** Adds `k-center-greedy` to a registry. */
export function registerKCenterGreedy(registry: MethodRegistry): MethodRegistry {
  return registry.register(kCenterGreedyMethod);
}
