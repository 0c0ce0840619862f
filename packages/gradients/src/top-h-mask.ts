import { CoresetError, assertMatrix, rankIndices, validateOptions } from '@coresets/core';
import type { Matrix, OptionsSchema, Rng } from '@coresets/core';
import { resolveRng } from './internal/validate.js';

/**
 * - `largest`: the h columns with the largest importance |mean over the group's rows| (CoLM).
 * - `smallest`: the h smallest (ablation).
 * - `random`: h columns drawn uniformly without replacement from `rng` (ablation).
 */
export type MaskRule = 'largest' | 'smallest' | 'random';

export interface TopHMaskOptions {
  readonly rule?: MaskRule;
  /** Required for `rule: 'random'`. */
  readonly rng?: Rng | number | undefined;
}

export const DEFAULT_TOP_H_MASK_OPTIONS = { rule: 'largest' } as const satisfies TopHMaskOptions;

const SCHEMA: OptionsSchema = {
  rule: {
    type: 'string',
    description: 'mask rule',
    values: ['largest', 'smallest', 'random'],
    default: 'largest',
  },
  rng: { type: 'any', description: 'seed or Rng for the random rule' },
};

/** Importance of every column over the given rows: |mean_i x_ij| in float64. */
export function columnImportance(x: Matrix, rows?: ArrayLike<number>): Float64Array {
  assertMatrix(x, 'x');
  const idx = checkRows(rows, x.rows);
  const d = x.cols;
  const sum = new Float64Array(d);
  for (let k = 0; k < idx.length; k++) {
    const base = idx[k] * d;
    for (let j = 0; j < d; j++) sum[j] += x.data[base + j];
  }
  for (let j = 0; j < d; j++) sum[j] = Math.abs(sum[j] / idx.length);
  return sum;
}

/**
 * The h mask columns for one group of rows (default: all rows), in ascending column order so a
 * masked matrix keeps the original column order. Ties in importance go to the lower column index.
 */
export function topHColumns(
  x: Matrix,
  h: number,
  rows?: ArrayLike<number>,
  options: TopHMaskOptions = {},
): Int32Array {
  const opts = validateOptions<TopHMaskOptions & { rule: MaskRule }>(
    SCHEMA,
    options,
    'topHColumns',
  );
  assertMatrix(x, 'x');
  if (!Number.isInteger(h) || h < 0 || h > x.cols) {
    throw new CoresetError('OUT_OF_RANGE', `h must be an integer in [0, ${x.cols}], got ${h}`, {
      argument: 'h',
    });
  }
  let picked: Int32Array;
  if (opts.rule === 'random') {
    if (opts.rng === undefined) {
      throw new CoresetError('MISSING_OPTION', "rule 'random' needs rng", { argument: 'rng' });
    }
    checkRows(rows, x.rows);
    picked = resolveRng(opts.rng).sampleWithoutReplacement(x.cols, h);
  } else {
    if (opts.rng !== undefined) {
      throw new CoresetError('INVALID_ARGUMENT', `rule '${opts.rule}' takes no rng`, {
        argument: 'rng',
      });
    }
    const importance = columnImportance(x, rows);
    picked = rankIndices(importance, opts.rule === 'largest' ? 'high' : 'low').slice(0, h);
  }
  return picked.sort();
}

/** One group's mask: its rows (ascending) and its h columns (ascending). */
export interface GroupMask {
  readonly group: number;
  readonly rows: Int32Array;
  readonly columns: Int32Array;
}

/**
 * Per-group masks (CoLM step 4): `groups[i]` is row i's group id (a non-negative integer); one
 * mask per distinct id, in increasing id order. With `rule: 'random'` each group draws from the
 * same generator in that order.
 */
export function groupTopHColumns(
  x: Matrix,
  groups: ArrayLike<number>,
  h: number,
  options: TopHMaskOptions = {},
): GroupMask[] {
  assertMatrix(x, 'x');
  if (groups.length !== x.rows) {
    throw new CoresetError(
      'SHAPE_MISMATCH',
      `groups has ${groups.length} entries, x has ${x.rows} rows`,
      {
        argument: 'groups',
      },
    );
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (!Number.isInteger(g) || g < 0) {
      throw new CoresetError(
        'INVALID_ARGUMENT',
        `groups[${i}] = ${g} is not a non-negative integer`,
        {
          argument: 'groups',
        },
      );
    }
    const list = members.get(g);
    if (list === undefined) members.set(g, [i]);
    else list.push(i);
  }
  const rng = options.rng === undefined ? undefined : resolveRng(options.rng);
  const ids = [...members.keys()].sort((a, b) => a - b);
  return ids.map((group) => {
    const rows = Int32Array.from(members.get(group) ?? []);
    const columns = topHColumns(x, h, rows, rng === undefined ? options : { ...options, rng });
    return { group, rows, columns };
  });
}

/** The sub-matrix of `rows` (default all, in the given order) and `columns` (in the given order), float64. */
export function applyColumnMask(
  x: Matrix,
  columns: ArrayLike<number>,
  rows?: ArrayLike<number>,
): Matrix<Float64Array> {
  assertMatrix(x, 'x');
  const idx = checkRows(rows, x.rows, true);
  for (let k = 0; k < columns.length; k++) {
    const j = columns[k];
    if (!Number.isInteger(j) || j < 0 || j >= x.cols) {
      throw new CoresetError('OUT_OF_RANGE', `columns[${k}] = ${j} is outside [0, ${x.cols})`, {
        argument: 'columns',
      });
    }
  }
  const h = columns.length;
  const out = new Float64Array(idx.length * h);
  for (let k = 0; k < idx.length; k++) {
    const base = idx[k] * x.cols;
    for (let c = 0; c < h; c++) out[k * h + c] = x.data[base + columns[c]];
  }
  return { rows: idx.length, cols: h, data: out };
}

function checkRows(
  rows: ArrayLike<number> | undefined,
  n: number,
  allowEmpty = false,
): ArrayLike<number> {
  if (rows === undefined) {
    if (n === 0 && !allowEmpty) {
      throw new CoresetError('INVALID_ARGUMENT', 'x has no rows', { argument: 'x' });
    }
    return Int32Array.from({ length: n }, (_, i) => i);
  }
  if (rows.length === 0 && !allowEmpty) {
    throw new CoresetError('INVALID_ARGUMENT', 'rows must not be empty', { argument: 'rows' });
  }
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new CoresetError('OUT_OF_RANGE', `rows[${k}] = ${i} is outside [0, ${n})`, {
        argument: 'rows',
      });
    }
  }
  return rows;
}
