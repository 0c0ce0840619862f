import { CoresetError } from '../errors/coreset-error.js';
import type { Matrix } from '../matrix/matrix.js';
import { assertMetric, type DistanceMetric } from './metric.js';
import { createTfjsDotEngine } from './tfjs-dot.js';

/**
 * Where dot products are computed: `js` (float64 loops, exact to rounding; the default) or
 * `tfjs` (float32 matMul on the active tfjs backend — much faster on wasm or a GPU for large d, with
 * float32 rounding: relative error ~1e-7 of ‖a‖·‖b‖ per entry). `l1` always runs in JS.
 */
export type KernelEngine = 'js' | 'tfjs';

export interface PairwiseOptions {
  readonly metric?: DistanceMetric | undefined;
  /** Upper bound on the bytes of one block of results (float64); default 64 MiB. */
  readonly maxBlockBytes?: number | undefined;
  /** Rows of `a` per block; derived from `maxBlockBytes` when absent. */
  readonly blockRows?: number | undefined;
  readonly engine?: KernelEngine | undefined;
}

const DEFAULT_MAX_BLOCK_BYTES = 64 * 1024 * 1024;

/**
 * Calls `onBlock(rowStart, block)` for consecutive row blocks of the |a| × |b| distance matrix, so
 * callers can reduce distances without holding the whole matrix. The block matrix is reused
 * between calls: copy what you keep. `b` defaults to `a`.
 *
 * Squared euclidean uses ‖a‖² + ‖b‖² − 2a·b (clamped at 0, and exactly 0 on the diagonal when
 * b = a) — the formulation every peer uses; the cancellation error is ~1e-16·‖a‖² in float64.
 */
export function forEachDistanceBlock(
  a: Matrix,
  b: Matrix | undefined,
  options: PairwiseOptions,
  onBlock: (rowStart: number, block: Matrix<Float64Array>) => void,
): void {
  const metric = options.metric ?? 'sqeuclidean';
  assertMetric(metric);
  const ref = b ?? a;
  const same = b === undefined || b === a;
  if (ref.cols !== a.cols) {
    throw new CoresetError('SHAPE_MISMATCH', `a has ${a.cols} columns but b has ${ref.cols}`, { argument: 'b' });
  }
  const d = a.cols;
  const m = ref.rows;
  const maxBytes = options.maxBlockBytes ?? DEFAULT_MAX_BLOCK_BYTES;
  const rowsPerBlock = Math.max(1, options.blockRows ?? Math.floor(maxBytes / (8 * Math.max(1, m))));
  const refNorms = rowNorms(ref, metric);
  const aNorms = same ? refNorms : rowNorms(a, metric);
  const engine = options.engine ?? 'js';
  if (engine !== 'js' && engine !== 'tfjs') {
    throw new CoresetError('INVALID_ARGUMENT', `engine must be 'js' or 'tfjs', got "${String(engine)}"`, { argument: 'engine' });
  }
  const buffer = new Float64Array(Math.min(rowsPerBlock, a.rows) * m);
  if (engine === 'tfjs' && metric !== 'l1') {
    const dots = createTfjsDotEngine(ref);
    try {
      for (let start = 0; start < a.rows; start += rowsPerBlock) {
        const rows = Math.min(rowsPerBlock, a.rows - start);
        const out = buffer.subarray(0, rows * m);
        dots.block(a, start, rows, out);
        finishDotMetric(metric, out, rows, m, start, aNorms, refNorms, same);
        onBlock(start, { rows, cols: m, data: out });
      }
    } finally {
      dots.dispose();
    }
    return;
  }
  // Work on a transposed float64 copy of the reference so the inner loop reads contiguously.
  const refT = new Float64Array(d * m);
  for (let j = 0; j < m; j++) for (let k = 0; k < d; k++) refT[k * m + j] = ref.data[j * d + k];

  for (let start = 0; start < a.rows; start += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, a.rows - start);
    const out = buffer.subarray(0, rows * m);
    if (metric === 'l1') {
      l1Block(a, start, rows, refT, m, out);
    } else {
      dotBlock(a, start, rows, refT, m, out);
      finishDotMetric(metric, out, rows, m, start, aNorms, refNorms, same);
    }
    onBlock(start, { rows, cols: m, data: out });
  }
}

/** The full |a| × |b| matrix (b defaults to a). Use `forEachDistanceBlock` when it would not fit. */
export function pairwiseDistances(a: Matrix, b: Matrix | undefined, options: PairwiseOptions = {}): Matrix<Float64Array> {
  const ref = b ?? a;
  const out = new Float64Array(a.rows * ref.rows);
  forEachDistanceBlock(a, b, options, (start, block) => out.set(block.data, start * ref.rows));
  return { rows: a.rows, cols: ref.rows, data: out };
}

function rowNorms(m: Matrix, metric: DistanceMetric): Float64Array {
  const norms = new Float64Array(m.rows);
  if (metric === 'l1' || metric === 'dot') return norms;
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let k = 0; k < m.cols; k++) {
      const v = m.data[i * m.cols + k];
      s += v * v;
    }
    norms[i] = metric === 'cosine' ? Math.sqrt(s) : s;
  }
  return norms;
}

function dotBlock(a: Matrix, start: number, rows: number, refT: Float64Array, m: number, out: Float64Array): void {
  const d = a.cols;
  const x = a.data;
  out.fill(0);
  let r = 0;
  // Four rows of `a` at a time: each loaded reference value feeds four accumulators.
  for (; r + 3 < rows; r += 4) {
    const o0 = r * m;
    const o1 = o0 + m;
    const o2 = o1 + m;
    const o3 = o2 + m;
    const a0 = (start + r) * d;
    const a1 = a0 + d;
    const a2 = a1 + d;
    const a3 = a2 + d;
    for (let k = 0; k < d; k++) {
      const v0 = x[a0 + k];
      const v1 = x[a1 + k];
      const v2 = x[a2 + k];
      const v3 = x[a3 + k];
      const off = k * m;
      for (let j = 0; j < m; j++) {
        const b = refT[off + j];
        out[o0 + j] += v0 * b;
        out[o1 + j] += v1 * b;
        out[o2 + j] += v2 * b;
        out[o3 + j] += v3 * b;
      }
    }
  }
  for (; r < rows; r++) {
    const base = r * m;
    const arow = (start + r) * d;
    for (let k = 0; k < d; k++) {
      const av = x[arow + k];
      if (av === 0) continue;
      const off = k * m;
      for (let j = 0; j < m; j++) out[base + j] += av * refT[off + j];
    }
  }
}

function l1Block(a: Matrix, start: number, rows: number, refT: Float64Array, m: number, out: Float64Array): void {
  const d = a.cols;
  out.fill(0);
  for (let r = 0; r < rows; r++) {
    const base = r * m;
    const arow = (start + r) * d;
    for (let k = 0; k < d; k++) {
      const av = a.data[arow + k];
      const off = k * m;
      for (let j = 0; j < m; j++) out[base + j] += Math.abs(av - refT[off + j]);
    }
  }
}

function finishDotMetric(
  metric: DistanceMetric,
  out: Float64Array,
  rows: number,
  m: number,
  start: number,
  aNorms: Float64Array,
  refNorms: Float64Array,
  same: boolean,
): void {
  if (metric === 'dot') return;
  for (let r = 0; r < rows; r++) {
    const i = start + r;
    const base = r * m;
    for (let j = 0; j < m; j++) {
      const dot = out[base + j];
      let v: number;
      if (metric === 'cosine') {
        const denom = aNorms[i] * refNorms[j];
        // A zero vector has no direction: treat it as orthogonal to everything (distance 1).
        v = denom > 0 ? 1 - dot / denom : 1;
      } else {
        v = Math.max(0, aNorms[i] + refNorms[j] - 2 * dot);
        if (metric === 'euclidean') v = Math.sqrt(v);
      }
      out[base + j] = v;
    }
    if (same && metric !== 'cosine') out[base + i] = 0;
    if (same && metric === 'cosine' && aNorms[i] > 0) out[base + i] = 0;
  }
}
