import type { CoresetMethod } from '@coresets/core';
import { selectGoracs } from './goracs.js';
import { GORACS_SETTINGS_SCHEMA } from './options.js';
import type { GoracsInput, GoracsSettings } from './options.js';

/** GORACS for a `MethodRegistry` (the CLI's `coresets select goracs`). */
export const goracsMethod: CoresetMethod<GoracsInput, GoracsSettings> = {
  name: 'goracs',
  description:
    'OT-guided coreset: exact OT to a validation target, greedy start, dual-pruned swaps (KDD 2025)',
  optionsSchema: GORACS_SETTINGS_SCHEMA,
  select: (input, options) => selectGoracs(input, options),
};
