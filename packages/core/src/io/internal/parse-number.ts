const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL: Readonly<Record<string, number>> = {
  nan: Number.NaN,
  '+nan': Number.NaN,
  '-nan': Number.NaN,
  inf: Number.POSITIVE_INFINITY,
  '+inf': Number.POSITIVE_INFINITY,
  '-inf': Number.NEGATIVE_INFINITY,
  infinity: Number.POSITIVE_INFINITY,
  '+infinity': Number.POSITIVE_INFINITY,
  '-infinity': Number.NEGATIVE_INFINITY,
};

/**
 * Parses one text cell as a number, or returns `undefined`. Stricter than `Number()`, which reads
 * `''` and `' '` as 0 and accepts hex; accepts the `nan` / `inf` spellings numpy's `savetxt` and
 * pandas write, so such files round-trip (finiteness is checked where the values are used).
 */
export function parseNumberCell(cell: string): number | undefined {
  if (DECIMAL.test(cell)) return Number(cell);
  return SPECIAL[cell.toLowerCase()];
}
