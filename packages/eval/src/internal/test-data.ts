// Test-only helpers for tests that need the real data sets.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data root for real-data tests, or undefined when the files are absent locally (tests then
 * skip). Under CI=true a missing data set is a failure, never a skip.
 */
export function realDataRoot(name: string, file: string): string | undefined {
  const root = process.env.CORESETS_DATA_DIR;
  const present = root !== undefined && root !== '' && existsSync(join(root, name, file));
  if (!present && process.env.CI === 'true') {
    throw new Error(`CI=true but ${name}/${file} is not under CORESETS_DATA_DIR (${root ?? 'unset'})`);
  }
  return present ? root : undefined;
}
