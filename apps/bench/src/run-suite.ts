import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { backendInfo, initBackend, writeFileAtomic } from '@coresets/core';
import { describeMachine } from './machine.js';
import { createBenchProgress } from './progress-bar.js';
import { formatMs } from './report/markdown.js';
import { ResultsCache } from './results-cache.js';
import type { Suite } from './suite.js';

export interface RunSuiteOptions {
  readonly quick: boolean;
  readonly seeds: number;
  readonly dataDir: string | undefined;
  readonly outDir: string;
  readonly quiet: boolean;
  readonly command: string;
  readonly signal?: AbortSignal;
}

/** Runs one suite, resuming from its results.json, and writes report.md and the SVG plots. */
export async function runSuite(suite: Suite, options: RunSuiteOptions): Promise<{ wallMs: number }> {
  mkdirSync(options.outDir, { recursive: true });
  if (backendInfo() === undefined) await initBackend();
  const environment = describeMachine(backendInfo());
  const settings = suite.settings(options.quick, options.seeds);
  const cache = new ResultsCache(join(options.outDir, 'results.json'), suite.name, settings, environment);
  const progress = createBenchProgress(suite.name, suite.totalUnits(options.quick, options.seeds), options.quiet);
  const loadStart = loadavg()[0];
  const t0 = performance.now();
  let report;
  try {
    report = await suite.run({
      quick: options.quick,
      seeds: options.seeds,
      dataDir: options.dataDir,
      outDir: options.outDir,
      cache,
      tick: progress.tick,
      log: (line) => {
        if (!options.quiet) process.stderr.write(`[${suite.name}] ${line}\n`);
      },
      signal: options.signal,
    });
  } finally {
    progress.stop();
  }
  const wallMs = performance.now() - t0;
  cache.save();
  for (const [name, svg] of Object.entries(report.svgs)) writeFileSync(join(options.outDir, name), svg);
  const env = environment as { cpuModel: string; cores: number; node: string; backend: { name: string } | null };
  const header = [
    `# Bench report: ${suite.name}${options.quick ? ' (quick profile)' : ''}`,
    '',
    suite.description,
    '',
    `- Command: \`${options.command}\``,
    `- Wall time of this run: ${formatMs(wallMs)} (cells reused from an earlier run: ${cache.reused}; total compute time of all cells: ${formatMs(cache.totalCellTimeMs())})`,
    `- Machine: ${env.cpuModel}, ${env.cores} cores, Node ${env.node}, tfjs backend ${env.backend?.name ?? 'none'}; 1-minute load average ${loadStart.toFixed(1)} at the start of this run, ${loadavg()[0].toFixed(1)} at the end (other work on the machine inflates times)`,
    `- Settings: \`${JSON.stringify(settings)}\``,
    '- Raw numbers: `results.json` beside this file.',
    '',
  ].join('\n');
  writeFileAtomic(join(options.outDir, 'report.md'), `${header}\n${report.markdown}\n`);
  return { wallMs };
}
