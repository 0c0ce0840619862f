import { CoresetError } from '@coresets/core';
import type { Matrix, Rng } from '@coresets/core';
import { countDraws } from './summary.js';
import type { VectorSummary } from './summary.js';

export function assertBudget(budget: number, rows: number): void {
  if (!Number.isInteger(budget) || budget < 1) {
    throw new CoresetError('OUT_OF_RANGE', `budget must be a positive integer, got ${budget}`, {
      argument: 'budget',
    });
  }
  if (rows < 1)
    throw new CoresetError('INVALID_ARGUMENT', 'points must have at least one row', {
      argument: 'points',
    });
}

/**
 * `budget` uniform draws with replacement; a row drawn c times gets weight c·n/budget, so the
 * weighted sum is an unbiased estimate of the sum of all rows.
 */
export function uniformSummary(
  points: Matrix<Float64Array>,
  budget: number,
  rng: Rng,
): VectorSummary {
  assertBudget(budget, points.rows);
  const n = points.rows;
  const draws = new Int32Array(budget);
  for (let k = 0; k < budget; k++) draws[k] = rng.int(n);
  const { ids, counts } = countDraws(draws);
  for (let k = 0; k < counts.length; k++) counts[k] = (counts[k] * n) / budget;
  return { indices: ids, weights: counts };
}
