import { CoresetError } from '@coresets/core';

/**
 * Relative error ε = F(full; θ_coreset) / F(full; θ*) − 1: how much worse the full-data
 * objective is at the parameters trained on the coreset than at the full-data optimum.
 */
export function relativeError(coresetLoss: number, optimalLoss: number): number {
  if (!Number.isFinite(coresetLoss) || coresetLoss < 0) {
    throw new CoresetError('OUT_OF_RANGE', `coresetLoss must be finite and ≥ 0, got ${coresetLoss}`, {
      argument: 'coresetLoss',
    });
  }
  if (!Number.isFinite(optimalLoss) || optimalLoss <= 0) {
    throw new CoresetError('OUT_OF_RANGE', `optimalLoss must be finite and > 0, got ${optimalLoss}`, {
      argument: 'optimalLoss',
    });
  }
  return coresetLoss / optimalLoss - 1;
}
