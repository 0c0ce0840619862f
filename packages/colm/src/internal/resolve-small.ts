import { CoresetError } from '@coresets/core';
import { detectSmallSources } from '../small-sources.js';

/** Integer ids (≥ 0) from an array-like, naming `argument` on failure. */
export function toIdArray(values: ArrayLike<number>, argument: string): Int32Array {
  if (typeof values !== 'object' || values === null || typeof values.length !== 'number') {
    throw new CoresetError('INVALID_ARGUMENT', `${argument} must be an array of integers`, {
      argument,
    });
  }
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v > 0x7fffffff) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `${argument}[${i}] = ${String(v)} is not a non-negative integer source id`,
        { argument },
      );
    }
    out[i] = v;
  }
  return out;
}

/**
 * The small-source ids (a Set) from an explicit list or from whole-data source sizes; exactly
 * one must be given. With sizes, every pool source id must have a size.
 */
export function resolveSmallSources(
  smallSources: ArrayLike<number> | undefined,
  sourceSizes: ArrayLike<number> | undefined,
  poolSources: Int32Array,
): Set<number> {
  if (smallSources !== undefined && sourceSizes !== undefined) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      'give either smallSources or sourceSizes, not both',
      {
        argument: 'smallSources',
      },
    );
  }
  if (smallSources !== undefined) return new Set(toIdArray(smallSources, 'smallSources'));
  if (sourceSizes === undefined) {
    throw new CoresetError(
      'MISSING_OPTION',
      'keep-small needs smallSources or sourceSizes (or keepSmall: false for the ablation)',
      { argument: 'sourceSizes' },
    );
  }
  for (let i = 0; i < poolSources.length; i++) {
    if (poolSources[i] >= sourceSizes.length) {
      throw new CoresetError(
        'OUT_OF_RANGE',
        `source id ${poolSources[i]} (row ${i}) has no entry in sourceSizes (length ${sourceSizes.length})`,
        { argument: 'sourceSizes' },
      );
    }
  }
  return new Set(detectSmallSources(sourceSizes));
}
