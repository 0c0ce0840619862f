import type { CoresetMethod } from '@coresets/core';
import { SIMCORE_OPTIONS_SCHEMA, type SimCoreOptions } from './options.js';
import { selectSimCore, type SimCoreInput } from './select-simcore.js';

/** SimCore as a registry entry (`coresets select simcore`). */
export const simcoreMethod: CoresetMethod<SimCoreInput, SimCoreOptions> = {
  name: 'simcore',
  description: 'open-set rows closest to a target set (k-means centroids, round-robin nearest neighbours, stop rule)',
  optionsSchema: SIMCORE_OPTIONS_SCHEMA,
  select: selectSimCore,
};
