import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectCcs, selectModerate, selectRandom, selectTopK } from '@coresets/ccs';
import { autoCoresetMethod } from '@coresets/autocoreset';
import { Rng, decodeNpy, matrixFromRows, type Matrix, type SelectionResult } from '@coresets/core';
import { selectGoracs } from '@coresets/goracs';
import { selectSimCore } from '@coresets/simcore';
import { selectFacilityLocation } from '@coresets/submodular';
import {
  assertBuilt,
  createScratch,
  parseJsonOutput,
  runBuiltCli,
  type Scratch,
} from '../../testing/built-cli.js';
import { runInProcess } from '../../testing/in-process-cli.js';

// Every method through the built binary on small seeded files; each result must equal the
// library's own answer for the same options (the CLI adds parsing, never different numbers).

const N = 24;
let scratch: Scratch;
let features: Matrix<Float64Array>;
let labels: Int32Array;
let scores: Float64Array;
let cutoff: Float64Array;

function rows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) =>
    Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)),
  );
}

function expectSame(doc: Record<string, unknown>, expected: SelectionResult): void {
  expect(doc.indices).toEqual(Array.from(expected.indices));
  if (expected.weights !== undefined) expect(doc.weights).toEqual(Array.from(expected.weights));
  if (expected.gains !== undefined) expect(doc.gains).toEqual(Array.from(expected.gains));
}

beforeAll(() => {
  assertBuilt();
  scratch = createScratch();
  const rng = Rng.fromSeed(11);
  features = matrixFromRows(
    Array.from({ length: N }, (_, i) => [
      rng.normal() + (i % 3) * 3,
      rng.normal(),
      rng.normal() - (i % 3),
    ]),
  );
  labels = Int32Array.from({ length: N }, (_, i) => i % 3);
  scores = Float64Array.from({ length: N }, () => rng.uniformRange(-1, 1));
  cutoff = Float64Array.from({ length: N }, () => rng.uniform());
  scratch.csv('features.csv', rows(features));
  scratch.npy('features.npy', features.data, [N, 3]);
  scratch.csv('labels.csv', Array.from(labels));
  scratch.npy('scores.npy', scores, [N]);
  scratch.csv('cutoff.csv', Array.from(cutoff));
});

afterAll(() => scratch.remove());

const run = (args: string[]) => runBuiltCli(args, { cwd: scratch.dir });
// Variants of a method already spawned above run in process (same code, no spawn cost).
const local = (args: string[]) =>
  runInProcess(args.map((a) => (/\.(csv|npy)$/.test(a) ? scratch.path(a) : a)));

describe('coresets select (built binary)', () => {
  it('random, topk, ccs and moderate match the library, and JSON on stdout is the only output', async () => {
    const [random, balanced, topk, topkBalanced, ccs, ccsCutoff, moderate] = await Promise.all([
      run(['select', 'random', '--n', String(N), '--budget', '5', '--seed', '7', '--out', '-']),
      local([
        'select',
        'random',
        '--labels',
        'labels.csv',
        '--rate',
        '0.5',
        '--balanced',
        '--seed',
        '3',
        '--out',
        '-',
      ]),
      run([
        'select',
        'topk',
        '--scores',
        'scores.npy',
        '--keep',
        'low',
        '--rate',
        '0.75',
        '--out',
        '-',
      ]),
      local([
        'select',
        'topk',
        '--scores',
        'scores.npy',
        '--keep',
        'high',
        '--budget',
        '6',
        '--labels',
        'labels.csv',
        '--balanced',
        '--out',
        '-',
      ]),
      run([
        'select',
        'ccs',
        '--scores',
        'scores.npy',
        '--hard',
        'low',
        '--budget',
        '8',
        '--strata',
        '4',
        '--seed',
        '2',
        '--out',
        '-',
      ]),
      local([
        'select',
        'ccs',
        '--scores',
        'scores.npy',
        '--hard',
        'low',
        '--cutoff-scores',
        'cutoff.csv',
        '--cutoff-hard',
        'high',
        '--rate',
        '0.5',
        '--beta',
        '0.25',
        '--out',
        '-',
      ]),
      run([
        'select',
        'moderate',
        '--features',
        'features.csv',
        '--labels',
        'labels.csv',
        '--budget',
        '10',
        '--out',
        '-',
      ]),
    ]);
    const randomDoc = parseJsonOutput(random);
    expectSame(randomDoc, selectRandom({ n: N }, { budget: 5, seed: 7 }));
    expect(randomDoc).toMatchObject({ method: 'random', seed: 7, version: '0.1.0' });
    expect(random.stderr).toBe('');
    expectSame(
      parseJsonOutput(balanced),
      selectRandom({ labels }, { rate: 0.5, balanced: true, seed: 3 }),
    );
    expectSame(parseJsonOutput(topk), selectTopK({ scores }, { keep: 'low', rate: 0.75 }));
    expectSame(
      parseJsonOutput(topkBalanced),
      selectTopK({ scores, labels }, { keep: 'high', budget: 6, balanced: true }),
    );
    expectSame(
      parseJsonOutput(ccs),
      selectCcs({ scores }, { hard: 'low', budget: 8, strata: 4, seed: 2 }),
    );
    const cut = selectCcs(
      { scores, cutoffScores: cutoff },
      { hard: 'low', cutoffHard: 'high', rate: 0.5, beta: 0.25, seed: 0 },
    );
    const cutDoc = parseJsonOutput(ccsCutoff);
    expectSame(cutDoc, cut);
    expect((cutDoc.meta as { cutCount: number }).cutCount).toBe(6);
    expectSame(parseJsonOutput(moderate), selectModerate({ features, labels }, { budget: 10 }));
  });

  it('facility location writes indices, gains and weights (JSON and .npy) as the library computes them', async () => {
    const similarity = matrixFromRows(
      Array.from({ length: N }, (_, i) =>
        Array.from(
          { length: N },
          (_, j) => 1 / (1 + Math.abs(features.data[i * 3] - features.data[j * 3])),
        ),
      ),
    );
    scratch.csv('similarity.csv', rows(similarity));
    scratch.csv(
      'groups.csv',
      Array.from(labels, (c) => (c === 0 ? 0 : 1)),
    );
    const [dense, knn, precomputed, grouped, npy, quiet] = await Promise.all([
      run([
        'select',
        'facility-location',
        '--features',
        'features.csv',
        '--budget',
        '5',
        '--out',
        '-',
      ]),
      local([
        'select',
        'facility-location',
        '--features',
        'features.npy',
        '--budget',
        '4',
        '--neighbors',
        '6',
        '--optimizer',
        'stochastic',
        '--seed',
        '5',
        '--out',
        '-',
      ]),
      local([
        'select',
        'facility-location',
        '--similarity',
        'similarity.csv',
        '--budget',
        '3',
        '--out',
        '-',
      ]),
      local([
        'select',
        'facility-location',
        '--features',
        'features.csv',
        '--budget',
        '6',
        '--groups',
        'groups.csv',
        '--out',
        '-',
      ]),
      run([
        'select',
        'facility-location',
        '--features',
        'features.csv',
        '--budget',
        '5',
        '--out',
        'fl.npy',
      ]),
      run([
        'select',
        'facility-location',
        '--features',
        'features.csv',
        '--budget',
        '5',
        '--quiet',
        '--out',
        'quiet.json',
      ]),
    ]);
    const expected = selectFacilityLocation({ features }, { budget: 5 });
    expectSame(parseJsonOutput(dense), expected);
    expect(expected.weights.reduce((a, b) => a + b, 0)).toBe(N);
    expectSame(
      parseJsonOutput(knn),
      selectFacilityLocation(
        { features },
        { budget: 4, neighbors: 6, optimizer: 'stochastic', seed: 5 },
      ),
    );
    expectSame(parseJsonOutput(precomputed), selectFacilityLocation({ similarity }, { budget: 3 }));
    const groups = Int32Array.from(labels, (c) => (c === 0 ? 0 : 1));
    expectSame(
      parseJsonOutput(grouped),
      selectFacilityLocation({ features }, { budget: 6, groups }),
    );

    expect(npy.code).toBe(0);
    expect(npy.stdout).toBe('');
    expect(npy.stderr).toBe('facility-location: selected 5 rows → fl.weights.npy, fl.npy\n');
    const indices = decodeNpy(readFileSync(scratch.path('fl.npy')));
    expect(indices.dtype).toBe('int64');
    expect(Array.from(indices.data as BigInt64Array, Number)).toEqual(Array.from(expected.indices));
    expect(
      Array.from(decodeNpy(readFileSync(scratch.path('fl.weights.npy'))).data as Float64Array),
    ).toEqual(Array.from(expected.weights));

    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const doc = JSON.parse(readFileSync(scratch.path('quiet.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(doc)).toEqual([
      'method',
      'indices',
      'weights',
      'gains',
      'meta',
      'seed',
      'version',
    ]);
    expectSame(doc, expected);
  });

  it('simcore, autocoreset and goracs match the library', async () => {
    const rng = Rng.fromSeed(5);
    const target = matrixFromRows(
      Array.from({ length: 6 }, () => [rng.normal(), rng.normal(), rng.normal()]),
    );
    scratch.csv('target.csv', rows(target));
    const table = Array.from({ length: 40 }, (_, i) => {
      const y = i % 2;
      return [rng.normal() + (y === 1 ? 1.5 : -1.5), rng.normal(), y];
    });
    scratch.csv('table.csv', table);
    const valid = matrixFromRows(
      Array.from({ length: 10 }, () => [rng.normal(), rng.normal(), rng.normal()]),
    );
    scratch.npy('valid.npy', valid.data, [10, 3]);
    const gradNorms = Float64Array.from({ length: N }, () => rng.uniform());
    scratch.csv('grads.csv', Array.from(gradNorms));

    const [simcore, autocoreset, goracs, kmeans] = await Promise.all([
      run([
        'select',
        'simcore',
        '--target',
        'target.csv',
        '--open',
        'features.csv',
        '--budget',
        '5',
        '--clusters',
        '2',
        '--seed',
        '4',
        '--out',
        '-',
      ]),
      run([
        'select',
        'autocoreset',
        '--data',
        'table.csv',
        '--problem',
        'logistic',
        '--size',
        '10',
        '--summarizer',
        'uniform',
        '--seed',
        '1',
        '--out',
        '-',
      ]),
      run([
        'select',
        'goracs',
        '--train',
        'features.npy',
        '--valid',
        'valid.npy',
        '--grad-norms',
        'grads.csv',
        '--budget',
        '4',
        '--max-iters',
        '5',
        '--cut',
        '4',
        '--seed',
        '2',
        '--out',
        '-',
      ]),
      local([
        'select',
        'autocoreset',
        '--data',
        'features.csv',
        '--problem',
        'kmeans',
        '--k',
        '3',
        '--size',
        '8',
        '--summarizer',
        'best-of-k',
        '--best-of-k',
        '5',
        '--out',
        '-',
      ]),
    ]);
    expectSame(
      parseJsonOutput(kmeans),
      await autoCoresetMethod.select(
        { data: features },
        { problem: 'kmeans', k: 3, size: 8, summarizer: 'best-of-k', bestOfK: 5, seed: 0 },
      ),
    );
    expectSame(
      parseJsonOutput(simcore),
      selectSimCore({ target, openSet: features }, { budget: 5, clusters: 2, seed: 4 }),
    );
    const data = matrixFromRows(table.map((r) => r.slice(0, 2)));
    const expected = await autoCoresetMethod.select(
      { data, labels: table.map((r) => r[2]) },
      { problem: 'logistic', size: 10, summarizer: 'uniform', seed: 1 },
    );
    const autoDoc = parseJsonOutput(autocoreset);
    expectSame(autoDoc, expected);
    expect((autoDoc.weights as number[]).length).toBe((autoDoc.indices as number[]).length);
    expectSame(
      parseJsonOutput(goracs),
      await selectGoracs(
        { trainEmbeddings: features, validEmbeddings: valid, gradNorms },
        { budget: 4, maxIters: 5, cut: 4, seed: 2 },
      ),
    );
    expect(existsSync(scratch.path('-'))).toBe(false);
  });
});
