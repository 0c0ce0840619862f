import { CoresetError } from '@coresets/core';

/** Throws when `set` holds a non-integer, out-of-range or repeated element of {0, …, n−1}. */
export function checkSet(set: ArrayLike<number>, n: number, argument: string): void {
  const seen = new Uint8Array(n);
  for (let t = 0; t < set.length; t++) {
    const e = set[t];
    if (!Number.isInteger(e) || e < 0 || e >= n) {
      throw new CoresetError('OUT_OF_RANGE', `${argument}[${t}] = ${e} is outside [0, ${n})`, {
        argument,
      });
    }
    if (seen[e] === 1) {
      throw new CoresetError('INVALID_ARGUMENT', `${argument} repeats element ${e}`, { argument });
    }
    seen[e] = 1;
  }
}

/** Throws when `e` is not an element of {0, …, n−1}. */
export function checkElement(e: number, n: number, argument = 'e'): void {
  if (!Number.isInteger(e) || e < 0 || e >= n) {
    throw new CoresetError('OUT_OF_RANGE', `${argument} = ${e} is outside [0, ${n})`, { argument });
  }
}
