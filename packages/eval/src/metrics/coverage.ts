import { CoresetError, assertMatrix, forEachDistanceBlock } from '@coresets/core';
import type { Matrix } from '@coresets/core';

export interface CoverageOptions {
  /** Bytes of one block of squared distances (float64). */
  readonly maxBlockBytes?: number | undefined;
}

/**
 * AUC_pr coverage (CCS, after d2pruning): the mean over test embeddings of the euclidean
 * distance to the nearest coreset embedding, (1/|T|) Σ_x min_s ‖φ(x) − φ(s)‖₂. Lower = better
 * covered. Distances come from ‖a‖² + ‖b‖² − 2a·b in float64 blocks, with a row-wise minimum.
 */
export function coverageAucPr(testEmbeddings: Matrix, coresetEmbeddings: Matrix, options: CoverageOptions = {}): number {
  assertMatrix(testEmbeddings, 'testEmbeddings', { minRows: 1 });
  assertMatrix(coresetEmbeddings, 'coresetEmbeddings', { minRows: 1, cols: testEmbeddings.cols });
  if (coresetEmbeddings.cols !== testEmbeddings.cols) {
    throw new CoresetError('SHAPE_MISMATCH', 'test and coreset embeddings must have the same width', {
      argument: 'coresetEmbeddings',
    });
  }
  let total = 0;
  forEachDistanceBlock(
    testEmbeddings,
    coresetEmbeddings,
    { metric: 'sqeuclidean', maxBlockBytes: options.maxBlockBytes },
    (_start, block) => {
      for (let r = 0; r < block.rows; r++) {
        let min = Infinity;
        const row = r * block.cols;
        for (let j = 0; j < block.cols; j++) if (block.data[row + j] < min) min = block.data[row + j];
        total += Math.sqrt(Math.max(0, min));
      }
    },
  );
  return total / testEmbeddings.rows;
}
