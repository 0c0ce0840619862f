import { selectRows, type CsrMatrix, type Matrix } from '@coresets/core';

/** The similarity among `members` only (square input, rows and columns restricted alike). */
export function subsetSimilarity(
  similarity: Matrix | CsrMatrix,
  members: readonly number[],
): Matrix | CsrMatrix {
  const k = members.length;
  if ('indptr' in similarity) {
    const local = new Int32Array(similarity.cols).fill(-1);
    members.forEach((e, t) => (local[e] = t));
    const indptr = new Int32Array(k + 1);
    const indices: number[] = [];
    const data: number[] = [];
    for (let t = 0; t < k; t++) {
      const i = members[t];
      for (let p = similarity.indptr[i]; p < similarity.indptr[i + 1]; p++) {
        const j = local[similarity.indices[p]];
        if (j >= 0) {
          indices.push(j);
          data.push(similarity.data[p]);
        }
      }
      indptr[t + 1] = indices.length;
    }
    // Members are ascending, so local column order follows global order within each row.
    return {
      rows: k,
      cols: k,
      indptr,
      indices: Int32Array.from(indices),
      data: Float64Array.from(data),
    };
  }
  const n = similarity.cols;
  const out =
    similarity.data instanceof Float32Array ? new Float32Array(k * k) : new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) out[a * k + b] = similarity.data[members[a] * n + members[b]];
  }
  return { rows: k, cols: k, data: out };
}

export function subsetFeatures(features: Matrix, members: readonly number[]): Matrix {
  return selectRows(features, members);
}

/** Values of `array` at `members` (for per-candidate arrays such as costs). */
export function subsetValues(array: Float64Array, members: readonly number[]): Float64Array {
  return Float64Array.from(members, (e) => array[e]);
}

/** Global indices in `set` that belong to the group, as local positions. */
export function localIndices(set: Int32Array, local: Int32Array): Int32Array {
  const out: number[] = [];
  for (const e of set) if (local[e] >= 0) out.push(local[e]);
  return Int32Array.from(out);
}
