import { readFileSync } from 'node:fs';
import { CoresetError } from '../../errors/coreset-error.js';

/**
 * Reads a whole file, turning Node's errno errors into `CoresetError`s so callers can branch on
 * `code` (a missing input file is a user mistake, not an internal failure).
 */
export function readFileBytes(path: string, argument = 'path'): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw fileError(error, path, argument, 'read');
  }
}

export function readFileText(path: string, argument = 'path'): string {
  const bytes = readFileBytes(path, argument);
  // A UTF-8 byte-order mark is invisible in editors but would otherwise become part of the
  // first cell or token.
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Maps an fs error to FILE_NOT_FOUND (ENOENT, ENOTDIR) or IO_ERROR, keeping the original as `cause`. */
export function fileError(
  error: unknown,
  path: string,
  argument: string,
  action: string,
): CoresetError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new CoresetError('FILE_NOT_FOUND', `cannot ${action} "${path}": no such file`, {
      argument,
      file: path,
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new CoresetError('IO_ERROR', `cannot ${action} "${path}": ${reason}`, {
    argument,
    file: path,
    cause: error,
  });
}
