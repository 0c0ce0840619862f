// One pool: CoLM's selection, its options and its registry method.
export { colmSelect } from './colm-select.js';
export type {
  ColmCandidateFeatureFn,
  ColmInput,
  ColmMeta,
  ColmSelectionResult,
  ColmSourceBudget,
} from './colm-select.js';
export { COLM_OPTIONS_SCHEMA, DEFAULT_COLM_OPTIONS } from './colm-options.js';
export type { ColmDistance, ColmOptions } from './colm-options.js';
export { colmMethod, registerColm } from './colm-method.js';

// Building blocks.
export { sourceBudgets } from './source-budgets.js';
export type { BudgetRule } from './source-budgets.js';
export { detectSmallSources } from './small-sources.js';

// Training-loop plug-in and its feature functions.
export {
  createColmStepSelector,
  parseColmSelectorState,
  DEFAULT_COLM_STEP_SELECTOR_OPTIONS,
} from './colm-step-selector.js';
export type {
  ColmFeatureFn,
  ColmPool,
  ColmPoolSelection,
  ColmSelectorState,
  ColmStepSelector,
  ColmStepSelectorOptions,
} from './colm-step-selector.js';
export { createZoFeatureFn, stepSeed, DEFAULT_ZO_FEATURE_FN_OPTIONS } from './zo-feature-fn.js';
export type { ColmExampleLossFn, ZoFeatureFnOptions } from './zo-feature-fn.js';
export { createExactFeatureFn } from './exact-feature-fn.js';
export type { ExactFeatureFnOptions } from './exact-feature-fn.js';
