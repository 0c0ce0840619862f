import { measureGradientThroughput, type GradientThroughput } from '@coresets/gradients';
import { measureCell, type BenchBackend, type MeasuredCell } from './measure-cell.js';
import type { ModelsProfile } from './models-profile.js';

export type MlpGradientMethod = 'closed-form' | 'batched' | 'loop';

export const MLP_GRADIENT_CASES: readonly { method: MlpGradientMethod; backend: BenchBackend }[] = (['closed-form', 'batched', 'loop'] as const).flatMap(
  (method) => (['wasm', 'cpu'] as const).map((backend) => ({ method, backend })),
);

/** Per-example gradients of the gradients package's seeded MLP 784-128-10 (every weight, or the last layer in closed form). */
export function mlpGradientThroughput(method: MlpGradientMethod, backend: BenchBackend, p: ModelsProfile['mlpGradients']): Promise<MeasuredCell<GradientThroughput>> {
  return measureCell(backend, () => measureGradientThroughput({ method, numExamples: p.numExamples, chunkSize: p.chunkSize, seed: 0 }));
}
