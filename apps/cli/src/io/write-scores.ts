import { basename, dirname, extname, join } from 'node:path';
import { CoresetError, encodeNpy, writeFileAtomic, writeJsonAtomic } from '@coresets/core';
import type { Score } from '@coresets/ccs';

/** Rejects an --out that `writeScores` cannot write, before any long computation. */
export function checkScoresOut(out: string): void {
  const ext = extname(out).toLowerCase();
  if (out !== '-' && ext !== '.json' && ext !== '.npy') {
    throw new CoresetError(
      'UNSUPPORTED_FORMAT',
      `--out: "${out}" must end in .json or .npy (or be - for stdout)`,
      {
        argument: '--out',
      },
    );
  }
}

/**
 * Writes named scores: `-` → JSON on stdout; `*.json` → `{ scores, hard, meta, seed, version }`
 * with one array per score and each score's hard end; `*.npy` → one float64 file per score,
 * `<name>.<score>.npy`. Everything is computed before the first write; each file is atomic.
 */
export function writeScores(
  out: string,
  scores: readonly Score[],
  extra: { meta: Record<string, unknown>; seed: number; version: string },
  stdout: NodeJS.WritableStream,
): string[] {
  const ext = extname(out).toLowerCase();
  if (out === '-' || ext === '.json') {
    const doc = {
      scores: Object.fromEntries(scores.map((s) => [s.name, Array.from(s.values)])),
      hard: Object.fromEntries(scores.map((s) => [s.name, s.hard])),
      meta: extra.meta,
      seed: extra.seed,
      version: extra.version,
    };
    if (out === '-') {
      stdout.write(`${JSON.stringify(doc)}\n`);
      return [];
    }
    writeJsonAtomic(out, doc);
    return [out];
  }
  if (ext === '.npy') {
    const stem = join(dirname(out), basename(out, extname(out)));
    const files = scores.map((s) => ({
      path: `${stem}.${s.name}.npy`,
      bytes: encodeNpy({ data: s.values, shape: [s.values.length] }),
    }));
    for (const f of files) writeFileAtomic(f.path, f.bytes);
    return files.map((f) => f.path);
  }
  checkScoresOut(out);
  return [];
}
