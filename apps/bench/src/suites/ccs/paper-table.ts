import type { CcsMethod } from './ccs-profile.js';

/** One published number; `approx` marks values read off the paper's figure or unconfirmed (spec ccs.md §8). */
export interface PaperValue {
  readonly value: number;
  readonly approx: boolean;
}

/** Pruning rates of the paper's CIFAR-10 table. */
export const PAPER_RATES: readonly number[] = [0.3, 0.5, 0.7, 0.8, 0.9];

const v = (value: number, approx = false): PaperValue => ({ value, approx });

/**
 * Zheng et al. (ICLR 2023), CIFAR-10, ResNet-18, test accuracy in % (best of periodic
 * evaluations), as transcribed in specs/ccs.md §8. Full data ≈ 95.2.
 */
export const PAPER_CIFAR10: Readonly<Partial<Record<CcsMethod, readonly PaperValue[]>>> = {
  random: [v(94.3, true), v(93.4, true), v(90.9, true), v(88.0, true), v(79.04)],
  entropy: [v(94.4, true), v(92.1, true), v(85.67), v(79.08), v(66.52)],
  forgetting: [v(95.36), v(95.3, true), v(90.6, true), v(62.74), v(34.03)],
  el2n: [v(95.4, true), v(94.6, true), v(87.48), v(70.32), v(22.3, true)],
  aum: [v(95.1, true), v(95.3, true), v(91.4, true), v(57.84), v(28.1, true)],
  moderate: [v(93.6, true), v(92.5, true), v(90.6, true), v(87.3, true), v(81.1, true)],
  ccs: [v(95.4, true), v(95.0, true), v(92.97), v(90.93), v(86.08)],
};

export const PAPER_FULL_DATA = 95.2;

/** The paper's number for `method` at `rate`, or undefined where the paper has none. */
export function paperValue(method: CcsMethod, rate: number): PaperValue | undefined {
  const row = PAPER_CIFAR10[method];
  const col = PAPER_RATES.findIndex((r) => Math.abs(r - rate) < 1e-9);
  return row === undefined || col < 0 ? undefined : row[col];
}

export function formatPaper(p: PaperValue | undefined): string {
  if (p === undefined) return '—';
  return `${p.approx ? '≈' : ''}${Number.isInteger(p.value) ? p.value.toFixed(1) : String(p.value)}`;
}
