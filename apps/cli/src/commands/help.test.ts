import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../cli-context.js';
import { buildProgram } from '../program.js';
import { assertBuilt, runBuiltCli } from '../testing/built-cli.js';

// Each command's --help lists the flags, with the defaults the issue names.
const COMMON: Record<string, string | undefined> = {
  '--out': undefined,
  '--seed': '0',
  '--backend': 'best available',
  '--quiet': undefined,
};
const BUDGET: Record<string, string | undefined> = { '--rate': undefined, '--budget': undefined };

const EXPECTED: Record<string, Record<string, string | undefined>> = {
  'select random': {
    '--n': undefined,
    '--labels': undefined,
    ...BUDGET,
    '--balanced': 'false',
    ...COMMON,
  },
  'select topk': {
    '--scores': undefined,
    '--keep': undefined,
    ...BUDGET,
    '--labels': undefined,
    '--balanced': 'false',
    ...COMMON,
  },
  'select ccs': {
    '--scores': undefined,
    '--cutoff-scores': '--scores',
    '--cutoff-hard': undefined,
    '--hard': undefined,
    ...BUDGET,
    '--beta': 'the β rule for the rate',
    '--strata': '50',
    '--edges': '"exact"',
    ...COMMON,
  },
  'select moderate': { '--features': undefined, '--labels': undefined, ...BUDGET, ...COMMON },
  'select facility-location': {
    '--features': undefined,
    '--similarity': undefined,
    '--budget': undefined,
    '--transform': 'maxMinusSqEuclidean for --features, precomputed for --similarity',
    '--optimizer': '"lazy"',
    '--neighbors': 'dense',
    '--groups': undefined,
    '--epsilon': '0.1',
    ...COMMON,
  },
  'select simcore': {
    '--target': undefined,
    '--open': undefined,
    '--budget': undefined,
    '--ratio': undefined,
    '--clusters': '100',
    '--stop': undefined,
    '--stop-thresh': '0.95',
    '--patience': '20',
    ...COMMON,
  },
  'select autocoreset': {
    '--data': undefined,
    '--label-column': 'last for logistic, svm and linear; none for kmeans',
    '--problem': undefined,
    '--k': undefined,
    '--size': undefined,
    '--summarizer': '"caratheodory"',
    ...COMMON,
  },
  'select goracs': {
    '--train': undefined,
    '--valid': undefined,
    '--grad-norms': 'no gradient term',
    '--lambda': '0.1',
    '--budget': undefined,
    '--max-iters': '100',
    '--cut': '30',
    '--train-labels': undefined,
    '--valid-labels': undefined,
    ...COMMON,
  },
  'score dynamics': {
    '--dataset': undefined,
    '--data-dir': '$CORESETS_DATA_DIR/<name>, then /usr/share/datasets/<name>',
    '--model': '"mlp"',
    '--epochs': '20',
    '--limit': undefined,
    '--batch-size': '128',
    ...COMMON,
  },
  coverage: {
    '--reference': undefined,
    '--features': undefined,
    '--indices': undefined,
    '--json': undefined,
  },
  info: { '--data-dir': undefined, '--backend': 'best available' },
  demo: { '--seed': '0', '--rate': '0.9', '--backend': 'best available', '--quiet': undefined },
};

function program(): Command {
  const context: CliContext = {
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    env: {},
    version: '0.0.0-test',
  };
  return buildProgram(context);
}

function find(root: Command, path: string): Command {
  let command = root;
  for (const name of path.split(' ')) {
    const next = command.commands.find((c) => c.name() === name);
    if (next === undefined) throw new Error(`no command ${path}`);
    command = next;
  }
  return command;
}

describe('--help', () => {
  it('lists every flag of every command, with its default', () => {
    const root = program();
    for (const [path, flags] of Object.entries(EXPECTED)) {
      const command = find(root, path);
      command.configureHelp({ helpWidth: 500 });
      const lines = command.helpInformation().split('\n');
      for (const [flag, defaultValue] of Object.entries(flags)) {
        const line = lines.find(
          (l) =>
            l.trimStart().startsWith(`${flag} `) ||
            l.trim() === flag ||
            l.trimStart().startsWith(`${flag}  `),
        );
        expect(line, `${path} ${flag}`).toBeDefined();
        expect(/\(default: ([^)]*)\)/.exec(line ?? '')?.[1], `${path} ${flag}`).toBe(defaultValue);
      }
    }
  });

  it('names the autocoreset --k default in words (it applies to kmeans only)', () => {
    const command = find(program(), 'select autocoreset');
    command.configureHelp({ helpWidth: 500 });
    expect(command.helpInformation()).toMatch(
      /--k <k> +k-means centres \(kmeans only; default 2\)/,
    );
  });

  it('the built binary prints help on stdout and exits 0', async () => {
    assertBuilt();
    const [ccs, top] = await Promise.all([
      runBuiltCli(['select', 'ccs', '--help'], { cwd: process.cwd() }),
      runBuiltCli(['--help'], { cwd: process.cwd() }),
    ]);
    expect(ccs.code).toBe(0);
    expect(ccs.stdout).toContain('Usage: coresets select ccs [options]');
    expect(ccs.stdout).toMatch(/--strata <k> +number of equal-width strata \(default: 50\)/);
    expect(ccs.stderr).toBe('');
    expect(top.code).toBe(0);
    for (const name of ['select', 'score', 'coverage', 'info', 'demo'])
      expect(top.stdout).toMatch(new RegExp(`\\n  ${name}\\b`));
  });
});
