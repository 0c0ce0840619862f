import { accuracyKey } from './fashion-mnist-accuracy.js';
import { describe, expect, it } from 'vitest';
import { modelsProfile } from './models-profile.js';

describe('models profile', () => {
  it('uses the batch sizes the issues ask for in both profiles', () => {
    for (const quick of [true, false]) {
      const p = modelsProfile(quick);
      expect(p.throughput.batchSize).toBe(128);
      expect(p.stepTimes.lmBatch).toBe(32);
      expect(p.stepTimes.contrastiveBatch).toBe(128);
      expect(p.stepTimes.recommenderBatch).toBe(64);
    }
  });

  it('runs the full-data CNN only in the full profile, a 300-step MLP in the quick one', () => {
    expect(modelsProfile(false).accuracy.map((a) => `${a.model}:${a.optimizer}`)).toEqual(['cnn:sgd', 'cnn:adam']);
    expect(modelsProfile(true).accuracy).toEqual([{ model: 'mlp', optimizer: 'sgd', iterations: 300, batchSize: 128, learningRate: 0.05, evaluateEvery: 300 }]);
  });

  it('keys the SGD runs as before the optimizer option (their stored cells stay valid) and the Adam runs apart', () => {
    const [sgd, adam] = modelsProfile(false).accuracy;
    expect(accuracyKey(sgd)).toBe('accuracy:cnn:wasm:it4700:b128:lr0.05:eval940');
    expect(accuracyKey(adam)).toBe('accuracy:cnn:wasm:it4700:b128:lr0.001:eval940:adam');
  });

  it('makes every count of the quick profile at most the full one', () => {
    const quick = modelsProfile(true);
    const full = modelsProfile(false);
    for (const group of ['throughput', 'mlpGradients', 'lmGradients', 'stepTimes'] as const) {
      for (const [key, value] of Object.entries(quick[group])) {
        expect(value, `${group}.${key}`).toBeLessThanOrEqual((full[group] as Record<string, number>)[key]);
      }
    }
  });
});
