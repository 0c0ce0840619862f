import { checkElement, checkSet } from '../internal/check-set.js';
import { rowAdjacency, type RowAdjacency } from '../internal/row-adjacency.js';
import { assertSimilarities, type FacilityKernel } from '../kernels/facility-kernel.js';
import type { SetFunction } from '../set-function.js';

/**
 * Facility location F(A) = Σ_{i∈V} max_{j∈A} s_ij with F(∅) = 0, monotone submodular for s ≥ 0.
 * The memo holds cur_i = max_{j∈A} s_ij; a gain is Σ_i max(0, s_ie − cur_i) summed in float64 in
 * increasing i, so dense, sparse and lazy/naive evaluations of one gain round identically.
 *
 * Sparse kernels also cache each candidate's last gain and recompute it only after a commit
 * changed cur_i for some i in its column: the sum is then recomputed from identical inputs, so
 * the cached value is bit-identical, and naive greedy on a kNN graph touches O(k²) candidates
 * per step instead of n.
 */
export class FacilityLocation implements SetFunction {
  readonly n: number;
  readonly monotone = true;
  readonly kernel: FacilityKernel;
  readonly #cur: Float64Array;
  readonly #rows: RowAdjacency | undefined;
  readonly #cached: Float64Array | undefined;
  readonly #fresh: Uint8Array | undefined;
  /** Gains actually summed (cache misses included, hits excluded): a work counter. */
  computedGains = 0;

  constructor(kernel: FacilityKernel, options: { validated?: boolean; rows?: RowAdjacency } = {}) {
    if (options.validated !== true) {
      assertSimilarities(kernel.kind === 'dense' ? kernel.data : kernel.values, 'kernel');
    }
    this.kernel = kernel;
    this.n = kernel.candidates;
    this.#cur = new Float64Array(kernel.represented);
    if (kernel.kind === 'sparse') {
      this.#rows = options.rows ?? rowAdjacency(kernel);
      this.#cached = new Float64Array(this.n);
      this.#fresh = new Uint8Array(this.n);
    }
  }

  /** The memo's large buffers, for allocation diagnostics. */
  memoBuffers(): [string, Float64Array | Int32Array | Uint8Array][] {
    const out: [string, Float64Array | Int32Array | Uint8Array][] = [
      ['facilityLocation.coverage', this.#cur],
    ];
    if (this.#rows !== undefined)
      out.push(['facilityLocation.rowAdjacency', this.#rows.candidates]);
    if (this.#cached !== undefined) out.push(['facilityLocation.gainCache', this.#cached]);
    return out;
  }

  /** The memoised cur_i = max_{j∈A} s_ij (read-only view). */
  get coverage(): Float64Array {
    return this.#cur;
  }

  evaluate(set: ArrayLike<number>): number {
    checkSet(set, this.n, 'set');
    const best = this.#coverageOf(set);
    let total = 0;
    for (let i = 0; i < best.length; i++) total += best[i];
    return total;
  }

  marginalGain(set: ArrayLike<number>, e: number): number {
    checkSet(set, this.n, 'set');
    checkElement(e, this.n);
    return this.#gainAgainst(e, this.#coverageOf(set));
  }

  gain(e: number): number {
    const fresh = this.#fresh;
    if (fresh === undefined) {
      this.computedGains++;
      return this.#gainAgainst(e, this.#cur);
    }
    if (fresh[e] === 0) {
      this.computedGains++;
      this.#cached![e] = this.#gainAgainst(e, this.#cur);
      fresh[e] = 1;
    }
    return this.#cached![e];
  }

  gains(candidates: Int32Array, out: Float64Array): void {
    for (let t = 0; t < candidates.length; t++) out[t] = this.gain(candidates[t]);
  }

  commit(e: number): void {
    checkElement(e, this.n);
    const cur = this.#cur;
    const k = this.kernel;
    if (k.kind === 'dense') {
      const m = k.represented;
      const data = k.data;
      const base = e * m;
      for (let i = 0; i < m; i++) {
        const s = data[base + i];
        if (s > cur[i]) cur[i] = s;
      }
    } else {
      const { colptr, rowIndices, values } = k;
      const { rowPtr, candidates } = this.#rows!;
      const fresh = this.#fresh!;
      for (let p = colptr[e]; p < colptr[e + 1]; p++) {
        const i = rowIndices[p];
        if (values[p] > cur[i]) {
          cur[i] = values[p];
          // Every candidate with an entry in row i now has a different gain.
          for (let q = rowPtr[i]; q < rowPtr[i + 1]; q++) fresh[candidates[q]] = 0;
        }
      }
    }
  }

  reset(initial: ArrayLike<number> = []): void {
    checkSet(initial, this.n, 'initial');
    this.#cur.fill(0);
    this.#fresh?.fill(0);
    for (let t = 0; t < initial.length; t++) this.commit(initial[t]);
  }

  value(): number {
    let total = 0;
    for (let i = 0; i < this.#cur.length; i++) total += this.#cur[i];
    return total;
  }

  clone(): FacilityLocation {
    return new FacilityLocation(
      this.kernel,
      this.#rows === undefined ? { validated: true } : { validated: true, rows: this.#rows },
    );
  }

  #coverageOf(set: ArrayLike<number>): Float64Array {
    // Plain maxima (not commit) so from-scratch checks share no code path with the memo.
    const best = new Float64Array(this.kernel.represented);
    const k = this.kernel;
    for (let t = 0; t < set.length; t++) {
      const e = set[t];
      if (k.kind === 'dense') {
        const m = k.represented;
        for (let i = 0; i < m; i++) if (k.data[e * m + i] > best[i]) best[i] = k.data[e * m + i];
      } else {
        for (let p = k.colptr[e]; p < k.colptr[e + 1]; p++) {
          if (k.values[p] > best[k.rowIndices[p]]) best[k.rowIndices[p]] = k.values[p];
        }
      }
    }
    return best;
  }

  #gainAgainst(e: number, cur: Float64Array): number {
    const k = this.kernel;
    let g = 0;
    if (k.kind === 'dense') {
      const m = k.represented;
      const data = k.data;
      const base = e * m;
      for (let i = 0; i < m; i++) {
        const d = data[base + i] - cur[i];
        if (d > 0) g += d;
      }
    } else {
      const { colptr, rowIndices, values } = k;
      for (let p = colptr[e]; p < colptr[e + 1]; p++) {
        const d = values[p] - cur[rowIndices[p]];
        if (d > 0) g += d;
      }
    }
    return g;
  }
}
