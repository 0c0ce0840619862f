import { Rng, pairwiseDistances, type Matrix } from '@coresets/core';
import { emd, sinkhorn } from '@coresets/goracs';
import { writeMatrixNpy, writeVectorNpy } from '../../peers/npy-inputs.js';
import { peerWorkdir, runPeer, type PeerOutcome } from '../../peers/python-peer.js';
import { timeRepeated, type Timing } from './timing.js';

export interface OtPerfResult {
  readonly kind: 'emd' | 'sinkhorn';
  readonly n: number;
  readonly m: number;
  readonly ours: Timing & { value: number; iterations: number };
  readonly peer: PeerOutcome;
  readonly valueRelDiff: number | null;
}

/** Euclidean distances between two 16-d Gaussian point sets, scaled to max 1 (uniform marginals). */
function costMatrix(n: number, m: number, seed: number): Matrix<Float64Array> {
  const rng = Rng.fromSeed(seed);
  const x = { rows: n, cols: 16, data: rng.fillNormal(new Float64Array(n * 16)) };
  const y = { rows: m, cols: 16, data: rng.fillNormal(new Float64Array(m * 16), 0.5, 1) };
  const c = pairwiseDistances(x, y, { metric: 'euclidean' });
  let max = 0;
  for (const v of c.data) max = Math.max(max, v);
  for (let i = 0; i < c.data.length; i++) c.data[i] /= max;
  return c;
}

/**
 * Exact OT (network simplex vs POT's emd2) or entropic OT (stabilised Sinkhorn, ε = 0.01, vs POT's
 * sinkhorn2 at the same ε) on the same cost. Both Sinkhorns stop at an ℓ2 marginal error of 1e-6,
 * POT's rule (ours defaults to the stricter ℓ1; `errorNorm: 'l2'` asks for POT's).
 */
export async function otWorkload(kind: 'emd' | 'sinkhorn', n: number, m: number, repeats: number): Promise<OtPerfResult> {
  const cost = costMatrix(n, m, 9);
  const epsilon = 0.01;
  const { timing, last } = await timeRepeated(repeats, () => {
    if (kind === 'emd') {
      const r = emd(cost);
      return { value: r.value, iterations: r.iterations };
    }
    const r = sinkhorn(cost, { epsilon, tol: 1e-6, errorNorm: 'l2', maxIterations: 100_000 });
    return { value: r.value, iterations: r.iterations };
  });
  const work = peerWorkdir();
  try {
    writeMatrixNpy(work.dir, 'cost.npy', cost);
    writeVectorNpy(work.dir, 'a.npy', new Float64Array(n).fill(1 / n));
    writeVectorNpy(work.dir, 'b.npy', new Float64Array(m).fill(1 / m));
    writeVectorNpy(work.dir, 'reg.npy', [epsilon]);
    const peer = runPeer(kind, work.dir, repeats);
    const valueRelDiff = peer.available ? Math.abs(last.value - (peer.cost as number)) / Math.abs(peer.cost as number) : null;
    return { kind, n, m, ours: { ...timing, ...last }, peer, valueRelDiff };
  } finally {
    work.done();
  }
}
