/**
 * A set function over the ground set {0, …, n−1} with a memoised current selection. Optimisers
 * only talk to this interface, so every function works with every optimiser.
 *
 * `evaluate` and `marginalGain` recompute from scratch (for checks and tests); `gain`, `gains`
 * and `commit` work against the memoised selection and are what optimisers call in hot loops.
 */
export interface SetFunction {
  /** Size of the candidate (ground) set. */
  readonly n: number;
  /** True when F(A ∪ {e}) ≥ F(A) for every A and e (with the function's current parameters). */
  readonly monotone: boolean;
  /** F(∅), from scratch; 0 for every function here. */
  evaluate(set: ArrayLike<number>): number;
  /** F(set ∪ {e}) − F(set), from scratch. */
  marginalGain(set: ArrayLike<number>, e: number): number;
  /** Gain of adding `e` to the memoised selection. */
  gain(e: number): number;
  /** Gains of `candidates[t]` into `out[t]`, w.r.t. the memoised selection. */
  gains(candidates: Int32Array, out: Float64Array): void;
  /** Adds `e` to the memoised selection. */
  commit(e: number): void;
  /** Clears the memo, then commits `initial` in order. */
  reset(initial?: ArrayLike<number>): void;
  /** F of the memoised selection. */
  value(): number;
  /** An independent copy sharing the read-only kernel, with an empty selection. */
  clone(): SetFunction;
}
