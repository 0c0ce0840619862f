import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@coresets/core';
import {
  VOCABULARY_SIZE,
  createContrastiveEncoder,
  createGruRecommender,
  createOptimizer,
  createTinyTransformer,
  encodeLmBatch,
  finetuneLm,
  makeSequentialRecommendation,
  makeSourceMixture,
  pretrainContrastive,
} from '@coresets/eval';
import { medianGapMs } from './measure-cell.js';
import type { ModelsProfile } from './models-profile.js';

export interface StepTimeRun {
  readonly batchSize: number;
  readonly steps: number;
  readonly medianMs: number;
  readonly meanMs: number;
  readonly trainableParameters: number;
  /** What the batch looks like (e.g. the padded sequence length). */
  readonly detail: string;
}

function countParameters(variables: readonly tf.Variable[]): number {
  return variables.reduce((s, v) => s + v.size, 0);
}

function summarize(start: number, stamps: readonly number[], extra: Omit<StepTimeRun, 'steps' | 'medianMs' | 'meanMs'>): StepTimeRun {
  const end = stamps[stamps.length - 1];
  return { ...extra, steps: stamps.length, medianMs: medianGapMs(start, stamps), meanMs: (end - start) / stamps.length };
}

/**
 * One `finetuneLm` step (AdamW, grad-norm clip 1, batch encoded to its longest row) of eval's tiny
 * transformer (2 blocks, d = 64, 4 heads, context 64, LoRA rank 8 on q/k/v): LoRA only (base
 * frozen) or every parameter. A 2-step call warms the kernels up first.
 */
export async function lmStepTime(train: 'lora' | 'all', p: ModelsProfile['stepTimes']): Promise<StepTimeRun> {
  const mixture = makeSourceMixture({ trainSize: 2000, testPerSource: 1, oodPerSource: 1, seed: 0 });
  const model = createTinyTransformer({ vocabSize: VOCABULARY_SIZE, seed: 0 });
  try {
    await finetuneLm(model, mixture.train, { steps: 2, poolSize: p.lmBatch, train, seed: 1 });
    const stamps: number[] = [];
    const start = performance.now();
    await finetuneLm(model, mixture.train, { steps: p.lmSteps, poolSize: p.lmBatch, train, seed: 2, onProgress: () => stamps.push(performance.now()) });
    const longest = encodeLmBatch(mixture.train).length;
    return summarize(start, stamps, {
      batchSize: p.lmBatch,
      trainableParameters: countParameters(train === 'lora' ? model.loraVariables : [...model.baseVariables, ...model.loraVariables]),
      detail: `context ${model.contextLength}; rows padded to the batch's longest (≤ ${longest} tokens in this pool)`,
    });
  } finally {
    model.dispose();
  }
}

/**
 * One `pretrainContrastive` step: two augmented views of each image through eval's contrastive
 * encoder (3 conv layers + projection head), NT-Xent, Adam. Images are seeded Gaussian noise —
 * the cost does not depend on the pixel values. The encoder uses tfjs conv2d, whose filter gradient
 * wasm lacks (core bridges it to the cpu kernel), so a step takes long enough that the profile may
 * time it cold (`contrastiveWarmupSteps: 0`).
 */
export function contrastiveStepTime(p: ModelsProfile['stepTimes']): StepTimeRun {
  const n = p.contrastiveBatch * 2;
  const images = Rng.fromSeed(3).fillNormal(new Float32Array(n * 28 * 28));
  const encoder = createContrastiveEncoder({ inputShape: [28, 28, 1], seed: 0 });
  try {
    if (p.contrastiveWarmupSteps > 0) {
      pretrainContrastive(encoder, images, [28, 28], { steps: p.contrastiveWarmupSteps, batchSize: p.contrastiveBatch, seed: 1 });
    }
    const stamps: number[] = [];
    const start = performance.now();
    pretrainContrastive(encoder, images, [28, 28], {
      steps: p.contrastiveSteps,
      batchSize: p.contrastiveBatch,
      seed: 2,
      onProgress: () => stamps.push(performance.now()),
    });
    return summarize(start, stamps, {
      batchSize: p.contrastiveBatch,
      trainableParameters: countParameters(encoder.variables),
      detail: `28×28×1 inputs, 2 views per image (2·batch rows through the encoder); ${p.contrastiveWarmupSteps === 0 ? 'no warm-up step (the first timed step is cold)' : `${p.contrastiveWarmupSteps} warm-up steps`}`,
    });
  } finally {
    encoder.dispose();
  }
}

/**
 * One Adam step of eval's GRU recommender (the step `trainRecommender` takes: mean cross-entropy
 * of the next item over all items) on batches from the drifting sequential-recommendation pool.
 */
export function recommenderStepTime(p: ModelsProfile['stepTimes']): StepTimeRun {
  const batch = p.recommenderBatch;
  const data = makeSequentialRecommendation({
    poolSize: batch * (p.recommenderSteps + 1),
    validSelectSize: 10,
    validEarlyStopSize: 10,
    testSize: 10,
    seed: 0,
  });
  const model = createGruRecommender({ numItems: data.numItems, seed: 0 });
  const optimizer = createOptimizer(model.variables, { name: 'adam' });
  const step = (s: number) => {
    const samples = data.pool.slice(s * batch, (s + 1) * batch);
    const { value, grads } = tf.variableGrads(() => tf.mean(model.perExampleLoss(samples)), model.variables as tf.Variable[]);
    const list = model.variables.map((v) => grads[v.name]);
    optimizer.apply(list, 1e-3);
    value.dataSync();
    tf.dispose([value, ...list]);
  };
  try {
    step(p.recommenderSteps);
    const stamps: number[] = [];
    const start = performance.now();
    for (let s = 0; s < p.recommenderSteps; s++) {
      step(s);
      stamps.push(performance.now());
    }
    return summarize(start, stamps, {
      batchSize: batch,
      trainableParameters: countParameters(model.variables),
      detail: `${data.numItems} items, histories of 3–10 items, embedding 32, hidden 32`,
    });
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}
