import { CoresetError } from '@coresets/core';

/**
 * Splits a budget across groups in proportion to their sizes. Count budgets use the largest
 * remainder method (ties → lower group id); cost budgets split exactly.
 */
export function splitBudget(budget: number, sizes: readonly number[], integral: boolean): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === 0) return sizes.map(() => 0);
  const quotas = sizes.map((s) => (budget * s) / total);
  if (!integral) return quotas;
  const out = quotas.map(Math.floor);
  let left = budget - out.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, g) => g)
    .sort((a, b) => quotas[b] - out[b] - (quotas[a] - out[a]) || a - b);
  for (const g of order) {
    if (left <= 0) break;
    out[g]++;
    left--;
  }
  return out;
}

/** Validates explicit per-group budgets. */
export function checkGroupBudgets(
  budgets: ArrayLike<number>,
  groups: number,
  integral: boolean,
): number[] {
  if (budgets.length !== groups) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `groupBudgets has ${budgets.length} entries for ${groups} groups`,
      {
        argument: 'groupBudgets',
      },
    );
  }
  const out: number[] = [];
  for (let g = 0; g < groups; g++) {
    const b = budgets[g];
    const ok =
      typeof b === 'number' && Number.isFinite(b) && b >= 0 && (!integral || Number.isInteger(b));
    if (!ok) {
      throw new CoresetError(
        'OUT_OF_RANGE',
        `groupBudgets[${g}] = ${b} must be ${integral ? 'an integer' : 'a number'} ≥ 0`,
        {
          argument: 'groupBudgets',
        },
      );
    }
    out.push(b);
  }
  return out;
}
