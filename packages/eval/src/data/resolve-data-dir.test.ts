import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCoresetError } from '@coresets/core';
import { describe, expect, it } from 'vitest';
import { resolveDatasetDir } from './resolve-data-dir.js';

function root(withFiles: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'data-'));
  mkdirSync(join(dir, 'htru2'));
  if (withFiles) writeFileSync(join(dir, 'htru2', 'HTRU_2.csv'), '');
  return dir;
}

describe('resolveDatasetDir', () => {
  it('uses the explicit option first, then CORESETS_DATA_DIR/<name>', () => {
    const a = root(true);
    const b = root(true);
    expect(resolveDatasetDir('htru2', ['HTRU_2.csv'], { dataDir: join(a, 'htru2'), env: { CORESETS_DATA_DIR: b } })).toBe(
      join(a, 'htru2'),
    );
    expect(resolveDatasetDir('htru2', ['HTRU_2.csv'], { env: { CORESETS_DATA_DIR: b } })).toBe(join(b, 'htru2'));
  });

  it('raises DATASET_NOT_FOUND listing every place it looked and how to get the data', () => {
    const empty = root(false);
    try {
      resolveDatasetDir('htru2', ['HTRU_2.csv'], { env: { CORESETS_DATA_DIR: empty } });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'DATASET_NOT_FOUND')).toBe(true);
      const message = (e as Error).message;
      expect(message).toContain(join(empty, 'htru2'));
      expect(message).toContain('/usr/share/datasets/htru2');
      expect(message).toContain('UCI');
    }
    // An explicit directory never falls through to other places.
    try {
      resolveDatasetDir('fashion-mnist', ['x.gz'], { dataDir: empty, env: {} });
      expect.unreachable();
    } catch (e) {
      expect(isCoresetError(e, 'DATASET_NOT_FOUND') && e.argument).toBe('dataDir');
      expect((e as Error).message).not.toContain('/usr/share');
      expect((e as Error).message).toContain('dataset-fashion-mnist');
    }
    expect(() => resolveDatasetDir('htru2', ['HTRU_2.csv'], { env: {} })).toThrow(/CORESETS_DATA_DIR \(not set\)/);
  });
});
