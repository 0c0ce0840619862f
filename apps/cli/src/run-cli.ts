import { CommanderError } from 'commander';
import type { CliContext } from './cli-context.js';
import { EXIT_OK, EXIT_USAGE, describeFailure } from './cli-error.js';
import { buildProgram } from './program.js';

/** Parses and runs one command line; returns the exit code instead of exiting. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message (or the help / version text).
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    const failure = describeFailure(error);
    context.stderr.write(`${failure.line}\n`);
    return failure.exitCode;
  }
}
