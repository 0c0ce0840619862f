import { CoresetError } from '@coresets/core';

/**
 * How the remaining budget r is split over the candidate sources:
 * - `proportional` (CoLM): k_q = ⌊n_q·r/n⌋, then the deficit goes one each to the sources with
 *   the smallest k_q (ties → lower source position), so small sources are not starved.
 * - `balanced` (ablation): as equal as possible — one at a time to the source with the fewest
 *   picks that still has unpicked rows (ties → lower position).
 */
export type BudgetRule = 'proportional' | 'balanced';

/**
 * Per-source budgets k_q for sizes n_q (in source order) summing to r, with 0 ≤ k_q ≤ n_q.
 * Requires 0 ≤ r ≤ Σn_q; r = Σn_q gives every source its whole size.
 */
export function sourceBudgets(
  sizes: ArrayLike<number>,
  remaining: number,
  rule: BudgetRule = 'proportional',
): Int32Array {
  let n = 0;
  for (let q = 0; q < sizes.length; q++) {
    const s = sizes[q];
    if (!Number.isInteger(s) || s < 0) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `sizes[${q}] = ${s} is not a non-negative integer`,
        {
          argument: 'sizes',
        },
      );
    }
    n += s;
  }
  if (!Number.isInteger(remaining) || remaining < 0 || remaining > n) {
    throw new CoresetError(
      'OUT_OF_RANGE',
      `remaining budget must be an integer in [0, ${n}], got ${remaining}`,
      { argument: 'remaining' },
    );
  }
  const g = sizes.length;
  const k = new Int32Array(g);
  if (remaining === n) {
    for (let q = 0; q < g; q++) k[q] = sizes[q];
    return k;
  }
  if (rule === 'proportional') {
    let assigned = 0;
    for (let q = 0; q < g; q++) {
      // Integer arithmetic: n_q·r fits easily in a double exactly for any realistic pool.
      k[q] = Math.floor((sizes[q] * remaining) / n);
      assigned += k[q];
    }
    // Empty sources are full already; every other one has k_q ≤ n_q − 1 because r < n, and the
    // deficit (each non-empty floor loses < 1) is below their number.
    const order = Array.from({ length: g }, (_, q) => q)
      .filter((q) => sizes[q] > 0)
      .sort((a, b) => k[a] - k[b] || a - b);
    for (let t = 0; t < remaining - assigned; t++) k[order[t]]++;
    return k;
  }
  if (rule === 'balanced') {
    for (let t = 0; t < remaining; t++) {
      let best = -1;
      for (let q = 0; q < g; q++) {
        if (k[q] < sizes[q] && (best === -1 || k[q] < k[best])) best = q;
      }
      k[best]++;
    }
    return k;
  }
  throw new CoresetError('INVALID_ARGUMENT', `unknown budget rule "${String(rule)}"`, {
    argument: 'rule',
  });
}
