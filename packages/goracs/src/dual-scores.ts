import { CoresetError, assertMatrix } from '@coresets/core';
import type { Matrix } from '@coresets/core';

export interface DualScoreOptions {
  /** 'dual' (default): y_i = R-th smallest reduced cost; 'reference': R-th largest. */
  readonly threshold?: 'dual' | 'reference' | undefined;
  /** Rows in S use the c-transform without themselves (default true); false = v_j for all rows. */
  readonly selfExclusion?: boolean | undefined;
}

/**
 * ITRA's swap scores F_i for every row of `cost`, given the current coreset `subset` (in order)
 * and its OT row duals `u` (same order).
 *
 * v_j = min_{k∈S} (C_kj − u_k) is the c-transform of u; f_ij = v_j, except for i ∈ S, where it
 * is the minimum over S ∖ {i} (the value with i removed). With r_ij = C_ij − f_ij and
 * R = ⌈M/|S|⌉, F_i = (1/M) Σ_j min(r_ij − y_i, 0) + y_i/|S| is the dual of sending mass 1/|S|
 * from row i into columns of capacity 1/M at reduced costs r_ij; it is largest at y_i = the R-th
 * smallest r_ij. Low F outside S: worth adding; high F inside S: cheap to remove.
 */
export function dualScores(
  cost: Matrix,
  subset: ArrayLike<number>,
  u: ArrayLike<number>,
  options: DualScoreOptions = {},
): Float64Array {
  assertMatrix(cost, 'cost', { minRows: 1 });
  const N = cost.rows;
  const M = cost.cols;
  const k = subset.length;
  if (k < 1)
    throw new CoresetError('INVALID_ARGUMENT', 'subset must not be empty', { argument: 'subset' });
  if (u.length !== k) {
    throw new CoresetError('SHAPE_MISMATCH', `u has ${u.length} values for a subset of ${k}`, {
      argument: 'u',
    });
  }
  const C = cost.data;
  const selfExclusion = options.selfExclusion ?? true;
  const reference = (options.threshold ?? 'dual') === 'reference';
  // Column minimum, its unique minimiser (−1 on ties) and the minimum over the other rows.
  const min1 = new Float64Array(M).fill(Infinity);
  const min2 = new Float64Array(M).fill(Infinity);
  const arg1 = new Int32Array(M).fill(-1);
  const member = new Int32Array(N).fill(-1);
  for (let p = 0; p < k; p++) {
    const i = subset[p];
    if (!Number.isInteger(i) || i < 0 || i >= N || member[i] !== -1) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `subset must hold distinct row indices < ${N}, got ${i}`,
        {
          argument: 'subset',
        },
      );
    }
    member[i] = p;
    const base = i * M;
    const ui = u[p];
    for (let j = 0; j < M; j++) {
      const x = C[base + j] - ui;
      if (x < min1[j]) {
        min2[j] = min1[j];
        min1[j] = x;
        arg1[j] = i;
      } else if (x === min1[j]) {
        min2[j] = x;
        arg1[j] = -1;
      } else if (x < min2[j]) {
        min2[j] = x;
      }
    }
  }
  if (k === 1) min2.set(min1);
  const R = Math.ceil(M / k);
  const r = new Float64Array(M);
  const scratch = new Float64Array(M);
  const F = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const base = i * M;
    const own = selfExclusion && member[i] >= 0;
    for (let j = 0; j < M; j++) r[j] = C[base + j] - (own && arg1[j] === i ? min2[j] : min1[j]);
    scratch.set(r);
    const y = reference ? kthSmallest(scratch, M - R) : kthSmallest(scratch, R - 1);
    let s = 0;
    for (let j = 0; j < M; j++) {
      const t = r[j] - y;
      if (t < 0) s += t;
    }
    F[i] = s / M + y / k;
  }
  return F;
}

/** The value of rank `rank` (0-based) in ascending order; reorders `x` (quickselect). */
export function kthSmallest(x: Float64Array, rank: number): number {
  let lo = 0;
  let hi = x.length - 1;
  while (hi > lo) {
    // Median of three as pivot keeps sorted and constant inputs linear.
    const mid = (lo + hi) >>> 1;
    const a = x[lo];
    const b = x[mid];
    const c = x[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (x[i] < pivot) i++;
      while (x[j] > pivot) j--;
      if (i <= j) {
        const t = x[i];
        x[i] = x[j];
        x[j] = t;
        i++;
        j--;
      }
    }
    if (rank <= j) hi = j;
    else if (rank >= i) lo = i;
    else return x[rank];
  }
  return x[rank];
}
