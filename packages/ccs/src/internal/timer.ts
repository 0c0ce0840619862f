/** Milliseconds since `start` (a `performance.now()` reading); used only for diagnostics in `meta`. */
export function elapsedMs(start: number): number {
  return performance.now() - start;
}
