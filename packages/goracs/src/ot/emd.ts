import { CoresetError, assertMatrix } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import { artificialTree, cloneTree, runSimplex, treePotentials } from './network-simplex.js';
import type { TransportTree } from './network-simplex.js';
import { validateMarginal } from './marginals.js';

/** A transport plan in coordinate form: entry k moves `mass[k]` from row `rows[k]` to column `cols[k]`. */
export interface OtPlan {
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly mass: Float64Array;
}

/**
 * An optimal basis, reusable as `warmStart` for another cost matrix of the same shape and the
 * same marginals (the flows stay feasible; only the costs changed). Treat it as opaque.
 */
export interface EmdBasis {
  readonly rows: number;
  readonly cols: number;
  /** Solver state; its layout is not part of the public API. */
  readonly tree: TransportTree;
}

export interface EmdOptions {
  /** Row masses (positive); default uniform 1/n. */
  readonly a?: ArrayLike<number> | undefined;
  /** Column masses (positive); default uniform 1/m. Must have the same total as `a` (to 1e-9). */
  readonly b?: ArrayLike<number> | undefined;
  /** Pivot cap; reaching it throws rather than returning a non-optimal value. */
  readonly maxIterations?: number | undefined;
  /** A basis from an earlier `emd` call with the same shape and marginals. */
  readonly warmStart?: EmdBasis | undefined;
}

export interface EmdResult {
  /** Σ π_ij C_ij at the optimal plan π. */
  readonly value: number;
  /** Row duals (centred so that Σ a·u = Σ b·v, as POT does). */
  readonly u: Float64Array;
  /** Column duals; u_i + v_j ≤ C_ij with equality wherever π_ij > 0. */
  readonly v: Float64Array;
  /** Non-zero entries of the optimal plan, sorted by row then column. */
  readonly plan: OtPlan;
  /** Simplex pivots performed. */
  readonly iterations: number;
  /** Always true: the value is an exact optimum (up to float64 rounding of the costs). */
  readonly exact: true;
  readonly basis: EmdBasis;
}

export const DEFAULT_EMD_OPTIONS = {
  maxIterations: 10_000_000,
} as const;

/** Relative pricing tolerance: arcs enter only if their reduced cost is below −1e-14·max|C|. */
const PRICING_TOL = 1e-14;

/**
 * Exact optimal transport (earth mover's distance) between the rows and columns of `cost`, by a
 * transportation network simplex. With the default uniform marginals the masses are integers
 * (M/q per row, n/q per column, q = gcd(n, M)), so flows are exact and only costs are rounded.
 */
export function emd(cost: Matrix, options: EmdOptions = {}): EmdResult {
  assertMatrix(cost, 'cost', { minRows: 1 });
  if (cost.cols < 1) {
    throw new CoresetError('INVALID_ARGUMENT', 'cost needs at least one column', {
      argument: 'cost',
    });
  }
  for (const key of Object.keys(options)) {
    if (!['a', 'b', 'maxIterations', 'warmStart'].includes(key)) {
      throw new CoresetError('UNKNOWN_OPTION', `emd: unknown option "${key}"`, { argument: key });
    }
  }
  const n = cost.rows;
  const m = cost.cols;
  const maxIterations = options.maxIterations ?? DEFAULT_EMD_OPTIONS.maxIterations;
  if (!Number.isInteger(maxIterations) || maxIterations < 0) {
    throw new CoresetError(
      'OUT_OF_RANGE',
      `maxIterations must be a non-negative integer, got ${maxIterations}`,
      {
        argument: 'maxIterations',
      },
    );
  }
  const masses = resolveMasses(n, m, options.a, options.b);
  let tree: TransportTree;
  if (options.warmStart !== undefined) {
    const ws = options.warmStart;
    if (
      ws.rows !== n ||
      ws.cols !== m ||
      !sameValues(ws.tree.supply, masses.supply) ||
      !sameValues(ws.tree.demand, masses.demand)
    ) {
      throw new CoresetError(
        'SHAPE_MISMATCH',
        'warmStart comes from a problem with another shape or other marginals',
        {
          argument: 'warmStart',
        },
      );
    }
    tree = cloneTree(ws.tree);
  } else {
    tree = artificialTree(masses.supply, masses.demand);
  }
  // One element type in the solver's hot loops keeps them monomorphic (float32 → float64 is exact).
  const data = cost.data instanceof Float64Array ? cost.data : Float64Array.from(cost.data);
  let scale = 0;
  let maxCost = -Infinity;
  for (let k = 0; k < data.length; k++) {
    const x = data[k];
    if (x > maxCost) maxCost = x;
    if (Math.abs(x) > scale) scale = Math.abs(x);
  }
  const tol = PRICING_TOL * Math.max(scale, Number.MIN_VALUE);
  // Any artificial cost above max C forces artificial flows to zero (see network-simplex.ts).
  const art = maxCost + Math.max(1, scale);
  const outcome = runSimplex(tree, data, art, tol, maxIterations);
  if (!outcome.optimal) {
    throw new CoresetError(
      'OUT_OF_RANGE',
      `emd: no optimal basis within maxIterations = ${maxIterations} pivots; raise maxIterations`,
      { argument: 'maxIterations' },
    );
  }
  return extract(tree, data, art, masses, outcome.iterations);
}

interface Masses {
  readonly supply: Float64Array;
  readonly demand: Float64Array;
  /** Divides flows into plan masses (n·M/q for the integer uniform case, 1 otherwise). */
  readonly unit: number;
  /** Marginals as the caller sees them (for centring the duals). */
  readonly a: Float64Array;
  readonly b: Float64Array;
}

function resolveMasses(
  n: number,
  m: number,
  aIn?: ArrayLike<number>,
  bIn?: ArrayLike<number>,
): Masses {
  if (aIn === undefined && bIn === undefined) {
    const q = gcd(n, m);
    const supply = new Float64Array(n).fill(m / q);
    const demand = new Float64Array(m).fill(n / q);
    return {
      supply,
      demand,
      unit: (n * m) / q,
      a: new Float64Array(n).fill(1 / n),
      b: new Float64Array(m).fill(1 / m),
    };
  }
  const a = aIn === undefined ? undefined : validateMarginal(aIn, n, 'a');
  const b = bIn === undefined ? undefined : validateMarginal(bIn, m, 'b');
  const totalA = a === undefined ? undefined : sum(a);
  const totalB = b === undefined ? undefined : sum(b);
  const total = totalA ?? totalB ?? 1;
  const aa = a ?? new Float64Array(n).fill(total / n);
  const bb = b ?? new Float64Array(m).fill(total / m);
  const sa = sum(aa);
  const sb = sum(bb);
  if (Math.abs(sa - sb) > 1e-9 * Math.max(sa, sb)) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `a and b must have the same total mass, got ${sa} and ${sb}`,
      {
        argument: 'b',
      },
    );
  }
  // Rescale b onto a's total so the totals agree to rounding (POT requires the same).
  const demand = bb.map((x) => (x * sa) / sb);
  return { supply: aa.slice(), demand, unit: 1, a: aa, b: demand };
}

function extract(
  tree: TransportTree,
  cost: Float64Array,
  art: number,
  masses: Masses,
  iterations: number,
): EmdResult {
  const { n, m, pred, flow } = tree;
  const pi = new Float64Array(n + m + 1);
  treePotentials(tree, cost, art, pi);
  // Collect positive flows and sort them by arc id (= row-major order).
  const arcs: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) total += tree.supply[i];
  for (let u = 0; u < n + m; u++) {
    if (flow[u] <= 0) continue;
    if (pred[u] >= n * m) {
      // General float marginals balance only to rounding, and the sliver stays on an artificial
      // arc. Anything more is unreachable at an optimum: the artificial cost exceeds every real cost.
      if (flow[u] <= 1e-12 * total) continue;
      throw new CoresetError(
        'INFEASIBLE',
        'emd: an artificial arc kept flow at the optimum (internal error)',
      );
    }
    arcs.push(u);
  }
  arcs.sort((x, y) => pred[x] - pred[y]);
  const rows = new Int32Array(arcs.length);
  const cols = new Int32Array(arcs.length);
  const mass = new Float64Array(arcs.length);
  let value = 0;
  for (let k = 0; k < arcs.length; k++) {
    const e = pred[arcs[k]];
    const i = (e / m) | 0;
    rows[k] = i;
    cols[k] = e - i * m;
    mass[k] = flow[arcs[k]] / masses.unit;
    value += flow[arcs[k]] * cost[e];
  }
  value /= masses.unit;
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  for (let i = 0; i < n; i++) u[i] = -pi[i];
  for (let j = 0; j < m; j++) v[j] = pi[n + j];
  centreDuals(u, v, masses.a, masses.b);
  return {
    value,
    u,
    v,
    plan: { rows, cols, mass },
    iterations,
    exact: true,
    basis: { rows: n, cols: m, tree },
  };
}

/** Shifts u up and v down by one constant so that Σ a·u = Σ b·v (each half the value). */
export function centreDuals(
  u: Float64Array,
  v: Float64Array,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): void {
  let au = 0;
  let bv = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < u.length; i++) {
    au += a[i] * u[i];
    sa += a[i];
  }
  for (let j = 0; j < v.length; j++) {
    bv += b[j] * v[j];
    sb += b[j];
  }
  const c = (bv - au) / (sa + sb);
  for (let i = 0; i < u.length; i++) u[i] += c;
  for (let j = 0; j < v.length; j++) v[j] -= c;
}

function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += x[k];
  return s;
}

function sameValues(x: Float64Array, y: Float64Array): boolean {
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

function gcd(x: number, y: number): number {
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
