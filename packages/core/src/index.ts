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
export type { KernelEngine, PairwiseOptions } from './kernels/pairwise.js';
export { knn } from './kernels/knn.js';
export type { KnnOptions, KnnResult } from './kernels/knn.js';
export { DEFAULT_KMEANS_OPTIONS, kmeans } from './kernels/kmeans.js';
export type { KMeansOptions, KMeansResult } from './kernels/kmeans.js';

// --- backend: tfjs backend selection and wasm kernel gap-filling ---
export { backendInfo, DEFAULT_INIT_BACKEND_OPTIONS, initBackend } from './backend/init-backend.js';
export type { InitBackendOptions } from './backend/init-backend.js';
export type { BackendAttempt, BackendInfo } from './backend/backend-info.js';
export { importBackendPackage } from './backend/load-backend.js';
export type { BackendLoader } from './backend/load-backend.js';
export { BACKEND_CANDIDATES, BACKEND_ENV_VAR } from './backend/resolve-order.js';
export type { BackendCandidate, BackendName, BackendPreference } from './backend/resolve-order.js';
export { registerWasmFallbackKernels } from './backend/wasm-fallbacks.js';
export { registerWasmMatMulTransposeFix } from './backend/wasm-matmul-transpose.js';
export { registerWasmGatherFastPath } from './backend/wasm-gather.js';
export { registerCpuSegmentSumFastPath } from './backend/cpu-segment-sum.js';

// --- io: .npy, CSV, JSON/JSONL, atomic writes ---
export { decodeNpy } from './io/decode-npy.js';
export type { DecodeNpyOptions, NpyArray } from './io/decode-npy.js';
export { encodeNpy } from './io/encode-npy.js';
export type { NpyWriteDtype, NpyWriteInput } from './io/encode-npy.js';
export type { NpyDtype, NpyTypedArray } from './io/npy-dtype.js';
export { npyToMatrix, npyToVector } from './io/npy-convert.js';
export { readNpy, writeNpy } from './io/npy-file.js';
export { DEFAULT_CSV_OPTIONS, parseCsv, readCsv } from './io/parse-csv.js';
export type { CsvOptions, CsvTable } from './io/parse-csv.js';
export { parseJson, parseJsonl, readJson, readJsonl } from './io/read-json.js';
export type { NumericData, ParseJsonOptions } from './io/read-json.js';
export { MATRIX_FILE_EXTENSIONS, readMatrixFile, readVectorFile } from './io/read-matrix-file.js';
export type { ReadMatrixFileOptions } from './io/read-matrix-file.js';
export { DEFAULT_WRITE_JSON_OPTIONS, writeFileAtomic, writeJsonAtomic } from './io/write-file-atomic.js';
export type { WriteJsonOptions } from './io/write-file-atomic.js';
