import { Rng } from '@coresets/core';
import type { Matrix } from '@coresets/core';

/** Two Gaussian classes in d dimensions (label 1 with probability `positive`), means ±shift/2 on every axis. */
export function twoGaussians(
  n: number,
  d: number,
  seed: number,
  options: { positive?: number; shift?: number } = {},
): { x: Matrix<Float64Array>; y: Float64Array } {
  const rng = Rng.fromSeed(seed);
  const positive = options.positive ?? 0.3;
  const shift = options.shift ?? 1.5;
  const data = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.uniform() < positive ? 1 : 0;
    const centre = (y[i] === 1 ? 0.5 : -0.5) * shift;
    for (let j = 0; j < d; j++) data[i * d + j] = centre + rng.normal();
  }
  return { x: { rows: n, cols: d, data }, y };
}

/** A random matrix with entries uniform in [lo, hi). */
export function randomMatrix(
  rows: number,
  cols: number,
  seed: number,
  lo = 0,
  hi = 1,
): Matrix<Float64Array> {
  const rng = Rng.fromSeed(seed);
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) data[k] = rng.uniformRange(lo, hi);
  return { rows, cols, data };
}

/** Column sums of Σ_k weights[k]·points[indices[k]]. */
export function weightedColumnSums(
  points: Matrix<Float64Array>,
  indices: ArrayLike<number>,
  weights: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(points.cols);
  for (let k = 0; k < indices.length; k++) {
    for (let j = 0; j < points.cols; j++)
      out[j] += weights[k] * points.data[indices[k] * points.cols + j];
  }
  return out;
}

export function columnSums(points: Matrix<Float64Array>): Float64Array {
  const all = Int32Array.from({ length: points.rows }, (_, i) => i);
  return weightedColumnSums(points, all, new Float64Array(points.rows).fill(1));
}
