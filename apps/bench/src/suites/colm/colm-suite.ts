import type { Suite, SuiteContext, SuiteReport } from '../../suite.js';
import { loadColmData } from './colm-data.js';
import { colmProfile, runCells, runKey, type RunCell } from './colm-profile.js';
import { colmReport } from './colm-report.js';
import { pretrainBase, type PretrainCell } from './pretrain.js';
import { runArm, type ArmRunResult } from './run-arm.js';

/** With this set to 1 the suite computes nothing new and reports the cached cells (an interrupted grid). */
export const CACHED_ONLY_ENV = 'CORESETS_BENCH_COLM_CACHED_ONLY';

/**
 * Issue #10: CoLM (mini-batch coresets for LM fine-tuning on data mixtures) against random
 * batches of b, 2b and 4b rows and structured random, with ablations, on eval's tiny transformer
 * with LoRA and the imbalanced synthetic skill mixture. Seeds are not part of the settings
 * (cells are keyed by seed), so `--seeds 1` reuses seed 0 of a longer run.
 */
export const colmSuite: Suite = {
  name: 'colm',
  description:
    'CoLM (Nguyen et al., ICLR 2025) on a CPU-scaled mixture: a tiny character transformer, pre-trained on a uniform mix of 12 synthetic skills, then LoRA-fine-tuned on a ≈300 : 1 imbalanced mixture at an equal number of optimizer steps per arm — random b / 2b / 4b, structured random, CoLM and its ablations.',
  // Neither seeds nor arms are settings: cells are keyed by arm id and seed, so more seeds or a
  // new arm extend a run instead of discarding it (an arm's id names one fixed definition).
  settings: (quick) => {
    const { arms: _arms, ...settings } = colmProfile(quick);
    return settings;
  },
  totalUnits: (quick, seeds) => 1 + runCells(colmProfile(quick), seeds).length,
  async run(ctx: SuiteContext): Promise<SuiteReport> {
    const profile = colmProfile(ctx.quick);
    const cachedOnly = process.env[CACHED_ONLY_ENV] === '1';
    const data = loadColmData(profile);
    const pretrain = await ctx.cache.cell<PretrainCell>('pretrain', () => pretrainBase(profile, data));
    ctx.tick(`pre-training: in-domain macro ${(pretrain.test.macro * 100).toFixed(1)}%`);
    const runs = new Map<string, ArmRunResult[]>();
    const missing: RunCell[] = [];
    for (const cell of runCells(profile, ctx.seeds)) {
      if (ctx.signal?.aborted === true || (cachedOnly && !ctx.cache.has(runKey(cell)))) {
        missing.push(cell);
        continue;
      }
      const run = await ctx.cache.cell<ArmRunResult>(runKey(cell), () => runArm(cell.arm, cell.seed, profile, data, pretrain, ctx.log));
      runs.set(cell.arm.id, [...(runs.get(cell.arm.id) ?? []), run]);
      ctx.tick(`${cell.arm.id} seed ${cell.seed}: macro ${(run.test.macro * 100).toFixed(1)}%, small ${(run.test.small * 100).toFixed(1)}%`);
    }
    return colmReport({ profile, quick: ctx.quick, data, pretrain, runs, missing });
  },
};
