import { CoresetError } from '@coresets/core';
import { SINKHORN_KERNELS_WASM_BASE64 } from './wasm/sinkhorn-kernels-wasm.js';

/** Scalings beyond these bounds are absorbed into the log-domain potentials. */
export const ABSORB_HIGH = 1e30;
export const ABSORB_LOW = 1e-30;

/** Which code runs a sweep: WebAssembly SIMD (two float64 lanes), plain JavaScript, or the first that works. */
export type SweepEngine = 'auto' | 'wasm' | 'js';

export interface SweepOutcome {
  /** Row-marginal error of the scalings before the sweep (ℓ1, or ℓ2 when asked). */
  readonly error: number;
  /** False when a new row scaling left the safe range; the update then stopped part-way. */
  readonly ok: boolean;
}

/**
 * The buffers a Sinkhorn run sweeps over — the Gibbs kernel K (n × m, row-major), the column
 * scaling v and the column sums Kᵀu — and the fused sweep itself: for every row the dot product
 * s_i = K_i·v, the row-marginal error of the current u, and (when `update` is set) the new scaling
 * a_i / s_i and its contribution to Kᵀu while the row is still in cache. One pass over K per sweep
 * instead of two: a sweep is bound by reading K, so this is what makes it fast.
 */
export interface SweepWorkspace {
  readonly engine: 'wasm' | 'js';
  readonly K: Float64Array;
  readonly v: Float64Array;
  readonly Ktu: Float64Array;
  sweep(u: Float64Array, a: Float64Array, uNext: Float64Array, l2: boolean, update: boolean): SweepOutcome;
  /** K_ij = exp((f_i + g_j − C_ij) / ε) for the cost given at creation. */
  rebuildKernel(f: Float64Array, g: Float64Array, epsilon: number): void;
  /** ⟨P, C⟩ for the plan P_ij = u_i K_ij v_j. */
  transportCost(u: Float64Array): number;
}

const safe = (x: number): boolean => x > ABSORB_LOW && x < ABSORB_HIGH;

/** Below this many kernel entries `'auto'` uses plain JavaScript. */
const MIN_WASM_ENTRIES = 16_384;

/** Kernel n × m, v and Kᵀu in one buffer set; `engine: 'auto'` uses JS for small kernels and when wasm memory cannot hold K. */
export function createSweepWorkspace(cost: Float64Array | Float32Array, n: number, m: number, engine: SweepEngine = 'auto'): SweepWorkspace {
  if (engine !== 'auto' && engine !== 'wasm' && engine !== 'js') {
    throw new CoresetError('INVALID_ARGUMENT', `engine must be 'auto', 'wasm' or 'js', got "${String(engine)}"`, {
      argument: 'engine',
    });
  }
  // Compiling and instantiating the module costs about a millisecond, more than a whole small solve.
  if (engine === 'js' || (engine === 'auto' && n * m < MIN_WASM_ENTRIES)) return jsWorkspace(cost, n, m);
  try {
    return wasmWorkspace(cost, n, m);
  } catch (error) {
    if (engine === 'wasm') {
      throw new CoresetError('BACKEND_UNAVAILABLE', `the wasm Sinkhorn kernels cannot run: ${error instanceof Error ? error.message : String(error)}`, {
        argument: 'engine',
      });
    }
    return jsWorkspace(cost, n, m);
  }
}

// The package's TypeScript libs (ES2022, no DOM) do not declare WebAssembly; these are the parts used.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: unknown };
};

interface KernelExports {
  readonly memory: WasmMemory;
  rowDots4(k: number, v: number, m: number, out: number): void;
  columnAxpy4(k: number, m: number, x0: number, x1: number, x2: number, x3: number, acc: number): void;
  gibbsRow(c: number, g: number, f: number, scale: number, out: number, m: number): void;
  rowCost(k: number, v: number, c: number, m: number): number;
}

/** wasm32 addresses are 32-bit: K and its vectors must fit in 4 GiB. */
const MAX_WASM_BYTES = 2 ** 32 - 2 ** 16;

function wasmWorkspace(cost: Float64Array | Float32Array, n: number, m: number): SweepWorkspace {
  const align = (x: number) => Math.ceil(x / 16) * 16;
  const scratchOffset = 0;
  const vOffset = 64;
  const ktuOffset = align(vOffset + 8 * m);
  const gOffset = align(ktuOffset + 8 * m);
  const kOffset = align(gOffset + 8 * m);
  const cOffset = kOffset + 8 * n * m;
  const bytes = cOffset + 8 * n * m;
  if (bytes > MAX_WASM_BYTES) throw new RangeError(`K needs ${bytes} bytes, more than wasm32 memory holds`);
  const module = new WebAssembly.Module(Uint8Array.from(atob(SINKHORN_KERNELS_WASM_BASE64), (c) => c.charCodeAt(0)));
  const kernels = new WebAssembly.Instance(module).exports as KernelExports;
  const pages = Math.ceil(bytes / 65536);
  const current = kernels.memory.buffer.byteLength / 65536;
  if (pages > current) kernels.memory.grow(pages - current);
  const buffer = kernels.memory.buffer;
  const scratch = new Float64Array(buffer, scratchOffset, 4);
  const K = new Float64Array(buffer, kOffset, n * m);
  const v = new Float64Array(buffer, vOffset, m);
  const Ktu = new Float64Array(buffer, ktuOffset, m);
  const gView = new Float64Array(buffer, gOffset, m);
  new Float64Array(buffer, cOffset, n * m).set(cost);
  const rowBytes = 8 * m;
  return {
    engine: 'wasm',
    K,
    v,
    Ktu,
    rebuildKernel(f, g, epsilon) {
      gView.set(g);
      const scale = 1 / epsilon;
      const last = m - 1;
      for (let i = 0; i < n; i++) {
        kernels.gibbsRow(cOffset + i * rowBytes, gOffset, f[i], scale, kOffset + i * rowBytes, m);
        if (m % 2 === 1) K[i * m + last] = Math.exp((f[i] + g[last] - cost[i * m + last]) * scale);
      }
    },
    transportCost(u) {
      let value = 0;
      for (let i = 0; i < n; i++) value += u[i] * kernels.rowCost(kOffset + i * rowBytes, vOffset, cOffset + i * rowBytes, m);
      return value;
    },
    sweep(u, a, uNext, l2, update) {
      const blocks: RowBlocks = {
        rowDots4: (i, out) => {
          kernels.rowDots4(kOffset + i * rowBytes, vOffset, m, scratchOffset);
          out.set(scratch);
        },
        columnAxpy4: (i, x0, x1, x2, x3) => kernels.columnAxpy4(kOffset + i * rowBytes, m, x0, x1, x2, x3, ktuOffset),
      };
      return fusedSweep(blocks, K, v, Ktu, u, a, uNext, n, m, l2, update);
    },
  };
}

function jsWorkspace(cost: Float64Array | Float32Array, n: number, m: number): SweepWorkspace {
  const K = new Float64Array(n * m);
  const v = new Float64Array(m);
  const Ktu = new Float64Array(m);
  return {
    engine: 'js',
    K,
    v,
    Ktu,
    rebuildKernel(f, g, epsilon) {
      const scale = 1 / epsilon;
      for (let i = 0; i < n; i++) {
        const base = i * m;
        const fi = f[i];
        for (let j = 0; j < m; j++) K[base + j] = Math.exp((fi + g[j] - cost[base + j]) * scale);
      }
    },
    transportCost(u) {
      let value = 0;
      for (let i = 0; i < n; i++) {
        const base = i * m;
        let s = 0;
        for (let j = 0; j < m; j++) s += K[base + j] * v[j] * cost[base + j];
        value += u[i] * s;
      }
      return value;
    },
    sweep(u, a, uNext, l2, update) {
      const blocks: RowBlocks = {
        rowDots4: (i, out) => {
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
          out[0] = s0;
          out[1] = s1;
          out[2] = s2;
          out[3] = s3;
        },
        columnAxpy4: (i, x0, x1, x2, x3) => {
          const b0 = i * m;
          const b1 = b0 + m;
          const b2 = b1 + m;
          const b3 = b2 + m;
          for (let j = 0; j < m; j++) Ktu[j] += K[b0 + j] * x0 + K[b1 + j] * x1 + (K[b2 + j] * x2 + K[b3 + j] * x3);
        },
      };
      return fusedSweep(blocks, K, v, Ktu, u, a, uNext, n, m, l2, update);
    },
  };
}

/** The two engine-specific steps of a sweep, on four rows starting at row i. */
interface RowBlocks {
  /** out[0..3] = K_r · v for rows r = i … i+3. */
  rowDots4(i: number, out: Float64Array): void;
  /** Kᵀu += x0·K_i + x1·K_{i+1} + x2·K_{i+2} + x3·K_{i+3}. */
  columnAxpy4(i: number, x0: number, x1: number, x2: number, x3: number): void;
}

/**
 * The sweep both engines share: rows four at a time through the engine's block steps (one load
 * of v_j or Kᵀu_j serves four rows), the last n mod 4 rows one by one in JavaScript. `ok` turns
 * false, and the updates stop, at the first scaling outside the safe range; the error is still
 * measured over every row.
 */
function fusedSweep(
  blocks: RowBlocks,
  K: Float64Array,
  v: Float64Array,
  Ktu: Float64Array,
  u: Float64Array,
  a: Float64Array,
  uNext: Float64Array,
  n: number,
  m: number,
  l2: boolean,
  update: boolean,
): SweepOutcome {
  let error = 0;
  let ok = update;
  if (update) Ktu.fill(0);
  const s = new Float64Array(4);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    blocks.rowDots4(i, s);
    const d0 = u[i] * s[0] - a[i];
    const d1 = u[i + 1] * s[1] - a[i + 1];
    const d2 = u[i + 2] * s[2] - a[i + 2];
    const d3 = u[i + 3] * s[3] - a[i + 3];
    error += l2 ? d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3 : Math.abs(d0) + Math.abs(d1) + Math.abs(d2) + Math.abs(d3);
    if (!ok) continue;
    const x0 = a[i] / s[0];
    const x1 = a[i + 1] / s[1];
    const x2 = a[i + 2] / s[2];
    const x3 = a[i + 3] / s[3];
    if (!(safe(x0) && safe(x1) && safe(x2) && safe(x3))) {
      ok = false;
      continue;
    }
    uNext[i] = x0;
    uNext[i + 1] = x1;
    uNext[i + 2] = x2;
    uNext[i + 3] = x3;
    blocks.columnAxpy4(i, x0, x1, x2, x3);
  }
  for (; i < n; i++) {
    const base = i * m;
    let dot = 0;
    for (let j = 0; j < m; j++) dot += K[base + j] * v[j];
    const d = u[i] * dot - a[i];
    error += l2 ? d * d : Math.abs(d);
    if (!ok) continue;
    const x = a[i] / dot;
    if (!safe(x)) {
      ok = false;
      continue;
    }
    uNext[i] = x;
    for (let j = 0; j < m; j++) Ktu[j] += K[base + j] * x;
  }
  return { error: l2 ? Math.sqrt(error) : error, ok };
}
