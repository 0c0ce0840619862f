import { CoresetError } from '@coresets/core';

/** A copy of a marginal after checking its length and that every mass is finite and positive. */
export function validateMarginal(
  values: ArrayLike<number>,
  length: number,
  argument: string,
): Float64Array {
  if (values.length !== length) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `${argument} has ${values.length} masses, expected ${length}`,
      {
        argument,
      },
    );
  }
  const out = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    const x = values[k];
    if (!Number.isFinite(x)) {
      throw new CoresetError(
        'NON_FINITE',
        `${argument} has a non-finite mass (${x}) at index ${k}`,
        { argument },
      );
    }
    // Zero masses would make the basis degenerate in ways the start basis does not handle, and
    // dropping them silently would change the caller's indices.
    if (x <= 0) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `${argument} must be positive, got ${x} at index ${k}`,
        {
          argument,
        },
      );
    }
    out[k] = x;
  }
  return out;
}
