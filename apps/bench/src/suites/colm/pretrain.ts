import * as tf from '@tensorflow/tfjs-core';
import { CoresetError } from '@coresets/core';
import { VOCABULARY_SIZE, createTinyTransformer, exactMatch, finetuneLm, makeSourceMixture, type TinyTransformer } from '@coresets/eval';
import type { ColmProfile } from './colm-profile.js';
import type { ColmData } from './colm-data.js';

/** The pre-trained base weights (float32, base64 per variable) and how good they already are. */
export interface PretrainCell {
  readonly weights: Record<string, { readonly shape: number[]; readonly base64: string }>;
  readonly finalLoss: number;
  readonly test: { readonly perSource: number[]; readonly macro: number };
  readonly ood: { readonly perSource: number[]; readonly macro: number };
  readonly msPerStep: number;
}

/** The model architecture of every run (colm.md §8: 2 blocks, d 64, 4 heads, LoRA r 8 α 32 on q, k, v). */
export function createColmModel(loraRank: number, seed: number): TinyTransformer {
  return createTinyTransformer({ vocabSize: VOCABULARY_SIZE, layers: 2, dModel: 64, heads: 4, contextLength: 64, loraRank, loraAlpha: 32, loraTargets: ['q', 'k', 'v'], seed });
}

/**
 * Full-parameter pre-training of a LoRA-free model on a uniform mix of all sources (its own seeded
 * rows, not the fine-tuning set), so the LoRA phase starts from a model that knows the format.
 */
export async function pretrainBase(profile: ColmProfile, data: ColmData): Promise<PretrainCell> {
  const p = profile.pretrain;
  const numSources = data.mixture.sourceNames.length;
  const uniform = makeSourceMixture({ trainSize: p.rows, testPerSource: 1, oodPerSource: 1, proportions: new Array<number>(numSources).fill(1), seed: 99 });
  const model = createColmModel(0, 0);
  try {
    const t0 = performance.now();
    const result = await finetuneLm(model, uniform.train, {
      steps: p.steps,
      poolSize: p.batch,
      train: 'all',
      learningRate: p.learningRate,
      warmupSteps: Math.ceil(p.steps * 0.05),
      seed: 1,
    });
    const msPerStep = (performance.now() - t0) / p.steps;
    const test = exactMatch(model, data.mixture.test, numSources);
    const ood = exactMatch(model, data.mixture.ood, numSources);
    const weights: PretrainCell['weights'] = {};
    for (const v of model.baseVariables) {
      const values = v.dataSync() as Float32Array;
      weights[v.name] = { shape: [...v.shape], base64: Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64') };
    }
    const tail = result.losses.slice(-10);
    return {
      weights,
      finalLoss: tail.reduce((a, b) => a + b, 0) / tail.length,
      test: { perSource: test.perSource, macro: test.macro },
      ood: { perSource: ood.perSource, macro: ood.macro },
      msPerStep,
    };
  } finally {
    model.dispose();
  }
}

/** Copies the pre-trained base weights into a LoRA model (adapters keep their fresh init, B = 0). */
export function loadBaseWeights(model: TinyTransformer, cell: PretrainCell): void {
  const byName = new Map<string, tf.Variable>(model.baseVariables.map((v) => [v.name, v]));
  for (const [name, w] of Object.entries(cell.weights)) {
    const v = byName.get(name);
    if (v === undefined) throw new CoresetError('SHAPE_MISMATCH', `pre-trained weight ${name} has no variable in the model`, { argument: 'cell' });
    const bytes = Buffer.from(w.base64, 'base64');
    const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    if (values.length !== v.size) throw new CoresetError('SHAPE_MISMATCH', `pre-trained weight ${name} has ${values.length} values, the variable ${v.size}`, { argument: 'cell' });
    const t = tf.tensor(values, v.shape);
    v.assign(t);
    t.dispose();
    byName.delete(name);
  }
  if (byName.size > 0) throw new CoresetError('SHAPE_MISMATCH', `no pre-trained values for ${[...byName.keys()].join(', ')}`, { argument: 'cell' });
}
