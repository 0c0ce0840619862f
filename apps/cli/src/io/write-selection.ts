import { basename, dirname, extname, join } from 'node:path';
import {
  CoresetError,
  encodeNpy,
  writeFileAtomic,
  writeJsonAtomic,
  type SelectionResult,
} from '@coresets/core';

export interface SelectionOutput {
  readonly method: string;
  readonly result: SelectionResult;
  readonly seed: number;
  readonly version: string;
}

/** The JSON document the CLI writes: plain arrays, meta included. */
export function selectionToJson(output: SelectionOutput): Record<string, unknown> {
  const { result } = output;
  const doc: Record<string, unknown> = {
    method: output.method,
    indices: Array.from(result.indices),
  };
  if (result.weights !== undefined) doc.weights = Array.from(result.weights);
  if (result.gains !== undefined) doc.gains = Array.from(result.gains);
  if (result.scores !== undefined) doc.scores = Array.from(result.scores);
  doc.meta = plain(result.meta);
  doc.seed = output.seed;
  doc.version = output.version;
  return doc;
}

/**
 * Writes to `out`: `-` → JSON on stdout; `*.json` → JSON file; `*.npy` → int64 indices, plus
 * `<name>.weights.npy` when the result has weights. Files are written atomically.
 */
export function writeSelection(
  out: string,
  output: SelectionOutput,
  stdout: NodeJS.WritableStream,
): string[] {
  if (out === '-') {
    stdout.write(`${JSON.stringify(selectionToJson(output))}\n`);
    return [];
  }
  const ext = extname(out).toLowerCase();
  if (ext === '.json') {
    writeJsonAtomic(out, selectionToJson(output));
    return [out];
  }
  if (ext === '.npy') {
    const written: string[] = [];
    const { result } = output;
    if (result.weights !== undefined) {
      const weightsPath = join(dirname(out), `${basename(out, extname(out))}.weights.npy`);
      writeFileAtomic(
        weightsPath,
        encodeNpy({ data: result.weights, shape: [result.weights.length] }),
      );
      written.push(weightsPath);
    }
    writeFileAtomic(
      out,
      encodeNpy({ data: result.indices, shape: [result.indices.length], dtype: 'int64' }),
    );
    written.push(out);
    return written;
  }
  throw new CoresetError(
    'UNSUPPORTED_FORMAT',
    `--out: "${out}" must end in .json or .npy (or be - for stdout)`,
    {
      argument: '--out',
    },
  );
}

/** Typed arrays → arrays and non-finite numbers → null, so meta is valid JSON. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (v) =>
      Number.isFinite(v) ? v : null,
    );
  }
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (typeof v !== 'function') out[k] = plain(v);
    return out;
  }
  return value;
}
