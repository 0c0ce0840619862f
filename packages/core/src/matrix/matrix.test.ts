import { describe, expect, it } from 'vitest';
import { assertAllClose } from '../testing/close.js';
import { csrToDense, validateCsr } from './csr.js';
import {
  createMatrix,
  matrixFrom,
  matrixFromRows,
  matrixRow,
  matrixToRows,
  normalizeRows,
  selectRows,
  toFloat32,
  transpose,
} from './matrix.js';
import { assertFinite, assertMatrix } from './validate.js';

describe('Matrix', () => {
  it('round-trips nested arrays and views rows without copying', () => {
    const m = matrixFromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(matrixToRows(m)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const row = matrixRow(m, 1);
    row[0] = 40;
    expect(m.data[3]).toBe(40);
    expect(matrixToRows(transpose(m))).toEqual([
      [1, 40],
      [2, 5],
      [3, 6],
    ]);
    expect(matrixToRows(selectRows(m, [1, 0, 1]))).toEqual([
      [40, 5, 6],
      [1, 2, 3],
      [40, 5, 6],
    ]);
    expect(toFloat32(m).data).toBeInstanceOf(Float32Array);
    expect(createMatrix(2, 2, 'float32').data).toBeInstanceOf(Float32Array);
  });

  it('normalises rows to unit length and leaves zero rows at zero', () => {
    const n = normalizeRows(matrixFromRows([
      [3, 4],
      [0, 0],
    ]));
    assertAllClose(n.data, [0.6, 0.8, 0, 0], { rtol: 1e-15 });
  });

  it('validates shapes and values with the argument name', () => {
    expect(() => matrixFromRows([[1, 2], [3]], 'features')).toThrow('features[1] has 1 values, expected 2');
    expect(() => matrixFrom(new Float64Array(5), 2, 3)).toThrow(/data has 5 elements/);
    expect(() => selectRows(matrixFromRows([[1]]), [1])).toThrow(/row index 1/);
    expect(() => assertFinite([1, Number.POSITIVE_INFINITY], 'scores')).toThrow('scores has a non-finite value (Infinity) at index 1');
    expect(() => assertMatrix(matrixFromRows([[1, Number.NaN]]), 'x')).toThrow('x has a non-finite value (NaN) at row 0, column 1');
    expect(() => assertMatrix(matrixFromRows([[1, 2]]), 'x', { cols: 3 })).toThrow('x has 2 columns, expected 3');
  });
});

describe('CsrMatrix', () => {
  it('converts to dense and rejects broken invariants', () => {
    const m = {
      rows: 2,
      cols: 3,
      indptr: Int32Array.from([0, 2, 3]),
      indices: Int32Array.from([0, 2, 1]),
      data: Float64Array.from([1, 2, 3]),
    };
    validateCsr(m);
    expect(Array.from(csrToDense(m))).toEqual([1, 0, 2, 0, 3, 0]);
    expect(() => validateCsr({ ...m, indices: Int32Array.from([2, 0, 1]) }, 'similarity')).toThrow(
      'similarity is not a valid CSR matrix: columns of row 0 are not strictly increasing',
    );
    expect(() => validateCsr({ ...m, indptr: Int32Array.from([0, 2]) })).toThrow(/indptr has length 2/);
  });
});
