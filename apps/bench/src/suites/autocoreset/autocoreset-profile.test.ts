import { describe, expect, it } from 'vitest';
import { armsFor, autoCoresetProfile, mainArmsFor, trialCells, trialKey, trialSeed } from './autocoreset-profile.js';

describe('autoCoresetProfile', () => {
  it('is the spec grid: sizes 50…300 in 10 steps, 16 trials, four problems', () => {
    const p = autoCoresetProfile(false);
    expect(p.sizes).toEqual([50, 77, 105, 133, 161, 188, 216, 244, 272, 300]);
    expect(p.trials).toBe(16);
    expect(p.problems).toEqual(['logistic', 'svm', 'kmeans', 'linear']);
  });

  it('quick: one problem, m ∈ {50, 161}, 3 trials', () => {
    const p = autoCoresetProfile(true);
    expect(p.problems).toEqual(['logistic']);
    expect(p.sizes).toEqual([50, 161]);
    expect(p.trials).toBe(3);
  });
});

describe('trialCells', () => {
  it('runs uniform-global and the budget ablations only for classification and orders the cells trial-major', () => {
    expect(armsFor('svm')).toContain('uniform-global');
    expect(armsFor('kmeans')).toEqual(['uniform', 'caratheodory', 'best-of-k', 'importance']);
    expect(mainArmsFor('logistic')).toEqual(['uniform', 'uniform-global', 'caratheodory', 'best-of-k', 'importance']);
    const cells = trialCells(autoCoresetProfile(false));
    expect(cells).toHaveLength(16 * 10 * (7 + 7 + 4 + 4));
    const firstOfTrial1 = cells.findIndex((c) => c.trial === 1);
    expect(firstOfTrial1).toBe(10 * 22);
    expect(cells.slice(0, firstOfTrial1).every((c) => c.trial === 0)).toBe(true);
    expect(new Set(cells.map(trialKey)).size).toBe(cells.length);
  });

  it('gives every (m, trial) its own seed, shared by the arms', () => {
    expect(trialSeed({ size: 50, trial: 0 })).toBe(1050);
    expect(trialSeed({ size: 300, trial: 15 })).toBe(16300);
    const seeds = trialCells(autoCoresetProfile(false)).map((c) => `${c.problem}:${c.size}:${c.trial}:${trialSeed(c)}`);
    expect(new Set(trialCells(autoCoresetProfile(false)).map(trialSeed)).size).toBe(160);
    expect(seeds.length).toBe(3520);
  });
});
