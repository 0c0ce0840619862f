import { describe, expect, it } from 'vitest';
import { assertBuilt, runBuiltCli } from '../testing/built-cli.js';

describe('coresets demo (built binary)', () => {
  it('runs the whole workflow on embedded data and prints the comparison table', async () => {
    assertBuilt();
    const run = await runBuiltCli(['demo', '--rate', '0.8'], { cwd: process.cwd() });
    expect(run.code).toBe(0);
    const progress = run.stderr.split('\n').filter((l) => l !== '');
    expect(progress[0]).toMatch(/^demo: backend \w+; 2000 training rows/);
    expect(progress).toHaveLength(7);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^pruning rate 0\.8 \(fraction removed\); every model trained for 384 steps/,
    );
    expect(lines[1].split(/ {2,}/)).toEqual([
      'method',
      'coreset size',
      'selection ms',
      'test accuracy',
    ]);
    const rows = lines.slice(3).map((l) => l.trim().split(/ {2,}/));
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['full data', '2000'],
      ['random', '400'],
      ['topk (hardest AUM)', '400'],
      ['ccs (AUM strata)', '400'],
      ['facility location', '400'],
    ]);
    const accuracy = Object.fromEntries(rows.map((r) => [r[0], Number(r[3].replace('%', ''))]));
    // With 20% label noise the hardest-AUM rows are mostly mislabelled; CCS keeps coverage.
    expect(accuracy['ccs (AUM strata)']).toBeGreaterThan(accuracy['topk (hardest AUM)'] + 20);
    expect(accuracy['full data']).toBeGreaterThan(80);
  }, 120_000);
});
