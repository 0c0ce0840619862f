/**
 * Stable error codes. Callers (the CLI, tests, users) branch on `code`, never on message text,
 * so codes are only ever added, not renamed.
 */
export type CoresetErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_OPTION'
  | 'MISSING_OPTION'
  | 'OUT_OF_RANGE'
  | 'SHAPE_MISMATCH'
  | 'NON_FINITE'
  | 'INFEASIBLE'
  | 'UNKNOWN_METHOD'
  | 'DUPLICATE_METHOD'
  | 'PARSE_ERROR'
  | 'UNSUPPORTED_FORMAT'
  | 'FILE_NOT_FOUND'
  | 'IO_ERROR'
  | 'DATASET_NOT_FOUND'
  | 'BACKEND_UNAVAILABLE'
  | 'ABORTED';

export interface CoresetErrorDetails {
  /** The option, argument or flag that was wrong. */
  readonly argument?: string;
  /** The file involved, for I/O errors. */
  readonly file?: string;
  /** 1-based line of a text file where parsing failed. */
  readonly line?: number;
  /** 0-based byte offset of a binary file where parsing failed. */
  readonly byte?: number;
  readonly cause?: unknown;
}

/** The one error type every package throws for bad input or infeasible requests. */
export class CoresetError extends Error {
  override readonly name = 'CoresetError';
  readonly code: CoresetErrorCode;
  readonly argument: string | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly byte: number | undefined;

  constructor(code: CoresetErrorCode, message: string, details: CoresetErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.argument = details.argument;
    this.file = details.file;
    this.line = details.line;
    this.byte = details.byte;
  }
}

export function isCoresetError(value: unknown, code?: CoresetErrorCode): value is CoresetError {
  return value instanceof CoresetError && (code === undefined || value.code === code);
}
