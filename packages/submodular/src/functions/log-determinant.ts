import { CoresetError } from '@coresets/core';
import { checkElement, checkSet } from '../internal/check-set.js';
import type { DenseFacilityKernel } from '../kernels/facility-kernel.js';
import type { SetFunction } from '../set-function.js';

/**
 * Log-determinant F(A) = log det(S_A + λI) on a symmetric positive semi-definite kernel,
 * F(∅) = 0. The memo is an incremental Cholesky factor: for every candidate e it keeps
 * c_e = L⁻¹ S_{A,e} and d_e = s_ee + λ − ‖c_e‖², so gain(e) = log d_e costs O(1) and a commit
 * O(n·|A|) — never a (pseudo-)inverse per gain. Submodular; monotone when λ ≥ 1 (then d_e ≥ 1).
 * A gain whose d_e ≤ 0 (numerically singular) is −∞.
 */
export class LogDeterminant implements SetFunction {
  readonly n: number;
  readonly monotone: boolean;
  readonly lambda: number;
  readonly kernel: DenseFacilityKernel;
  /** Row t holds c_e[t] for every candidate e (t = pick order). */
  readonly #factors: Float64Array[] = [];
  readonly #residual: Float64Array;
  readonly #chosen: Uint8Array;
  readonly #picks: number[] = [];
  #value = 0;

  constructor(kernel: DenseFacilityKernel, options: { lambda?: number } = {}) {
    const lambda = options.lambda ?? 1;
    if (!Number.isFinite(lambda) || lambda <= 0) {
      throw new CoresetError('OUT_OF_RANGE', `lambda must be finite and > 0, got ${lambda}`, {
        argument: 'lambda',
      });
    }
    if (kernel.represented !== kernel.candidates) {
      throw new CoresetError('SHAPE_MISMATCH', 'log-determinant needs a square kernel', {
        argument: 'kernel',
      });
    }
    const n = kernel.candidates;
    for (let p = 0; p < kernel.data.length; p++) {
      if (!Number.isFinite(kernel.data[p])) {
        throw new CoresetError('NON_FINITE', `kernel has a non-finite entry at ${p}`, {
          argument: 'kernel',
        });
      }
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (kernel.data[i * n + j] !== kernel.data[j * n + i]) {
          throw new CoresetError('INVALID_ARGUMENT', `kernel is not symmetric at (${i}, ${j})`, {
            argument: 'kernel',
          });
        }
      }
    }
    this.n = n;
    this.lambda = lambda;
    this.monotone = lambda >= 1;
    this.kernel = kernel;
    this.#residual = new Float64Array(n);
    this.#chosen = new Uint8Array(n);
    this.reset();
  }

  evaluate(set: ArrayLike<number>): number {
    checkSet(set, this.n, 'set');
    const k = set.length;
    const n = this.n;
    const data = this.kernel.data;
    // Plain Cholesky of S_A + λI from scratch (the reference the memo is tested against).
    const l = new Float64Array(k * k);
    let logdet = 0;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b <= a; b++) {
        let s = data[set[a] * n + set[b]] + (a === b ? this.lambda : 0);
        for (let r = 0; r < b; r++) s -= l[a * k + r] * l[b * k + r];
        if (a === b) {
          if (!(s > 0)) return -Infinity;
          l[a * k + a] = Math.sqrt(s);
          logdet += Math.log(s);
        } else {
          l[a * k + b] = s / l[b * k + b];
        }
      }
    }
    return logdet;
  }

  marginalGain(set: ArrayLike<number>, e: number): number {
    checkSet(set, this.n, 'set');
    checkElement(e, this.n);
    for (let t = 0; t < set.length; t++) if (set[t] === e) return 0;
    return this.evaluate([...Array.from(set), e]) - this.evaluate(set);
  }

  gain(e: number): number {
    if (this.#chosen[e] === 1) return 0;
    const d = this.#residual[e];
    return d > 0 ? Math.log(d) : -Infinity;
  }

  gains(candidates: Int32Array, out: Float64Array): void {
    for (let t = 0; t < candidates.length; t++) out[t] = this.gain(candidates[t]);
  }

  commit(a: number): void {
    checkElement(a, this.n);
    if (this.#chosen[a] === 1) return;
    const n = this.n;
    const data = this.kernel.data;
    const da = this.#residual[a];
    if (!(da > 0)) {
      throw new CoresetError(
        'INFEASIBLE',
        `element ${a} makes S_A + λI singular (residual ${da})`,
        { argument: 'e' },
      );
    }
    this.#value += Math.log(da);
    const pivot = Math.sqrt(da);
    const row = new Float64Array(n);
    const factors = this.#factors;
    for (let e = 0; e < n; e++) {
      let s = data[a * n + e];
      for (let r = 0; r < factors.length; r++) s -= factors[r][a] * factors[r][e];
      const c = s / pivot;
      row[e] = c;
      this.#residual[e] -= c * c;
    }
    factors.push(row);
    this.#chosen[a] = 1;
    this.#picks.push(a);
  }

  reset(initial: ArrayLike<number> = []): void {
    checkSet(initial, this.n, 'initial');
    const n = this.n;
    this.#factors.length = 0;
    this.#picks.length = 0;
    this.#chosen.fill(0);
    this.#value = 0;
    for (let e = 0; e < n; e++) this.#residual[e] = this.kernel.data[e * n + e] + this.lambda;
    for (let t = 0; t < initial.length; t++) this.commit(initial[t]);
  }

  value(): number {
    return this.#value;
  }

  clone(): LogDeterminant {
    return new LogDeterminant(this.kernel, { lambda: this.lambda });
  }
}
