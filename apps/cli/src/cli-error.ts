import { CoresetError, isCoresetError } from '@coresets/core';

/** Exit codes: 0 success, 1 unexpected failure, 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** An input problem attributed to a flag, e.g. `--features data.npy: row 3 has a NaN`. */
export function flagError(
  flag: string,
  message: string,
  code: CoresetError['code'] = 'INVALID_ARGUMENT',
): CoresetError {
  return new CoresetError(code, `${flag}: ${message}`, { argument: flag });
}

/** Re-attributes a library error to the flag whose value caused it. */
export function attributeToFlag(flag: string, error: unknown): unknown {
  if (isCoresetError(error) && !error.message.startsWith(flag)) {
    // The reader's own name ("readVectorFile: ") means nothing on the command line.
    const message = error.message.replace(/^[a-z][A-Za-z]*: /, '');
    return new CoresetError(error.code, `${flag}: ${message}`, {
      argument: flag,
      ...(error.file === undefined ? {} : { file: error.file }),
      ...(error.line === undefined ? {} : { line: error.line }),
      cause: error,
    });
  }
  return error;
}

/** One line for stderr and the exit code for an error thrown by a command. */
export function describeFailure(error: unknown): { line: string; exitCode: number } {
  if (isCoresetError(error)) {
    return {
      line: `coresets: error: ${error.message}`,
      exitCode: error.code === 'ABORTED' ? EXIT_FAILURE : EXIT_USAGE,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { line: `coresets: unexpected error: ${message}`, exitCode: EXIT_FAILURE };
}
