import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CoresetError } from '@coresets/core';

export interface DataDirOptions {
  /** Folder that directly holds the data set's files. Checked first; never falls through when set. */
  readonly dataDir?: string | undefined;
  /**
   * Environment to read `CORESETS_DATA_DIR` from (the data set then lives in
   * `$CORESETS_DATA_DIR/<name>/`). Defaults to `process.env`; tests pass their own.
   */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** How to obtain each known data set, quoted in DATASET_NOT_FOUND messages. */
const HOW_TO_GET: Readonly<Record<string, string>> = {
  'fashion-mnist':
    'Install the Debian package dataset-fashion-mnist, or download the four *-ubyte.gz files from ' +
    'https://github.com/zalandoresearch/fashion-mnist into <dir>/fashion-mnist/ and set CORESETS_DATA_DIR=<dir>.',
  htru2:
    'Download HTRU_2.csv from the UCI Machine Learning Repository (HTRU2, Lyon et al. 2016) into ' +
    '<dir>/htru2/ and set CORESETS_DATA_DIR=<dir>.',
};

/**
 * Finds the folder of data set `name` that contains every file in `files`: the explicit
 * `dataDir`, else `$CORESETS_DATA_DIR/<name>`, else `/usr/share/datasets/<name>` (where Debian's
 * dataset packages install). Throws DATASET_NOT_FOUND listing every place tried.
 */
export function resolveDatasetDir(name: string, files: readonly string[], options: DataDirOptions = {}): string {
  const env = options.env ?? process.env;
  const candidates: { dir: string; why: string }[] = [];
  if (options.dataDir !== undefined) {
    candidates.push({ dir: options.dataDir, why: 'dataDir option' });
  } else {
    const root = env.CORESETS_DATA_DIR;
    if (root !== undefined && root !== '') candidates.push({ dir: join(root, name), why: 'CORESETS_DATA_DIR' });
    candidates.push({ dir: join('/usr/share/datasets', name), why: 'system location' });
  }
  const tried: string[] = [];
  for (const { dir, why } of candidates) {
    const missing = files.filter((f) => !existsSync(join(dir, f)));
    if (missing.length === 0) return dir;
    tried.push(`${dir} (${why}; missing ${missing.join(', ')})`);
  }
  if (options.dataDir === undefined && (env.CORESETS_DATA_DIR ?? '') === '') {
    tried.push('CORESETS_DATA_DIR (not set)');
  }
  const how = HOW_TO_GET[name] ?? `Place the files ${files.join(', ')} in <dir>/${name}/ and set CORESETS_DATA_DIR=<dir>.`;
  throw new CoresetError('DATASET_NOT_FOUND', `Data set "${name}" not found. Looked in: ${tried.join('; ')}. ${how}`, {
    argument: options.dataDir === undefined ? 'CORESETS_DATA_DIR' : 'dataDir',
  });
}
