import {
  CoresetError,
  assertMatrix,
  forEachDistanceBlock,
  selectRows,
  throwIfAborted,
  type KernelEngine,
  type LongRunningOptions,
  type Matrix,
} from '@coresets/core';

export interface CoverageInput {
  /** Points whose coverage is measured (the test set's embeddings), one per row. */
  readonly reference: Matrix;
  /** Embeddings of the full training set, one per row. */
  readonly features: Matrix;
  /** Rows of `features` forming the coreset. */
  readonly indices: ArrayLike<number>;
}

export interface CoverageOptions extends LongRunningOptions {
  /** Upper bound on one block of the distance matrix, in bytes (default: core's 64 MiB). */
  readonly maxBlockBytes?: number | undefined;
  /** Reference rows per block (overrides `maxBlockBytes`). */
  readonly blockRows?: number | undefined;
  /**
   * `'js'` (default): float64 dot products. `'tfjs'`: the blocks' dot products as one float32
   * matMul on the active tfjs backend, much faster for large coresets; distances then carry
   * float32 rounding (about 1e-6 relative to the squared norms).
   */
  readonly engine?: KernelEngine | undefined;
}

/**
 * For every reference point, the euclidean distance to its nearest coreset point. Distances come
 * from ‖a‖² + ‖b‖² − 2a·b in row blocks (core's `forEachDistanceBlock`), so the full
 * |reference| × |coreset| matrix is never held; the square root is taken after the row minimum.
 */
export function nearestCoresetDistances(
  input: CoverageInput,
  options: CoverageOptions = {},
): Float64Array {
  const { reference, features, indices } = input;
  assertMatrix(reference, 'reference', { minRows: 1 });
  assertMatrix(features, 'features', { minRows: 1 });
  if (reference.cols !== features.cols) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `reference has ${reference.cols} columns, features has ${features.cols}`,
      { argument: 'reference' },
    );
  }
  if (indices === undefined || indices.length === 0) {
    throw new CoresetError('INVALID_ARGUMENT', 'indices must name at least one row of features', {
      argument: 'indices',
    });
  }
  throwIfAborted(options.signal);
  const coreset = selectRows(features, indices);
  const out = new Float64Array(reference.rows).fill(Infinity);
  forEachDistanceBlock(
    reference,
    coreset,
    {
      metric: 'sqeuclidean',
      ...(options.maxBlockBytes === undefined ? {} : { maxBlockBytes: options.maxBlockBytes }),
      ...(options.blockRows === undefined ? {} : { blockRows: options.blockRows }),
      ...(options.engine === undefined ? {} : { engine: options.engine }),
    },
    (rowStart, block) => {
      throwIfAborted(options.signal);
      const cols = block.cols;
      for (let r = 0; r < block.rows; r++) {
        let best = Infinity;
        const base = r * cols;
        for (let j = 0; j < cols; j++) if (block.data[base + j] < best) best = block.data[base + j];
        out[rowStart + r] = Math.sqrt(Math.max(0, best));
      }
      options.onProgress?.({
        phase: 'coverage',
        completed: rowStart + block.rows,
        total: reference.rows,
      });
    },
  );
  return out;
}

/**
 * AUC_pr coverage of a coreset: the mean over reference points of the distance to the nearest
 * coreset point (the area under the radius-vs-covered-fraction curve). Lower is better coverage.
 */
export function aucPr(input: CoverageInput, options: CoverageOptions = {}): number {
  const distances = nearestCoresetDistances(input, options);
  let sum = 0;
  for (let i = 0; i < distances.length; i++) sum += distances[i];
  return sum / distances.length;
}
