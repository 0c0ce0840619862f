import { CoresetError } from '@coresets/core';

function assertArrayLike(value: unknown, argument: string): asserts value is ArrayLike<unknown> {
  const ok =
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { length?: unknown }).length === 'number';
  if (!ok)
    throw new CoresetError('INVALID_ARGUMENT', `${argument} must be an array of numbers`, {
      argument,
    });
}

/** An array of integers (ids or indices) as an Int32Array; non-integers throw, never truncate. */
export function toIntegerArray(value: unknown, argument: string): Int32Array {
  assertArrayLike(value, argument);
  const out = new Int32Array(value.length);
  for (let t = 0; t < value.length; t++) {
    const v = value[t];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < -2147483648 || v > 2147483647) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `${argument}[${t}] = ${String(v)} is not an integer`,
        { argument },
      );
    }
    out[t] = v;
  }
  return out;
}

/** An array of numbers as a Float64Array (finiteness is checked by the consumer). */
export function toFloatArray(value: unknown, argument: string): Float64Array {
  assertArrayLike(value, argument);
  const out = new Float64Array(value.length);
  for (let t = 0; t < value.length; t++) {
    const v = value[t];
    if (typeof v !== 'number') {
      throw new CoresetError('INVALID_ARGUMENT', `${argument}[${t}] is not a number`, { argument });
    }
    out[t] = v;
  }
  return out;
}
