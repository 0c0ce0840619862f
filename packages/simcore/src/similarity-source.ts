import { CoresetError, forEachDistanceBlock, selectRows, type Matrix } from '@coresets/core';

/**
 * Similarities sim[u, k] between open-set rows u and centroids k, produced in row blocks so that
 * no caller ever needs the whole |U| × K matrix at once.
 */
export interface SimilaritySource {
  readonly rows: number;
  readonly centroids: number;
  /**
   * Calls `onBlock(rowStart, rows, block)` for consecutive row blocks, where `block` is
   * rows × centroidIds.length (row-major) and column c holds sim[·, centroidIds[c]]. The block is
   * reused between calls.
   */
  scan(centroidIds: Int32Array, onBlock: (rowStart: number, rows: number, block: Float64Array) => void): void;
}

/** A precomputed |U| × K similarity matrix (the spec's test vectors, or user-supplied scores). */
export function denseSimilaritySource(sim: Matrix): SimilaritySource {
  return {
    rows: sim.rows,
    centroids: sim.cols,
    scan(centroidIds, onBlock) {
      const width = centroidIds.length;
      const blockRows = 4096;
      const block = new Float64Array(Math.min(blockRows, sim.rows) * width);
      for (let start = 0; start < sim.rows; start += blockRows) {
        const rows = Math.min(blockRows, sim.rows - start);
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < width; c++) block[r * width + c] = sim.data[(start + r) * sim.cols + centroidIds[c]];
        }
        onBlock(start, rows, block.subarray(0, rows * width));
      }
    },
  };
}

/**
 * Cosine similarities between unit-norm open-set embeddings and unit-norm centroids, computed
 * block by block as dot products.
 */
export function embeddingSimilaritySource(
  openSet: Matrix,
  centroids: Matrix,
  maxBlockBytes: number,
): SimilaritySource {
  if (openSet.cols !== centroids.cols) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `openSet has ${openSet.cols} columns but the target embeddings have ${centroids.cols}`,
      { argument: 'openSet' },
    );
  }
  return {
    rows: openSet.rows,
    centroids: centroids.rows,
    scan(centroidIds, onBlock) {
      const chosen = centroidIds.length === centroids.rows && isIdentity(centroidIds) ? centroids : selectRows(centroids, centroidIds);
      forEachDistanceBlock(openSet, chosen, { metric: 'dot', maxBlockBytes }, (start, block) => {
        onBlock(start, block.rows, block.data);
      });
    },
  };
}

function isIdentity(ids: Int32Array): boolean {
  for (let i = 0; i < ids.length; i++) if (ids[i] !== i) return false;
  return true;
}
