import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeNpy } from '@coresets/core';
import { FASHION_MNIST_FILES, resolveDatasetDir } from '@coresets/eval';
import { assertBuilt, createScratch, runBuiltCli, type Scratch } from '../../testing/built-cli.js';

// Needs Fashion-MNIST: skipped when it is absent locally, a failure in CI (which sets CORESETS_DATA_DIR).
function fashionMnistAvailable(): boolean {
  try {
    resolveDatasetDir('fashion-mnist', Object.values(FASHION_MNIST_FILES));
    return true;
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    return false;
  }
}

const available = fashionMnistAvailable();
let scratch: Scratch;

beforeAll(() => {
  assertBuilt();
  scratch = createScratch();
});

afterAll(() => scratch.remove());

const SCORES = ['aum', 'forgetting', 'el2n', 'entropy', 'loss', 'correctness'];

describe.skipIf(!available)('coresets score dynamics on Fashion-MNIST (built binary)', () => {
  it('trains on the first --limit images and writes every score with its hard end', async () => {
    const cwd = scratch.dir;
    const common = [
      'score',
      'dynamics',
      '--dataset',
      'fashion-mnist',
      '--limit',
      '200',
      '--epochs',
      '1',
      '--backend',
      'cpu',
      '--seed',
      '3',
    ];
    const [json, npy] = await Promise.all([
      runBuiltCli([...common, '--out', 'scores.json'], { cwd }),
      runBuiltCli([...common, '--quiet', '--out', 'scores.npy'], { cwd }),
    ]);
    expect(json.code).toBe(0);
    expect(json.stderr).toMatch(/^score dynamics: 6 scores for 200 examples → scores\.json\n$/);
    const doc = JSON.parse(readFileSync(scratch.path('scores.json'), 'utf8')) as {
      scores: Record<string, number[]>;
      hard: Record<string, string>;
      meta: Record<string, unknown>;
    };
    expect(Object.keys(doc.scores)).toEqual(SCORES);
    expect(doc.hard).toEqual({
      aum: 'low',
      forgetting: 'high',
      el2n: 'high',
      entropy: 'high',
      loss: 'high',
      correctness: 'low',
    });
    for (const name of SCORES) expect(doc.scores[name]).toHaveLength(200);
    // One epoch: each example is recorded once, so correctness is 0 or 1 and AUM a single margin.
    expect(doc.scores.correctness.every((v) => v === 0 || v === 1)).toBe(true);
    expect(doc.scores.aum.every((v) => v >= -1 && v <= 1)).toBe(true);
    expect(doc.meta).toMatchObject({
      dataset: 'fashion-mnist',
      model: 'mlp',
      epochs: 1,
      trainRows: 200,
      iterations: 2,
    });

    expect(npy).toMatchObject({ code: 0, stdout: '', stderr: '' });
    for (const name of SCORES) {
      const values = Array.from(
        decodeNpy(readFileSync(scratch.path(`scores.${name}.npy`))).data as Float64Array,
      );
      // Same seed, same backend: the .npy run reproduces the JSON run exactly.
      expect({ name, values }).toEqual({ name, values: doc.scores[name] });
    }
  }, 60_000);
});

describe('coresets score dynamics input errors (built binary)', () => {
  it('names the data directory it could not use, before any training', async () => {
    const run = await runBuiltCli(
      [
        'score',
        'dynamics',
        '--dataset',
        'fashion-mnist',
        '--data-dir',
        scratch.path('nowhere'),
        '--out',
        'x.json',
      ],
      { cwd: scratch.dir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^coresets: error: --data-dir: Data set "fashion-mnist" not found\. Looked in: .*nowhere/,
    );
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
