import { CoresetError, normalizeRows, type DistanceMetric, type Matrix } from '@coresets/core';

/** Named distance → similarity transforms (the exact formulas matter for reference parity). */
export const SIMILARITY_TRANSFORMS = [
  'maxMinusDist',
  'maxMinusSqEuclidean',
  'cosineSquared',
  'correlationSquared',
  'halfCosine',
  'craigEuclidean',
  'rbf',
  'precomputed',
] as const;

export type SimilarityTransform = (typeof SIMILARITY_TRANSFORMS)[number];

/** Distance used by `maxMinusDist`. */
export type MaxMinusDistance = 'l1' | 'l2';

export interface TransformParameters {
  /** For `maxMinusDist`: l1 (CoLM) or l2 (default). */
  readonly distance?: MaxMinusDistance | undefined;
  /** For `rbf`: the bandwidth σ > 0 (required). */
  readonly sigma?: number | undefined;
}

/**
 * How to compute one transform from core's pairwise kernels: which metric to ask for, how to
 * prepare the rows first, and the map from a metric value v (and the max of v over the whole
 * matrix, for the max-minus family) to a similarity.
 */
export interface TransformPlan {
  readonly name: Exclude<SimilarityTransform, 'precomputed'>;
  readonly metric: DistanceMetric;
  /** True when the similarity is max(v) − v (+ c): needs the max over the matrix, decreasing in v. */
  readonly usesMax: boolean;
  prepare(x: Matrix): Matrix;
  similarity(v: number, max: number): number;
}

const identity = (x: Matrix): Matrix => x;

function centredUnitRows(x: Matrix): Matrix {
  const { rows, cols, data } = x;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    let mean = 0;
    for (let j = 0; j < cols; j++) mean += data[i * cols + j];
    mean /= cols;
    for (let j = 0; j < cols; j++) out[i * cols + j] = data[i * cols + j] - mean;
  }
  return normalizeRows({ rows, cols, data: out });
}

/** The plan for a named transform; `precomputed` has none (the caller supplies similarities). */
export function transformPlan(
  name: SimilarityTransform,
  params: TransformParameters = {},
): TransformPlan {
  switch (name) {
    case 'maxMinusDist': {
      const distance = params.distance ?? 'l2';
      if (distance !== 'l1' && distance !== 'l2') {
        throw new CoresetError(
          'INVALID_ARGUMENT',
          `distance must be l1 or l2, got "${String(distance)}"`,
          {
            argument: 'distance',
          },
        );
      }
      return {
        name,
        metric: distance === 'l1' ? 'l1' : 'euclidean',
        usesMax: true,
        prepare: identity,
        similarity: (v, max) => max - v,
      };
    }
    case 'maxMinusSqEuclidean':
      return {
        name,
        metric: 'sqeuclidean',
        usesMax: true,
        prepare: identity,
        similarity: (v, max) => max - v,
      };
    case 'craigEuclidean':
      return {
        name,
        metric: 'euclidean',
        usesMax: true,
        prepare: identity,
        similarity: (v, max) => max - v + 1e-3,
      };
    case 'cosineSquared':
      return {
        name,
        metric: 'dot',
        usesMax: false,
        prepare: normalizeRows,
        similarity: (v) => v * v,
      };
    case 'correlationSquared':
      return {
        name,
        metric: 'dot',
        usesMax: false,
        prepare: centredUnitRows,
        similarity: (v) => v * v,
      };
    case 'halfCosine':
      // cos can land a rounding error below −1; the guard keeps the similarity non-negative.
      return {
        name,
        metric: 'dot',
        usesMax: false,
        prepare: normalizeRows,
        similarity: (v) => Math.max(0, 0.5 + 0.5 * v),
      };
    case 'rbf': {
      const sigma = params.sigma;
      if (sigma === undefined) {
        throw new CoresetError('MISSING_OPTION', 'the rbf transform needs sigma', {
          argument: 'sigma',
        });
      }
      if (typeof sigma !== 'number' || !Number.isFinite(sigma) || sigma <= 0) {
        throw new CoresetError('OUT_OF_RANGE', `sigma must be finite and > 0, got ${sigma}`, {
          argument: 'sigma',
        });
      }
      const scale = 1 / (2 * sigma * sigma);
      return {
        name,
        metric: 'sqeuclidean',
        usesMax: false,
        prepare: identity,
        similarity: (v) => Math.exp(-v * scale),
      };
    }
    case 'precomputed':
      throw new CoresetError(
        'INVALID_ARGUMENT',
        'the precomputed transform takes a similarity matrix, not features',
        {
          argument: 'transform',
        },
      );
    default:
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `unknown transform "${String(name)}"; known: ${SIMILARITY_TRANSFORMS.join(', ')}`,
        { argument: 'transform' },
      );
  }
}
