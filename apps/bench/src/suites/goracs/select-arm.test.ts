import { describe, expect, it } from 'vitest';
import { Rng } from '@coresets/core';
import { makeSequentialRecommendation } from '@coresets/eval';
import { pooCostMatrix, pooValue, selectGoracs } from '@coresets/goracs';
import type { GoracsProfile } from './goracs-profile.js';
import { QUICK_GORACS_PROFILE } from './goracs-profile.js';
import type { ProxyFeatures } from './proxy-features.js';
import { SelectionContext, selectArm } from './select-arm.js';

const data = makeSequentialRecommendation({ numItems: 20, numClusters: 4, poolSize: 60, validSelectSize: 15, validEarlyStopSize: 5, testSize: 5, seed: 1 });
const rng = Rng.fromSeed(3);
const features: ProxyFeatures = {
  poolEmbeddings: { rows: 60, cols: 4, data: rng.fillNormal(new Float64Array(240)) },
  targetEmbeddings: { rows: 15, cols: 4, data: rng.fillNormal(new Float64Array(60)) },
  el2n: Float64Array.from({ length: 60 }, () => rng.uniform()),
  grand: Float64Array.from({ length: 60 }, () => rng.uniform() * 3),
  trainMs: 0,
  featureMs: 0,
};
const profile: GoracsProfile = { ...QUICK_GORACS_PROFILE, cut: 4, swaps: 6 };
const input = { trainEmbeddings: features.poolEmbeddings, validEmbeddings: features.targetEmbeddings, gradNorms: features.grand };

describe('selectArm', () => {
  it('ITRA from the shared building blocks equals selectGoracs on V_sel', async () => {
    const ctx = new SelectionContext(profile, data, features);
    for (const lambda of [0, 0.1]) {
      const ours = await selectArm(ctx, lambda === 0 ? 'itra-0' : 'itra-0.1', 10, 0);
      const reference = await selectGoracs(input, { budget: 10, lambda, maxIters: 6, cut: 4, validation: 'shared' });
      expect(ours.indices).toEqual(Array.from(reference.indices));
      const meta = reference.meta as { pooGreedy: number; pooFinal: number };
      expect(ours.goracs?.pooGreedy).toBeCloseTo(meta.pooGreedy, 12);
      expect(ours.goracs?.pooFinal).toBeCloseTo(meta.pooFinal, 12);
    }
  });

  it('greedy only equals selectGoracs without swaps and never beats ITRA on POO', async () => {
    const ctx = new SelectionContext(profile, data, features);
    const greedy = await selectArm(ctx, 'goracs-greedy', 10, 0);
    const itra = await selectArm(ctx, 'itra-0.1', 10, 0);
    const reference = await selectGoracs(input, { budget: 10, lambda: 0.1, maxIters: 0, cut: 4, validation: 'shared' });
    expect(greedy.indices).toEqual(Array.from(reference.indices));
    expect(itra.poo).toBeLessThanOrEqual(greedy.poo);
    expect(greedy.poo).toBeCloseTo(greedy.goracs!.pooGreedy, 12);
  });

  it('reports every subset on the λ = 0.1 cost, with its old and noise shares', async () => {
    const ctx = new SelectionContext(profile, data, features);
    const cost = pooCostMatrix({ ...input, lambda: 0.1 });
    for (const arm of ['random', 'el2n', 'grand', 'ccs', 'k-center', 'oracle', 'itra-0.5'] as const) {
      const s = await selectArm(ctx, arm, 12, 1);
      expect(new Set(s.indices).size).toBe(12);
      expect(s.poo).toBeCloseTo(pooValue(cost, s.indices), 12);
      const old = s.indices.filter((i) => data.poolOrigin[i] === 'old').length / 12;
      const noisy = s.indices.filter((i) => data.poolOrigin[i] === 'noisy').length / 12;
      expect([s.oldShare, s.noiseShare]).toEqual([old, noisy]);
    }
    const oracle = await selectArm(ctx, 'oracle', 5, 0);
    expect(oracle.indices.every((i) => data.poolOrigin[i] === 'new')).toBe(true);
    const el2n = await selectArm(ctx, 'el2n', 5, 0);
    const top = Array.from(features.el2n.keys()).sort((a, b) => features.el2n[b] - features.el2n[a]).slice(0, 5);
    expect([...el2n.indices].sort((a, b) => a - b)).toEqual(top.sort((a, b) => a - b));
  });
});
