import { CoresetError } from '../errors/coreset-error.js';

/**
 * Resolves "how many to keep" from exactly one of `budget` (count kept) or `rate` (fraction
 * removed, in (0, 1)). The kept count for a rate is round(n · (1 − rate)), at least 1.
 */
export function resolveBudget(n: number, spec: { budget?: number | undefined; rate?: number | undefined }): number {
  const { budget, rate } = spec;
  if ((budget === undefined) === (rate === undefined)) {
    throw new CoresetError('INVALID_ARGUMENT', 'give exactly one of budget or rate', { argument: 'budget' });
  }
  if (budget !== undefined) {
    if (!Number.isInteger(budget) || budget < 1 || budget > n) {
      throw new CoresetError('OUT_OF_RANGE', `budget must be an integer in [1, ${n}], got ${budget}`, {
        argument: 'budget',
      });
    }
    return budget;
  }
  const r = rate!;
  if (!(r > 0 && r < 1)) {
    throw new CoresetError('OUT_OF_RANGE', `rate must be in (0, 1), got ${r}`, { argument: 'rate' });
  }
  return Math.max(1, Math.round(n * (1 - r)));
}
