import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultsCache } from './results-cache.js';

const dirs: string[] = [];
function file(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cache-'));
  dirs.push(dir);
  return join(dir, 'results.json');
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ResultsCache', () => {
  it('persists each cell at once and reuses it in a later run with the same settings', async () => {
    const path = file();
    const first = new ResultsCache(path, 'demo', { n: 1 }, { cpu: 'x' });
    let calls = 0;
    expect(await first.cell('a', () => ++calls)).toBe(1);
    expect(await first.cell('a', () => ++calls)).toBe(1);
    expect(calls).toBe(1);
    // Written to disk before the run ends (an interrupted run keeps it).
    expect(JSON.parse(readFileSync(path, 'utf8')).cells).toEqual({ a: 1 });

    const resumed = new ResultsCache(path, 'demo', { n: 1 }, { cpu: 'y' });
    expect(await resumed.cell('a', () => ++calls)).toBe(1);
    expect(resumed.reused).toBe(1);
    expect(calls).toBe(1);
  });

  it('discards cells computed under other settings or for another suite', async () => {
    const path = file();
    await new ResultsCache(path, 'demo', { n: 1 }, {}).cell('a', () => 'old');
    const changed = new ResultsCache(path, 'demo', { n: 2 }, {});
    expect(changed.has('a')).toBe(false);
    expect(await changed.cell('a', () => 'new')).toBe('new');
    const other = new ResultsCache(path, 'other', { n: 2 }, {});
    expect(other.has('a')).toBe(false);
  });
});
