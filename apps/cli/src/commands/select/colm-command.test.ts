import { existsSync, readFileSync } from 'node:fs';
import { colmSelect } from '@coresets/colm';
import { Rng } from '@coresets/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, createScratch, parseJsonOutput, runBuiltCli, type Scratch } from '../../testing/built-cli.js';

// Two pool steps through the built binary, the Adam state carried in a file, must equal two
// library calls with the normaliser state passed along in memory.

let scratch: Scratch;
const B = 30;
const D = 12;
let features: Float64Array;
let sources: Int32Array;

beforeAll(() => {
  assertBuilt();
  scratch = createScratch('coresets-cli-colm-');
  const rng = Rng.fromSeed(3);
  features = rng.fillNormal(new Float64Array(B * D));
  sources = Int32Array.from({ length: B }, (_, i) => (i < 16 ? 0 : i < 27 ? 1 : 2));
  scratch.npy('features.npy', features, [B, D]);
  scratch.csv('sources.csv', Array.from(sources));
  scratch.csv('sizes.csv', [4000, 3000, 40]);
});

afterAll(() => scratch.remove());

describe('coresets select colm (built binary)', () => {
  it('matches the library step by step and carries the Adam state in --state', async () => {
    const args = ['select', 'colm', '--features', 'features.npy', '--sources', 'sources.csv', '--budget', '12', '--source-sizes', 'sizes.csv', '--sparsity', '4', '--state', 'adam.json', '--seed', '1', '--out', '-'];
    const first = await runBuiltCli(args, { cwd: scratch.dir });
    expect(first.code).toBe(0);
    expect(existsSync(scratch.path('adam.json'))).toBe(true);
    const second = await runBuiltCli(args, { cwd: scratch.dir });
    expect(second.code).toBe(0);

    const opts = { budget: 12, sourceSizes: [4000, 3000, 40], sparsity: 4, seed: 1 };
    const input = { features: { rows: B, cols: D, data: features }, sources };
    const a = await colmSelect(input, opts);
    const b = await colmSelect(input, { ...opts, normalizer: JSON.stringify(a.meta.normalizerState) });
    expect(parseJsonOutput(first).indices).toEqual(Array.from(a.indices));
    expect(parseJsonOutput(second).indices).toEqual(Array.from(b.indices));
    // The small source (id 2, below the mean size) is kept whole, first.
    expect(Array.from(a.indices.subarray(0, 3))).toEqual([27, 28, 29]);
    const state = JSON.parse(readFileSync(scratch.path('adam.json'), 'utf8')) as { step: number };
    expect(state.step).toBe(2);
  });

  it('rejects mismatched files and bad source lists with the flag named, writing nothing', async () => {
    scratch.csv('short.csv', [0, 1, 2]);
    const mismatch = await runBuiltCli(['select', 'colm', '--features', 'features.npy', '--sources', 'short.csv', '--budget', '5', '--out', 'x.json'], { cwd: scratch.dir });
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toMatch(/--sources.*3 rows.*--features has 30/);
    const bad = await runBuiltCli(['select', 'colm', '--features', 'features.npy', '--sources', 'sources.csv', '--budget', '5', '--small-sources', '1,a', '--out', 'x.json'], { cwd: scratch.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--small-sources');
    expect(existsSync(scratch.path('x.json'))).toBe(false);
  });
});
