import { measureTrainingThroughput, type ConvImplementation, type ThroughputResult } from '@coresets/eval';
import { measureCell, type BenchBackend, type MeasuredCell } from './measure-cell.js';
import type { ModelsProfile } from './models-profile.js';

export interface ThroughputCase {
  readonly model: 'mlp' | 'cnn';
  readonly backend: BenchBackend;
  readonly conv?: ConvImplementation | undefined;
}

/**
 * Issue #5's grid: MLP on both backends, the im2col CNN on both, and tfjs conv2d on wasm for
 * comparison (wasm has no Conv2DBackpropFilter kernel; core bridges it to the cpu one).
 */
export const THROUGHPUT_CASES: readonly ThroughputCase[] = [
  { model: 'mlp', backend: 'wasm' },
  { model: 'mlp', backend: 'cpu' },
  { model: 'cnn', backend: 'wasm', conv: 'im2col' },
  { model: 'cnn', backend: 'wasm', conv: 'conv2d' },
  { model: 'cnn', backend: 'cpu', conv: 'im2col' },
];

export function throughputKey(c: ThroughputCase): string {
  return `throughput:${c.model}:${c.backend}${c.conv === undefined ? '' : `:${c.conv}`}`;
}

export type ThroughputRun = ThroughputResult & { readonly conv: ConvImplementation | null };

/** SGD-Nesterov steps of eval's MLP 784-256-128-10 or CNN on random 28×28 inputs. */
export function classifierThroughput(c: ThroughputCase, p: ModelsProfile['throughput']): Promise<MeasuredCell<ThroughputRun>> {
  const fast = c.model === 'mlp' || (c.backend === 'wasm' && c.conv === 'im2col');
  const steps = c.model === 'mlp' ? p.mlpSteps : fast ? p.cnnSteps : p.slowCnnSteps;
  return measureCell(c.backend, () => ({
    ...measureTrainingThroughput({
      model: c.model,
      batchSize: p.batchSize,
      steps,
      warmupSteps: fast ? p.warmupSteps : p.slowWarmupSteps,
      convImplementation: c.conv,
      seed: 0,
    }),
    conv: c.conv ?? null,
  }));
}
