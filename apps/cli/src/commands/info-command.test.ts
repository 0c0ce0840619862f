import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, createScratch, runBuiltCli, type Scratch } from '../testing/built-cli.js';

let scratch: Scratch;

beforeAll(() => {
  assertBuilt();
  scratch = createScratch();
  mkdirSync(join(scratch.dir, 'fashion-mnist'));
});

afterAll(() => scratch.remove());

describe('coresets info (built binary)', () => {
  it('reports the backend, package versions and where each data set was found', async () => {
    const run = await runBuiltCli(['info', '--backend', 'cpu'], {
      cwd: scratch.dir,
      env: { CORESETS_DATA_DIR: scratch.dir },
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^coresets 0\.1\.0 on Node v\d+/);
    expect(lines[1]).toMatch(
      /^backend: cpu \(@tensorflow\/tfjs-backend-cpu@4\.\d+\.\d+\), simd: .*, threads: \d+, gpu: false$/,
    );
    expect(lines).toContain('  @coresets/ccs            0.1.0');
    expect(lines).toContain(
      `  fashion-mnist  ${join(scratch.dir, 'fashion-mnist')} (from CORESETS_DATA_DIR)`,
    );
  });
});
