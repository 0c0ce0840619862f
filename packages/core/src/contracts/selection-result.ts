/**
 * What every selector returns. `indices` are row indices into the input, in the order the method
 * documents (pick order for greedy methods). Optional arrays are parallel to `indices`.
 */
export interface SelectionResult {
  readonly indices: Int32Array;
  readonly weights?: Float64Array;
  readonly gains?: Float64Array;
  readonly scores?: Float64Array;
  /** Method diagnostics; always includes `timings` where the method measures them. */
  readonly meta: Record<string, unknown>;
}

export interface SelectionTimings {
  /** Time spent computing features / kernels / scores, in milliseconds. */
  readonly featureMs: number;
  /** Time spent in the selection itself, in milliseconds. */
  readonly selectMs: number;
}
