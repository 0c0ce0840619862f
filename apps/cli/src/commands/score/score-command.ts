import type { Command } from 'commander';
import { CoresetError } from '@coresets/core';
import type { CliContext } from '../../cli-context.js';
import { registerDynamicsCommand } from './dynamics-command.js';

/** `coresets score <kind>`: per-example scores that selection methods read with --scores. */
export function registerScoreCommand(program: Command, context: CliContext): Command {
  const score = program
    .command('score')
    .description('compute per-example scores by training a model')
    .argument('[kind]', 'the kind of score (see the commands below)');
  registerDynamicsCommand(score, context);
  // Reached only when the first operand names no sub-command (see select-command.ts).
  score.allowUnknownOption().allowExcessArguments();
  score.action((kind: string | undefined) => {
    const known = score.commands.map((c) => c.name()).join(', ');
    if (kind === undefined) {
      throw new CoresetError('MISSING_OPTION', `score: name a kind of score (known: ${known})`, {
        argument: 'kind',
      });
    }
    throw new CoresetError('UNKNOWN_METHOD', `score: unknown kind "${kind}" (known: ${known})`, {
      argument: 'kind',
    });
  });
  return score;
}
