export { softmaxResiduals, PROBABILITY_SUM_TOLERANCE } from './softmax-residuals.js';
export type { ClassifierOutputs } from './softmax-residuals.js';
export { lastLayerGradients, DEFAULT_LAST_LAYER_GRADIENT_OPTIONS } from './last-layer-gradients.js';
export type { LastLayerInput, LastLayerGradientOptions } from './last-layer-gradients.js';
export { lastLayerGradientsTensor } from './last-layer-gradients-tensor.js';
export type { LastLayerTensorInput } from './last-layer-gradients-tensor.js';
export { el2nScores } from './el2n-scores.js';
export { grandScores, DEFAULT_GRAND_SCORE_OPTIONS } from './grand-scores.js';
export type { GrandScoreOptions } from './grand-scores.js';

export {
  perExampleGradients,
  forEachPerExampleGradientChunk,
  DEFAULT_PER_EXAMPLE_GRADIENTS_OPTIONS,
} from './per-example-gradients.js';
export type {
  DenseFn,
  GradientChunkInfo,
  GradientMethod,
  GradientSlice,
  PerExampleGradientsInput,
  PerExampleGradientsOptions,
  PerExampleGradientsResult,
  PerExampleLossFn,
} from './per-example-gradients.js';

export {
  ZerothOrderEstimator,
  ZerothOrderFeatures,
  zerothOrderFeatures,
  DEFAULT_ZEROTH_ORDER_OPTIONS,
} from './zeroth-order.js';
export type { DirectionMode, ExampleLossCallback, ZerothOrderOptions } from './zeroth-order.js';

export {
  RandomProjection,
  DEFAULT_RANDOM_PROJECTION_OPTIONS,
  DEFAULT_PROJECT_OPTIONS,
} from './random-projection.js';
export type {
  ProjectionKind,
  ProjectOptions,
  RandomProjectionOptions,
} from './random-projection.js';

export { AdamNormalizer, DEFAULT_ADAM_NORMALIZER_OPTIONS } from './adam-normalizer.js';
export type { AdamNormalizerOptions, AdamNormalizerState } from './adam-normalizer.js';

export {
  applyColumnMask,
  columnImportance,
  groupTopHColumns,
  topHColumns,
  DEFAULT_TOP_H_MASK_OPTIONS,
} from './top-h-mask.js';
export type { GroupMask, MaskRule, TopHMaskOptions } from './top-h-mask.js';

export {
  measureGradientThroughput,
  DEFAULT_GRADIENT_THROUGHPUT_OPTIONS,
} from './gradient-throughput.js';
export type { GradientThroughput, GradientThroughputOptions } from './gradient-throughput.js';
