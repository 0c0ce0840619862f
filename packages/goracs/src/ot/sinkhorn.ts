import { CoresetError, assertMatrix, createMatrix } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { centreDuals } from './emd.js';
import { validateMarginal } from './marginals.js';
import { ABSORB_HIGH, ABSORB_LOW, createSweepWorkspace, type SweepEngine } from './sinkhorn-sweep.js';

export interface SinkhornOptions {
  /** Row masses (positive); default uniform 1/n. */
  readonly a?: ArrayLike<number> | undefined;
  /** Column masses (positive); default uniform 1/m; rescaled to a's total. */
  readonly b?: ArrayLike<number> | undefined;
  /** Entropic regularisation ε, in the units of the cost. */
  readonly epsilon?: number | undefined;
  /** Stop when the error of the row marginals is below this (columns are exact after each sweep). */
  readonly tol?: number | undefined;
  /**
   * Norm of the marginal error compared with `tol`: `'l1'` (default, Σ|·|) or `'l2'` (the
   * euclidean norm POT's `sinkhorn` uses; looser by up to √n, so fewer sweeps).
   */
  readonly errorNorm?: 'l1' | 'l2' | undefined;
  readonly maxIterations?: number | undefined;
  /** Also return the dense plan (n·m doubles). */
  readonly returnPlan?: boolean | undefined;
  /**
   * Code for the sweeps: `'auto'` (default) uses WebAssembly SIMD when K has at least 16,384 entries
   * and fits in wasm32 memory (4 GiB), else JavaScript; `'wasm'` and `'js'` force one. Both give the same iterates up to
   * float64 summation order.
   */
  readonly engine?: SweepEngine | undefined;
}

export interface SinkhornResult {
  /** ⟨P, C⟩ for the entropic plan P: an upper bound on the exact OT value, tight as ε → 0. */
  readonly value: number;
  /** Row potentials (centred so that Σ a·u = Σ b·v). */
  readonly u: Float64Array;
  /** Column potentials. */
  readonly v: Float64Array;
  readonly iterations: number;
  /** Row-marginal error at the end, in `errorNorm`. */
  readonly marginalError: number;
  readonly converged: boolean;
  /** Always false: the entropic plan is an approximation of the optimal one. */
  readonly exact: false;
  readonly plan?: Matrix<Float64Array>;
}

export const DEFAULT_SINKHORN_OPTIONS = {
  epsilon: 0.01,
  tol: 1e-6,
  errorNorm: 'l1',
  maxIterations: 100_000,
  returnPlan: false,
  engine: 'auto',
} as const;


/**
 * Entropic optimal transport, **approximate**: log-domain Sinkhorn with absorption (the
 * "stabilised" scheme). Potentials f, g live in the log domain; between absorptions the updates
 * are plain scalings u = a / (K v), v = b / (Kᵀ u) with K_ij = exp((f_i + g_j − C_ij)/ε), so a
 * sweep costs two matrix–vector products instead of n·m exponentials, fused into one pass over K
 * (each row's dot product, then its share of Kᵀu while the row is in cache): the sweep is bound by
 * reading K from memory, so one read instead of two is what makes it fast. When a scaling leaves
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
    if (!['a', 'b', 'epsilon', 'tol', 'errorNorm', 'maxIterations', 'returnPlan', 'engine'].includes(key)) {
      throw new CoresetError('UNKNOWN_OPTION', `sinkhorn: unknown option "${key}"`, {
        argument: key,
      });
    }
  }
  const epsilon = options.epsilon ?? DEFAULT_SINKHORN_OPTIONS.epsilon;
  const tol = options.tol ?? DEFAULT_SINKHORN_OPTIONS.tol;
  const maxIterations = options.maxIterations ?? DEFAULT_SINKHORN_OPTIONS.maxIterations;
  const errorNorm = options.errorNorm ?? DEFAULT_SINKHORN_OPTIONS.errorNorm;
  if (errorNorm !== 'l1' && errorNorm !== 'l2') {
    throw new CoresetError('INVALID_ARGUMENT', `errorNorm must be 'l1' or 'l2', got "${String(errorNorm)}"`, {
      argument: 'errorNorm',
    });
  }
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
  const workspace = createSweepWorkspace(C, n, m, options.engine ?? DEFAULT_SINKHORN_OPTIONS.engine);
  const { K, v, Ktu } = workspace;
  const u = new Float64Array(n).fill(1);
  v.fill(1);
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
  // Moves the scalings into the log-domain potentials: u = v = 1 afterwards.
  const foldScalings = (): void => {
    for (let i = 0; i < n; i++) f[i] += epsilon * Math.log(u[i]);
    for (let j = 0; j < m; j++) g[j] += epsilon * Math.log(v[j]);
    u.fill(1);
    v.fill(1);
  };
  const absorb = (): void => {
    foldScalings();
    workspace.rebuildKernel(f, g, epsilon);
  };

  // f = g = 0: K = exp(−C/ε). Where that underflows, the first sweep's scalings leave the safe
  // range and the loop below switches to an exact log-domain sweep, so no separate start-up pass.
  absorb();
  const uNext = new Float64Array(n);
  const l2 = errorNorm === 'l2';
  let iterations = 0;
  let err = Infinity;
  let converged = false;
  for (;;) {
    // The row update; its products K v also measure the current row-marginal error.
    const sweep = workspace.sweep(u, a, uNext, l2, iterations < maxIterations);
    err = sweep.error;
    if (err < tol) {
      converged = true;
      break;
    }
    if (iterations >= maxIterations) break;
    iterations++;
    let ok = sweep.ok;
    if (ok) {
      u.set(uNext);
      for (let j = 0; j < m && ok; j++) {
        const y = b[j] / Ktu[j];
        ok = y > ABSORB_LOW && y < ABSORB_HIGH;
      }
      if (ok) for (let j = 0; j < m; j++) v[j] = b[j] / Ktu[j];
    }
    if (!ok) {
      // A scaling would leave the safe range (or a row/column of K underflowed): fold the
      // current, valid scalings into the potentials and do this sweep exactly in the log domain.
      foldScalings();
      logSweep();
      workspace.rebuildKernel(f, g, epsilon);
    }
  }
  const value = workspace.transportCost(u);
  let plan: Matrix<Float64Array> | undefined;
  if (options.returnPlan === true) {
    plan = createMatrix(n, m, 'float64') as Matrix<Float64Array>;
    for (let i = 0; i < n; i++) {
      const base = i * m;
      for (let j = 0; j < m; j++) plan.data[base + j] = u[i] * K[base + j] * v[j];
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
  return plan === undefined ? result : { ...result, plan };
}

function total(x: Float64Array): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += x[k];
  return s;
}
