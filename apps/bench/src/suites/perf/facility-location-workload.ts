import { join } from 'node:path';
import { Rng, readNpy, type Matrix } from '@coresets/core';
import { selectFacilityLocation, type FacilityLocationOptions } from '@coresets/submodular';
import { writeMatrixNpy, writeVectorNpy } from '../../peers/npy-inputs.js';
import { peerWorkdir, runPeer, type PeerOutcome } from '../../peers/python-peer.js';
import { median } from '../../report/markdown.js';

/** Gaussian blobs: `centres` centres drawn in [−10, 10]^d, points with the given std (seeded). */
export function gaussianBlobs(n: number, d: number, centres: number, std: number, seed: number): Matrix<Float64Array> {
  const rng = Rng.fromSeed(seed);
  const c = Float64Array.from({ length: centres * d }, () => rng.uniformRange(-10, 10));
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const j = rng.int(centres);
    for (let t = 0; t < d; t++) data[i * d + t] = c[j * d + t] + rng.normal(0, std);
  }
  return { rows: n, cols: d, data };
}

export interface FlTiming {
  readonly totalMs: number;
  readonly kernelMs: number;
  readonly selectMs: number;
}

/** Median over `repeats` runs (after a warm-up) of total, kernel and selection time. */
export function timeFacilityLocation(
  input: Parameters<typeof selectFacilityLocation>[0],
  options: FacilityLocationOptions,
  repeats: number,
): { timing: FlTiming; indices: Int32Array } {
  let last = selectFacilityLocation(input, options);
  const totals: number[] = [];
  const kernels: number[] = [];
  const selects: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    last = selectFacilityLocation(input, options);
    totals.push(performance.now() - t0);
    const t = last.meta.timings as { featureMs: number; selectMs: number };
    kernels.push(t.featureMs);
    selects.push(t.selectMs);
  }
  return { timing: { totalMs: median(totals), kernelMs: median(kernels), selectMs: median(selects) }, indices: last.indices };
}

export interface FlPeerResult {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  readonly ours: FlTiming;
  readonly peer: PeerOutcome;
  /** Length of the common prefix of our ranking and apricot's. */
  readonly samePrefix: number | null;
  readonly engine?: 'js' | 'tfjs';
}

/**
 * Facility location with apricot's `euclidean` similarity (max(D²) − D², our `maxMinusSqEuclidean`),
 * lazy greedy, kernel construction included on both sides.
 */
export function facilityLocationVsApricot(x: Matrix<Float64Array>, k: number, repeats: number, engine: 'js' | 'tfjs' = 'js'): FlPeerResult {
  const { timing, indices } = timeFacilityLocation({ features: x }, { budget: k, transform: 'maxMinusSqEuclidean', optimizer: 'lazy', dtype: 'float64', engine }, repeats);
  const work = peerWorkdir();
  try {
    writeMatrixNpy(work.dir, 'x.npy', x);
    writeVectorNpy(work.dir, 'k.npy', [k], 'int64');
    const peer = runPeer('facility_location', work.dir, repeats);
    let samePrefix: number | null = null;
    if (peer.available) {
      const theirs = readNpy(join(work.dir, 'ranking.npy')).data;
      samePrefix = 0;
      while (samePrefix < k && Number(theirs[samePrefix]) === indices[samePrefix]) samePrefix++;
    }
    return { n: x.rows, d: x.cols, k, ours: timing, peer, samePrefix, engine };
  } finally {
    work.done();
  }
}
