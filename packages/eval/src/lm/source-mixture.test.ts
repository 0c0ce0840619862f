import { describe, expect, it } from 'vitest';
import { encodeLmBatch } from './lm-batch.js';
import { makeSourceMixture } from './source-mixture.js';
import { SKILLS } from './skills.js';
import { decodeTokens, encodeText } from './vocabulary.js';

describe('source mixture', () => {
  it('has ≥ 10 sources with ≈ 300:1 imbalance, held-out and OOD sets', () => {
    const mix = makeSourceMixture({ trainSize: 20_000, testPerSource: 5, oodPerSource: 5, seed: 0 });
    expect(mix.sourceNames.length).toBeGreaterThanOrEqual(10);
    expect(mix.sourceSizes.reduce((a, b) => a + b, 0)).toBe(20_000);
    const counts = new Array<number>(mix.sourceNames.length).fill(0);
    for (const e of mix.train) counts[e.source]++;
    expect(counts).toEqual(mix.sourceSizes);
    const ratio = Math.max(...counts) / Math.min(...counts);
    expect(ratio).toBeGreaterThan(250);
    expect(ratio).toBeLessThan(350);
    expect(mix.test.length).toBe(5 * SKILLS.length);
    // Out-of-domain operands are longer on average than in-domain ones.
    const meanLen = (xs: readonly { prompt: string }[]) => xs.reduce((a, e) => a + e.prompt.length, 0) / xs.length;
    expect(meanLen(mix.ood)).toBeGreaterThan(meanLen(mix.test));
  });

  it('is deterministic per seed and answers are correct', () => {
    const a = makeSourceMixture({ trainSize: 200, seed: 4 });
    const b = makeSourceMixture({ trainSize: 200, seed: 4 });
    expect(a.train).toEqual(b.train);
    const add = a.test.find((e) => a.sourceNames[e.source] === 'add')!;
    const [x, y] = add.prompt.split('+').map(Number);
    expect(Number(add.answer)).toBe(x + y);
    const rev = a.test.find((e) => a.sourceNames[e.source] === 'reverse')!;
    expect(rev.answer).toBe([...rev.prompt.slice(4)].reverse().join(''));
  });

  it('masks prompt tokens and padding out of the loss', () => {
    const batch = encodeLmBatch([{ source: 0, prompt: '1+2', answer: '3' }], 8);
    // BOS 1 + 2 SEP 3 EOS → inputs BOS 1 + 2 SEP 3, targets 1 + 2 SEP 3 EOS; loss on "3" and EOS only.
    expect(Array.from(batch.mask)).toEqual([0, 0, 0, 0, 1, 1, 0, 0]);
    expect(decodeTokens(batch.targets.slice(4, 6))).toBe('3');
    expect(() => encodeText('A')).toThrow(/not in the vocabulary/);
    expect(() => encodeLmBatch([{ source: 0, prompt: '123456', answer: '1' }], 4)).toThrow(/needs 9 positions/);
  });
});
