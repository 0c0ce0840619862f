// --- GORACS method ---
export { goracs, selectGoracs } from './goracs.js';
export type { GoracsRunMeta } from './goracs.js';
export { goracsMethod } from './goracs-method.js';
export {
  DEFAULT_GORACS_OPTIONS,
  GORACS_INPUT_SCHEMA,
  GORACS_OPTIONS_SCHEMA,
  GORACS_SETTINGS_SCHEMA,
} from './options.js';
export type {
  GoracsInput,
  GoracsOptions,
  GoracsSettings,
  GoracsSolver,
  ResolvedGoracsSettings,
} from './options.js';

// --- building blocks ---
export { assembleCost, pooCostMatrix, scaledDistances, scaledGradNorms } from './cost-matrix.js';
export type { PooCostOptions } from './cost-matrix.js';
export { pooValue } from './poo.js';
export { greedyInit } from './greedy.js';
export type { GreedyOptions, GreedyResult } from './greedy.js';
export { dualScores, kthSmallest } from './dual-scores.js';
export type { DualScoreOptions } from './dual-scores.js';
export { refineSwaps } from './refine.js';
export type { RefineOptions, RefineResult } from './refine.js';
export { labelBudgets, roundHalfEven } from './label-budgets.js';
export { splitValidation } from './validation-split.js';
export type { ValidationSplit } from './validation-split.js';

// --- optimal transport (moves to @coresets/ot when a second package needs it) ---
export { DEFAULT_EMD_OPTIONS, centreDuals, emd } from './ot/emd.js';
export type { EmdBasis, EmdOptions, EmdResult, OtPlan } from './ot/emd.js';
export { DEFAULT_SINKHORN_OPTIONS, sinkhorn } from './ot/sinkhorn.js';
export type { SinkhornOptions, SinkhornResult } from './ot/sinkhorn.js';
export { emdSsp } from './ot/ssp.js';
export type { SspResult } from './ot/ssp.js';
export { otCertificate } from './ot/certificate.js';
export type { OtCertificate } from './ot/certificate.js';
