import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Suite, SuiteContext, SuiteReport } from '../../suite.js';
import { loadCcsData } from './ccs-data.js';
import { ccsProfile, cellKey, modelFromEnv, percent, trainingCells } from './ccs-profile.js';
import { ccsReport } from './ccs-report.js';
import { collectCoverage, type MethodRateResult } from './ccs-results.js';
import { trainOnCoreset, type TrainingCell } from './coreset-training.js';
import { runScoreModel, type ScoreRunCell } from './score-run.js';

/**
 * Issue #7: CCS against random, hardest-first and Moderate coresets on Fashion-MNIST, with
 * ablations, AUC_pr coverage and the paper's CIFAR-10 table beside ours. Seeds are not part of
 * the settings (cells are keyed by seed), so `--seeds 2` reuses the first two seeds of a run.
 */
export const ccsSuite: Suite = {
  name: 'ccs',
  description:
    'Coverage-centric coreset selection (Zheng et al., ICLR 2023) vs random, hardest-first (entropy, forgetting, EL2N, AUM) and Moderate coresets on Fashion-MNIST: one full-data score run recording training dynamics, then a fresh model per coreset with the same iteration budget at every pruning rate.',
  settings: (quick) => ({ ...ccsProfile(quick, modelFromEnv()) }),
  totalUnits: (quick, seeds) => 1 + trainingCells(ccsProfile(quick, modelFromEnv()), seeds).length,
  async run(ctx: SuiteContext): Promise<SuiteReport> {
    const profile = ccsProfile(ctx.quick, modelFromEnv());
    const data = loadCcsData(profile, ctx.dataDir);
    const score = await ctx.cache.cell<ScoreRunCell>('score-run', () =>
      runScoreModel(profile, data, ctx.log),
    );
    ctx.tick('score run + AUC_pr');
    const byMethodRate = new Map<string, TrainingCell[]>();
    for (const cell of trainingCells(profile, ctx.seeds)) {
      if (ctx.signal?.aborted === true) break;
      const run = await ctx.cache.cell<TrainingCell>(cellKey(cell), () =>
        trainOnCoreset(cell, profile, data, score.scores),
      );
      const key = `${cell.method}@${cell.rate}`;
      byMethodRate.set(key, [...(byMethodRate.get(key) ?? []), run]);
      ctx.tick(
        `${cell.method} ${percent(cell.rate)} seed ${cell.seed}: ${(run.finalAccuracy * 100).toFixed(2)}%`,
      );
    }
    const results: MethodRateResult[] = [
      { method: 'full', rate: 0, runs: byMethodRate.get('full@0') ?? [], coverage: [] },
    ];
    for (const { rate, methods } of profile.grid) {
      for (const method of methods) {
        results.push({
          method,
          rate,
          runs: byMethodRate.get(`${method}@${rate}`) ?? [],
          coverage: collectCoverage(
            score.coverage,
            method,
            rate,
            Math.min(ctx.seeds, profile.coverageSeeds),
          ),
        });
      }
    }
    return ccsReport({
      profile,
      seeds: ctx.seeds,
      score,
      results,
      cellTimes: ctx.cache.file.wallTimeMs,
      dataDir: data.dir,
      quick: ctx.quick,
      observations: readObservations(ctx.outDir),
    });
  },
};

/** The hand-written `observations.md` beside the report, if someone has written one. */
function readObservations(outDir: string): string | undefined {
  const path = join(outDir, 'observations.md');
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
