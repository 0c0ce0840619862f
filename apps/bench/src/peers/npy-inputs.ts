import { join } from 'node:path';
import { encodeNpy, writeFileAtomic, type Matrix } from '@coresets/core';

/** Writes a matrix as float64 .npy (what numpy reads natively). */
export function writeMatrixNpy(dir: string, name: string, m: Matrix): void {
  const data = m.data instanceof Float64Array ? m.data : Float64Array.from(m.data);
  writeFileAtomic(join(dir, name), encodeNpy({ data, shape: [m.rows, m.cols] }));
}

export function writeVectorNpy(dir: string, name: string, values: ArrayLike<number>, dtype: 'float64' | 'int64' = 'float64'): void {
  writeFileAtomic(join(dir, name), encodeNpy({ data: Array.from(values), shape: [values.length], dtype }));
}
