import {
  autoCoreset,
  classificationAccuracy,
  coresetEpsilon,
  fitFullData,
  problemCost,
  rSquared,
  uniformCoreset,
} from '@coresets/autocoreset';
import type { LinearSolution, SummarizerName } from '@coresets/autocoreset';
import { isClassification, trialSeed, type BenchProblem, type TrialCell } from './autocoreset-profile.js';
import type { ProblemData } from './htru2-problems.js';

/** The full-data reference of one problem: q_full fitted on all training rows at unit weights. */
export interface FullReference {
  readonly problem: BenchProblem;
  readonly cost: number;
  /** Test accuracy (classification), R² (regression) or null (k-means). */
  readonly quality: number | null;
  readonly fitMs: number;
  /** The fitted solution, kept so that later runs can compute ε without refitting. */
  readonly solution: unknown;
}

/** One seeded trial of one arm at one size. */
export interface TrialResult {
  readonly epsilon: number;
  readonly quality: number | null;
  /** Wall time of building the coreset and fitting on it (the whole call). */
  readonly timeMs: number;
  /** Distinct points in the coreset (Caratheodory often returns fewer than m). */
  readonly size: number;
  /** AutoCoreset rounds (null for the uniform baselines). */
  readonly rounds: number | null;
  readonly stopReason: string | null;
}

interface SerializedSolution {
  theta?: number[];
  bias?: number;
  centroids?: { rows: number; cols: number; data: number[] };
}

/** Solutions travel through results.json, so typed arrays become plain arrays and back. */
function serializeSolution(solution: unknown): SerializedSolution {
  const s = solution as { theta?: Float64Array; bias?: number; centroids?: { rows: number; cols: number; data: Float64Array } };
  if (s.centroids !== undefined) return { centroids: { rows: s.centroids.rows, cols: s.centroids.cols, data: Array.from(s.centroids.data) } };
  return { theta: Array.from(s.theta ?? []), bias: s.bias ?? 0 };
}

export function deserializeSolution(stored: unknown): unknown {
  const s = stored as SerializedSolution;
  if (s.centroids !== undefined) {
    return { centroids: { rows: s.centroids.rows, cols: s.centroids.cols, data: Float64Array.from(s.centroids.data) } };
  }
  return { theta: Float64Array.from(s.theta ?? []), bias: s.bias ?? 0 };
}

function quality(problem: BenchProblem, data: ProblemData, solution: unknown): number | null {
  if (data.test === undefined || data.testLabels === undefined) return null;
  const linear = solution as LinearSolution;
  return isClassification(problem) ? classificationAccuracy(linear, data.test, data.testLabels) : rSquared(linear, data.test, data.testLabels);
}

export function fitReference(problem: BenchProblem, data: ProblemData): FullReference {
  const t0 = performance.now();
  const solution = fitFullData(problem, data.train, data.trainLabels, 0);
  const fitMs = performance.now() - t0;
  return {
    problem,
    cost: problemCost(problem, data.train, data.trainLabels, solution),
    quality: quality(problem, data, solution),
    fitMs,
    solution: serializeSolution(solution),
  };
}

export async function runTrial(cell: TrialCell, data: ProblemData, reference: FullReference, signal: AbortSignal | undefined): Promise<TrialResult> {
  const seed = trialSeed(cell);
  const base = { data: data.train, labels: data.trainLabels, problem: cell.problem, size: cell.size, seed };
  const t0 = performance.now();
  let solution: unknown;
  let size: number;
  let rounds: number | null = null;
  let stopReason: string | null = null;
  if (cell.arm === 'uniform-global') {
    const result = uniformCoreset({ ...base, mode: 'global' });
    solution = result.meta.solution;
    size = result.indices.length;
  } else if (cell.arm === 'uniform' || cell.arm === 'uniform-proportional' || cell.arm === 'uniform-balanced') {
    const budgets = cell.arm === 'uniform' ? {} : { classBudgets: cell.arm === 'uniform-proportional' ? ('proportional' as const) : ('balanced' as const) };
    const result = uniformCoreset({ ...base, mode: 'per-class', ...budgets });
    solution = result.meta.solution;
    size = result.indices.length;
  } else {
    const result = await autoCoreset({ ...base, summarizer: cell.arm satisfies SummarizerName, ...(signal === undefined ? {} : { signal }) });
    solution = result.meta.solution;
    size = result.indices.length;
    rounds = result.meta.rounds;
    stopReason = result.meta.stopReason;
  }
  const timeMs = performance.now() - t0;
  return {
    epsilon: coresetEpsilon(cell.problem, data.train, data.trainLabels, solution, deserializeSolution(reference.solution)),
    quality: quality(cell.problem, data, solution),
    timeMs,
    size,
    rounds,
    stopReason,
  };
}
