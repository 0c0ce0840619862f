import {
  assertFinite,
  CoresetError,
  validateCsr,
  type CsrMatrix,
  type Matrix,
  type ProgressCallback,
  type KernelEngine,
} from '@coresets/core';
import type { AllocationLog } from '../kernels/allocation-log.js';
import { buildDenseKernel } from '../kernels/build-dense-kernel.js';
import { assertNeighbors, buildKnnKernel } from '../kernels/build-knn-kernel.js';
import {
  assertSimilarities,
  denseKernelFromSimilarity,
  sparseKernelFromCsr,
  type FacilityKernel,
} from '../kernels/facility-kernel.js';
import type { MaxMinusDistance, SimilarityTransform } from '../kernels/similarity-transforms.js';
import { sparsifySimilarity } from '../kernels/sparsify-similarity.js';

/** Features (with an optional separate represented set) or a caller's similarity matrix. */
export type FacilityLocationInput =
  | { readonly features: Matrix; readonly represented?: Matrix | undefined }
  | { readonly similarity: Matrix | CsrMatrix };

export interface KernelRequest {
  readonly transform: SimilarityTransform;
  readonly distance: MaxMinusDistance;
  readonly sigma: number | undefined;
  readonly neighbors: number | undefined;
  readonly symmetrize: boolean;
  readonly dtype: 'float32' | 'float64';
  readonly maxBlockBytes: number;
  readonly engine: KernelEngine;
  readonly onProgress: ProgressCallback | undefined;
  readonly signal: AbortSignal | undefined;
}

/** Picks the kernel mode from the input and options: dense, kNN-sparse, or the caller's CSR. */
export function buildFacilityKernel(
  input: FacilityLocationInput,
  req: KernelRequest,
  log: AllocationLog,
): FacilityKernel {
  if (req.symmetrize && req.neighbors === undefined) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      'symmetrize applies to kNN sparsification only: give neighbors too',
      {
        argument: 'symmetrize',
      },
    );
  }
  if ('features' in input) {
    if (req.transform === 'precomputed') {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        'transform "precomputed" needs a similarity input, not features',
        {
          argument: 'transform',
        },
      );
    }
    const common = {
      transform: req.transform,
      distance: req.distance,
      sigma: req.sigma,
      represented: input.represented,
      dtype: req.dtype,
      maxBlockBytes: req.maxBlockBytes,
      engine: req.engine,
      log,
      onProgress: req.onProgress,
      signal: req.signal,
    };
    if (req.neighbors === undefined) return buildDenseKernel(input.features, common);
    return buildKnnKernel(input.features, {
      ...common,
      neighbors: req.neighbors,
      symmetrize: req.symmetrize,
    });
  }
  const s = input.similarity;
  if (req.transform !== 'precomputed') {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `a similarity input takes transform "precomputed", got "${req.transform}"`,
      {
        argument: 'transform',
      },
    );
  }
  if ('indptr' in s) {
    validateCsr(s, 'similarity');
    assertSimilarities(s.data, 'similarity');
    if (req.neighbors === undefined) return sparseKernelFromCsr(s);
  } else {
    if (s.data.length !== s.rows * s.cols) {
      throw new CoresetError(
        'SHAPE_MISMATCH',
        `similarity has ${s.data.length} values for ${s.rows} × ${s.cols}`,
        {
          argument: 'similarity',
        },
      );
    }
    assertFinite(s.data, 'similarity', s.cols);
    assertSimilarities(s.data, 'similarity');
    if (req.neighbors === undefined) {
      const kernel = denseKernelFromSimilarity(s);
      if (kernel.data !== s.data) log.record('kernel.dense', kernel.data);
      return kernel;
    }
  }
  assertNeighbors(req.neighbors, s.cols);
  return sparsifySimilarity(s, req.neighbors, {
    symmetrize: req.symmetrize,
    dtype: req.dtype,
    log,
  });
}
