import type { Command } from 'commander';
import {
  initBackend,
  type BackendInfo,
  type SelectionResult,
  type ProgressCallback,
} from '@coresets/core';
import { translateOptionError } from '../../io/option-flags.js';
import type { CliContext } from '../../cli-context.js';
import { choiceFlag, integerFlag } from '../../io/parse-flags.js';
import { writeSelection } from '../../io/write-selection.js';
import { createProgressReporter } from '../../progress/progress-reporter.js';

export const BACKEND_NAMES = ['tensorflow', 'wasm', 'cpu'] as const;

export interface CommonSelectFlags {
  readonly out: string;
  readonly seed: number;
  readonly backend?: (typeof BACKEND_NAMES)[number];
  readonly quiet?: boolean;
}

/** The flags every `select <method>` command takes. */
export function addCommonSelectFlags(command: Command): Command {
  return command
    .requiredOption(
      '--out <file>',
      'where to write the selection: file.json, file.npy, or - for JSON on stdout',
    )
    .option('--seed <n>', 'seed for every random choice', integerFlag('--seed'), 0)
    .option(
      '--backend <name>',
      `tensor backend: ${BACKEND_NAMES.join('|')} (default: best available)`,
      choiceFlag('--backend', BACKEND_NAMES),
    )
    .option('--quiet', 'no progress output on stderr');
}

/** Initialises tfjs (the named backend, or the best available); failures name --backend. */
export async function initBackendFlag(
  backend: (typeof BACKEND_NAMES)[number] | undefined,
): Promise<BackendInfo> {
  try {
    return await initBackend(backend === undefined ? {} : { prefer: backend });
  } catch (error) {
    throw translateOptionError(error, { prefer: '--backend' });
  }
}

/**
 * Runs one selection: backend (when asked for), progress bar, the method, then an atomic write.
 * Nothing is written when the method throws.
 */
export async function runSelection(
  context: CliContext,
  method: string,
  flags: CommonSelectFlags,
  select: (onProgress: ProgressCallback) => Promise<SelectionResult> | SelectionResult,
): Promise<void> {
  if (flags.backend !== undefined) await initBackendFlag(flags.backend);
  const progress = createProgressReporter(context.stderr, flags.quiet === true);
  let result: SelectionResult;
  try {
    result = await select(progress.onProgress);
  } finally {
    progress.stop();
  }
  const written = writeSelection(
    flags.out,
    { method, result, seed: flags.seed, version: context.version },
    context.stdout,
  );
  if (flags.quiet !== true && flags.out !== '-') {
    context.stderr.write(
      `${method}: selected ${result.indices.length} rows → ${written.join(', ')}\n`,
    );
  }
}
