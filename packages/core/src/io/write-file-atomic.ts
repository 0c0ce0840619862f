import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CoresetError } from '../errors/coreset-error.js';
import { fileError } from './internal/read-file.js';

/**
 * Writes `data` to `path` so that readers see either the old file or the complete new one, never
 * a partial write: the bytes go to `<dir>/.<name>.<pid>.<random>.tmp` in the same directory (so
 * the rename cannot cross file systems), are flushed, and the temp file is renamed over `path`.
 * On any failure the temp file is removed and `path` is left untouched. The random suffix only
 * keeps concurrent writers apart; it has nothing to do with model randomness.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  if (typeof path !== 'string' || path.length === 0) {
    throw new CoresetError('INVALID_ARGUMENT', 'writeFileAtomic: path must be a non-empty string', {
      argument: 'path',
    });
  }
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      'writeFileAtomic: data must be a string or a Uint8Array',
      {
        argument: 'data',
      },
    );
  }
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  let created = false;
  try {
    // `wx` refuses to reuse an existing file, so two writers can never share a temp file.
    const fd = openSync(temp, 'wx');
    created = true;
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length)
        written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    created = false;
  } catch (error) {
    if (created) {
      try {
        unlinkSync(temp);
      } catch {
        // The original error is the one worth reporting; a leftover temp file is named in it.
      }
    }
    throw fileError(error, path, 'path', 'write');
  }
}

export interface WriteJsonOptions {
  /** Spaces of indentation; 0 writes one line. */
  readonly indent?: number | undefined;
}

export const DEFAULT_WRITE_JSON_OPTIONS: { readonly indent: number } = { indent: 2 };

/**
 * Writes `value` as JSON (plus a final newline) atomically. Typed arrays are written as plain
 * arrays. Non-finite numbers throw `NON_FINITE` instead of becoming `null` the way
 * `JSON.stringify` would silently write them.
 */
export function writeJsonAtomic(
  path: string,
  value: unknown,
  options: WriteJsonOptions = {},
): void {
  const indent = options.indent ?? DEFAULT_WRITE_JSON_OPTIONS.indent;
  if (!Number.isInteger(indent) || indent < 0 || indent > 10) {
    throw new CoresetError(
      'OUT_OF_RANGE',
      `writeJsonAtomic: indent must be an integer in [0, 10], got ${indent}`,
      {
        argument: 'indent',
      },
    );
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(value, jsonReplacer, indent);
  } catch (error) {
    if (error instanceof CoresetError) throw error;
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `writeJsonAtomic: value cannot be written as JSON: ${String(error)}`,
      {
        argument: 'value',
        cause: error,
      },
    );
  }
  if (text === undefined) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `writeJsonAtomic: a ${typeof value} cannot be written as JSON`,
      {
        argument: 'value',
      },
    );
  }
  writeFileAtomic(path, `${text}\n`);
}

function jsonReplacer(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new CoresetError(
      'NON_FINITE',
      `writeJsonAtomic: ${key === '' ? 'value' : `"${key}"`} is ${value}, which JSON cannot represent`,
      {
        argument: 'value',
      },
    );
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    if (value instanceof BigInt64Array || value instanceof BigUint64Array) {
      return Array.from(value, (v) => safeBigInt(v, key));
    }
    return Array.from(value as unknown as ArrayLike<number>);
  }
  if (typeof value === 'bigint') return safeBigInt(value, key);
  return value;
}

function safeBigInt(v: bigint, key: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) {
    throw new CoresetError('OUT_OF_RANGE', `writeJsonAtomic: "${key}" holds ${v}, beyond ±2^53`, {
      argument: 'value',
    });
  }
  return n;
}
