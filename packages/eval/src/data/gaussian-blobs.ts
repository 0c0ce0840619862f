import { CoresetError, assertInteger, toRng } from '@coresets/core';
import type { Rng } from '@coresets/core';
import { withDefaults } from '../internal/with-defaults.js';
import type { LabeledDataset } from './dataset.js';

export interface GaussianBlobsOptions {
  /** Number of examples; classes get ⌊n/k⌋ each, the first n mod k classes one more. */
  readonly n: number;
  readonly numClasses?: number | undefined;
  readonly dim?: number | undefined;
  /** Clusters per class (a class is a mixture of this many blobs). */
  readonly clustersPerClass?: number | undefined;
  /** Standard deviation of each blob around its centre. */
  readonly clusterStd?: number | undefined;
  /** Centres are drawn N(0, centerScale²) per coordinate. */
  readonly centerScale?: number | undefined;
  /** Fraction of examples whose label is replaced by a different, uniformly drawn class. */
  readonly labelNoise?: number | undefined;
  readonly seed: number | Rng;
}

export const DEFAULT_GAUSSIAN_BLOBS_OPTIONS = {
  numClasses: 3,
  dim: 2,
  clustersPerClass: 1,
  clusterStd: 1,
  centerScale: 4,
  labelNoise: 0,
} as const;

export interface GaussianBlobs extends LabeledDataset {
  /** True class of each example (before label noise). */
  readonly cleanLabels: Int32Array;
  /** 1 where the label was flipped by label noise. */
  readonly noisy: Uint8Array;
  /** Cluster id of each example (class · clustersPerClass + blob). */
  readonly clusters: Int32Array;
  readonly centers: Float64Array;
}

/**
 * Seeded Gaussian mixture for fast tests and demos. Rows are shuffled so classes interleave;
 * exactly ⌊labelNoise · n⌋ labels are flipped (chosen without replacement).
 */
export function makeGaussianBlobs(options: GaussianBlobsOptions): GaussianBlobs {
  const o = withDefaults(DEFAULT_GAUSSIAN_BLOBS_OPTIONS, options);
  assertInteger(o.n, 'n', 1);
  assertInteger(o.numClasses, 'numClasses', 2);
  assertInteger(o.dim, 'dim', 1);
  assertInteger(o.clustersPerClass, 'clustersPerClass', 1);
  if (!(o.clusterStd >= 0) || !Number.isFinite(o.clusterStd)) {
    throw new CoresetError('OUT_OF_RANGE', `clusterStd must be finite and ≥ 0, got ${o.clusterStd}`, {
      argument: 'clusterStd',
    });
  }
  if (!(o.centerScale >= 0) || !Number.isFinite(o.centerScale)) {
    throw new CoresetError('OUT_OF_RANGE', `centerScale must be finite and ≥ 0, got ${o.centerScale}`, {
      argument: 'centerScale',
    });
  }
  if (!(o.labelNoise >= 0 && o.labelNoise <= 1)) {
    throw new CoresetError('OUT_OF_RANGE', `labelNoise must be in [0, 1], got ${o.labelNoise}`, {
      argument: 'labelNoise',
    });
  }
  const rng = toRng(o.seed);
  const { n, numClasses: k, dim: d, clustersPerClass: m } = o;
  const centers = new Float64Array(k * m * d);
  for (let i = 0; i < centers.length; i++) centers[i] = rng.normal(0, o.centerScale);
  const order = rng.permutation(n);
  const x = new Float32Array(n * d);
  const labels = new Int32Array(n);
  const clusters = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    // Example t of the class-sorted list goes to row order[t].
    const row = order[t];
    const cls = t % k;
    const cluster = cls * m + rng.int(m);
    labels[row] = cls;
    clusters[row] = cluster;
    for (let j = 0; j < d; j++) x[row * d + j] = centers[cluster * d + j] + rng.normal(0, o.clusterStd);
  }
  const cleanLabels = labels.slice();
  const noisy = new Uint8Array(n);
  const flips = rng.sampleWithoutReplacement(n, Math.floor(o.labelNoise * n));
  for (const i of flips) {
    labels[i] = (labels[i] + 1 + rng.int(k - 1)) % k;
    noisy[i] = 1;
  }
  return {
    x: { rows: n, cols: d, data: x },
    labels,
    numClasses: k,
    shape: [d],
    cleanLabels,
    noisy,
    clusters,
    centers,
  };
}
