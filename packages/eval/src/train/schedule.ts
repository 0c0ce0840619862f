import { CoresetError } from '@coresets/core';

export type ScheduleName = 'cosine' | 'constant';

export interface ScheduleOptions {
  readonly learningRate: number;
  /** Total number of steps the schedule spans. */
  readonly totalSteps: number;
  readonly schedule?: ScheduleName | undefined;
  /** Linear warm-up steps: step s < w uses lr·(s+1)/w. */
  readonly warmupSteps?: number | undefined;
  /** Final rate of the cosine decay (reference: 1e-4). */
  readonly minLearningRate?: number | undefined;
}

export const DEFAULT_SCHEDULE_OPTIONS = { schedule: 'cosine' as ScheduleName, warmupSteps: 0, minLearningRate: 1e-4 } as const;

/**
 * Returns `step ↦ learning rate` (0-based steps). Cosine decays per iteration from `learningRate`
 * after warm-up to `minLearningRate` at the last step: lr_min + (lr − lr_min)(1 + cos(π·t/T))/2
 * with t = step − warmup, T = total − warmup − 1.
 */
export function createSchedule(options: ScheduleOptions): (step: number) => number {
  const { learningRate: lr, totalSteps } = options;
  const schedule = options.schedule ?? DEFAULT_SCHEDULE_OPTIONS.schedule;
  const warmup = options.warmupSteps ?? DEFAULT_SCHEDULE_OPTIONS.warmupSteps;
  const minLr = options.minLearningRate ?? DEFAULT_SCHEDULE_OPTIONS.minLearningRate;
  if (!Number.isFinite(lr) || lr <= 0) {
    throw new CoresetError('OUT_OF_RANGE', `learningRate must be finite and > 0, got ${lr}`, { argument: 'learningRate' });
  }
  if (!Number.isInteger(totalSteps) || totalSteps < 1) {
    throw new CoresetError('OUT_OF_RANGE', `totalSteps must be a positive integer, got ${totalSteps}`, {
      argument: 'totalSteps',
    });
  }
  if (!Number.isInteger(warmup) || warmup < 0 || warmup >= totalSteps) {
    throw new CoresetError('OUT_OF_RANGE', `warmupSteps must be an integer in [0, ${totalSteps}), got ${warmup}`, {
      argument: 'warmupSteps',
    });
  }
  if (!Number.isFinite(minLr) || minLr < 0 || minLr > lr) {
    throw new CoresetError('OUT_OF_RANGE', `minLearningRate must be in [0, learningRate], got ${minLr}`, {
      argument: 'minLearningRate',
    });
  }
  if (schedule !== 'cosine' && schedule !== 'constant') {
    throw new CoresetError('INVALID_ARGUMENT', `schedule must be 'cosine' or 'constant', got ${String(schedule)}`, {
      argument: 'schedule',
    });
  }
  const span = totalSteps - warmup - 1;
  return (step) => {
    if (step < warmup) return (lr * (step + 1)) / warmup;
    if (schedule === 'constant' || span <= 0) return lr;
    const t = Math.min(step - warmup, span);
    return minLr + ((lr - minLr) * (1 + Math.cos((Math.PI * t) / span))) / 2;
  };
}
