import type { Command } from 'commander';
import { CoresetError } from '@coresets/core';
import type { CliContext } from '../../cli-context.js';
import { registerAutoCoresetCommand } from './autocoreset-command.js';
import { registerCcsCommand } from './ccs-command.js';
import { registerColmCommand } from './colm-command.js';
import { registerFacilityLocationCommand } from './facility-location-command.js';
import { registerGoracsCommand } from './goracs-command.js';
import { registerModerateCommand } from './moderate-command.js';
import { registerRandomCommand } from './random-command.js';
import { registerSimCoreCommand } from './simcore-command.js';
import { registerTopKCommand } from './topk-command.js';

/** `coresets select <method>`: one sub-command per method. */
export function registerSelectCommand(program: Command, context: CliContext): Command {
  const select = program
    .command('select')
    .description(
      'select a subset with one method; inputs are .npy, .csv, .tsv, .json or .jsonl files',
    )
    .argument('[method]', 'the selection method (see the commands below)');
  registerRandomCommand(select, context);
  registerTopKCommand(select, context);
  registerCcsCommand(select, context);
  registerModerateCommand(select, context);
  registerFacilityLocationCommand(select, context);
  registerSimCoreCommand(select, context);
  registerAutoCoresetCommand(select, context);
  registerColmCommand(select, context);
  registerGoracsCommand(select, context);
  // Reached only when the first operand names no sub-command; the method's flags that follow an
  // unknown name must not hide the real problem, so they are accepted here (set after the
  // sub-commands were added, which therefore keep rejecting unknown flags).
  select.allowUnknownOption().allowExcessArguments();
  select.action((method: string | undefined) => {
    const known = select.commands.map((c) => c.name()).join(', ');
    if (method === undefined) {
      throw new CoresetError('MISSING_OPTION', `select: name a method (known: ${known})`, {
        argument: 'method',
      });
    }
    throw new CoresetError(
      'UNKNOWN_METHOD',
      `select: unknown method "${method}" (known: ${known})`,
      { argument: 'method' },
    );
  });
  return select;
}
