import { CoresetError, assertInteger, assertMatrix, throwIfAborted } from '@coresets/core';
import type { LongRunningOptions, Matrix } from '@coresets/core';

export interface GreedyOptions extends LongRunningOptions {
  /** Drop over-picked rows that serve no target point (default true). */
  readonly dropInactive?: boolean | undefined;
}

export interface GreedyResult {
  /** The selected rows, in pick order. */
  readonly indices: Int32Array;
  /** Every row the greedy added, in order (longer than `indices` when it over-picked). */
  readonly picks: Int32Array;
}

/**
 * Stage 1 of ITRA: naive greedy on H(S) = (1/M) Σ_j min_{i∈S} C_ij (facility location with
 * similarity 1 − C), ties → lower index, with a running column minimum. Each step costs O(N·k)
 * for the k columns whose minimum moved, plus a direct O(M) sum for near-best rows.
 *
 * Rows are added past n until n of them are the column minimum of some target point; the
 * inactive extra rows are then dropped (H is unchanged by them, and the OT value usually
 * improves). When the whole set is added without reaching n active rows (exact ties), the
 * active rows come first, then the earliest inactive picks.
 */
export function greedyInit(cost: Matrix, n: number, options: GreedyOptions = {}): GreedyResult {
  assertMatrix(cost, 'cost', { minRows: 1 });
  assertInteger(n, 'budget', 1);
  const N = cost.rows;
  const M = cost.cols;
  if (M < 1)
    throw new CoresetError('INVALID_ARGUMENT', 'cost needs at least one column', {
      argument: 'cost',
    });
  const C = cost.data;
  if (n >= N) {
    const all = Int32Array.from({ length: N }, (_, i) => i);
    return { indices: all, picks: all.slice() };
  }
  const dropInactive = options.dropInactive ?? true;
  let scale = 0;
  for (let k = 0; k < C.length; k++) scale = Math.max(scale, Math.abs(C[k]));

  const S: number[] = [];
  const inS = new Uint8Array(N);
  let first = 0;
  let firstSum = Infinity;
  for (let i = 0; i < N; i++) {
    let s = 0;
    const base = i * M;
    for (let j = 0; j < M; j++) s += C[base + j];
    if (s < firstSum) {
      firstSum = s;
      first = i;
    }
  }
  S.push(first);
  inS[first] = 1;
  const colMin = Float64Array.from(C.subarray(first * M, first * M + M));
  // Running Σ_j min(C_ej, m_j) per row, kept up to date incrementally.
  const value = new Float64Array(N);
  for (let e = 0; e < N; e++) {
    const base = e * M;
    let s = 0;
    for (let j = 0; j < M; j++) {
      const c = C[base + j];
      s += c < colMin[j] ? c : colMin[j];
    }
    value[e] = s;
  }
  const changed = new Int32Array(M);
  const oldMin = new Float64Array(M);

  // Whether n rows can ever be active: more than n distinct column argmins over all rows.
  let many = false;
  if (dropInactive) {
    const arg = columnArgmins(
      C,
      M,
      Int32Array.from({ length: N }, (_, i) => i),
    );
    const isArgmin = new Uint8Array(N);
    let distinct = 0;
    for (let j = 0; j < M; j++) {
      if (isArgmin[arg[j]] === 0) {
        isArgmin[arg[j]] = 1;
        distinct++;
      }
    }
    many = distinct > n;
  }

  const active = new Uint8Array(N);
  for (;;) {
    if (S.length >= n) {
      if (!many) return { indices: Int32Array.from(S), picks: Int32Array.from(S) };
      active.fill(0);
      let count = 0;
      const arg = columnArgmins(C, M, S);
      for (let j = 0; j < M; j++) {
        if (active[arg[j]] === 0) {
          active[arg[j]] = 1;
          count++;
        }
      }
      if (count >= n) {
        return {
          indices: Int32Array.from(S.filter((i) => active[i] === 1)),
          picks: Int32Array.from(S),
        };
      }
      if (S.length === N) {
        const chosen = S.filter((i) => active[i] === 1);
        for (const i of S) {
          if (chosen.length >= n) break;
          if (active[i] === 0) chosen.push(i);
        }
        return { indices: Int32Array.from(chosen), picks: Int32Array.from(S) };
      }
    }
    throwIfAborted(options.signal);
    options.onProgress?.({ phase: 'greedy', completed: S.length, total: n });
    // Pick argmin over rows ∉ S of Σ_j min(C_ej, m_j). The running values are updated only on the
    // columns whose minimum moved, then every row within rounding distance of the smallest one is
    // re-evaluated with the direct sum, so ties resolve exactly as a naive greedy would.
    let approxMin = Infinity;
    for (let e = 0; e < N; e++) if (inS[e] === 0 && value[e] < approxMin) approxMin = value[e];
    const slack = 1e-9 * Math.max(1, Math.abs(approxMin)) + 1e-10 * M * scale;
    let bestRow = -1;
    let bestVal = Infinity;
    for (let e = 0; e < N; e++) {
      if (inS[e] === 1 || value[e] > approxMin + slack) continue;
      const base = e * M;
      let s = 0;
      for (let j = 0; j < M; j++) {
        const c = C[base + j];
        s += c < colMin[j] ? c : colMin[j];
      }
      if (s < bestVal) {
        bestVal = s;
        bestRow = e;
      }
    }
    S.push(bestRow);
    inS[bestRow] = 1;
    const pickBase = bestRow * M;
    let nChanged = 0;
    for (let j = 0; j < M; j++) {
      if (C[pickBase + j] < colMin[j]) {
        changed[nChanged] = j;
        oldMin[nChanged] = colMin[j];
        nChanged++;
        colMin[j] = C[pickBase + j];
      }
    }
    for (let e = 0; e < N; e++) {
      if (inS[e] === 1) continue;
      const base = e * M;
      let delta = 0;
      for (let k = 0; k < nChanged; k++) {
        const j = changed[k];
        const c = C[base + j];
        const before = c < oldMin[k] ? c : oldMin[k];
        const after = c < colMin[j] ? c : colMin[j];
        delta += after - before;
      }
      value[e] += delta;
    }
  }
}

/** For each column, the row of `rows` with the smallest cost; ties → the row listed first. Row-major. */
function columnArgmins(C: ArrayLike<number>, M: number, rows: ArrayLike<number>): Int32Array {
  const arg = new Int32Array(M).fill(rows[0]);
  const val = new Float64Array(M);
  for (let j = 0; j < M; j++) val[j] = C[rows[0] * M + j];
  for (let k = 1; k < rows.length; k++) {
    const i = rows[k];
    const base = i * M;
    for (let j = 0; j < M; j++) {
      if (C[base + j] < val[j]) {
        val[j] = C[base + j];
        arg[j] = i;
      }
    }
  }
  return arg;
}
