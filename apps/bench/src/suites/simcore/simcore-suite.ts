import type { Suite, SuiteContext, SuiteReport } from '../../suite.js';
import { runArm, type ArmCell } from './arm-cell.js';
import { loadSimCoreData } from './simcore-data.js';
import { OPEN_SET_ARMS, armKey, selectionKey, simcoreProfile, simcoreUnits, type OpenSetArm } from './simcore-profile.js';
import { simcoreReport, type SeedResult } from './simcore-report.js';
import { runSelection, type SelectionCell } from './selection-cell.js';

/**
 * Issue #9 (bench part): SimCore on a fine-grained Fashion-MNIST target (T-shirt/top, Pullover,
 * Coat, Shirt) with the rest of the training set as the open set. Cells are keyed by seed and run
 * seed-major, so an interrupted run holds complete rows for its first seeds.
 */
export const simcoreSuite: Suite = {
  name: 'simcore',
  description:
    'SimCore (Kim et al., CVPR 2023) open-set coreset sampling for self-supervised pre-training on Fashion-MNIST: a few hundred target images of four confusable classes, the rest of the training set as the open set; contrastive pre-training with the same step count on X only, X + random, X + whole open set and X + SimCore (fixed size and stop rule), compared by linear probe and kNN accuracy on the target classes.',
  settings: (quick) => ({ ...simcoreProfile(quick) }),
  totalUnits: (quick, seeds) => simcoreUnits(simcoreProfile(quick), seeds),
  async run(ctx: SuiteContext): Promise<SuiteReport> {
    const profile = simcoreProfile(ctx.quick);
    const data = loadSimCoreData(profile, ctx.dataDir);
    const seeds: SeedResult[] = [];
    // A function, so TypeScript does not narrow `aborted` across the awaits below.
    const aborted = (): boolean => ctx.signal?.aborted === true;
    for (let seed = 0; seed < ctx.seeds; seed++) {
      if (aborted()) break;
      const selection = await ctx.cache.cell<SelectionCell>(selectionKey(seed), () => runSelection(data, profile, seed, ctx.log));
      const fixed = selection.coresets['simcore-fixed'];
      const stop = selection.coresets['simcore-stop'];
      ctx.tick(
        `seed ${seed} selection: SimCore fixed purity ${fixed.purity.toFixed(3)}, stop |S| ${stop.size} purity ${stop.purity.toFixed(3)}, random ${selection.coresets.random.purity.toFixed(3)}`,
      );
      const arms: Partial<Record<OpenSetArm, ArmCell>> = {};
      if (profile.trainArms) {
        for (const arm of OPEN_SET_ARMS) {
          if (aborted()) break;
          const cell = await ctx.cache.cell<ArmCell>(armKey(seed, arm), () => runArm(data, profile, seed, arm, selection, ctx.log));
          arms[arm] = cell;
          ctx.tick(`seed ${seed} ${arm}: linear probe ${(cell.probe.linearProbe * 100).toFixed(2)}%`);
        }
      }
      seeds.push({ seed, selection, arms });
    }
    const report = await simcoreReport({ profile, quick: ctx.quick, seeds, cellTimes: ctx.cache.file.wallTimeMs, dataDir: data.dir });
    if (!report.checkPassed) {
      // The runner has no failure channel besides throwing, which would lose the report; CI reads the exit code.
      ctx.log('CHECK FAILED: SimCore precision is not well above the random base rate (see report.md)');
      process.exitCode = 1;
    }
    return { markdown: report.markdown, svgs: report.svgs };
  },
};
