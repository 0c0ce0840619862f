import { CoresetError } from '@coresets/core';

/**
 * Small sources by CoLM's rule: a source is small iff its size in the whole training set is below
 * the mean source size (total / number of sources). `sizes[q]` is the size of source id q; the
 * result lists the small ids in increasing order.
 */
export function detectSmallSources(sizes: ArrayLike<number>): Int32Array {
  if (sizes.length === 0) {
    throw new CoresetError('INVALID_ARGUMENT', 'sourceSizes must not be empty', {
      argument: 'sourceSizes',
    });
  }
  let total = 0;
  for (let q = 0; q < sizes.length; q++) {
    const s = sizes[q];
    if (!Number.isInteger(s) || s < 0) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `sourceSizes[${q}] = ${s} is not a non-negative integer`,
        { argument: 'sourceSizes' },
      );
    }
    total += s;
  }
  const small: number[] = [];
  // size < total / G compared as size·G < total, so no rounding decides a boundary case.
  for (let q = 0; q < sizes.length; q++) if (sizes[q] * sizes.length < total) small.push(q);
  return Int32Array.from(small);
}
