import { join } from 'node:path';
import { Rng, kmeans, readNpy, type Matrix } from '@coresets/core';
import { writeMatrixNpy } from '../../peers/npy-inputs.js';
import { peerWorkdir, runPeer, type PeerOutcome } from '../../peers/python-peer.js';
import { timeRepeated, type Timing } from './timing.js';

export interface KMeansPerfResult {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  readonly ours: Timing & { inertia: number; iterations: number };
  readonly peer: PeerOutcome;
  /** Fraction of rows whose label agrees with the peer's (same starting centroids). */
  readonly labelAgreement: number | null;
  readonly inertiaRelDiff: number | null;
  readonly engine?: 'js' | 'tfjs';
}

/** Blobs around `centres` centres in d dimensions (seeded). */
function blobs(n: number, d: number, centres: number, seed: number): Matrix<Float64Array> {
  const rng = Rng.fromSeed(seed);
  const c = rng.fillNormal(new Float64Array(centres * d), 0, 4);
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const j = rng.int(centres);
    for (let t = 0; t < d; t++) data[i * d + t] = c[j * d + t] + rng.normal();
  }
  return { rows: n, cols: d, data };
}

/**
 * Lloyd k-means from identical starting centroids in both libraries, so the outputs must agree;
 * both run to convergence (tol 0, at most 300 iterations).
 */
export async function kmeansWorkload(n: number, d: number, k: number, repeats: number, engine: 'js' | 'tfjs' = 'js'): Promise<KMeansPerfResult> {
  const x = blobs(n, d, k, 1);
  const start = Rng.fromSeed(2).sampleWithoutReplacement(n, k);
  const initData = new Float64Array(k * d);
  for (let c = 0; c < k; c++) initData.set(x.data.subarray(start[c] * d, (start[c] + 1) * d), c * d);
  const init = { rows: k, cols: d, data: initData };
  const { timing, last } = await timeRepeated(repeats, () => kmeans(x, { k, seed: 0, init, tol: 0, maxIter: 300, engine }));
  const work = peerWorkdir();
  try {
    writeMatrixNpy(work.dir, 'x.npy', x);
    writeMatrixNpy(work.dir, 'init.npy', init);
    const peer = runPeer('kmeans', work.dir, repeats);
    let labelAgreement: number | null = null;
    let inertiaRelDiff: number | null = null;
    if (peer.available) {
      const labels = readNpy(join(work.dir, 'labels.npy')).data;
      let same = 0;
      for (let i = 0; i < n; i++) if (Number(labels[i]) === last.labels[i]) same++;
      labelAgreement = same / n;
      const peerInertia = peer.inertia as number;
      inertiaRelDiff = Math.abs(last.inertia - peerInertia) / peerInertia;
    }
    return { n, d, k, ours: { ...timing, inertia: last.inertia, iterations: last.iterations }, peer, labelAgreement, inertiaRelDiff, engine };
  } finally {
    work.done();
  }
}
