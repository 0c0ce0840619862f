import { CoresetError } from '@coresets/core';
import { checkElement, checkSet } from '../internal/check-set.js';
import { assertSimilarities, type DenseFacilityKernel } from '../kernels/facility-kernel.js';
import type { SetFunction } from '../set-function.js';

/**
 * Graph cut F(A) = Σ_{i∈V, j∈A} s_ij − λ Σ_{j,l∈A} s_jl (ordered pairs, diagonal included) on a
 * square kernel. Submodular for s ≥ 0, λ ≥ 0; monotone when λ ≤ ½ and S is symmetric. The memo
 * keeps Σ_{j∈A} (s_je + s_ej) per candidate, so a gain is O(1) and a commit O(n).
 */
export class GraphCut implements SetFunction {
  readonly n: number;
  readonly monotone: boolean;
  readonly lambda: number;
  readonly kernel: DenseFacilityKernel;
  readonly #columnSums: Float64Array;
  readonly #cross: Float64Array;
  readonly #chosen: Uint8Array;
  #value = 0;

  constructor(kernel: DenseFacilityKernel, options: { lambda?: number } = {}) {
    const lambda = options.lambda ?? 0.5;
    if (!Number.isFinite(lambda) || lambda < 0) {
      throw new CoresetError('OUT_OF_RANGE', `lambda must be finite and ≥ 0, got ${lambda}`, {
        argument: 'lambda',
      });
    }
    if (kernel.represented !== kernel.candidates) {
      throw new CoresetError('SHAPE_MISMATCH', 'graph cut needs a square kernel (V = candidates)', {
        argument: 'kernel',
      });
    }
    assertSimilarities(kernel.data, 'kernel');
    const n = kernel.candidates;
    this.n = n;
    this.lambda = lambda;
    this.kernel = kernel;
    const sums = new Float64Array(n);
    let symmetric = true;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        s += kernel.data[j * n + i];
        if (symmetric && kernel.data[j * n + i] !== kernel.data[i * n + j]) symmetric = false;
      }
      sums[j] = s;
    }
    this.monotone = symmetric && lambda <= 0.5;
    this.#columnSums = sums;
    this.#cross = new Float64Array(n);
    this.#chosen = new Uint8Array(n);
  }

  evaluate(set: ArrayLike<number>): number {
    checkSet(set, this.n, 'set');
    const n = this.n;
    const data = this.kernel.data;
    let cover = 0;
    let within = 0;
    for (let a = 0; a < set.length; a++) {
      cover += this.#columnSums[set[a]];
      for (let b = 0; b < set.length; b++) within += data[set[b] * n + set[a]];
    }
    return cover - this.lambda * within;
  }

  marginalGain(set: ArrayLike<number>, e: number): number {
    checkSet(set, this.n, 'set');
    checkElement(e, this.n);
    for (let t = 0; t < set.length; t++) if (set[t] === e) return 0;
    const n = this.n;
    const data = this.kernel.data;
    let cross = 0;
    for (let t = 0; t < set.length; t++) cross += data[e * n + set[t]] + data[set[t] * n + e];
    return this.#columnSums[e] - this.lambda * (cross + data[e * n + e]);
  }

  gain(e: number): number {
    if (this.#chosen[e] === 1) return 0;
    return this.#columnSums[e] - this.lambda * (this.#cross[e] + this.kernel.data[e * this.n + e]);
  }

  gains(candidates: Int32Array, out: Float64Array): void {
    for (let t = 0; t < candidates.length; t++) out[t] = this.gain(candidates[t]);
  }

  commit(e: number): void {
    checkElement(e, this.n);
    if (this.#chosen[e] === 1) return;
    this.#value += this.gain(e);
    this.#chosen[e] = 1;
    const n = this.n;
    const data = this.kernel.data;
    const cross = this.#cross;
    // s_ej is row-contiguous in candidate-major storage; s_je is the strided column.
    for (let x = 0; x < n; x++) cross[x] += data[x * n + e] + data[e * n + x];
  }

  reset(initial: ArrayLike<number> = []): void {
    checkSet(initial, this.n, 'initial');
    this.#cross.fill(0);
    this.#chosen.fill(0);
    this.#value = 0;
    for (let t = 0; t < initial.length; t++) this.commit(initial[t]);
  }

  value(): number {
    return this.#value;
  }

  clone(): GraphCut {
    return new GraphCut(this.kernel, { lambda: this.lambda });
  }
}
