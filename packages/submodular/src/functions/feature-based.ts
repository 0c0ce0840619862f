import { assertMatrix, CoresetError, type Matrix } from '@coresets/core';
import { checkElement, checkSet } from '../internal/check-set.js';
import type { SetFunction } from '../set-function.js';

/** Concave, non-decreasing φ for feature-based functions. */
export type ConcaveFunction = 'sqrt' | 'log1p' | 'sigmoid';

const PHI: Readonly<Record<ConcaveFunction, (x: number) => number>> = {
  sqrt: Math.sqrt,
  log1p: Math.log1p,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
};

/**
 * Feature-based F(A) = Σ_f w_f (φ(Σ_{j∈A} x_jf) − φ(0)) on non-negative features (rows =
 * candidates). Subtracting φ(0) makes F(∅) = 0 for sigmoid too; gains are unchanged by it.
 * Monotone submodular for concave non-decreasing φ and w ≥ 0.
 */
export class FeatureBased implements SetFunction {
  readonly n: number;
  readonly monotone = true;
  readonly features: Matrix;
  readonly phi: ConcaveFunction;
  readonly weights: Float64Array;
  readonly #sums: Float64Array;
  readonly #f: (x: number) => number;
  readonly #zero: number;

  constructor(features: Matrix, options: { phi?: ConcaveFunction; weights?: Float64Array } = {}) {
    assertMatrix(features, 'features');
    for (let p = 0; p < features.data.length; p++) {
      if (features.data[p] < 0) {
        throw new CoresetError(
          'INVALID_ARGUMENT',
          `features must be non-negative (entry ${p} is ${features.data[p]})`,
          {
            argument: 'features',
          },
        );
      }
    }
    const phi = options.phi ?? 'sqrt';
    if (!(phi in PHI)) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `phi must be sqrt, log1p or sigmoid, got "${phi}"`,
        { argument: 'phi' },
      );
    }
    const d = features.cols;
    const weights = options.weights ?? new Float64Array(d).fill(1);
    if (weights.length !== d) {
      throw new CoresetError(
        'SHAPE_MISMATCH',
        `weights has ${weights.length} entries for ${d} features`,
        {
          argument: 'weights',
        },
      );
    }
    for (let f = 0; f < d; f++) {
      if (!Number.isFinite(weights[f]) || weights[f] < 0) {
        throw new CoresetError(
          'OUT_OF_RANGE',
          `weights[${f}] = ${weights[f]} must be finite and ≥ 0`,
          {
            argument: 'weights',
          },
        );
      }
    }
    this.n = features.rows;
    this.features = features;
    this.phi = phi;
    this.weights = weights;
    this.#f = PHI[phi];
    this.#zero = this.#f(0);
    this.#sums = new Float64Array(d);
  }

  evaluate(set: ArrayLike<number>): number {
    checkSet(set, this.n, 'set');
    return this.#valueOf(this.#sumsOf(set));
  }

  marginalGain(set: ArrayLike<number>, e: number): number {
    checkSet(set, this.n, 'set');
    checkElement(e, this.n);
    for (let t = 0; t < set.length; t++) if (set[t] === e) return 0;
    return this.#gainAgainst(e, this.#sumsOf(set));
  }

  gain(e: number): number {
    return this.#gainAgainst(e, this.#sums);
  }

  gains(candidates: Int32Array, out: Float64Array): void {
    for (let t = 0; t < candidates.length; t++)
      out[t] = this.#gainAgainst(candidates[t], this.#sums);
  }

  commit(e: number): void {
    checkElement(e, this.n);
    const d = this.features.cols;
    for (let f = 0; f < d; f++) this.#sums[f] += this.features.data[e * d + f];
  }

  reset(initial: ArrayLike<number> = []): void {
    checkSet(initial, this.n, 'initial');
    this.#sums.fill(0);
    for (let t = 0; t < initial.length; t++) this.commit(initial[t]);
  }

  value(): number {
    return this.#valueOf(this.#sums);
  }

  clone(): FeatureBased {
    return new FeatureBased(this.features, { phi: this.phi, weights: this.weights });
  }

  #sumsOf(set: ArrayLike<number>): Float64Array {
    const d = this.features.cols;
    const sums = new Float64Array(d);
    for (let t = 0; t < set.length; t++) {
      for (let f = 0; f < d; f++) sums[f] += this.features.data[set[t] * d + f];
    }
    return sums;
  }

  #valueOf(sums: Float64Array): number {
    let total = 0;
    for (let f = 0; f < sums.length; f++)
      total += this.weights[f] * (this.#f(sums[f]) - this.#zero);
    return total;
  }

  #gainAgainst(e: number, sums: Float64Array): number {
    const d = this.features.cols;
    const x = this.features.data;
    let g = 0;
    for (let f = 0; f < d; f++) {
      const v = x[e * d + f];
      if (v !== 0) g += this.weights[f] * (this.#f(sums[f] + v) - this.#f(sums[f]));
    }
    return g;
  }
}
