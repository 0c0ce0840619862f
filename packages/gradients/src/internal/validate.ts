import { CoresetError, Rng } from '@coresets/core';

/** Labels must be integers in [0, numClasses) and one per row. */
export function assertLabels(
  labels: ArrayLike<number>,
  rows: number,
  numClasses: number,
  argument = 'labels',
): void {
  // Typed as ArrayLike, but callers may pass anything at run time (JS users, `as never` in tests).
  if (
    typeof labels !== 'object' ||
    (labels as unknown) === null ||
    typeof labels.length !== 'number'
  ) {
    throw new CoresetError('INVALID_ARGUMENT', `${argument} must be an array of class indices`, {
      argument,
    });
  }
  if (labels.length !== rows) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `${argument} has ${labels.length} entries, expected ${rows}`,
      {
        argument,
      },
    );
  }
  for (let i = 0; i < rows; i++) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 0 || c >= numClasses) {
      throw new CoresetError(
        'OUT_OF_RANGE',
        `${argument}[${i}] = ${c} is not a class in [0, ${numClasses})`,
        {
          argument,
        },
      );
    }
  }
}

/** Resolves the usual `rng` option: an `Rng` or an integer seed. */
export function resolveRng(value: unknown, argument = 'rng'): Rng {
  if (value instanceof Rng) return value;
  if (typeof value === 'number') return Rng.fromSeed(value);
  throw new CoresetError('INVALID_ARGUMENT', `${argument} must be an Rng or an integer seed`, {
    argument,
  });
}

/** Checks the `onProgress` / `signal` options, which the schema can only check for presence. */
export function assertLongRunning(options: { onProgress?: unknown; signal?: unknown }): void {
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new CoresetError('INVALID_ARGUMENT', 'onProgress must be a function', {
      argument: 'onProgress',
    });
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new CoresetError('INVALID_ARGUMENT', 'signal must be an AbortSignal', {
      argument: 'signal',
    });
  }
}

export const LONG_RUNNING_SCHEMA = {
  onProgress: { type: 'any', description: 'progress callback' },
  signal: { type: 'any', description: 'AbortSignal that cancels the work' },
} as const;
