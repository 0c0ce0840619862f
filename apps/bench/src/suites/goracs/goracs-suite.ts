import type { SequentialRecommendation } from '@coresets/eval';
import type { Suite, SuiteContext, SuiteReport } from '../../suite.js';
import { scenarioData } from './goracs-data.js';
import { cellKey, goracsProfile, scenarios, selectionKey, trainingCells, type GoracsCell, type GoracsProfile, type Scenario } from './goracs-profile.js';
import { goracsReport, type ArmResult, type FeatureCell } from './goracs-report.js';
import { proxyFeatures } from './proxy-features.js';
import { SelectionContext, selectArm, type SelectionCell } from './select-arm.js';
import { trainOnSubset, type TrainingCell } from './train-arm.js';

/**
 * The settings that make cells comparable: everything but the grid. A cell's value depends only on
 * its scenario, arm, budget and seed, so adding arms to the grid keeps the finished cells.
 */
export function cacheSettings(profile: GoracsProfile): Record<string, unknown> {
  const { grid: _grid, ...rest } = profile;
  return rest;
}

/** Per scenario: the data, and the proxy features and cost matrices once a selection needs them. */
class ScenarioState {
  readonly data: SequentialRecommendation;
  #selection: SelectionContext | undefined;
  featureInfo: FeatureCell | undefined;

  constructor(
    readonly suiteContext: SuiteContext,
    readonly scenario: Scenario,
  ) {
    this.data = scenarioData(goracsProfile(suiteContext.quick), scenario);
  }

  /** Features are not stored (N × 64 floats); a resumed run recomputes them only if a selection is missing. */
  selection(): SelectionContext {
    if (this.#selection === undefined) {
      const profile = goracsProfile(this.suiteContext.quick);
      this.suiteContext.log(`${this.scenario}: training the proxy (${profile.proxyEpochs} epoch on ${profile.poolSize} samples)`);
      const features = proxyFeatures(this.data, profile.proxyEpochs);
      this.#selection = new SelectionContext(profile, this.data, features);
    }
    return this.#selection;
  }

  async features(): Promise<FeatureCell> {
    this.featureInfo ??= await this.suiteContext.cache.cell<FeatureCell>(`features:${this.scenario}`, () => {
      const f = this.selection().features;
      return { proxyTrainMs: f.trainMs, featureMs: f.featureMs };
    });
    return this.featureInfo;
  }
}

/**
 * Issue #11's reproduction of GORACS (Mei et al., KDD 2025) at CPU scale (spec goracs.md §10):
 * synthetic sequential recommendation with regime drift and noisy targets, a GRU recommender
 * trained from scratch on each coreset, GORACS against score-based, coverage and random
 * coresets, with a no-drift control. Seeds are not part of the settings (cells are keyed by
 * seed), so `--seeds 2` reuses the first two seeds of a run.
 */
export const goracsSuite: Suite = {
  name: 'goracs',
  description:
    'GORACS (group-level OT-guided coreset selection, Mei et al., KDD 2025) vs Random, EL2N, GraNd, CCS and k-center coresets on synthetic sequential recommendation with regime drift and noisy targets (spec goracs.md §10), plus a no-drift control: a GRU recommender trained from scratch on each coreset, HR/NDCG@10 on clean new-regime test data.',
  settings: (quick) => cacheSettings(goracsProfile(quick)),
  totalUnits: (quick, seeds) => trainingCells(goracsProfile(quick), seeds).length,
  async run(ctx: SuiteContext): Promise<SuiteReport> {
    // The GRU's embedding gradient (UnsortedSegmentSum) runs on core's one-pass wasm kernel,
    // registered by initBackend.
    return runCells(ctx, goracsProfile(ctx.quick));
  },
};

async function runCells(ctx: SuiteContext, profile: GoracsProfile): Promise<SuiteReport> {
    const states = new Map<Scenario, ScenarioState>();
    const state = (scenario: Scenario) => {
      let s = states.get(scenario);
      if (s === undefined) {
        s = new ScenarioState(ctx, scenario);
        states.set(scenario, s);
      }
      return s;
    };
    const results = new Map<string, ArmResult>();
    const missing: GoracsCell[] = [];
    for (const cell of trainingCells(profile, ctx.seeds)) {
      if (ctx.signal?.aborted === true) {
        missing.push(cell);
        continue;
      }
      const s = state(cell.scenario);
      await s.features();
      let selection: SelectionCell | undefined;
      if (cell.arm !== 'full') {
        const arm = cell.arm;
        selection = await ctx.cache.cell<SelectionCell>(selectionKey(cell.scenario, cell.budget, arm, cell.seed), () =>
          selectArm(s.selection(), arm, cell.budget, cell.seed),
        );
      }
      const run = await ctx.cache.cell<TrainingCell>(cellKey(cell), () =>
        trainOnSubset(profile, s.data, selection === undefined ? 'all' : selection.indices, cell.seed),
      );
      const key = `${cell.scenario}:${cell.budget}:${cell.arm}`;
      const entry = results.get(key) ?? { ...cell, runs: [], selections: [] };
      results.set(key, { ...entry, runs: [...entry.runs, run], selections: selection === undefined ? entry.selections : [...entry.selections, selection] });
      ctx.tick(`${cell.scenario} ${cell.arm} n=${cell.budget || 'all'} seed ${cell.seed}: HR@10 ${(run.hr10 * 100).toFixed(1)}%`);
    }
    const features = new Map<Scenario, FeatureCell>();
    for (const scenario of scenarios(profile)) {
      const info = states.get(scenario)?.featureInfo;
      if (info !== undefined) features.set(scenario, info);
    }
    return goracsReport({ profile, quick: ctx.quick, seeds: ctx.seeds, results: [...results.values()], features, missing });
}
