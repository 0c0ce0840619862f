import { CoresetError, isCoresetError } from '@coresets/core';

/** Library option name → the CLI flag that sets it, e.g. `{ cutoffHard: '--cutoff-hard' }`. */
export type OptionFlagMap = Readonly<Record<string, string>>;

/**
 * Rewrites a method's CoresetError in the CLI's terms: option names become flag names, the
 * method's own "ccs: " context goes, and the line starts with the flag at fault, so
 * `budget must be an integer in [1, 4], got 9` reads `--budget: must be an integer in [1, 4], got 9`.
 */
export function translateOptionError(error: unknown, flags: OptionFlagMap): unknown {
  if (!isCoresetError(error) || error.message.startsWith('--')) return error;
  const flag = error.argument === undefined ? undefined : flags[error.argument];
  let message = error.message.replace(/^(?:[a-z][\w -]*: )+/i, '');
  if (error.argument !== undefined && flag !== undefined) {
    // The subject of the sentence is the flag named in front of it.
    message = message.replace(new RegExp(`^"?${escape(error.argument)}"?(?:\\[|\\s)`), (m) =>
      m.endsWith('[') ? '[' : '',
    );
  }
  // Quoted names and camelCase identifiers are option names; a bare lower-case word may be prose
  // ("the pruning rate"), so it stays. Longest first, so `cutoffScores` is not cut at `scores`.
  for (const name of Object.keys(flags).sort((a, b) => b.length - a.length)) {
    const pattern = /[A-Z]/.test(name) ? `"?${escape(name)}"?` : `"${escape(name)}"`;
    message = message.replace(new RegExp(`(?<![\\w-])${pattern}(?![\\w-])`, 'g'), flags[name]);
  }
  const line =
    flag === undefined ? message : `${flag}${message.startsWith('[') ? '' : ': '}${message}`;
  return new CoresetError(error.code, line, {
    ...(flag === undefined ? {} : { argument: flag }),
    ...(error.file === undefined ? {} : { file: error.file }),
    cause: error,
  });
}

/** Runs `fn`, translating any CoresetError it throws with `translateOptionError`. */
export async function withOptionFlags<T>(
  flags: OptionFlagMap,
  fn: () => T | Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw translateOptionError(error, flags);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
