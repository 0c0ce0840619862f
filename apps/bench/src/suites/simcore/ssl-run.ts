import { createContrastiveEncoder, pretrainContrastive, type ContrastiveEncoder } from '@coresets/eval';
import type { SimCoreProfile } from './simcore-profile.js';

/** Summary of one SSL pre-training run. */
export interface SslSummary {
  readonly poolSize: number;
  readonly steps: number;
  /** Mean loss of the first and last 10 % of steps. */
  readonly firstLoss: number;
  readonly lastLoss: number;
  readonly ms: number;
}

/**
 * Pre-trains a fresh encoder on the pool (X ∪ S, shuffled as one data set) for the profile's
 * fixed step count. For a given seed every arm starts from the same initial weights and uses
 * the same augmentation/batch seed, so differences between arms are paired.
 */
export function pretrainArm(
  images: Float32Array,
  profile: SimCoreProfile,
  seed: number,
  onStep?: (step: number) => void,
): { encoder: ContrastiveEncoder; summary: SslSummary } {
  const encoder = createContrastiveEncoder({ inputShape: [28, 28, 1], channels: profile.channels, projection: profile.projection, seed: 1000 + seed });
  const t0 = performance.now();
  try {
    const { losses } = pretrainContrastive(encoder, images, [28, 28], {
      steps: profile.sslSteps,
      batchSize: profile.sslBatchSize,
      temperature: profile.temperature,
      learningRate: profile.learningRate,
      seed: 2000 + seed,
      ...(onStep === undefined ? {} : { onProgress: (e: { completed: number }) => onStep(e.completed) }),
    });
    const tenth = Math.max(1, Math.floor(losses.length / 10));
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    return {
      encoder,
      summary: {
        poolSize: images.length / 784,
        steps: profile.sslSteps,
        firstLoss: mean(losses.slice(0, tenth)),
        lastLoss: mean(losses.slice(-tenth)),
        ms: performance.now() - t0,
      },
    };
  } catch (error) {
    encoder.dispose();
    throw error;
  }
}
