import type { Matrix } from '@coresets/core';
import type { OtPlan } from './emd.js';

/** How far a plan and duals are from proving each other optimal (all zero for an exact optimum). */
export interface OtCertificate {
  /** Largest |row or column sum of the plan − marginal|, plus any negative mass. */
  readonly primalResidual: number;
  /** max(0, max_ij u_i + v_j − C_ij). */
  readonly dualViolation: number;
  /** max |u_i + v_j − C_ij| over the plan's positive entries. */
  readonly slackness: number;
  /** |Σ π C − (Σ a·u + Σ b·v)|. */
  readonly gap: number;
  /** Σ π C of the plan. */
  readonly primalValue: number;
  /** Σ a·u + Σ b·v. */
  readonly dualValue: number;
}

/**
 * Checks primal feasibility, dual feasibility, complementary slackness and strong duality for a
 * transport plan and dual potentials. Together they certify optimality of both, independently of
 * the solver that produced them. O(n·m).
 */
export function otCertificate(
  cost: Matrix,
  plan: OtPlan,
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): OtCertificate {
  const n = cost.rows;
  const m = cost.cols;
  const rowSum = new Float64Array(n);
  const colSum = new Float64Array(m);
  let primalResidual = 0;
  let primalValue = 0;
  let slackness = 0;
  for (let k = 0; k < plan.mass.length; k++) {
    const i = plan.rows[k];
    const j = plan.cols[k];
    const x = plan.mass[k];
    if (x < 0) primalResidual = Math.max(primalResidual, -x);
    rowSum[i] += x;
    colSum[j] += x;
    const c = cost.data[i * m + j];
    primalValue += x * c;
    if (x > 0) slackness = Math.max(slackness, Math.abs(u[i] + v[j] - c));
  }
  for (let i = 0; i < n; i++) primalResidual = Math.max(primalResidual, Math.abs(rowSum[i] - a[i]));
  for (let j = 0; j < m; j++) primalResidual = Math.max(primalResidual, Math.abs(colSum[j] - b[j]));
  let dualViolation = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const d = u[i] + v[j] - cost.data[i * m + j];
      if (d > dualViolation) dualViolation = d;
    }
  }
  let dualValue = 0;
  for (let i = 0; i < n; i++) dualValue += a[i] * u[i];
  for (let j = 0; j < m; j++) dualValue += b[j] * v[j];
  return {
    primalResidual,
    dualViolation,
    slackness,
    gap: Math.abs(primalValue - dualValue),
    primalValue,
    dualValue,
  };
}
