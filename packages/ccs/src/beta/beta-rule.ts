import { CoresetError } from '@coresets/core';

/**
 * The project's β rule (not from the paper, which tunes β per data set and rate): 0 for α ≤ 50%,
 * 0.1 from 70%, 0.2 from 80%, 0.3 from 90%. Between rows the lower row applies (so 60% → 0 and
 * 85% → 0.2): a smaller β keeps more hard examples, the safer error when no row matches.
 * Confirmed reference values agree: CIFAR-10 @90% 0.3, ImageNet @90% 0.3 and @80% 0.2.
 */
export function recommendedBeta(rate: number): number {
  if (!(rate >= 0 && rate < 1)) {
    throw new CoresetError('OUT_OF_RANGE', `rate must be in [0, 1), got ${rate}`, {
      argument: 'rate',
    });
  }
  // A tolerance so that a rate computed as 1 − m/N = 0.8999999999 still reads as 90%.
  const r = rate + 1e-9;
  if (r >= 0.9) return 0.3;
  if (r >= 0.8) return 0.2;
  if (r >= 0.7) return 0.1;
  return 0;
}

/** The β grid the paper searches on a validation split, restricted to β ≤ α. */
export const BETA_GRID: readonly number[] = Object.freeze([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
