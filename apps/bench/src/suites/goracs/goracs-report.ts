import { formatMeanStd, formatMs, markdownTable, meanStd } from '../../report/markdown.js';
import { barChart, lineChart, renderSvg, type LinePoint } from '../../report/svg-plot.js';
import type { SuiteReport } from '../../suite.js';
import { ARM_LABELS, ARM_SHORT, GORACS_ARMS, SPEC_GORACS_PROFILE, cellKey, type GoracsArm, type GoracsCell, type GoracsProfile, type Scenario } from './goracs-profile.js';
import type { SelectionCell } from './select-arm.js';
import type { TrainingCell } from './train-arm.js';

export interface FeatureCell {
  readonly proxyTrainMs: number;
  readonly featureMs: number;
}

/** The runs of one arm at one budget in one scenario (selections: one per seed for seeded arms, else the same one repeated). */
export interface ArmResult {
  readonly scenario: Scenario;
  readonly budget: number;
  readonly arm: GoracsArm;
  readonly runs: readonly TrainingCell[];
  readonly selections: readonly SelectionCell[];
}

export interface GoracsReportInput {
  readonly profile: GoracsProfile;
  readonly quick: boolean;
  readonly seeds: number;
  readonly results: readonly ArmResult[];
  readonly features: ReadonlyMap<Scenario, FeatureCell>;
  /** Cells not computed (the run was stopped). */
  readonly missing: readonly GoracsCell[];
}

const pct = (values: readonly number[]) => formatMeanStd(values, 2, 100);
const meanOf = (values: readonly number[]) => meanStd(values).mean;

/** Spearman rank correlation (average ranks for ties); NaN below 3 pairs. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n !== b.length || n < 3) return Number.NaN;
  const ranks = (v: readonly number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const r = new Array<number>(n);
    for (let s = 0; s < n; ) {
      let e = s;
      while (e + 1 < n && order[e + 1][0] === order[s][0]) e++;
      for (let t = s; t <= e; t++) r[order[t][1]] = (s + e) / 2 + 1;
      s = e + 1;
    }
    return r;
  };
  const ra = ranks(a);
  const rb = ranks(b);
  const ma = meanOf(ra);
  const mb = meanOf(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (ra[i] - ma) * (rb[i] - mb);
    da += (ra[i] - ma) ** 2;
    db += (rb[i] - mb) ** 2;
  }
  return da === 0 || db === 0 ? Number.NaN : num / Math.sqrt(da * db);
}

/** Paired difference a − b (same seeds) of a metric, mean ± std and the number of pairs. */
export function pairedDifference(a: readonly TrainingCell[], b: readonly TrainingCell[], metric: (r: TrainingCell) => number): { mean: number; std: number; n: number } {
  const bySeed = new Map(b.map((r) => [r.seed, r]));
  const diffs = a.flatMap((r) => {
    const other = bySeed.get(r.seed);
    return other === undefined ? [] : [metric(r) - metric(other)];
  });
  return { ...meanStd(diffs), n: diffs.length };
}

function formatPoints(d: { mean: number; std: number; n: number }): string {
  if (d.n === 0) return 'not measured';
  const m = `${d.mean >= 0 ? '+' : ''}${(d.mean * 100).toFixed(2)}`;
  return d.n > 1 ? `${m} ± ${(d.std * 100).toFixed(2)} points (${d.n} seeds)` : `${m} points (1 seed)`;
}

const verdict = (holds: boolean | undefined) => (holds === undefined ? 'not measured' : holds ? 'yes' : 'no');

function budgetLabel(budget: number): string {
  return budget === 0 ? 'all' : String(budget);
}

function mainTable(group: readonly ArmResult[]): string {
  return markdownTable(
    ['arm', 'seeds', 'HR@10 % (full rank)', 'NDCG@10 %', 'HR@10 % (1 + 99)', 'NDCG@10 % (1 + 99)', 'test CE', 'POO (λ = 0.1)', 'old share %', 'noise share %', 'select time', 'epochs (best)', 'train time'],
    group.map((r) => {
      const sel = r.selections;
      return [
        ARM_LABELS[r.arm],
        r.runs.length,
        pct(r.runs.map((x) => x.hr10)),
        pct(r.runs.map((x) => x.ndcg10)),
        pct(r.runs.map((x) => x.sampledHr10)),
        pct(r.runs.map((x) => x.sampledNdcg10)),
        formatMeanStd(r.runs.map((x) => x.testLoss), 3),
        sel.length === 0 ? '—' : formatMeanStd(sel.map((s) => s.poo), 4),
        sel.length === 0 ? '—' : formatMeanStd(sel.map((s) => s.oldShare), 1, 100),
        sel.length === 0 ? '—' : formatMeanStd(sel.map((s) => s.noiseShare), 1, 100),
        sel.length === 0 ? '—' : formatMs(meanOf(sel.map((s) => s.selectMs))),
        `${meanOf(r.runs.map((x) => x.epochs)).toFixed(1)} (${meanOf(r.runs.map((x) => x.bestEpoch + 1)).toFixed(1)})`,
        formatMs(meanOf(r.runs.map((x) => x.trainMs))),
      ];
    }),
  );
}

function goracsTable(results: readonly ArmResult[]): string {
  const rows = results.flatMap((r) => {
    const g = r.selections[0]?.goracs;
    if (g === undefined) return [];
    const change = g.pooGreedy === 0 ? 0 : (g.pooFinal - g.pooGreedy) / g.pooGreedy;
    return [
      [
        r.scenario,
        r.budget,
        ARM_LABELS[r.arm],
        g.lambda,
        g.pooGreedy.toFixed(5),
        g.pooFinal.toFixed(5),
        `${(change * 100).toFixed(2)}%`,
        `${g.swapsAccepted} / ${g.swapsTried}`,
        g.solves,
        formatMs(g.costMs),
        formatMs(g.greedyMs),
        formatMs(g.refineMs),
        g.swapsAccepted > 0 ? formatMs(g.refineMs / g.swapsAccepted) : '—',
      ],
    ];
  });
  return markdownTable(
    ['scenario', 'n', 'arm', 'λ', 'POO greedy', 'POO final', 'change', 'swaps accepted / tried', 'OT solves', 'cost matrix', 'greedy', 'refine', 'refine per accepted swap'],
    rows,
  );
}

interface PatternRow {
  readonly claim: string;
  readonly ours: string;
  readonly holds: boolean | undefined;
}

/** The spec's expected pattern (§10), each claim checked on the means of the runs we have. */
export function patternRows(results: readonly ArmResult[], mainBudget: number): PatternRow[] {
  const find = (scenario: Scenario, budget: number, arm: GoracsArm) => results.find((r) => r.scenario === scenario && r.budget === budget && r.arm === arm);
  const hr = (r: ArmResult | undefined) => (r === undefined || r.runs.length === 0 ? undefined : meanOf(r.runs.map((x) => x.hr10)));
  const fmt = (v: number | undefined) => (v === undefined ? 'n/a' : `${(v * 100).toFixed(2)}%`);
  const rows: PatternRow[] = [];
  const random = find('drift', mainBudget, 'random');
  const itra = find('drift', mainBudget, 'itra-0.1');
  const oracle = find('drift', mainBudget, 'oracle');
  const full = find('drift', 0, 'full');
  if (random !== undefined && itra !== undefined) {
    const d = pairedDifference(itra.runs, random.runs, (x) => x.hr10);
    rows.push({
      claim: `drift, n = ${mainBudget}: GORACS (ITRA λ = 0.1) far above Random`,
      ours: `HR@10 ${fmt(hr(itra))} vs ${fmt(hr(random))}; paired ${formatPoints(d)}`,
      holds: d.n === 0 ? undefined : d.mean > 0 && (d.n < 2 || d.mean > d.std),
    });
  }
  if (itra !== undefined && oracle !== undefined) {
    rows.push({
      claim: `drift, n = ${mainBudget}: GORACS near the oracle (random clean new-regime samples)`,
      ours: `HR@10 ${fmt(hr(itra))} vs oracle ${fmt(hr(oracle))}`,
      holds: hr(itra)! >= 0.9 * hr(oracle)!,
    });
  }
  for (const arm of ['el2n', 'grand', 'ccs'] as const) {
    const r = find('drift', mainBudget, arm);
    if (r === undefined || random === undefined) continue;
    rows.push({
      claim: `drift, n = ${mainBudget}: ${ARM_SHORT[arm]} at or below Random`,
      ours: `HR@10 ${fmt(hr(r))} vs ${fmt(hr(random))}; old/noise share ${formatMeanStd(r.selections.map((s) => s.oldShare), 0, 100)}% / ${formatMeanStd(r.selections.map((s) => s.noiseShare), 0, 100)}%`,
      holds: hr(r)! <= hr(random)!,
    });
  }
  const kCenter = find('drift', mainBudget, 'k-center');
  if (kCenter !== undefined && random !== undefined) {
    rows.push({
      claim: `drift, n = ${mainBudget}: k-center near Random (within 2 points)`,
      ours: `HR@10 ${fmt(hr(kCenter))} vs ${fmt(hr(random))}`,
      holds: Math.abs(hr(kCenter)! - hr(random)!) <= 0.02,
    });
  }
  for (const r of results) {
    const g = r.selections[0]?.goracs;
    if (g === undefined || r.arm === 'goracs-greedy') continue;
    rows.push({
      claim: `${r.scenario}, n = ${r.budget}: ITRA (λ = ${g.lambda}) lowers POO below the greedy's`,
      ours: `${g.pooGreedy.toFixed(5)} → ${g.pooFinal.toFixed(5)} in ${g.swapsAccepted} swaps`,
      holds: g.pooFinal < g.pooGreedy,
    });
  }
  for (const budget of [...new Set(results.map((r) => r.budget))].filter((b) => b > 0).sort((a, b) => b - a)) {
    const greedy = find('drift', budget, 'goracs-greedy');
    const refined = find('drift', budget, 'itra-0.1');
    if (greedy === undefined || refined === undefined) continue;
    const d = pairedDifference(refined.runs, greedy.runs, (x) => x.hr10);
    rows.push({
      claim: `drift, n = ${budget}: refinement gives a small non-negative accuracy gain over greedy (λ = 0.1)`,
      ours: `paired HR@10 ${formatPoints(d)}; test CE ${meanOf(refined.runs.map((x) => x.testLoss)).toFixed(3)} vs ${meanOf(greedy.runs.map((x) => x.testLoss)).toFixed(3)}`,
      holds: d.n === 0 ? undefined : d.mean >= 0,
    });
  }
  const heavy = find('drift', mainBudget, 'itra-0.5');
  if (heavy !== undefined && itra !== undefined) {
    const share = (r: ArmResult) => meanOf(r.selections.map((x) => x.oldShare + x.noiseShare));
    rows.push({
      claim: `drift, n = ${mainBudget}: λ = 0.5 pulls in high-gradient old samples and hurts (vs λ = 0.1)`,
      ours: `HR@10 ${fmt(hr(heavy))} vs ${fmt(hr(itra))}; old + noise share ${(share(heavy) * 100).toFixed(1)}% vs ${(share(itra) * 100).toFixed(1)}%`,
      holds: hr(heavy)! < hr(itra)! && share(heavy) > share(itra),
    });
  }
  const withPoo = results.filter((r) => r.scenario === 'drift' && r.budget === mainBudget && r.selections.length > 0 && r.runs.length > 0);
  if (withPoo.length >= 3) {
    const rho = spearman(
      withPoo.map((r) => meanOf(r.selections.map((s) => s.poo))),
      withPoo.map((r) => meanOf(r.runs.map((x) => x.testLoss))),
    );
    rows.push({
      claim: `drift, n = ${mainBudget}: POO ranks subsets roughly as test CE does`,
      ours: `Spearman ρ(POO, test CE) = ${rho.toFixed(2)} over ${withPoo.length} arms`,
      holds: Number.isNaN(rho) ? undefined : rho >= 0.5,
    });
  }
  const nRandom = find('no-drift', mainBudget, 'random');
  const nItra = find('no-drift', mainBudget, 'itra-0.1');
  if (random !== undefined && itra !== undefined && nRandom !== undefined && nItra !== undefined) {
    const gapDrift = pairedDifference(itra.runs, random.runs, (x) => x.hr10);
    const gapControl = pairedDifference(nItra.runs, nRandom.runs, (x) => x.hr10);
    rows.push({
      claim: `no-drift control, n = ${mainBudget}: GORACS's gap over Random shrinks`,
      ours: `gap ${formatPoints(gapControl)} (control) vs ${formatPoints(gapDrift)} (drift)`,
      holds: gapControl.mean < gapDrift.mean,
    });
    for (const arm of ['el2n', 'grand'] as const) {
      const r = find('no-drift', mainBudget, arm);
      if (r === undefined) continue;
      rows.push({
        claim: `no-drift control, n = ${mainBudget}: ${ARM_SHORT[arm]} top-k stays below Random`,
        ours: `HR@10 ${fmt(hr(r))} vs ${fmt(hr(nRandom))}`,
        holds: hr(r)! < hr(nRandom)!,
      });
    }
  }
  if (full !== undefined) {
    const best = results.filter((r) => r.scenario === 'drift' && r.arm !== 'full' && r.arm !== 'oracle' && r.runs.length > 0).sort((a, b) => hr(b)! - hr(a)!)[0];
    if (best !== undefined) {
      rows.push({
        claim: 'drift: full data stays best (not an LLM fine-tune, so "beats full data" is not expected)',
        ours: `full pool ${fmt(hr(full))} vs best coreset ${ARM_SHORT[best.arm]} n = ${best.budget} ${fmt(hr(best))}`,
        holds: hr(full)! >= hr(best)!,
      });
    }
  }
  return rows;
}

/** What each arm of the grid does, in grid order. */
function armDescriptions(profile: GoracsProfile): string {
  const text: Record<GoracsArm, string> = {
    random: 'Random',
    el2n: 'EL2N top-n (highest first)',
    grand: 'GraNd top-n (highest first)',
    ccs: 'CCS (EL2N strata, the 10% hardest cut, 50 strata)',
    'k-center': 'k-center greedy on the embeddings',
    'goracs-greedy': 'GORACS greedy only (stage 1 at λ = 0.1)',
    'itra-0': `GORACS ITRA at λ = 0 (greedy + pruned swaps, cut ${profile.cut}, at most ${profile.swaps} accepted swaps)`,
    'itra-0.1': `GORACS ITRA at λ = 0.1 (cut ${profile.cut}, at most ${profile.swaps} accepted swaps)`,
    'itra-0.5': 'GORACS ITRA at λ = 0.5',
    oracle: 'the oracle (random clean new-regime pool samples — not available to a real selector)',
    full: 'the full pool',
  };
  const arms = [...new Set(profile.grid.flatMap((g) => g.arms))];
  return arms.map((a) => text[a]).join('; ');
}

/** The λ values the grid's GORACS arms use. */
function lambdasRun(profile: GoracsProfile): string {
  const arms = new Set(profile.grid.flatMap((g) => g.arms));
  const lambdas = [...(arms.has('itra-0') ? [0] : []), ...(arms.has('itra-0.1') || arms.has('goracs-greedy') ? [0.1] : []), ...(arms.has('itra-0.5') ? [0.5] : [])];
  return lambdas.length === 0 ? 'none' : lambdas.join(', ');
}

/** HR bars start at zero, the error bars share the axis title, and legends keep long labels. */
function tidySpec<T>(spec: T, valueTitle: string): T {
  const layered = spec as unknown as { layer: { encoding?: { x?: { field?: string; title?: string; scale?: Record<string, unknown> }; color?: Record<string, unknown> } }[] };
  for (const layer of layered.layer) {
    const x = layer.encoding?.x;
    if (x?.scale !== undefined) x.scale = { ...x.scale, zero: true };
    if (x?.field === 'low') x.title = valueTitle;
    // tableau20: more arms than category10 has colours.
    if (layer.encoding?.color !== undefined) layer.encoding.color = { ...layer.encoding.color, legend: { labelLimit: 320 }, scale: { scheme: 'tableau20' } };
  }
  return spec;
}

function scaledDownSection(profile: GoracsProfile, seeds: number, quick: boolean): string {
  const budgets = [...new Set(profile.grid.map((g) => g.budget).filter((b) => b > 0))].sort((a, b) => a - b);
  const rows: (string | number)[][] = [
    ['pool N', SPEC_GORACS_PROFILE.poolSize, profile.poolSize],
    ['items', SPEC_GORACS_PROFILE.numItems, profile.numItems],
    ['V_sel / V_es / test', `${SPEC_GORACS_PROFILE.validSelectSize} / ${SPEC_GORACS_PROFILE.validEarlyStopSize} / ${SPEC_GORACS_PROFILE.testSize}`, `${profile.validSelectSize} / ${profile.validEarlyStopSize} / ${profile.testSize}`],
    ['budgets n', SPEC_GORACS_PROFILE.budgets.join(', '), budgets.join(', ')],
    ['early stopping', `patience ${SPEC_GORACS_PROFILE.patience}`, `patience ${profile.patience}, at most ${profile.maxEpochs} epochs (full pool: patience ${profile.fullPatience}, at most ${profile.fullMaxEpochs})`],
    ['λ', SPEC_GORACS_PROFILE.lambdas.join(', '), lambdasRun(profile)],
    ['cut / swaps', '10 / 20', `${profile.cut} / ${profile.swaps}`],
    ['seeds', SPEC_GORACS_PROFILE.seeds, seeds],
  ];
  const grid = profile.grid.map((g) => `${g.scenario} n = ${budgetLabel(g.budget)}: ${g.arms.map((a) => ARM_SHORT[a]).join(', ')}`).join('; ');
  return [
    '## Profile vs spec §10',
    '',
    markdownTable(['setting', 'spec §10', 'this run'], rows),
    '',
    `Arms run: ${grid}.`,
    '',
    quick
      ? 'This is the CI profile (spec §10: 100 items, pool 2,000, few epochs, 1 seed, 3 arms): a smoke test of the pipeline, too small to show the pattern reliably.'
      : [
          'Differences from the spec, made to fit about an hour on a 2-core machine shared with other bench suites (load average 13–17 for most of the session, 5–8 during the final run; the spec budgets 1–2 h on 2 free cores). Pool, items, V_sel / V_es / test, proxy, batch size, learning rate, patience, λ grid, cut and swaps are as in the spec:',
          '',
          ...(profile.validSelectSize < SPEC_GORACS_PROFILE.validSelectSize
            ? [`- V_sel ${profile.validSelectSize} instead of ${SPEC_GORACS_PROFILE.validSelectSize}: every OT solve and the greedy scale with it;`]
            : []),
          `- early stopping with patience ${profile.patience} and at most ${profile.maxEpochs} epochs${profile.patience === SPEC_GORACS_PROFILE.patience ? ' (spec: the same patience, no cap)' : ` (spec: patience ${SPEC_GORACS_PROFILE.patience}, no cap)`}; the full pool at most ${profile.fullMaxEpochs} epochs with patience ${profile.fullPatience} and one seed (each of its epochs costs 20 coreset epochs at n = 1000), so its number is a lower bound where its best epoch is the last;`,
          '- the §5 reference-code ablations are left out; at n = 200 only Random, EL2N, GraNd, CCS and the GORACS arms at λ ∈ {0, 0.1} run; the no-drift control runs at n = 1000 only;',
          "- the tfjs wasm backend has no UnsortedSegmentSum (the gradient of the item-embedding lookup); core's cpu-bridged fallback took 4.4 s of a 4.6 s Adam step, so the suite registers a one-pass kernel while it runs (0.25 s per step under the same load; equal to the fallback on a 640 × 32 input and in the unit test). A speed fix only.",
        ].join('\n'),
  ].join('\n');
}

export async function goracsReport(input: GoracsReportInput): Promise<SuiteReport> {
  const { profile, results } = input;
  const groups = profile.grid
    .filter((g) => g.budget > 0)
    .filter((g, i, all) => all.findIndex((h) => h.scenario === g.scenario && h.budget === g.budget) === i);
  const byArmOrder = (a: ArmResult, b: ArmResult) => GORACS_ARMS.indexOf(a.arm) - GORACS_ARMS.indexOf(b.arm);
  const mainBudget = Math.max(...groups.map((g) => g.budget));
  const sections: string[] = [];
  sections.push(
    [
      '## Setup',
      '',
      `Data: \`makeSequentialRecommendation\` of @coresets/eval (${profile.numItems} items in 10 clusters, histories of 3–10 items from a cluster Markov chain). Drift: the pool is 70% old regime, 20% new regime and 10% new-regime histories with random targets; the no-drift control draws the pool from the new regime only, clean. V_sel (the OT target, all of it), V_es (early stopping and model selection) and test are new-regime, clean and disjoint: GORACS runs with \`validation: 'shared'\` on V_sel because the generator already holds V_es apart.`,
      '',
      `Features (one set per scenario, from a proxy): a GRU recommender trained ${profile.proxyEpochs} epoch on the whole pool. Sample embedding = [h ; w_y]: h is the final GRU state (the output layer's input), w_y the output-layer column of the sample's target, each half divided by its mean row norm over the pool. The target has to be in the embedding: the noisy samples differ from clean ones only in the target. EL2N = ‖p − onehot(y)‖ and GraNd = ‖p − onehot(y)‖·sqrt(‖h‖² + 1) come in closed form from the proxy's output layer (@coresets/gradients \`el2nScores\`, \`grandScores\`); GraNd is also GORACS's gradient norm g. (The spec's alternative, frozen PPMI-SVD item vectors, was not used.)`,
      '',
      `Recommender per coreset, from scratch: item embedding 32 + GRU(32) + full softmax, Adam ${profile.learningRate}, batch 64, early stopping on V_es's loss with the best epoch restored. Metrics on the ${profile.testSize} test samples: HR@10 and NDCG@10 with full ranking over all items and against 99 sampled negatives (the paper's protocol${profile.numItems <= 100 ? '; with 100 items that is the full ranking' : ''}), and the mean test cross-entropy.`,
      '',
      `Arms run: ${armDescriptions(profile)}. Random, CCS and the oracle draw a new subset per seed; the other selections are deterministic and made once. POO of every subset is the exact OT value on the λ = ${profile.pooLambda} cost against V_sel; each scenario has its own proxy and cost matrix, so POO values compare subsets within a scenario only.`,
    ].join('\n'),
  );
  for (const { scenario, budget } of groups) {
    const group = results.filter((r) => r.scenario === scenario && (r.budget === budget || (r.arm === 'full' && budget === mainBudget))).sort(byArmOrder);
    if (group.length === 0) continue;
    sections.push([`## ${scenario === 'drift' ? 'Drift + noise' : 'No-drift control'}, n = ${budget}`, '', mainTable(group)].join('\n'));
  }
  sections.push(
    [
      '## GORACS: POO before and after refinement',
      '',
      'POO on the arm\'s own λ (the greedy and the swaps use it). Times: the N × M cost matrix, stage 1 and stage 2; the λ = 0.1 greedy is computed once and shared by the greedy-only and ITRA arms (each arm\'s select time above counts it in full).',
      '',
      goracsTable([...results].sort((a, b) => a.scenario.localeCompare(b.scenario) || b.budget - a.budget || byArmOrder(a, b))),
    ].join('\n'),
  );
  const pattern = patternRows(results, mainBudget);
  sections.push(
    [
      '## Expected pattern (spec §10) vs ours',
      '',
      'Each claim is checked on the means over seeds; "far above" needs a positive paired gap larger than its std.',
      '',
      markdownTable(['claim', 'ours', 'holds'], pattern.map((r) => [r.claim, r.ours, verdict(r.holds)])),
    ].join('\n'),
  );
  const itraRows = results.filter((r) => r.selections[0]?.goracs !== undefined && r.arm !== 'goracs-greedy');
  const ourSwap = itraRows
    .map((r) => {
      const g = r.selections[0].goracs!;
      const change = ((g.pooFinal - g.pooGreedy) / g.pooGreedy) * 100;
      return `${r.scenario} n = ${r.budget} λ = ${g.lambda}: ${g.pooGreedy.toFixed(4)} → ${g.pooFinal.toFixed(4)} (${change.toFixed(1)}%) in ${g.swapsAccepted} swaps, ${g.swapsAccepted > 0 ? formatMs(g.refineMs / g.swapsAccepted) : '—'} per accepted swap`;
    })
    .join('; ');
  sections.push(
    [
      '## The paper\'s claims beside ours',
      '',
      markdownTable(
        ['claim (spec §9)', 'paper / reference repository', 'ours'],
        [
          ['GORACS beats Random, EL2N, GraNd, CCS, D2-pruning, TF-DCon, DEALRec', 'LLaMA-7B + LoRA on Amazon Games / Movies / Food, HR/NDCG@{5,10} against 99 negatives (abstract; table numbers not available to us)', 'see the pattern table: a GRU from scratch on synthetic drift data, HR/NDCG@10 full-rank and 1 + 99'],
          ['GORACS beats full-data training', 'an LLM fine-tuning claim (the coreset avoids stale, noisy fine-tuning data)', 'not expected here: a model trained from scratch needs the data volume; see the last pattern row'],
          ['refinement lowers POO', 'repository example (15k/5k Games sample, λ 0.5, n 1000): 0.2253 → 0.2019 in 100 swaps (≈ −10%), ≈ 1.3 s per swap on a GPU', ourSwap === '' ? 'not measured' : ourSwap],
        ],
      ),
    ].join('\n'),
  );
  const featureLines = [...input.features.entries()].map(
    ([scenario, f]) => `- ${scenario}: proxy training ${formatMs(f.proxyTrainMs)}, embeddings + EL2N/GraNd ${formatMs(f.featureMs)}`,
  );
  sections.push(['## Feature timings', '', ...(featureLines.length > 0 ? featureLines : ['- none recorded'])].join('\n'));
  sections.push(scaledDownSection(profile, input.seeds, input.quick));
  if (input.missing.length > 0) {
    sections.push(
      [
        '## Not computed',
        '',
        `${input.missing.length} training cells were not run (stopped): ${input.missing.map((c) => cellKey(c)).join(', ')}. Rerunning the same command resumes from results.json.`,
      ].join('\n'),
    );
  }

  const svgs: Record<string, string> = {};
  const plotted: string[] = [];
  for (const { scenario, budget } of groups) {
    const group = results
      .filter((r) => r.scenario === scenario && (r.budget === budget || (r.arm === 'full' && budget === mainBudget)) && r.runs.length > 0)
      .sort(byArmOrder);
    if (group.length === 0) continue;
    const name = `goracs-hr10-${scenario}-n${budget}.svg`;
    const valueTitle = 'HR@10 % (mean ± std over seeds)';
    svgs[name] = await renderSvg(
      tidySpec(
        barChart(
          `HR@10 (full rank), ${scenario === 'drift' ? 'drift + noise' : 'no-drift control'}, n = ${budget}`,
          valueTitle,
          group.map((r) => {
            const { mean, std } = meanStd(r.runs.map((x) => x.hr10 * 100));
            return { category: `${ARM_SHORT[r.arm]}${r.arm === 'full' ? ` (N = ${r.runs[0].trainSize})` : ''}`, value: mean, low: mean - std, high: mean + std };
          }),
        ),
        valueTitle,
      ),
    );
    plotted.push(`![HR@10 ${scenario} n = ${budget}](${name})`);
  }
  // One scenario and budget: POO values of different scenarios come from different cost matrices.
  const scatter: LinePoint[] = results
    .filter((r) => r.scenario === 'drift' && r.budget === mainBudget && r.selections.length > 0 && r.runs.length > 0)
    .sort(byArmOrder)
    .map((r) => ({
      series: ARM_SHORT[r.arm],
      x: meanOf(r.selections.map((s) => s.poo)),
      y: meanOf(r.runs.map((x) => x.testLoss)),
    }));
  if (scatter.length > 0) {
    svgs['goracs-poo-vs-ce.svg'] = await renderSvg(
      tidySpec(lineChart(`Drift, n = ${mainBudget}: POO (λ = ${profile.pooLambda}, target V_sel) vs test cross-entropy, means over seeds`, 'POO', 'test CE', scatter), 'POO'),
    );
    plotted.push('![POO vs test CE](goracs-poo-vs-ce.svg)');
  }
  sections.push(['## Plots', ...plotted].join('\n\n'));
  return { markdown: sections.join('\n\n'), svgs };
}
