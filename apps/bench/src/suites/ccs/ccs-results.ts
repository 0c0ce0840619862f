import { meanStd } from '../../report/markdown.js';
import type { CcsMethod } from './ccs-profile.js';
import { HARDEST_FIRST, coresetKey } from './ccs-profile.js';
import type { TrainingCell } from './coreset-training.js';
import { isDeterministic } from './select-coreset.js';

/** All training outcomes of one (method, rate), over the seeds that were run. */
export interface MethodRateResult {
  readonly method: CcsMethod | 'full';
  readonly rate: number;
  readonly runs: readonly TrainingCell[];
  /** AUC_pr of the coresets of this method and rate (one per seed, or one for seed-independent methods). */
  readonly coverage: readonly number[];
}

export function collectCoverage(
  coverage: Readonly<Record<string, number>>,
  method: CcsMethod,
  rate: number,
  seeds: number,
): number[] {
  const out: number[] = [];
  const n = isDeterministic(method) ? 1 : seeds;
  for (let seed = 0; seed < n; seed++) {
    const value = coverage[coresetKey(rate, method, seed)];
    if (value !== undefined) out.push(value);
  }
  return out;
}

export function meanOf(values: readonly number[]): number {
  return meanStd(values).mean;
}

/** One observed check of the expected pattern: what was compared, the numbers, and whether it holds. */
export interface PatternCheck {
  readonly claim: string;
  readonly evidence: string;
  readonly holds: boolean;
}

type Lookup = (method: CcsMethod | 'full', rate: number) => MethodRateResult | undefined;

const pct = (x: number): string => (x * 100).toFixed(2);
const signed = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}`;

/**
 * Per-seed differences of final accuracy (runs are stored in seed order and a seed shares its
 * initial weights across methods), as ", paired Δ over n seeds: mean ± std pt"; empty below 2 pairs.
 */
function pairedText(a: MethodRateResult, b: MethodRateResult): string {
  const n = Math.min(a.runs.length, b.runs.length);
  if (n < 2) return '';
  const diffs = Array.from(
    { length: n },
    (_, i) => (a.runs[i].finalAccuracy - b.runs[i].finalAccuracy) * 100,
  );
  const { mean, std } = meanStd(diffs);
  return `; paired Δ over ${n} seeds ${mean >= 0 ? '+' : ''}${mean.toFixed(2)} ± ${std.toFixed(2)}`;
}

/**
 * Compares the measured means with the pattern specs/ccs.md expects. Only numbers that were run
 * are compared; a check with missing inputs is left out rather than guessed.
 */
export function patternChecks(
  results: readonly MethodRateResult[],
  rates: readonly number[],
): PatternCheck[] {
  const find: Lookup = (method, rate) =>
    results.find((r) => r.method === method && Math.abs(r.rate - rate) < 1e-9 && r.runs.length > 0);
  const acc = (r: MethodRateResult): number => meanOf(r.runs.map((x) => x.finalAccuracy));
  const checks: PatternCheck[] = [];
  for (const rate of rates.filter((r) => r >= 0.8)) {
    const random = find('random', rate);
    const ccs = find('ccs', rate);
    const label = `${Math.round(rate * 100)}%`;
    if (random !== undefined && ccs !== undefined) {
      const d = acc(ccs) - acc(random);
      checks.push({
        claim: `At ${label}, CCS ≥ random (final accuracy)`,
        evidence: `CCS ${pct(acc(ccs))} vs random ${pct(acc(random))} (${signed(d)} pt${pairedText(ccs, random)})`,
        holds: d >= 0,
      });
    }
    if (random !== undefined) {
      const hard = HARDEST_FIRST.map((m) => find(m, rate)).filter((r) => r !== undefined);
      if (hard.length > 0) {
        checks.push({
          claim: `At ${label}, every hardest-first method (forgetting, EL2N, AUM) is below random`,
          evidence: hard.map((r) => `${r.method} ${signed(acc(r) - acc(random))} pt`).join(', '),
          holds: hard.every((r) => acc(r) < acc(random)),
        });
      }
      const entropy = find('entropy', rate);
      if (entropy !== undefined && hard.length > 0) {
        const worstHard = Math.min(...hard.map(acc));
        checks.push({
          claim: `At ${label}, entropy lies between the hardest-first methods and random`,
          evidence: `entropy ${pct(acc(entropy))}, random ${pct(acc(random))}, worst hardest-first ${pct(worstHard)}`,
          holds: acc(entropy) <= acc(random) && acc(entropy) >= worstHard,
        });
      }
    }
    const coverageOf = (m: CcsMethod): number | undefined => {
      const r = find(m, rate);
      return r === undefined || r.coverage.length === 0 ? undefined : meanOf(r.coverage);
    };
    const cr = coverageOf('random');
    const cc = coverageOf('ccs');
    const hardCov = HARDEST_FIRST.map((m) => ({ m, v: coverageOf(m) })).filter(
      (x): x is { m: CcsMethod; v: number } => x.v !== undefined,
    );
    if (cr !== undefined && cc !== undefined && hardCov.length > 0) {
      checks.push({
        claim: `At ${label}, AUC_pr of every hardest-first subset > AUC_pr of random and of CCS (worse coverage)`,
        evidence: `${hardCov.map((x) => `${x.m} ${x.v.toFixed(3)}`).join(', ')}; random ${cr.toFixed(3)}, CCS ${cc.toFixed(3)}`,
        holds: hardCov.every((x) => x.v > cr && x.v > cc),
      });
    }
    const strataOnly = find('ccs-strata-only', rate);
    const cutoffOnly = find('ccs-cutoff-only', rate);
    if (ccs !== undefined && strataOnly !== undefined && cutoffOnly !== undefined) {
      checks.push({
        claim: `At ${label}, CCS beats both ablations (strata only, cutoff only)`,
        evidence: `CCS ${pct(acc(ccs))}, strata only ${pct(acc(strataOnly))}, cutoff only ${pct(acc(cutoffOnly))}`,
        holds: acc(ccs) > acc(strataOnly) && acc(ccs) > acc(cutoffOnly),
      });
    }
  }
  for (const rate of rates.filter((r) => r <= 0.5)) {
    const here = results.filter(
      (r) => r.method !== 'full' && Math.abs(r.rate - rate) < 1e-9 && r.runs.length > 0,
    );
    if (here.length < 2) continue;
    const means = here.map((r) => ({ m: r.method, a: acc(r) }));
    const lo = means.reduce((a, b) => (b.a < a.a ? b : a));
    const hi = means.reduce((a, b) => (b.a > a.a ? b : a));
    checks.push({
      claim: `At ${Math.round(rate * 100)}%, all methods within about 1 pt of each other`,
      evidence: `spread ${((hi.a - lo.a) * 100).toFixed(2)} pt (highest ${hi.m} ${pct(hi.a)}, lowest ${lo.m} ${pct(lo.a)})`,
      holds: hi.a - lo.a <= 0.0125,
    });
  }
  return checks;
}
