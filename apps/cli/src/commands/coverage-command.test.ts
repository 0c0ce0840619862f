import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aucPr } from '@coresets/ccs';
import { Rng, matrixFromRows, type Matrix } from '@coresets/core';
import { assertBuilt, createScratch, runBuiltCli, type Scratch } from '../testing/built-cli.js';

let scratch: Scratch;
let reference: Matrix<Float64Array>;
let features: Matrix<Float64Array>;

beforeAll(() => {
  assertBuilt();
  scratch = createScratch();
  const rng = Rng.fromSeed(3);
  const rows = (n: number) => Array.from({ length: n }, () => [rng.normal(), rng.normal()]);
  reference = matrixFromRows(rows(15));
  features = matrixFromRows(rows(30));
  scratch.csv(
    'reference.csv',
    Array.from({ length: 15 }, (_, i) => [reference.data[2 * i], reference.data[2 * i + 1]]),
  );
  scratch.npy('features.npy', features.data, [30, 2]);
  scratch.csv('indices.csv', [4, 9, 20]);
  scratch.text(
    'selection.json',
    JSON.stringify({ method: 'random', indices: [1, 2, 29], meta: {}, seed: 0, version: '0' }),
  );
  scratch.csv('outside.csv', [1, 30]);
});

afterAll(() => scratch.remove());

describe('coresets coverage (built binary)', () => {
  it('prints AUC_pr of a coreset given as a vector file or a selection JSON', async () => {
    const cwd = scratch.dir;
    const [plain, json, outside] = await Promise.all([
      runBuiltCli(
        [
          'coverage',
          '--reference',
          'reference.csv',
          '--features',
          'features.npy',
          '--indices',
          'indices.csv',
        ],
        { cwd },
      ),
      runBuiltCli(
        [
          'coverage',
          '--reference',
          'reference.csv',
          '--features',
          'features.npy',
          '--indices',
          'selection.json',
          '--json',
        ],
        { cwd },
      ),
      runBuiltCli(
        [
          'coverage',
          '--reference',
          'reference.csv',
          '--features',
          'features.npy',
          '--indices',
          'outside.csv',
        ],
        { cwd },
      ),
    ]);
    expect(plain).toEqual({
      code: 0,
      stdout: `${aucPr({ reference, features, indices: [4, 9, 20] })}\n`,
      stderr: '',
    });
    expect(JSON.parse(json.stdout)).toEqual({
      metric: 'auc_pr',
      value: aucPr({ reference, features, indices: [1, 2, 29] }),
      referenceRows: 15,
      coresetSize: 3,
    });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe(
      'coresets: error: --indices: outside.csv: entry 1 is 30, outside the 30 rows of --features\n',
    );
  });
});
