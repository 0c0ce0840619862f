import {
  assertMatrix,
  forEachDistanceBlock,
  throwIfAborted,
  type ProgressCallback,
  type Matrix,
  type KernelEngine,
} from '@coresets/core';
import type { AllocationLog } from './allocation-log.js';
import type { DenseFacilityKernel } from './facility-kernel.js';
import {
  transformPlan,
  type SimilarityTransform,
  type TransformParameters,
} from './similarity-transforms.js';

export interface KernelBuildOptions extends TransformParameters {
  readonly onProgress?: ProgressCallback | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly transform: Exclude<SimilarityTransform, 'precomputed'>;
  /** Separate represented set V (rectangular mode); default: V = the candidates. */
  readonly represented?: Matrix | undefined;
  /** Storage of the similarities (gains always accumulate in float64). Default float32. */
  readonly dtype?: 'float32' | 'float64' | undefined;
  /** Bytes per block of distances requested from core. */
  readonly maxBlockBytes?: number | undefined;
  /** Where core computes the distance blocks' dot products (see core's `KernelEngine`). */
  readonly engine?: KernelEngine | undefined;
  readonly log?: AllocationLog | undefined;
}

/** Checks features (and the represented set) and returns the prepared row sets. */
export function prepareRows(
  features: Matrix,
  options: KernelBuildOptions,
): { candidates: Matrix; represented: Matrix | undefined } {
  assertMatrix(features, 'features');
  if (options.represented !== undefined)
    assertMatrix(options.represented, 'represented', { cols: features.cols });
  const plan = transformPlan(options.transform, options);
  return {
    candidates: plan.prepare(features),
    represented: options.represented === undefined ? undefined : plan.prepare(options.represented),
  };
}

/**
 * Dense candidate-major kernel from features. The max-minus transforms need max(v) over the
 * whole matrix, so the first pass stores v while tracking the max and a second pass maps it in
 * place — one distance pass and no second n×m buffer.
 */
export function buildDenseKernel(
  features: Matrix,
  options: KernelBuildOptions,
): DenseFacilityKernel {
  const plan = transformPlan(options.transform, options);
  const { candidates, represented } = prepareRows(features, options);
  const n = candidates.rows;
  const m = represented?.rows ?? n;
  const data = options.dtype === 'float64' ? new Float64Array(n * m) : new Float32Array(n * m);
  options.log?.record('kernel.dense', data);
  let max = -Infinity;
  throwIfAborted(options.signal);
  // Rows of the block are candidates and columns represented elements: candidate-major already.
  forEachDistanceBlock(
    candidates,
    represented,
    { metric: plan.metric, maxBlockBytes: options.maxBlockBytes, engine: options.engine },
    (start, block) => {
      options.log?.recordMax('distance.block', block.data);
      const offset = start * m;
      const values = block.data;
      if (plan.usesMax) {
        for (let p = 0; p < values.length; p++) {
          // Track the max of the stored (possibly float32-rounded) values so max − v stays ≥ 0.
          data[offset + p] = values[p];
          const stored = data[offset + p];
          if (stored > max) max = stored;
        }
      } else {
        for (let p = 0; p < values.length; p++) data[offset + p] = plan.similarity(values[p], 0);
      }
      options.onProgress?.({ phase: 'kernel', completed: start + block.rows, total: n });
      throwIfAborted(options.signal);
    },
  );
  if (plan.usesMax) {
    for (let p = 0; p < data.length; p++) data[p] = plan.similarity(data[p], max);
  }
  return { kind: 'dense', candidates: n, represented: m, data };
}
