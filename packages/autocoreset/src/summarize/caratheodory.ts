import { CoresetError } from '@coresets/core';
import type { Matrix } from '@coresets/core';
import type { VectorSummary } from './summary.js';

/**
 * How the booster forms one point per chunk.
 * - `group-sums` (reference): the chunk's weighted sum with weight 1/G; preserves Σ u_i a_i only.
 * - `weighted-means`: the chunk's weighted mean with the chunk's total weight; preserves
 *   Σ u_i a_i and Σ u_i.
 */
export type CaratheodoryGrouping = 'group-sums' | 'weighted-means';

/**
 * Caratheodory's theorem as an algorithm: rewrites the weights so that at most t + 1 of the
 * points a_j ∈ ℝᵗ (rows of `points`) keep a non-zero weight, preserving Σ u_j a_j and Σ u_j and
 * keeping u ≥ 0. It takes a basis of the affine dependencies of the non-zero points (the null
 * space of A = [a_2 − a_1, …, a_r − a_1] extended by v_1 = −Σv), moves the weights along one
 * dependency until a weight reaches zero, drops that point from the basis, and repeats.
 * Returns new weights (same length); the input is not modified.
 */
export function caratheodoryStep(
  points: Matrix<Float64Array>,
  weights: ArrayLike<number>,
): Float64Array {
  const t = points.cols;
  if (weights.length !== points.rows) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `weights has ${weights.length} entries for ${points.rows} points`,
      {
        argument: 'weights',
      },
    );
  }
  const u = Float64Array.from(weights);
  for (let i = 0; i < u.length; i++) {
    if (!Number.isFinite(u[i]) || u[i] < 0) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `weights[${i}] must be finite and ≥ 0, got ${u[i]}`,
        {
          argument: 'weights',
        },
      );
    }
  }
  let active: number[] = [];
  for (let i = 0; i < u.length; i++) if (u[i] > 0) active.push(i);
  while (active.length > t + 1) {
    // Null space of B = [a_k; 1] over the active points, once; removing point j then only needs
    // the combinations with a zero j-th entry (one elimination step), so a whole plain step costs
    // about one factorisation instead of one per removed point.
    const basis = nullSpace(points, active);
    if (basis.length === 0) break;
    const alive = new Uint8Array(active.length).fill(1);
    let count = active.length;
    while (count > t + 1 && basis.length > 0) {
      let v = basis[0];
      // Entries sum to zero, so v or −v has a positive entry; pick the one with the larger.
      let maxPos = 0;
      let maxNeg = 0;
      for (let k = 0; k < v.length; k++) {
        if (alive[k] === 0) continue;
        if (v[k] > maxPos) maxPos = v[k];
        if (-v[k] > maxNeg) maxNeg = -v[k];
      }
      if (maxNeg > maxPos) v = v.map((e) => -e);
      let alpha = Infinity;
      let argmin = -1;
      for (let k = 0; k < v.length; k++) {
        if (alive[k] === 1 && v[k] > 0) {
          const ratio = u[active[k]] / v[k];
          if (ratio < alpha) {
            alpha = ratio;
            argmin = k;
          }
        }
      }
      if (argmin < 0) break;
      for (let k = 0; k < v.length; k++) if (alive[k] === 1) u[active[k]] -= alpha * v[k];
      // The minimiser is exactly zero in exact arithmetic; ties can leave others at ±ulp.
      u[active[argmin]] = 0;
      for (let k = 0; k < v.length; k++) {
        if (alive[k] === 0 || u[active[k]] > 0) continue;
        u[active[k]] = 0;
        alive[k] = 0;
        count--;
        dropCoordinate(basis, k);
      }
    }
    active = active.filter((i) => u[i] > 0);
  }
  return u;
}

/**
 * Removes coordinate k from the span of `basis`: the vector with the largest |v_k| eliminates
 * entry k from the others and is dropped. Vectors are rescaled to max-abs 1 to keep the
 * repeated eliminations well conditioned.
 */
function dropCoordinate(basis: Float64Array[], k: number): void {
  let pivot = -1;
  let best = 0;
  basis.forEach((v, q) => {
    if (Math.abs(v[k]) > best) {
      best = Math.abs(v[k]);
      pivot = q;
    }
  });
  if (pivot < 0) return;
  const p = basis[pivot];
  basis.splice(pivot, 1);
  for (const v of basis) {
    const f = v[k] / p[k];
    if (f !== 0) {
      let scale = 0;
      for (let j = 0; j < v.length; j++) {
        v[j] -= f * p[j];
        scale = Math.max(scale, Math.abs(v[j]));
      }
      v[k] = 0;
      if (scale > 0) for (let j = 0; j < v.length; j++) v[j] /= scale;
    }
  }
}

/**
 * A basis of {v : Σ_k v_k a_k = 0, Σ_k v_k = 0} over the given points (the affine dependencies),
 * by Gaussian elimination with complete pivoting on the (t + 1) × r matrix [a_k; 1]. Complete
 * pivoting reveals the rank reliably, so duplicate or collinear loss vectors are handled.
 */
function nullSpace(points: Matrix<Float64Array>, active: readonly number[]): Float64Array[] {
  const t = points.cols;
  const rows = t + 1;
  const cols = active.length;
  const m = new Float64Array(rows * cols);
  let scale = 1;
  for (let k = 0; k < cols; k++) {
    const off = active[k] * t;
    for (let j = 0; j < t; j++) {
      const v = points.data[off + j];
      m[j * cols + k] = v;
      scale = Math.max(scale, Math.abs(v));
    }
  }
  // The all-ones row is scaled to the data so pivoting treats it like the others.
  for (let k = 0; k < cols; k++) m[t * cols + k] = scale;
  const perm = Int32Array.from({ length: cols }, (_, k) => k);
  const tiny = 1e-13 * scale;
  let rank = 0;
  for (; rank < Math.min(rows, cols); rank++) {
    let best = 0;
    let pr = rank;
    let pc = rank;
    for (let i = rank; i < rows; i++) {
      for (let j = rank; j < cols; j++) {
        const v = Math.abs(m[i * cols + j]);
        if (v > best) {
          best = v;
          pr = i;
          pc = j;
        }
      }
    }
    if (best <= tiny) break;
    if (pr !== rank) {
      for (let j = 0; j < cols; j++) {
        const tmp = m[rank * cols + j];
        m[rank * cols + j] = m[pr * cols + j];
        m[pr * cols + j] = tmp;
      }
    }
    if (pc !== rank) {
      for (let i = 0; i < rows; i++) {
        const tmp = m[i * cols + rank];
        m[i * cols + rank] = m[i * cols + pc];
        m[i * cols + pc] = tmp;
      }
      const tp = perm[rank];
      perm[rank] = perm[pc];
      perm[pc] = tp;
    }
    const pivot = m[rank * cols + rank];
    for (let i = rank + 1; i < rows; i++) {
      const f = m[i * cols + rank] / pivot;
      if (f === 0) continue;
      for (let j = rank; j < cols; j++) m[i * cols + j] -= f * m[rank * cols + j];
    }
  }
  const basis: Float64Array[] = [];
  const z = new Float64Array(cols);
  for (let free = rank; free < cols; free++) {
    z.fill(0);
    z[free] = 1;
    for (let i = rank - 1; i >= 0; i--) {
      let acc = m[i * cols + free];
      for (let j = i + 1; j < rank; j++) acc += m[i * cols + j] * z[j];
      z[i] = -acc / m[i * cols + i];
    }
    const v = new Float64Array(cols);
    let vmax = 0;
    for (let k = 0; k < cols; k++) {
      v[perm[k]] = z[k];
      vmax = Math.max(vmax, Math.abs(z[k]));
    }
    for (let k = 0; k < cols; k++) v[k] /= vmax;
    basis.push(v);
  }
  return basis;
}

export interface CaratheodoryOptions {
  readonly grouping?: CaratheodoryGrouping;
}

/**
 * The booster (Maalouf, Jubran & Feldman 2019) for large n: normalise unit weights to sum 1, split
 * the surviving rows in data order into G = 2t + 2 consecutive chunks, run `caratheodoryStep` on
 * one point per chunk, keep the rows of surviving chunks with rescaled weights, and repeat until
 * at most `budget` rows remain; finally scale back by n. The weighted sum of the returned rows
 * equals the sum of all rows up to float error. Needs budget ≥ t + 1 unless n ≤ budget, in which
 * case every row comes back with weight 1.
 */
export function caratheodorySummary(
  points: Matrix<Float64Array>,
  budget: number,
  options: CaratheodoryOptions = {},
): VectorSummary {
  const grouping = options.grouping ?? 'group-sums';
  const n = points.rows;
  const t = points.cols;
  if (!Number.isInteger(budget) || budget < 1) {
    throw new CoresetError('OUT_OF_RANGE', `budget must be a positive integer, got ${budget}`, {
      argument: 'budget',
    });
  }
  if (n <= budget) {
    const indices = new Int32Array(n);
    for (let i = 0; i < n; i++) indices[i] = i;
    return { indices, weights: new Float64Array(n).fill(1) };
  }
  if (budget < t + 1) {
    throw new CoresetError(
      'INFEASIBLE',
      `Caratheodory needs a budget of at least t + 1 = ${t + 1} for ${t} queries, got ${budget}`,
      { argument: 'budget' },
    );
  }
  const w = new Float64Array(n).fill(1 / n);
  let active: number[] = Array.from({ length: n }, (_, i) => i);
  const groupCount = 2 * t + 2;
  while (active.length > budget) {
    if (active.length <= groupCount) {
      const sub = gatherRows(points, active);
      const uSub = caratheodoryStep(
        sub,
        active.map((i) => w[i]),
      );
      active.forEach((i, k) => (w[i] = uSub[k]));
    } else {
      boosterRound(points, w, active, groupCount, grouping);
    }
    active = active.filter((i) => w[i] > 0);
  }
  const weights = new Float64Array(active.length);
  for (let k = 0; k < active.length; k++) weights[k] = w[active[k]] * n;
  return { indices: Int32Array.from(active), weights };
}

function gatherRows(points: Matrix<Float64Array>, ids: readonly number[]): Matrix<Float64Array> {
  const t = points.cols;
  const data = new Float64Array(ids.length * t);
  ids.forEach((i, k) => data.set(points.data.subarray(i * t, (i + 1) * t), k * t));
  return { rows: ids.length, cols: t, data };
}

/** One booster reduction over `active` (data order), updating `w` in place. */
function boosterRound(
  points: Matrix<Float64Array>,
  w: Float64Array,
  active: readonly number[],
  groupCount: number,
  grouping: CaratheodoryGrouping,
): void {
  const t = points.cols;
  const r = active.length;
  // Chunk sizes as numpy.array_split: the first r mod G chunks get one extra row.
  const baseSize = Math.floor(r / groupCount);
  const extra = r % groupCount;
  const starts = new Int32Array(groupCount + 1);
  for (let g = 0; g < groupCount; g++) starts[g + 1] = starts[g] + baseSize + (g < extra ? 1 : 0);
  const groupPoints = new Float64Array(groupCount * t);
  const groupWeight = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    for (let k = starts[g]; k < starts[g + 1]; k++) {
      const i = active[k];
      groupWeight[g] += w[i];
      for (let j = 0; j < t; j++) groupPoints[g * t + j] += w[i] * points.data[i * t + j];
    }
  }
  const inWeights = new Float64Array(groupCount);
  if (grouping === 'group-sums') {
    inWeights.fill(1 / groupCount);
  } else {
    for (let g = 0; g < groupCount; g++) {
      inWeights[g] = groupWeight[g];
      if (groupWeight[g] > 0) for (let j = 0; j < t; j++) groupPoints[g * t + j] /= groupWeight[g];
    }
  }
  const out = caratheodoryStep({ rows: groupCount, cols: t, data: groupPoints }, inWeights);
  for (let g = 0; g < groupCount; g++) {
    const factor = grouping === 'group-sums' ? groupCount * out[g] : out[g] / groupWeight[g];
    for (let k = starts[g]; k < starts[g + 1]; k++) w[active[k]] *= factor;
  }
}
