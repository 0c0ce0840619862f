import { fairClassBudgets } from '@coresets/autocoreset';
import type { Matrix } from '@coresets/core';

/**
 * Per-class spread of the per-point logistic gradients at q_full, measured in the H⁻¹ metric
 * (H = Hessian of the full objective): a weighted sample perturbs the full gradient by a noise
 * δg, the fitted solution moves by ≈ −H⁻¹δg, and the excess cost is ≈ ½ δgᵀH⁻¹δg. So the
 * expected ε of a sampling design to first order is ½·Var_{H⁻¹}(δg) / F(P; q_full).
 */
export interface ClassGradientSpread {
  /** Class counts, negatives (−1) first. */
  readonly counts: [number, number];
  /** Within-class mean of (g_i − ḡ_c)ᵀH⁻¹(g_i − ḡ_c). */
  readonly withinVariance: [number, number];
  /** The same over all rows. */
  readonly totalVariance: number;
  /** F(P; q_full). */
  readonly cost: number;
  /** Share of each class's rows with margin y·(xᵀθ + b) < 1 at q_full: the rows that set the boundary. */
  readonly boundaryShare: [number, number];
}

function invert(a: Float64Array[]): Float64Array[] {
  const n = a.length;
  const m = a.map((row, i) => {
    const r = new Float64Array(2 * n);
    r.set(row);
    r[n + i] = 1;
    return r;
  });
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const pivot = m[c][c];
    for (let k = 0; k < 2 * n; k++) m[c][k] /= pivot;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c];
      for (let k = 0; k < 2 * n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((r) => r.slice(n));
}

/** Logistic data-term gradients −y·σ(−y·s)·[x, 1]; H = Σ p(1−p)·zzᵀ + diag(1…1, 0) (θ regularised, b not). */
export function logisticGradientSpread(
  x: Matrix<Float64Array>,
  y: Float64Array,
  solution: { theta: Float64Array; bias: number },
  cost: number,
): ClassGradientSpread {
  const d = x.cols;
  const D = d + 1;
  const h = Array.from({ length: D }, (_, i) => {
    const row = new Float64Array(D);
    if (i < d) row[i] = 1;
    return row;
  });
  const grads: Float64Array[] = [];
  const inside = [0, 0];
  const z = new Float64Array(D);
  for (let i = 0; i < x.rows; i++) {
    for (let j = 0; j < d; j++) z[j] = x.data[i * d + j];
    z[d] = 1;
    let s = solution.bias;
    for (let j = 0; j < d; j++) s += z[j] * solution.theta[j];
    const p = 1 / (1 + Math.exp(-y[i] * s));
    if (y[i] * s < 1) inside[y[i] > 0 ? 1 : 0]++;
    for (let a = 0; a < D; a++) for (let b = 0; b < D; b++) h[a][b] += p * (1 - p) * z[a] * z[b];
    grads.push(z.map((v) => -y[i] * (1 - p) * v));
  }
  const hInv = invert(h);
  const quad = (u: Float64Array): number => {
    let s = 0;
    for (let a = 0; a < D; a++) for (let b = 0; b < D; b++) s += u[a] * hInv[a][b] * u[b];
    return s;
  };
  const spread = (rows: number[]): number => {
    const mean = new Float64Array(D);
    for (const i of rows) for (let a = 0; a < D; a++) mean[a] += grads[i][a] / rows.length;
    let s = 0;
    for (const i of rows) s += quad(grads[i].map((v, a) => v - mean[a]));
    return s / rows.length;
  };
  const groups: [number[], number[]] = [[], []];
  for (let i = 0; i < x.rows; i++) groups[y[i] > 0 ? 1 : 0].push(i);
  return {
    counts: [groups[0].length, groups[1].length],
    withinVariance: [spread(groups[0]), spread(groups[1])],
    totalVariance: spread([...groups[0], ...groups[1]]),
    cost,
    boundaryShare: [inside[0] / groups[0].length, inside[1] / groups[1].length],
  };
}

/** First-order expected ε of each sampling design at size m (with replacement). */
export interface DesignPrediction {
  readonly size: number;
  /** The `fair` budgets [negatives, positives]. */
  readonly budgets: [number, number];
  /** ½ Σ_c n_c² v_c / m_c / F: per-class draws with the fair budgets. */
  readonly fair: number;
  /** ½ n² v / m / F: one draw of m over all rows (ignores the every-class redraw). */
  readonly global: number;
  /** Positives' share of the variance-optimal (Neyman) split m_c ∝ n_c √v_c. */
  readonly neymanPositiveShare: number;
  readonly neyman: number;
}

export function predictDesigns(spread: ClassGradientSpread, size: number): DesignPrediction {
  const budgets = Array.from(fairClassBudgets(spread.counts, size).budgets) as [number, number];
  const [n0, n1] = spread.counts;
  const [v0, v1] = spread.withinVariance;
  const n = n0 + n1;
  const a0 = n0 * Math.sqrt(v0);
  const a1 = n1 * Math.sqrt(v1);
  const scale = 0.5 / spread.cost;
  return {
    size,
    budgets,
    fair: scale * ((n0 * n0 * v0) / budgets[0] + (n1 * n1 * v1) / budgets[1]),
    global: (scale * n * n * spread.totalVariance) / size,
    neymanPositiveShare: a1 / (a0 + a1),
    // Σ_c (n_c √v_c)² / m_c at m_c = m·share_c equals (Σ_c n_c √v_c)² / m.
    neyman: (scale * (a0 + a1) ** 2) / size,
  };
}
