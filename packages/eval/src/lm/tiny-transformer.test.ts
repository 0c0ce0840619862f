import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../internal/test-backend.js';
import { encodeLmBatch } from './lm-batch.js';
import { perExampleLmLoss } from './lm-loss.js';
import { makeSourceMixture } from './source-mixture.js';
import { createTinyTransformer, lastValueLoraB } from './tiny-transformer.js';
import { VOCABULARY_SIZE } from './vocabulary.js';

describe('tiny transformer with LoRA', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  const small = () => createTinyTransformer({ vocabSize: VOCABULARY_SIZE, contextLength: 32, layers: 2, dModel: 16, heads: 4, loraRank: 4, seed: 1 });

  it('LoRA with B = 0 leaves the outputs exactly unchanged, whatever A is', () => {
    const model = small();
    const tokens = tf.tensor2d(Int32Array.from({ length: 2 * 10 }, (_, i) => (i * 7) % VOCABULARY_SIZE), [2, 10], 'int32');
    const before = model.logits(tokens).dataSync().slice();
    for (const v of model.loraVariables) if (v.name.endsWith('lora_A')) v.assign(tf.randomNormal(v.shape, 0, 3, 'float32', 5));
    expect(Array.from(model.logits(tokens).dataSync())).toEqual(Array.from(before));
    const b = model.parameter(lastValueLoraB(model));
    expect(b.shape).toEqual([4, 16]);
    b.assign(tf.onesLike(b));
    expect(Array.from(model.logits(tokens).dataSync())).not.toEqual(Array.from(before));
    model.dispose();
    tokens.dispose();
  });

  it('is causal: a later token never changes earlier logits', () => {
    const model = small();
    const a = tf.tensor2d([[1, 5, 6, 7, 8]], [1, 5], 'int32');
    const b = tf.tensor2d([[1, 5, 6, 7, 20]], [1, 5], 'int32');
    const la = model.logits(a).arraySync()[0];
    const lb = model.logits(b).arraySync()[0];
    for (let t = 0; t < 4; t++) for (let v = 0; v < VOCABULARY_SIZE; v++) expect(lb[t][v]).toBeCloseTo(la[t][v], 5);
    expect(lb[4]).not.toEqual(la[4]);
    model.dispose();
  });

  it('per-example loss ignores padding: the same example padded two ways has the same loss', () => {
    const model = small();
    const mix = makeSourceMixture({ trainSize: 50, testPerSource: 0, oodPerSource: 0, seed: 3 });
    const examples = mix.train.slice(0, 3);
    const short = perExampleLmLoss(model, encodeLmBatch(examples)).dataSync();
    const long = perExampleLmLoss(model, encodeLmBatch(examples, 30)).dataSync();
    for (let i = 0; i < 3; i++) expect(long[i]).toBeCloseTo(short[i], 5);
    model.dispose();
  });

  it('rejects sequences longer than the context', () => {
    const model = small();
    expect(() => model.logits(tf.zeros<tf.Rank.R2>([1, 33], 'int32'))).toThrow(/exceeds the context length 32/);
    expect(() => model.parameter('nope')).toThrow(/no parameter named "nope"/);
    model.dispose();
  });
});
