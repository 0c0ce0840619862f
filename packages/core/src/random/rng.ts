import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { CoresetError } from '../errors/coreset-error.js';

const TWO_POW_32 = 0x1_0000_0000;
const TWO_POW_53 = 2 ** 53;

/**
 * The seeded random number generator used everywhere in coresets.
 *
 * Built on pure-rand's xoroshiro128+ (the generator fast-check uses); `split()` uses its jump
 * function, which moves 2^64 draws ahead, so parent and children draw from disjoint streams.
 * Every sampling routine here is written out explicitly so that a given seed gives the same
 * values on every platform and version of this package.
 */
export class Rng {
  readonly #gen: JumpableRandomGenerator;
  #spareNormal: number | undefined;

  private constructor(gen: JumpableRandomGenerator) {
    this.#gen = gen;
  }

  /** A generator from a 32-bit integer seed (other integers are reduced modulo 2^32). */
  static fromSeed(seed: number): Rng {
    if (!Number.isSafeInteger(seed)) {
      throw new CoresetError('INVALID_ARGUMENT', `seed must be a safe integer, got ${seed}`, { argument: 'seed' });
    }
    return new Rng(xoroshiro128plus(seed | 0));
  }

  /**
   * An independent child stream. The parent jumps past the child's stream, so the parent's later
   * draws never overlap the child's.
   */
  split(): Rng {
    const child = this.#gen.clone();
    child.jump();
    this.#gen.jump();
    this.#gen.jump();
    return new Rng(child);
  }

  /** Uint32 uniform in [0, 2^32). */
  nextUint32(): number {
    return this.#gen.next() >>> 0;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  /** Uniform double in [low, high). */
  uniformRange(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Uniform integer in [0, n), without modulo bias (rejection sampling). */
  int(n: number): number {
    if (!Number.isSafeInteger(n) || n <= 0) {
      throw new CoresetError('INVALID_ARGUMENT', `int(n) needs a positive integer, got ${n}`, { argument: 'n' });
    }
    if (n <= TWO_POW_32) {
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      for (;;) {
        const x = this.nextUint32();
        if (x < limit) return x % n;
      }
    }
    for (;;) {
      const x = Math.floor(this.uniform() * TWO_POW_53);
      const limit = TWO_POW_53 - (TWO_POW_53 % n);
      if (x < limit) return x % n;
    }
  }

  /** Standard normal draw (Marsaglia polar method; the second value of each pair is cached). */
  normal(mean = 0, std = 1): number {
    if (this.#spareNormal !== undefined) {
      const z = this.#spareNormal;
      this.#spareNormal = undefined;
      return mean + std * z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.#spareNormal = v * f;
    return mean + std * u * f;
  }

  /** Fills `out` with standard normal draws. */
  fillNormal<T extends Float32Array | Float64Array>(out: T, mean = 0, std = 1): T {
    for (let i = 0; i < out.length; i++) out[i] = this.normal(mean, std);
    return out;
  }

  /** Fills `out` with uniform draws in [0, 1). */
  fillUniform<T extends Float32Array | Float64Array>(out: T): T {
    for (let i = 0; i < out.length; i++) out[i] = this.uniform();
    return out;
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T extends { length: number; [i: number]: unknown }>(values: T): T {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
    return values;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    return this.shuffle(out);
  }

  /**
   * k distinct integers from [0, n), in the order drawn. Uses a partial Fisher–Yates over a
   * sparse map, so memory is O(k) even for huge n.
   */
  sampleWithoutReplacement(n: number, k: number): Int32Array {
    if (!Number.isInteger(k) || k < 0 || k > n) {
      throw new CoresetError('OUT_OF_RANGE', `cannot sample ${k} distinct values from ${n}`, { argument: 'k' });
    }
    const swapped = new Map<number, number>();
    const out = new Int32Array(k);
    for (let i = 0; i < k; i++) {
      const j = i + this.int(n - i);
      const vj = swapped.get(j) ?? j;
      const vi = swapped.get(i) ?? i;
      swapped.set(j, vi);
      out[i] = vj;
    }
    return out;
  }

  /**
   * One index drawn with probability proportional to `weights[i]` (non-negative, finite, not all
   * zero). Linear scan; for many draws from the same weights use `weightedSampler`.
   */
  weightedChoice(weights: ArrayLike<number>): number {
    return weightedSampler(weights)(this);
  }

  /** k draws with replacement, proportional to `weights`. */
  weightedSample(weights: ArrayLike<number>, k: number): Int32Array {
    const draw = weightedSampler(weights);
    const out = new Int32Array(k);
    for (let i = 0; i < k; i++) out[i] = draw(this);
    return out;
  }
}

/** Builds a cumulative table once; each draw is a binary search. */
export function weightedSampler(weights: ArrayLike<number>): (rng: Rng) => number {
  const n = weights.length;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!Number.isFinite(w) || w < 0) {
      throw new CoresetError('INVALID_ARGUMENT', `weights[${i}] must be finite and ≥ 0, got ${w}`, {
        argument: 'weights',
      });
    }
    total += w;
    cumulative[i] = total;
  }
  if (!(total > 0)) {
    throw new CoresetError('INVALID_ARGUMENT', 'weights must not all be zero', { argument: 'weights' });
  }
  return (rng) => {
    const target = rng.uniform() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Accepts an `Rng` or a seed; the usual shape of the `seed`/`rng` options. */
export function toRng(seedOrRng: number | Rng): Rng {
  return typeof seedOrRng === 'number' ? Rng.fromSeed(seedOrRng) : seedOrRng;
}
