import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { runSuite } from './run-suite.js';
import { formatMs } from './report/markdown.js';
import { SUITES } from './suites/registry.js';

const program = new Command('coresets-bench')
  .description('Reproduction suites and speed benchmarks for the coresets methods; writes report.md, results.json and SVG plots.')
  .argument('<suite>', `one of ${[...SUITES.map((s) => s.name), 'all'].join(', ')}`)
  .option('--quick', 'the small CI profile (each suite under 3 minutes)')
  .option('--seeds <n>', 'seeds per cell', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
    return n;
  })
  .option('--data-dir <dir>', 'data directory (else CORESETS_DATA_DIR, then /usr/share/datasets)')
  .option('--out <dir>', 'output directory (default: reports/<suite>; with all: <out>/<suite>)')
  .option('--quiet', 'no progress output')
  .action(async (name: string, flags: { quick?: boolean; seeds?: number; dataDir?: string; out?: string; quiet?: boolean }) => {
    const chosen = name === 'all' ? SUITES : SUITES.filter((s) => s.name === name);
    if (chosen.length === 0) {
      throw new InvalidArgumentError(`unknown suite "${name}"; known: ${[...SUITES.map((s) => s.name), 'all'].join(', ')}`);
    }
    const quick = flags.quick === true;
    for (const suite of chosen) {
      const outDir =
        flags.out === undefined
          ? resolve('reports', quick ? `${suite.name}-quick` : suite.name)
          : name === 'all'
            ? resolve(flags.out, suite.name)
            : resolve(flags.out);
      const command = `coresets-bench ${process.argv.slice(2).join(' ')}`;
      const { wallMs } = await runSuite(suite, {
        quick,
        seeds: flags.seeds ?? (quick ? 1 : 3),
        dataDir: flags.dataDir,
        outDir,
        quiet: flags.quiet === true,
        command,
      });
      console.error(`${suite.name}: report written to ${outDir}/report.md in ${formatMs(wallMs)}`);
    }
  });

try {
  await program.parseAsync();
} catch (error) {
  console.error(`coresets-bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
