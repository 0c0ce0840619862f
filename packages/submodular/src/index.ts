// Entry point: facility-location selection and its registry method.
export { selectFacilityLocation } from './select-facility-location.js';
export type { FacilityLocationInput, FacilityLocationResult } from './select-facility-location.js';
export {
  DEFAULT_FACILITY_LOCATION_OPTIONS,
  FACILITY_LOCATION_OPTIONS_SCHEMA,
} from './facility-location-options.js';
export type { FacilityLocationOptions } from './facility-location-options.js';
export { facilityLocationMethod, registerFacilityLocation } from './facility-location-method.js';
export { kCenterGreedy, DEFAULT_K_CENTER_GREEDY_OPTIONS } from './k-center-greedy.js';
export type { KCenterGreedyOptions } from './k-center-greedy.js';
export {
  K_CENTER_GREEDY_OPTIONS_SCHEMA,
  kCenterGreedyMethod,
  registerKCenterGreedy,
} from './k-center-greedy-method.js';
export { clusterWeights } from './cluster-weights.js';

// Set functions.
export type { SetFunction } from './set-function.js';
export { FacilityLocation } from './functions/facility-location.js';
export { GraphCut } from './functions/graph-cut.js';
export { LogDeterminant } from './functions/log-determinant.js';
export { FeatureBased } from './functions/feature-based.js';
export type { ConcaveFunction } from './functions/feature-based.js';

// Kernels.
export {
  assertSimilarities,
  csrToCandidateMajor,
  denseKernelFromSimilarity,
  kernelEntry,
  sparseKernelFromCsr,
} from './kernels/facility-kernel.js';
export type {
  DenseFacilityKernel,
  FacilityKernel,
  SparseFacilityKernel,
} from './kernels/facility-kernel.js';
export { SIMILARITY_TRANSFORMS, transformPlan } from './kernels/similarity-transforms.js';
export type {
  MaxMinusDistance,
  SimilarityTransform,
  TransformParameters,
  TransformPlan,
} from './kernels/similarity-transforms.js';
export { buildDenseKernel } from './kernels/build-dense-kernel.js';
export type { KernelBuildOptions } from './kernels/build-dense-kernel.js';
export { buildKnnKernel } from './kernels/build-knn-kernel.js';
export type { KnnKernelOptions } from './kernels/build-knn-kernel.js';
export { sparsifySimilarity } from './kernels/sparsify-similarity.js';
export type { SparsifyOptions } from './kernels/sparsify-similarity.js';
export { AllocationLog } from './kernels/allocation-log.js';
export type { AllocationRecord } from './kernels/allocation-log.js';

// Optimisers.
export { DEFAULT_MAXIMIZE_OPTIONS } from './optimizers/maximize-options.js';
export type { MaximizeOptions, MaximizeResult } from './optimizers/maximize-options.js';
export { naiveGreedy } from './optimizers/naive-greedy.js';
export { lazyGreedy } from './optimizers/lazy-greedy.js';
export { stochasticGreedy } from './optimizers/stochastic-greedy.js';
export { lazierThanLazyGreedy } from './optimizers/lazier-than-lazy-greedy.js';
export { approximateLazyGreedy } from './optimizers/approximate-lazy-greedy.js';
export { twoStageGreedy } from './optimizers/two-stage-greedy.js';
export { OPTIMIZER_NAMES, OPTIMIZERS, getOptimizer, maximize } from './optimizers/maximize.js';
export type { Optimizer, OptimizerName } from './optimizers/maximize.js';
