import { CoresetError, type ScoreDirection } from '@coresets/core';

/** A score vector: non-empty, finite (±Infinity would make equal-width strata meaningless). */
export function assertScores(
  values: ArrayLike<number> | undefined,
  argument: string,
  n?: number,
): void {
  if (values === undefined || typeof values.length !== 'number') {
    throw new CoresetError('MISSING_OPTION', `${argument} is required`, { argument });
  }
  if (values.length === 0) {
    throw new CoresetError('INVALID_ARGUMENT', `${argument} is empty`, { argument });
  }
  if (n !== undefined && values.length !== n) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `${argument} has ${values.length} values, expected ${n}`,
      { argument },
    );
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new CoresetError('NON_FINITE', `${argument}[${i}] is ${values[i]}`, { argument });
    }
  }
}

/** Class labels: integers ≥ 0, one per example. Returns the number of classes (max + 1). */
export function assertLabels(
  labels: ArrayLike<number> | undefined,
  argument: string,
  n?: number,
): number {
  if (labels === undefined || typeof labels.length !== 'number') {
    throw new CoresetError('MISSING_OPTION', `${argument} is required`, { argument });
  }
  if (n !== undefined && labels.length !== n) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `${argument} has ${labels.length} values, expected ${n}`,
      { argument },
    );
  }
  let max = -1;
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 0) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `${argument}[${i}] = ${c} is not a non-negative integer`,
        {
          argument,
        },
      );
    }
    if (c > max) max = c;
  }
  return max + 1;
}

export function assertDirection(value: unknown, argument: string): asserts value is ScoreDirection {
  if (value !== 'high' && value !== 'low') {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `${argument} must be "high" or "low", got ${String(value)}`,
      {
        argument,
      },
    );
  }
}

/**
 * floor(x) for a product like β·N or (1 − α)·N that is mathematically an integer but lands a few
 * ulps below it in binary floating point (0.29 · 100 = 28.999999999999996).
 */
export function floorProduct(x: number): number {
  return Math.floor(x + 1e-9 * Math.max(1, Math.abs(x)));
}
