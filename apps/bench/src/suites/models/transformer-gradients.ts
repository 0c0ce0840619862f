import {
  VOCABULARY_SIZE,
  createTinyTransformer,
  encodeLmBatch,
  lastValueLoraB,
  makeSourceMixture,
  perExampleLmLoss,
  type LmBatch,
} from '@coresets/eval';
import { ZerothOrderEstimator, perExampleGradients } from '@coresets/gradients';
import type { ModelsProfile } from './models-profile.js';

export interface TransformerGradientRun {
  readonly parameter: string;
  /** Entries of the parameter (the per-example gradient row length). */
  readonly dim: number;
  readonly examples: number;
  /** Padded sequence length of the batch. */
  readonly length: number;
  readonly exactMs: number;
  readonly exactExamplesPerSecond: number;
  readonly zoRepeats: number;
  readonly zoMs: number;
  readonly zoExamplesPerSecond: number;
  /** Agreement of the ZO coefficient s_i with the exact directional derivative g_i · z (same z). */
  readonly zoVsExact: { readonly pearson: number; readonly maxAbsError: number; readonly maxAbsExact: number };
}

/** Rows `start … start+count−1` of a batch (views, same padded length). */
export function sliceLmBatch(batch: LmBatch, start: number, count: number): LmBatch {
  const T = batch.length;
  return {
    size: count,
    length: T,
    tokens: batch.tokens.subarray(start * T, (start + count) * T),
    targets: batch.targets.subarray(start * T, (start + count) * T),
    mask: batch.mask.subarray(start * T, (start + count) * T),
    sources: batch.sources.subarray(start, start + count),
  };
}

function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/**
 * Issue #4 on eval's tiny transformer (2 blocks, d = 64, LoRA rank 8 on q/k/v, untrained, seed 0):
 * per-example gradients of the last block's V-projection LoRA-B for a batch of source-mixture
 * examples, exactly (`perExampleGradients`, loop method: the model's projections do not go
 * through the package's `dense` hook, so the batched method does not apply) and by the
 * zeroth-order estimate (`ZerothOrderEstimator`, one Gaussian direction, ε = 1e-3: two forward
 * passes over the batch). The per-example loss is eval's `perExampleLmLoss` (mean cross-entropy
 * over each example's own answer tokens). Both are timed after an untimed warm-up call.
 */
export async function transformerGradients(p: ModelsProfile['lmGradients']): Promise<TransformerGradientRun> {
  const mixture = makeSourceMixture({ trainSize: Math.max(200, p.examples), testPerSource: 1, oodPerSource: 1, seed: 0 });
  const batch = encodeLmBatch(mixture.train.slice(0, p.examples));
  const model = createTinyTransformer({ vocabSize: VOCABULARY_SIZE, seed: 0 });
  try {
    const name = lastValueLoraB(model);
    const theta = model.parameter(name);
    const input = {
      numExamples: p.examples,
      params: [theta],
      loss: (start: number, count: number) => perExampleLmLoss(model, sliceLmBatch(batch, start, count)),
    };
    await perExampleGradients({ ...input, numExamples: Math.min(2, p.examples) }, { method: 'loop' });
    const t0 = performance.now();
    const exact = await perExampleGradients(input, { method: 'loop', chunkSize: 16 });
    const exactMs = performance.now() - t0;

    const estimator = new ZerothOrderEstimator(theta, { rng: 7 });
    const lossAll = () => perExampleLmLoss(model, batch);
    await estimator.estimate(lossAll);
    const t1 = performance.now();
    let features = await estimator.estimate(lossAll);
    for (let r = 1; r < p.zoRepeats; r++) features = await estimator.estimate(lossAll);
    const zoMs = performance.now() - t1;

    // s_i estimates the directional derivative ∇L_i · z; compare with the exact rows.
    const dim = exact.dim;
    const g = exact.gradients.data;
    const directional = new Float64Array(p.examples);
    for (let i = 0; i < p.examples; i++) {
      let dot = 0;
      for (let j = 0; j < dim; j++) dot += g[i * dim + j] * features.z[j];
      directional[i] = dot;
    }
    let maxAbsError = 0;
    let maxAbsExact = 0;
    for (let i = 0; i < p.examples; i++) {
      maxAbsError = Math.max(maxAbsError, Math.abs(features.s[i] - directional[i]));
      maxAbsExact = Math.max(maxAbsExact, Math.abs(directional[i]));
    }
    return {
      parameter: name,
      dim,
      examples: p.examples,
      length: batch.length,
      exactMs,
      exactExamplesPerSecond: (1000 * p.examples) / exactMs,
      zoRepeats: p.zoRepeats,
      zoMs,
      zoExamplesPerSecond: (1000 * p.examples * p.zoRepeats) / zoMs,
      zoVsExact: { pearson: pearson(features.s, directional), maxAbsError, maxAbsExact },
    };
  } finally {
    model.dispose();
  }
}
