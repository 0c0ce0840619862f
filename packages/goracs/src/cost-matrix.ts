import { CoresetError, assertFinite, assertMatrix, pairwiseDistances } from '@coresets/core';
import type { Matrix } from '@coresets/core';

export interface PooCostOptions {
  /** N × d training embeddings. */
  readonly trainEmbeddings: Matrix;
  /** M × d target embeddings. */
  readonly validEmbeddings: Matrix;
  /** Gradient norms g_i ≥ 0 (length N); omitted = all zero. */
  readonly gradNorms?: ArrayLike<number> | undefined;
  /** λ ≥ 0; default 0.1. */
  readonly lambda?: number | undefined;
  /** 'max' (default): d / max d; 'raw': distances as measured. */
  readonly distanceScale?: 'max' | 'raw' | undefined;
}

/**
 * The POO cost matrix: C_ij = d_ij − λ·g_i with d = ‖e_i − e′_j‖₂ / max d and g = g / max g
 * (x/0 := 0), then min-max scaled to [0, 1] (a constant C becomes all zeros).
 */
export function pooCostMatrix(options: PooCostOptions): Matrix<Float64Array> {
  const lambda = options.lambda ?? 0.1;
  if (!(lambda >= 0) || !Number.isFinite(lambda)) {
    throw new CoresetError('OUT_OF_RANGE', `lambda must be a finite number ≥ 0, got ${lambda}`, {
      argument: 'lambda',
    });
  }
  const d = scaledDistances(
    options.trainEmbeddings,
    options.validEmbeddings,
    options.distanceScale ?? 'max',
  );
  const g =
    options.gradNorms === undefined ? undefined : scaledGradNorms(options.gradNorms, d.rows);
  return assembleCost(d, g, lambda);
}

/** Euclidean train × valid distances, divided by their maximum unless `scale` is 'raw'. */
export function scaledDistances(
  train: Matrix,
  valid: Matrix,
  scale: 'max' | 'raw',
): Matrix<Float64Array> {
  assertMatrix(train, 'trainEmbeddings', { minRows: 1 });
  assertMatrix(valid, 'validEmbeddings', { minRows: 1, cols: train.cols });
  const d = pairwiseDistances(train, valid, { metric: 'euclidean' });
  if (scale === 'max') {
    let max = 0;
    for (let k = 0; k < d.data.length; k++) if (d.data[k] > max) max = d.data[k];
    if (max > 0) for (let k = 0; k < d.data.length; k++) d.data[k] /= max;
  }
  return d;
}

/** g / max g (all zeros when max g = 0), after checking length, finiteness and sign. */
export function scaledGradNorms(gradNorms: ArrayLike<number>, n: number): Float64Array {
  if (gradNorms.length !== n) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `gradNorms has ${gradNorms.length} values for ${n} training rows`,
      {
        argument: 'gradNorms',
      },
    );
  }
  assertFinite(gradNorms, 'gradNorms');
  const g = Float64Array.from(gradNorms);
  let max = 0;
  for (let i = 0; i < n; i++) {
    if (g[i] < 0) {
      throw new CoresetError('OUT_OF_RANGE', `gradNorms must be ≥ 0, got ${g[i]} at index ${i}`, {
        argument: 'gradNorms',
      });
    }
    if (g[i] > max) max = g[i];
  }
  if (max > 0) for (let i = 0; i < n; i++) g[i] /= max;
  return g;
}

/**
 * C = d − λ·g on the block rows × cols of d (all of d when omitted), min-max scaled over the
 * block. d and g are never modified.
 */
export function assembleCost(
  d: Matrix<Float64Array>,
  g: Float64Array | undefined,
  lambda: number,
  rows?: Int32Array,
  cols?: Int32Array,
): Matrix<Float64Array> {
  const nr = rows === undefined ? d.rows : rows.length;
  const nc = cols === undefined ? d.cols : cols.length;
  const out = new Float64Array(nr * nc);
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < nr; r++) {
    const i = rows === undefined ? r : rows[r];
    const shift = g === undefined ? 0 : lambda * g[i];
    const base = i * d.cols;
    for (let c = 0; c < nc; c++) {
      const x = d.data[base + (cols === undefined ? c : cols[c])] - shift;
      out[r * nc + c] = x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  const range = max - min;
  if (range > 0) {
    for (let k = 0; k < out.length; k++) out[k] = (out[k] - min) / range;
  } else {
    out.fill(0);
  }
  return { rows: nr, cols: nc, data: out };
}
