import type { CoresetMethod, MethodRegistry } from '@coresets/core';
import { COLM_OPTIONS_SCHEMA, type ColmOptions } from './colm-options.js';
import { colmSelect, type ColmInput } from './colm-select.js';

/**
 * CoLM as a registry / CLI method (`coresets select colm`): one pool step on given features and
 * source ids. The Adam state goes in as `normalizer` (JSON state) and comes back as
 * `meta.normalizerState`, so a state file carries it from one call to the next.
 */
export const colmMethod: CoresetMethod<ColmInput, ColmOptions> = {
  name: 'colm',
  description:
    'CoLM mini-batch coreset for one pool: keep small sources, per-source facility location on Adam-normalised top-h features',
  optionsSchema: COLM_OPTIONS_SCHEMA,
  select: (input, options) => colmSelect(input, options),
};

/** Adds `colm` to a registry. */
export function registerColm(registry: MethodRegistry): MethodRegistry {
  return registry.register(colmMethod);
}
