export { CoresetError, isCoresetError } from './errors/coreset-error.js';
export type { CoresetErrorCode, CoresetErrorDetails } from './errors/coreset-error.js';
export { throwIfAborted } from './errors/abort.js';

export type { LongRunningOptions, ProgressCallback, ProgressEvent } from './progress/progress.js';

export {
  createMatrix,
  matrixFrom,
  matrixFromRows,
  matrixRow,
  matrixToRows,
  normalizeRows,
  selectRows,
  toFloat32,
  toFloat64,
  transpose,
} from './matrix/matrix.js';
export type { FloatArray, Matrix, MatrixDtype } from './matrix/matrix.js';
export { csrToDense, validateCsr } from './matrix/csr.js';
export type { CsrMatrix } from './matrix/csr.js';
export { assertFinite, assertInteger, assertMatrix } from './matrix/validate.js';
export { matrixToTensor, tensorToMatrix } from './matrix/tensor.js';

export { Rng, toRng, weightedSampler } from './random/rng.js';

export { countClasses, groupByLabel, perClassTopK, rankIndices, topK } from './select/top-k.js';
export type { ScoreDirection } from './select/top-k.js';
export { resolveBudget } from './select/budget.js';

export type { SelectionResult, SelectionTimings } from './contracts/selection-result.js';
export type { CoresetMethod } from './contracts/method.js';
export { MethodRegistry } from './contracts/registry.js';
export { schemaDefaults, validateOptions } from './contracts/options-schema.js';
export type {
  AnyField,
  BooleanField,
  NumberField,
  OptionField,
  OptionsSchema,
  StringField,
} from './contracts/options-schema.js';

// --- kernels: distances, kNN, k-means ---
export { DISTANCE_METRICS, assertMetric, isSimilarity } from './kernels/metric.js';
export type { DistanceMetric } from './kernels/metric.js';
export { forEachDistanceBlock, pairwiseDistances } from './kernels/pairwise.js';
export type { PairwiseOptions } from './kernels/pairwise.js';
export { knn } from './kernels/knn.js';
export type { KnnOptions, KnnResult } from './kernels/knn.js';
export { DEFAULT_KMEANS_OPTIONS, kmeans } from './kernels/kmeans.js';
export type { KMeansOptions, KMeansResult } from './kernels/kmeans.js';

// --- backend: tfjs backend selection and wasm kernel gap-filling ---

// --- io: .npy, CSV, JSON/JSONL, atomic writes ---
