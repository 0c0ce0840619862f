import * as tf from '@tensorflow/tfjs-core';
import { CoresetError, Rng, throwIfAborted, type LongRunningOptions } from '@coresets/core';
import { withDefaults } from '../internal/with-defaults.js';
import { clipByGlobalNorm } from '../train/clip.js';
import { createOptimizer, type OptimizerOptions } from '../train/optimizer.js';
import { createSchedule, type ScheduleName } from '../train/schedule.js';
import { assertGradientsRegistered } from '../train/train-step.js';
import { exactMatch, type ExactMatchReport } from './exact-match.js';
import { encodeLmBatch } from './lm-batch.js';
import { meanLmLoss } from './lm-loss.js';
import type { LmExample } from './source-mixture.js';
import type { TinyTransformer } from './tiny-transformer.js';

/** What a selection plug-in sees each step: the pool drawn from the training set. */
export interface LmPool {
  readonly step: number;
  /** Indices into the training set. */
  readonly indices: Int32Array;
  readonly examples: readonly LmExample[];
}

/** The rows of the pool to train on (positions into the pool) and optional per-row weights. */
export interface LmPoolSelection {
  readonly positions: Int32Array;
  readonly weights?: Float32Array | undefined;
}

/** "pool → select → train": given the pool and the current model, choose what to train on. */
export type LmPoolSelector = (pool: LmPool, model: TinyTransformer) => LmPoolSelection | Promise<LmPoolSelection>;

export interface FinetuneLmOptions extends LongRunningOptions {
  readonly steps: number;
  /** Rows drawn per step (B); without a selector all of them are trained on. */
  readonly poolSize: number;
  readonly selector?: LmPoolSelector | undefined;
  /** Which variables train: `lora` (base frozen) or `all` (full-parameter pre-training). */
  readonly train?: 'lora' | 'all' | undefined;
  readonly learningRate?: number | undefined;
  readonly schedule?: ScheduleName | 'linear' | undefined;
  readonly warmupSteps?: number | undefined;
  readonly clipNorm?: number | undefined;
  readonly weightDecay?: number | undefined;
  readonly evalEvery?: number | undefined;
  readonly evalSets?: Readonly<Record<string, readonly LmExample[]>> | undefined;
  readonly numSources?: number | undefined;
  /** Measure peak tensor bytes of the train step every this many steps (0 = never). */
  readonly memoryEvery?: number | undefined;
  readonly seed: number;
}

export const DEFAULT_FINETUNE_LM_OPTIONS = {
  train: 'lora' as 'lora' | 'all',
  learningRate: 1e-3,
  schedule: 'cosine' as ScheduleName | 'linear',
  warmupSteps: 0,
  clipNorm: 1,
  weightDecay: 0,
  evalEvery: 0,
  memoryEvery: 0,
} as const;

export interface LmEvaluation {
  readonly step: number;
  readonly sets: Record<string, ExactMatchReport>;
}

export interface FinetuneLmResult {
  readonly losses: number[];
  readonly evaluations: LmEvaluation[];
  /** Peak bytes of live tensors during the measured train steps. */
  readonly peakTensorBytes: number[];
  /** Rows trained on per step (after selection). */
  readonly rowsPerStep: number[];
  selectMs: number;
  trainMs: number;
}

/**
 * Fine-tunes the transformer with AdamW for a fixed number of steps. Each step draws a pool of
 * `poolSize` rows (seeded, epoch-wise without replacement), lets the selector choose a subset,
 * and trains on the weighted mean of the chosen rows' per-example losses.
 */
export async function finetuneLm(model: TinyTransformer, trainSet: readonly LmExample[], options: FinetuneLmOptions): Promise<FinetuneLmResult> {
  assertGradientsRegistered();
  const o = withDefaults(DEFAULT_FINETUNE_LM_OPTIONS, options);
  if (!Number.isInteger(o.poolSize) || o.poolSize < 1 || o.poolSize > trainSet.length) {
    throw new CoresetError('OUT_OF_RANGE', `poolSize must be an integer in [1, ${trainSet.length}]`, { argument: 'poolSize' });
  }
  const variables = (o.train === 'all' ? [...model.baseVariables, ...model.loraVariables] : [...model.loraVariables]);
  if (variables.length === 0) throw new CoresetError('INVALID_ARGUMENT', 'no trainable variables (LoRA rank 0?)', { argument: 'train' });
  const optimizer = createOptimizer(variables, { name: 'adamw', weightDecay: o.weightDecay } satisfies OptimizerOptions);
  const lrAt =
    o.schedule === 'linear'
      ? (step: number) => (step < o.warmupSteps ? (o.learningRate * (step + 1)) / o.warmupSteps : o.learningRate * (1 - (step - o.warmupSteps) / Math.max(1, o.steps - o.warmupSteps)))
      : createSchedule({ learningRate: o.learningRate, totalSteps: o.steps, schedule: o.schedule, warmupSteps: o.warmupSteps, minLearningRate: o.learningRate * 0.01 });
  const rng = Rng.fromSeed(o.seed);
  let order = rng.permutation(trainSet.length);
  let cursor = 0;
  const result: FinetuneLmResult = { losses: [], evaluations: [], peakTensorBytes: [], rowsPerStep: [], selectMs: 0, trainMs: 0 };
  const numSources = o.numSources ?? 1 + trainSet.reduce((m, e) => Math.max(m, e.source), 0);
  const evaluate = (step: number) => {
    const sets: Record<string, ExactMatchReport> = {};
    for (const [name, examples] of Object.entries(o.evalSets ?? {})) sets[name] = exactMatch(model, examples, numSources);
    result.evaluations.push({ step, sets });
  };
  try {
    for (let step = 0; step < o.steps; step++) {
      throwIfAborted(o.signal);
      if (cursor + o.poolSize > order.length) {
        order = rng.permutation(trainSet.length);
        cursor = 0;
      }
      const indices = order.slice(cursor, cursor + o.poolSize);
      cursor += o.poolSize;
      const pool: LmPool = { step, indices, examples: Array.from(indices, (i) => trainSet[i]) };
      const t0 = performance.now();
      const chosen = o.selector === undefined ? { positions: Int32Array.from(indices, (_, i) => i) } : await o.selector(pool, model);
      const t1 = performance.now();
      const batch = encodeLmBatch(Array.from(chosen.positions, (p) => pool.examples[p]));
      const runStep = () => {
        const { value, grads } = tf.variableGrads(() => meanLmLoss(model, batch, chosen.weights), variables);
        const list = variables.map((v) => grads[v.name]);
        const clipped = o.clipNorm > 0 ? clipByGlobalNorm(list, o.clipNorm).grads : list;
        optimizer.apply(clipped, lrAt(step));
        const loss = value.dataSync()[0];
        tf.dispose([value, ...list, ...(clipped === list ? [] : clipped)]);
        return loss;
      };
      let loss: number;
      if (o.memoryEvery > 0 && step % o.memoryEvery === 0) {
        const before = tf.memory().numBytes;
        let measured = 0;
        const info = await tf.profile(() => {
          measured = runStep();
          return [] as tf.Tensor[];
        });
        loss = measured;
        result.peakTensorBytes.push(info.peakBytes - before);
      } else {
        loss = runStep();
      }
      result.trainMs += performance.now() - t1;
      result.selectMs += t1 - t0;
      if (!Number.isFinite(loss)) throw new CoresetError('NON_FINITE', `training loss became ${loss} at step ${step}`, { argument: 'learningRate' });
      result.losses.push(loss);
      result.rowsPerStep.push(chosen.positions.length);
      if (o.evalEvery > 0 && ((step + 1) % o.evalEvery === 0 || step + 1 === o.steps)) evaluate(step + 1);
      o.onProgress?.({ phase: 'finetune', completed: step + 1, total: o.steps, info: { loss } });
    }
    if (o.evalEvery === 0 && o.evalSets !== undefined) evaluate(o.steps);
  } finally {
    optimizer.dispose();
  }
  return result;
}
