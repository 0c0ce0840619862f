import { CoresetError } from '@coresets/core';
import { rowNorms } from './el2n-scores.js';
import { prepareLastLayer } from './last-layer-gradients.js';
import type { LastLayerInput } from './last-layer-gradients.js';

export interface GrandScoreOptions {
  /** Include the bias gradient in the norm (‖r‖·√(‖h‖² + 1)); otherwise ‖r‖·‖h‖. */
  readonly bias?: boolean;
}

export const DEFAULT_GRAND_SCORE_OPTIONS = { bias: true } as const satisfies GrandScoreOptions;

/**
 * GraNd score (Paul et al., 2021) restricted to the last layer: the norm of the closed-form
 * per-example gradient of `lastLayerGradients`, without materialising it. Since the kernel
 * gradient is the outer product h ⊗ r, its Frobenius norm is ‖h‖·‖r‖, and the bias adds ‖r‖²,
 * so the score is ‖r‖·√(‖h‖² + 1) with r = p − onehot(y). Float64. Higher = harder.
 */
export function grandScores(input: LastLayerInput, options: GrandScoreOptions = {}): Float64Array {
  for (const key of Object.keys(options)) {
    if (key !== 'bias') {
      throw new CoresetError(
        'UNKNOWN_OPTION',
        `grandScores: unknown option "${key}" (known: bias)`,
        {
          argument: key,
        },
      );
    }
  }
  const bias = options.bias ?? DEFAULT_GRAND_SCORE_OPTIONS.bias;
  if (typeof bias !== 'boolean') {
    throw new CoresetError('INVALID_ARGUMENT', 'bias must be a boolean', { argument: 'bias' });
  }
  const { embeddings, residuals } = prepareLastLayer(input);
  const r = rowNorms(residuals);
  const h = rowNorms(embeddings);
  const out = new Float64Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = r[i] * (bias ? Math.sqrt(h[i] * h[i] + 1) : h[i]);
  return out;
}
