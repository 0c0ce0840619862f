import { Command } from 'commander';
import type { CliContext } from './cli-context.js';
import { registerCoverageCommand } from './commands/coverage-command.js';
import { registerDemoCommand } from './commands/demo-command.js';
import { registerInfoCommand } from './commands/info-command.js';
import { registerScoreCommand } from './commands/score/score-command.js';
import { registerSelectCommand } from './commands/select/select-command.js';

/** The whole command tree. Commander handles parsing, help and usage errors. */
export function buildProgram(context: CliContext): Command {
  const program = new Command('coresets')
    .description('Select small, weighted subsets of training data (coresets) from your own files.')
    .version(context.version)
    .showHelpAfterError(false)
    .exitOverride();

  const select = registerSelectCommand(program, context);
  const score = registerScoreCommand(program, context);
  registerCoverageCommand(program, context);
  registerInfoCommand(program, context);
  registerDemoCommand(program, context);
  // Sub-commands inherit output settings and exit behaviour; usage errors get the same prefix as
  // every other error, so each failure is one `coresets: error: …` line.
  for (const command of [program, ...program.commands, ...select.commands, ...score.commands]) {
    command.exitOverride().configureOutput({
      writeOut: (s) => context.stdout.write(s),
      writeErr: (s) => context.stderr.write(s),
      outputError: (s, write) => write(`coresets: ${s}`),
    });
  }
  return program;
}
