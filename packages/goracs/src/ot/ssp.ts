import { CoresetError, assertMatrix } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { centreDuals } from './emd.js';
import type { OtPlan } from './emd.js';

export interface SspResult {
  readonly value: number;
  readonly u: Float64Array;
  readonly v: Float64Array;
  readonly plan: OtPlan;
  /** Augmenting paths used. */
  readonly augmentations: number;
  readonly exact: true;
}

/**
 * Exact OT with uniform marginals by successive shortest paths (min-cost flow with Dijkstra on
 * reduced costs and node potentials). It is O((n + m)² · paths) and dense, which makes it far slower
 * than `emd`; it exists as an independent cross-check of the network simplex (and as
 * `solver: 'ssp'`). Masses are the same integers as in `emd` (M/q per row, n/q per column).
 */
export function emdSsp(cost: Matrix): SspResult {
  assertMatrix(cost, 'cost', { minRows: 1 });
  const n = cost.rows;
  const m = cost.cols;
  if (m < 1)
    throw new CoresetError('INVALID_ARGUMENT', 'cost needs at least one column', {
      argument: 'cost',
    });
  const C = cost.data;
  const q = gcd(n, m);
  const unit = (n * m) / q;
  const supply = new Float64Array(n).fill(m / q);
  const demand = new Float64Array(m).fill(n / q);
  const flow = new Float64Array(n * m);
  const size = n + m;
  // Potentials: reduced cost of i → j is C_ij + pi_i − pi_{n+j} ≥ 0, of the reverse arc its negative.
  const pi = new Float64Array(size);
  for (let j = 0; j < m; j++) {
    let mn = Infinity;
    for (let i = 0; i < n; i++) mn = Math.min(mn, C[i * m + j]);
    pi[n + j] = mn;
  }
  const dist = new Float64Array(size);
  const prev = new Int32Array(size);
  const done = new Uint8Array(size);
  let remaining = (m / q) * n;
  let augmentations = 0;
  while (remaining > 0) {
    dist.fill(Infinity);
    prev.fill(-1);
    done.fill(0);
    for (let i = 0; i < n; i++) if (supply[i] > 0) dist[i] = 0;
    let sink = -1;
    for (;;) {
      let x = -1;
      for (let w = 0; w < size; w++)
        if (done[w] === 0 && dist[w] < Infinity && (x < 0 || dist[w] < dist[x])) x = w;
      if (x < 0) break;
      done[x] = 1;
      if (x >= n && demand[x - n] > 0) {
        sink = x;
        break;
      }
      if (x < n) {
        const base = x * m;
        for (let j = 0; j < m; j++) {
          // Reduced costs are ≥ 0 up to rounding; clamp so Dijkstra's order stays valid.
          const d = dist[x] + Math.max(0, C[base + j] + pi[x] - pi[n + j]);
          if (d < dist[n + j]) {
            dist[n + j] = d;
            prev[n + j] = x;
          }
        }
      } else {
        const j = x - n;
        for (let i = 0; i < n; i++) {
          if (flow[i * m + j] > 0) {
            const d = dist[x] + Math.max(0, -(C[i * m + j] + pi[i] - pi[x]));
            if (d < dist[i]) {
              dist[i] = d;
              prev[i] = x;
            }
          }
        }
      }
    }
    if (sink < 0)
      throw new CoresetError('INFEASIBLE', 'emdSsp: no augmenting path (internal error)');
    const D = dist[sink];
    for (let w = 0; w < size; w++) pi[w] += Math.min(dist[w], D);
    // Bottleneck along the path sink ← … ← source row.
    let delta = demand[sink - n];
    let w = sink;
    while (prev[w] >= 0) {
      const p = prev[w];
      if (w < n) delta = Math.min(delta, flow[w * m + (p - n)]);
      w = p;
    }
    delta = Math.min(delta, supply[w]);
    supply[w] -= delta;
    demand[sink - n] -= delta;
    remaining -= delta;
    w = sink;
    while (prev[w] >= 0) {
      const p = prev[w];
      if (w >= n) flow[p * m + (w - n)] += delta;
      else flow[w * m + (p - n)] -= delta;
      w = p;
    }
    augmentations++;
  }
  const rows: number[] = [];
  const cols: number[] = [];
  const mass: number[] = [];
  let value = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const f = flow[i * m + j];
      if (f > 0) {
        rows.push(i);
        cols.push(j);
        mass.push(f / unit);
        value += f * C[i * m + j];
      }
    }
  }
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  for (let i = 0; i < n; i++) u[i] = -pi[i];
  for (let j = 0; j < m; j++) v[j] = pi[n + j];
  centreDuals(u, v, new Float64Array(n).fill(1 / n), new Float64Array(m).fill(1 / m));
  return {
    value: value / unit,
    u,
    v,
    plan: {
      rows: Int32Array.from(rows),
      cols: Int32Array.from(cols),
      mass: Float64Array.from(mass),
    },
    augmentations,
    exact: true,
  };
}

function gcd(x: number, y: number): number {
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
