import type { Matrix } from '@coresets/core';

export interface SmoResult {
  readonly theta: Float64Array;
  readonly bias: number;
  readonly alpha: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

const TAU = 1e-12;

/**
 * Linear-kernel SMO for the soft-margin SVM with an unregularised intercept and per-point box
 * bounds: min ½αᵀQα − Σα s.t. Σα_i y_i = 0, 0 ≤ α_i ≤ upper_i, Q_ij = y_i y_j x_iᵀx_j.
 * Working-set selection is libsvm's second-order rule (Fan, Chen & Lin 2005); the two-variable
 * update and the intercept rule follow the same paper. Because the kernel is linear we keep
 * w = Σ α_i y_i x_i and recompute gradients from it, so memory stays O(n + d).
 * Points with upper_i = 0 are fixed at α_i = 0 and never selected.
 */
export function smoLinearSvm(
  x: Matrix<Float64Array>,
  signs: Float64Array,
  upper: Float64Array,
  tol: number,
  maxIter: number,
): SmoResult {
  const n = x.rows;
  const d = x.cols;
  const data = x.data;
  const alpha = new Float64Array(n);
  const w = new Float64Array(d);
  const grad = new Float64Array(n);
  const kDiag = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += data[i * d + j] * data[i * d + j];
    kDiag[i] = s;
  }
  const isUp = (t: number): boolean => (signs[t] > 0 ? alpha[t] < upper[t] : alpha[t] > 0);
  const isLow = (t: number): boolean => (signs[t] > 0 ? alpha[t] > 0 : alpha[t] < upper[t]);
  // A bound variable whose gradient says it would only move further into the bound.
  const canShrink = (t: number, gMax1: number, gMax2: number): boolean => {
    if (alpha[t] >= upper[t]) return signs[t] > 0 ? -grad[t] > gMax1 : -grad[t] > gMax2;
    if (alpha[t] <= 0) return signs[t] > 0 ? grad[t] > gMax2 : grad[t] > gMax1;
    return false;
  };
  const dotRows = (a: number, b: number): number => {
    let s = 0;
    const oa = a * d;
    const ob = b * d;
    for (let j = 0; j < d; j++) s += data[oa + j] * data[ob + j];
    return s;
  };

  // Shrinking (libsvm): variables stuck at a bound are dropped from the working list every
  // `shrinkEvery` iterations; on convergence the full list is restored and checked again.
  const all: number[] = [];
  for (let t = 0; t < n; t++) if (upper[t] > 0) all.push(t);
  let list = Int32Array.from(all);
  const shrinkEvery = Math.min(n, 1000);
  let untilShrink = shrinkEvery;
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIter; iterations++) {
    for (const t of list) {
      let s = 0;
      const o = t * d;
      for (let j = 0; j < d; j++) s += w[j] * data[o + j];
      grad[t] = signs[t] * s - 1;
    }
    let gMax = -Infinity;
    let i = -1;
    for (const t of list) {
      if (!isUp(t)) continue;
      const v = -signs[t] * grad[t];
      if (v > gMax) {
        gMax = v;
        i = t;
      }
    }
    let gMax2 = -Infinity;
    let j = -1;
    let objMin = Infinity;
    for (const t of list) {
      if (!isLow(t)) continue;
      const v = signs[t] * grad[t];
      if (v > gMax2) gMax2 = v;
      if (i < 0) continue;
      const b = gMax + v;
      if (b > 0) {
        let a = kDiag[i] + kDiag[t] - 2 * dotRows(i, t);
        if (a <= 0) a = TAU;
        const obj = -(b * b) / a;
        if (obj < objMin) {
          objMin = obj;
          j = t;
        }
      }
    }
    if (i < 0 || j < 0 || gMax + gMax2 < tol) {
      if (list.length === all.length) {
        converged = true;
        break;
      }
      list = Int32Array.from(all);
      untilShrink = shrinkEvery;
      continue;
    }
    if (--untilShrink === 0) {
      untilShrink = shrinkEvery;
      list = list.filter((t) => !canShrink(t, gMax, gMax2));
    }
    const yi = signs[i];
    const yj = signs[j];
    const ci = upper[i];
    const cj = upper[j];
    const oldI = alpha[i];
    const oldJ = alpha[j];
    const kij = dotRows(i, j);
    let quad = kDiag[i] + kDiag[j] - 2 * kij;
    if (quad <= 0) quad = TAU;
    if (yi !== yj) {
      const delta = (-grad[i] - grad[j]) / quad;
      const diff = alpha[i] - alpha[j];
      alpha[i] += delta;
      alpha[j] += delta;
      if (diff > 0) {
        if (alpha[j] < 0) {
          alpha[j] = 0;
          alpha[i] = diff;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = -diff;
      }
      if (diff > ci - cj) {
        if (alpha[i] > ci) {
          alpha[i] = ci;
          alpha[j] = ci - diff;
        }
      } else if (alpha[j] > cj) {
        alpha[j] = cj;
        alpha[i] = cj + diff;
      }
    } else {
      const delta = (grad[i] - grad[j]) / quad;
      const sum = alpha[i] + alpha[j];
      alpha[i] -= delta;
      alpha[j] += delta;
      if (sum > ci) {
        if (alpha[i] > ci) {
          alpha[i] = ci;
          alpha[j] = sum - ci;
        }
      } else if (alpha[j] < 0) {
        alpha[j] = 0;
        alpha[i] = sum;
      }
      if (sum > cj) {
        if (alpha[j] > cj) {
          alpha[j] = cj;
          alpha[i] = sum - cj;
        }
      } else if (alpha[i] < 0) {
        alpha[i] = 0;
        alpha[j] = sum;
      }
    }
    const di = (alpha[i] - oldI) * yi;
    const dj = (alpha[j] - oldJ) * yj;
    const oi = i * d;
    const oj = j * d;
    for (let k = 0; k < d; k++) w[k] += di * data[oi + k] + dj * data[oj + k];
  }

  // Gradients for the final α, then the intercept as in libsvm: the mean of y_i∇_i over free
  // variables, or the midpoint of the feasible interval when none is free.
  for (let t = 0; t < n; t++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += w[k] * data[t * d + k];
    grad[t] = signs[t] * s - 1;
  }
  let ub = Infinity;
  let lb = -Infinity;
  let nFree = 0;
  let sumFree = 0;
  for (let t = 0; t < n; t++) {
    if (upper[t] === 0) continue;
    const yg = signs[t] * grad[t];
    if (alpha[t] >= upper[t]) {
      if (signs[t] < 0) ub = Math.min(ub, yg);
      else lb = Math.max(lb, yg);
    } else if (alpha[t] <= 0) {
      if (signs[t] > 0) ub = Math.min(ub, yg);
      else lb = Math.max(lb, yg);
    } else {
      nFree++;
      sumFree += yg;
    }
  }
  const rho = nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
  return { theta: w, bias: -rho, alpha, iterations, converged };
}
