export {
  SCORE_HARD_END,
  SCORE_NAMES,
  hardEnd,
  makeScore,
  oppositeDirection,
} from './scores/score.js';
export type { Score, ScoreName } from './scores/score.js';
export {
  DEFAULT_DYNAMICS_RECORDER_OPTIONS,
  createDynamicsRecorder,
} from './scores/dynamics-recorder.js';
export type {
  DynamicsBatch,
  DynamicsRecorder,
  DynamicsRecorderOptions,
  DynamicsScores,
  FinalOutputs,
} from './scores/dynamics-recorder.js';
export { LOG_EPSILON, el2nScores, entropyScores, lossScores } from './scores/final-model-scores.js';
export type { ModelOutputs } from './scores/final-model-scores.js';

export { waterFill } from './select/water-filling.js';
export type { WaterFillResult } from './select/water-filling.js';
export { equalWidthStrata } from './select/equal-width-strata.js';
export type { Strata, StrataEdges } from './select/equal-width-strata.js';
export { topM } from './select/top-m.js';
export type { TopMOptions, TopMResult } from './select/top-m.js';
export {
  CCS_OPTIONS_SCHEMA,
  DEFAULT_CCS_OPTIONS,
  ccsMethod,
  selectCcs,
} from './select/select-ccs.js';
export type { CcsInput, CcsOptions } from './select/select-ccs.js';
export { ccsInputFromScores } from './select/ccs-input-from-scores.js';
export type { CcsScoreChoice, CcsScoreSelection } from './select/ccs-input-from-scores.js';
export {
  DEFAULT_RANDOM_OPTIONS,
  RANDOM_OPTIONS_SCHEMA,
  randomMethod,
  selectRandom,
} from './select/select-random.js';
export type { RandomInput, RandomOptions } from './select/select-random.js';
export {
  DEFAULT_TOPK_OPTIONS,
  TOPK_OPTIONS_SCHEMA,
  selectTopK,
  topkMethod,
} from './select/select-top-k.js';
export type { TopKInput, TopKOptions } from './select/select-top-k.js';
export {
  DEFAULT_MODERATE_OPTIONS,
  MODERATE_OPTIONS_SCHEMA,
  distanceToClassMedian,
  moderateMethod,
  selectModerate,
} from './select/select-moderate.js';
export type { ModerateInput, ModerateOptions } from './select/select-moderate.js';

export { aucPr, nearestCoresetDistances } from './coverage/auc-pr.js';
export type { CoverageInput, CoverageOptions } from './coverage/auc-pr.js';

export { BETA_GRID, recommendedBeta } from './beta/beta-rule.js';
export { searchBeta } from './beta/search-beta.js';
export type { BetaSearchOptions, BetaSearchResult, BetaTrial } from './beta/search-beta.js';
