import { CoresetError, assertMatrix, createMatrix } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { centreDuals } from './emd.js';
import { validateMarginal } from './marginals.js';

export interface SinkhornOptions {
  /** Row masses (positive); default uniform 1/n. */
  readonly a?: ArrayLike<number> | undefined;
  /** Column masses (positive); default uniform 1/m; rescaled to a's total. */
  readonly b?: ArrayLike<number> | undefined;
  /** Entropic regularisation ε, in the units of the cost. */
  readonly epsilon?: number | undefined;
  /** Stop when the ℓ1 error of the row marginals is below this (columns are exact after each sweep). */
  readonly tol?: number | undefined;
  readonly maxIterations?: number | undefined;
  /** Also return the dense plan (n·m doubles). */
  readonly returnPlan?: boolean | undefined;
}

export interface SinkhornResult {
  /** ⟨P, C⟩ for the entropic plan P: an upper bound on the exact OT value, tight as ε → 0. */
  readonly value: number;
  /** Row potentials (centred so that Σ a·u = Σ b·v). */
  readonly u: Float64Array;
  /** Column potentials. */
  readonly v: Float64Array;
  readonly iterations: number;
  /** ℓ1 row-marginal error at the end. */
  readonly marginalError: number;
  readonly converged: boolean;
  /** Always false: the entropic plan is an approximation of the optimal one. */
  readonly exact: false;
  readonly plan?: Matrix<Float64Array>;
}

export const DEFAULT_SINKHORN_OPTIONS = {
  epsilon: 0.01,
  tol: 1e-6,
  maxIterations: 100_000,
  returnPlan: false,
} as const;

/** Scalings beyond these bounds are absorbed into the log-domain potentials. */
const ABSORB_HIGH = 1e30;
const ABSORB_LOW = 1e-30;

/**
 * Entropic optimal transport, **approximate**: log-domain Sinkhorn with absorption (the
 * "stabilised" scheme). Potentials f, g live in the log domain; between absorptions the updates
 * are plain scalings u = a / (K v), v = b / (Kᵀ u) with K_ij = exp((f_i + g_j − C_ij)/ε), so each
 * sweep costs two matrix–vector products instead of n·m exponentials. When a scaling leaves
 * [1e-30, 1e30] or a row or column of K underflows, the scalings are folded into f, g and K is
 * rebuilt; with small ε this keeps everything finite where the plain algorithm would divide 0/0.
 */
export function sinkhorn(cost: Matrix, options: SinkhornOptions = {}): SinkhornResult {
  assertMatrix(cost, 'cost', { minRows: 1 });
  if (cost.cols < 1) {
    throw new CoresetError('INVALID_ARGUMENT', 'cost needs at least one column', {
      argument: 'cost',
    });
  }
  for (const key of Object.keys(options)) {
    if (!['a', 'b', 'epsilon', 'tol', 'maxIterations', 'returnPlan'].includes(key)) {
      throw new CoresetError('UNKNOWN_OPTION', `sinkhorn: unknown option "${key}"`, {
        argument: key,
      });
    }
  }
  const epsilon = options.epsilon ?? DEFAULT_SINKHORN_OPTIONS.epsilon;
  const tol = options.tol ?? DEFAULT_SINKHORN_OPTIONS.tol;
  const maxIterations = options.maxIterations ?? DEFAULT_SINKHORN_OPTIONS.maxIterations;
  if (!(epsilon > 0) || !Number.isFinite(epsilon)) {
    throw new CoresetError('OUT_OF_RANGE', `epsilon must be a positive number, got ${epsilon}`, {
      argument: 'epsilon',
    });
  }
  if (!(tol > 0) || !Number.isFinite(tol)) {
    throw new CoresetError('OUT_OF_RANGE', `tol must be a positive number, got ${tol}`, {
      argument: 'tol',
    });
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new CoresetError(
      'OUT_OF_RANGE',
      `maxIterations must be a positive integer, got ${maxIterations}`,
      {
        argument: 'maxIterations',
      },
    );
  }
  const n = cost.rows;
  const m = cost.cols;
  const C = cost.data;
  const a =
    options.a === undefined ? new Float64Array(n).fill(1 / n) : validateMarginal(options.a, n, 'a');
  let b = options.b === undefined ? undefined : validateMarginal(options.b, m, 'b');
  const sa = total(a);
  if (b === undefined) {
    b = new Float64Array(m).fill(sa / m);
  } else {
    const sb = total(b);
    if (Math.abs(sa - sb) > 1e-9 * Math.max(sa, sb)) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `a and b must have the same total mass, got ${sa} and ${sb}`,
        {
          argument: 'b',
        },
      );
    }
    const bb = b;
    b = bb.map((x) => (x * sa) / sb);
  }
  const logA = a.map(Math.log);
  const logB = b.map(Math.log);

  const f = new Float64Array(n);
  const g = new Float64Array(m);
  const K = new Float64Array(n * m);
  const u = new Float64Array(n).fill(1);
  const v = new Float64Array(m).fill(1);
  const Kv = new Float64Array(n);
  const Ktu = new Float64Array(m);
  const colMax = new Float64Array(m);

  // One exact log-domain sweep: f from g, then g from f (column max first for a stable sum).
  const logSweep = (): void => {
    for (let i = 0; i < n; i++) {
      const base = i * m;
      let mx = -Infinity;
      for (let j = 0; j < m; j++) {
        const t = g[j] - C[base + j];
        if (t > mx) mx = t;
      }
      let s = 0;
      for (let j = 0; j < m; j++) s += Math.exp((g[j] - C[base + j] - mx) / epsilon);
      f[i] = epsilon * logA[i] - mx - epsilon * Math.log(s);
    }
    colMax.fill(-Infinity);
    for (let i = 0; i < n; i++) {
      const base = i * m;
      const fi = f[i];
      for (let j = 0; j < m; j++) {
        const t = fi - C[base + j];
        if (t > colMax[j]) colMax[j] = t;
      }
    }
    Ktu.fill(0);
    for (let i = 0; i < n; i++) {
      const base = i * m;
      const fi = f[i];
      for (let j = 0; j < m; j++) Ktu[j] += Math.exp((fi - C[base + j] - colMax[j]) / epsilon);
    }
    for (let j = 0; j < m; j++) g[j] = epsilon * logB[j] - colMax[j] - epsilon * Math.log(Ktu[j]);
  };
  const absorb = (): void => {
    for (let i = 0; i < n; i++) f[i] += epsilon * Math.log(u[i]);
    for (let j = 0; j < m; j++) g[j] += epsilon * Math.log(v[j]);
    u.fill(1);
    v.fill(1);
    for (let i = 0; i < n; i++) {
      const base = i * m;
      const fi = f[i];
      for (let j = 0; j < m; j++) K[base + j] = Math.exp((fi + g[j] - C[base + j]) / epsilon);
    }
  };

  logSweep();
  absorb();
  let iterations = 1;
  let err = Infinity;
  let converged = false;
  while (iterations < maxIterations) {
    // Row update; its product K v also measures the current row-marginal error for free.
    rowDots(K, v, Kv, n, m);
    err = 0;
    for (let i = 0; i < n; i++) err += Math.abs(u[i] * Kv[i] - a[i]);
    if (err < tol) {
      converged = true;
      break;
    }
    iterations++;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const x = a[i] / Kv[i];
      ok = x > ABSORB_LOW && x < ABSORB_HIGH;
    }
    if (ok) {
      for (let i = 0; i < n; i++) u[i] = a[i] / Kv[i];
      columnDots(K, u, Ktu, n, m);
      for (let j = 0; j < m && ok; j++) {
        const y = b[j] / Ktu[j];
        ok = y > ABSORB_LOW && y < ABSORB_HIGH;
      }
      if (ok) for (let j = 0; j < m; j++) v[j] = b[j] / Ktu[j];
    }
    if (!ok) {
      // A scaling would leave the safe range (or a row/column of K underflowed): fold the
      // current, valid scalings into the potentials and do this sweep exactly in the log domain.
      for (let i = 0; i < n; i++) f[i] += epsilon * Math.log(u[i]);
      for (let j = 0; j < m; j++) g[j] += epsilon * Math.log(v[j]);
      u.fill(1);
      v.fill(1);
      logSweep();
      absorb();
    }
  }
  if (!converged) {
    err = 0;
    rowDots(K, v, Kv, n, m);
    for (let i = 0; i < n; i++) err += Math.abs(u[i] * Kv[i] - a[i]);
    converged = err < tol;
  }
  let value = 0;
  const plan = options.returnPlan === true ? createMatrix(n, m, 'float64') : undefined;
  for (let i = 0; i < n; i++) {
    const base = i * m;
    const ui = u[i];
    for (let j = 0; j < m; j++) {
      const p = ui * K[base + j] * v[j];
      value += p * C[base + j];
      if (plan !== undefined) plan.data[base + j] = p;
    }
  }
  const fu = new Float64Array(n);
  const gv = new Float64Array(m);
  for (let i = 0; i < n; i++) fu[i] = f[i] + epsilon * Math.log(u[i]);
  for (let j = 0; j < m; j++) gv[j] = g[j] + epsilon * Math.log(v[j]);
  centreDuals(fu, gv, a, b);
  const result: SinkhornResult = {
    value,
    u: fu,
    v: gv,
    iterations,
    marginalError: err,
    converged,
    exact: false,
  };
  return plan === undefined ? result : { ...result, plan: plan as Matrix<Float64Array> };
}

/** out_j = Σ_i u_i·K_ij, four rows per pass so each out_j is loaded and stored once per four rows. */
function columnDots(
  K: Float64Array,
  u: Float64Array,
  out: Float64Array,
  n: number,
  m: number,
): void {
  out.fill(0);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const b0 = i * m;
    const b1 = b0 + m;
    const b2 = b1 + m;
    const b3 = b2 + m;
    const u0 = u[i];
    const u1 = u[i + 1];
    const u2 = u[i + 2];
    const u3 = u[i + 3];
    for (let j = 0; j < m; j++)
      out[j] += K[b0 + j] * u0 + K[b1 + j] * u1 + (K[b2 + j] * u2 + K[b3 + j] * u3);
  }
  for (; i < n; i++) {
    const base = i * m;
    const ui = u[i];
    for (let j = 0; j < m; j++) out[j] += K[base + j] * ui;
  }
}

/** out_i = Σ_j K_ij·v_j, four rows per pass (one load of v_j serves four independent sums). */
function rowDots(K: Float64Array, v: Float64Array, out: Float64Array, n: number, m: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const b0 = i * m;
    const b1 = b0 + m;
    const b2 = b1 + m;
    const b3 = b2 + m;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < m; j++) {
      const vj = v[j];
      s0 += K[b0 + j] * vj;
      s1 += K[b1 + j] * vj;
      s2 += K[b2 + j] * vj;
      s3 += K[b3 + j] * vj;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < n; i++) {
    const base = i * m;
    let s = 0;
    for (let j = 0; j < m; j++) s += K[base + j] * v[j];
    out[i] = s;
  }
}

function total(x: Float64Array): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += x[k];
  return s;
}
