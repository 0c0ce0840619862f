/**
 * Float comparison helpers for tests. Each test states its tolerance; these return a message
 * naming the first mismatch (or undefined) so assertion output points at the element.
 */
export interface Tolerance {
  /** Relative tolerance, compared against max(|a|, |b|). */
  readonly rtol?: number;
  /** Absolute tolerance. */
  readonly atol?: number;
}

export function closeTo(a: number, b: number, tol: Tolerance = {}): boolean {
  const rtol = tol.rtol ?? 1e-9;
  const atol = tol.atol ?? 0;
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (a === b) return true;
  return Math.abs(a - b) <= atol + rtol * Math.max(Math.abs(a), Math.abs(b));
}

export function firstMismatch(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: Tolerance = {},
): string | undefined {
  if (actual.length !== expected.length) return `length ${actual.length} ≠ ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    if (!closeTo(actual[i], expected[i], tol)) return `index ${i}: ${actual[i]} vs ${expected[i]}`;
  }
  return undefined;
}

/** Throws with the first mismatch; usable in any test runner. */
export function assertAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: Tolerance = {}): void {
  const mismatch = firstMismatch(actual, expected, tol);
  if (mismatch !== undefined) throw new Error(`arrays differ at ${mismatch}`);
}
