import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { choiceFlag } from '../io/parse-flags.js';
import { packageVersion } from '../version.js';
import { BACKEND_NAMES, initBackendFlag } from './select/common.js';

const PACKAGES = [
  '@coresets/core',
  '@coresets/gradients',
  '@coresets/submodular',
  '@coresets/ccs',
  '@coresets/simcore',
  '@coresets/autocoreset',
  '@coresets/colm',
  '@coresets/goracs',
  '@coresets/eval',
  '@tensorflow/tfjs-core',
];

const DATASETS = ['fashion-mnist', 'htru2'];

/** Candidate data directories in the order every loader searches them. */
export function dataDirCandidates(
  env: NodeJS.ProcessEnv,
  dataDir: string | undefined,
): { source: string; dir: string }[] {
  const out: { source: string; dir: string }[] = [];
  if (dataDir !== undefined) out.push({ source: '--data-dir', dir: dataDir });
  if (env.CORESETS_DATA_DIR !== undefined && env.CORESETS_DATA_DIR !== '') {
    out.push({ source: 'CORESETS_DATA_DIR', dir: env.CORESETS_DATA_DIR });
  }
  out.push({ source: 'debian', dir: '/usr/share/datasets' });
  return out;
}

export function registerInfoCommand(program: Command, context: CliContext): void {
  program
    .command('info')
    .description('backend, versions, threads and the data directories found')
    .option('--data-dir <dir>', 'also look in this data directory')
    .option(
      '--backend <name>',
      `tensor backend: ${BACKEND_NAMES.join('|')} (default: best available)`,
      choiceFlag('--backend', BACKEND_NAMES),
    )
    .action(async (flags: { dataDir?: string; backend?: 'tensorflow' | 'wasm' | 'cpu' }) => {
      const info = await initBackendFlag(flags.backend);
      const lines: string[] = [];
      lines.push(`coresets ${context.version} on Node ${process.version}`);
      lines.push(
        `backend: ${info.name} (${info.packageName}@${info.version ?? 'unknown'}), simd: ${String(info.simd)}, threads: ${String(info.threads)}, gpu: ${String(info.gpu)}`,
      );
      lines.push('packages:');
      for (const name of PACKAGES)
        lines.push(`  ${name.padEnd(24)} ${packageVersion(name) ?? 'not installed'}`);
      lines.push('data sets:');
      for (const name of DATASETS) {
        const found = dataDirCandidates(context.env, flags.dataDir)
          .map(({ source, dir }) => ({ source, path: join(dir, name) }))
          .find(({ path }) => existsSync(path));
        lines.push(
          `  ${name.padEnd(14)} ${found === undefined ? 'not found' : `${found.path} (from ${found.source})`}`,
        );
      }
      context.stdout.write(`${lines.join('\n')}\n`);
    });
}
