import { extname } from 'node:path';
import { CoresetError } from '../errors/coreset-error.js';
import type { Matrix } from '../matrix/matrix.js';
import { npyToMatrix, npyToVector } from './npy-convert.js';
import { readNpy } from './npy-file.js';
import { readCsv } from './parse-csv.js';
import type { NumericData } from './read-json.js';
import { readJson, readJsonl } from './read-json.js';

export interface ReadMatrixFileOptions {
  /** CSV/TSV only: see `CsvOptions.header`. */
  readonly header?: boolean | 'auto' | undefined;
  /** CSV only: the cell delimiter (`.tsv` files always use a tab). */
  readonly delimiter?: string | undefined;
}

/** File extensions `readMatrixFile` and `readVectorFile` understand. */
export const MATRIX_FILE_EXTENSIONS = ['.npy', '.csv', '.tsv', '.json', '.jsonl'] as const;

type Loaded =
  { kind: 'npy'; array: ReturnType<typeof readNpy> } | { kind: 'data'; data: NumericData };

function load(path: string, options: ReadMatrixFileOptions, caller: string): Loaded {
  if (typeof path !== 'string' || path.length === 0) {
    throw new CoresetError('INVALID_ARGUMENT', `${caller}: path must be a non-empty string`, {
      argument: 'path',
    });
  }
  const ext = extname(path).toLowerCase();
  switch (ext) {
    case '.npy':
      return { kind: 'npy', array: readNpy(path) };
    case '.csv':
    case '.tsv': {
      const delimiter = ext === '.tsv' ? '\t' : options.delimiter;
      const { matrix } = readCsv(path, { header: options.header, delimiter });
      return { kind: 'data', data: { kind: 'matrix', matrix } };
    }
    case '.json':
      return { kind: 'data', data: readJson(path) };
    case '.jsonl':
      return { kind: 'data', data: readJsonl(path) };
    default:
      throw new CoresetError(
        'UNSUPPORTED_FORMAT',
        `${caller}: cannot read "${path}": unsupported extension "${ext || '(none)'}" (supported: ${MATRIX_FILE_EXTENSIONS.join(' ')})`,
        { argument: 'path', file: path },
      );
  }
}

/**
 * Reads a 2-D numeric data set as a float64 matrix, choosing the format by extension: `.npy` (any
 * numeric dtype), `.csv` / `.tsv`, `.json` (array of rows) or `.jsonl` (one row per line).
 * One-dimensional data throws `SHAPE_MISMATCH` (store it as n × 1).
 */
export function readMatrixFile(
  path: string,
  options: ReadMatrixFileOptions = {},
): Matrix<Float64Array> {
  const loaded = load(path, options, 'readMatrixFile');
  if (loaded.kind === 'npy') return withFile(path, () => npyToMatrix(loaded.array, 'path'));
  if (loaded.data.kind === 'matrix') return loaded.data.matrix;
  throw new CoresetError(
    'SHAPE_MISMATCH',
    `readMatrixFile: "${path}" holds a 1-D list of ${loaded.data.vector.length} numbers, expected rows of numbers`,
    { argument: 'path', file: path },
  );
}

/**
 * Reads a vector (labels, weights, scores) from a file in any format `readMatrixFile` reads: 1-D
 * data, or a matrix with one column or one row. Other shapes throw `SHAPE_MISMATCH`.
 */
export function readVectorFile(path: string, options: ReadMatrixFileOptions = {}): Float64Array {
  const loaded = load(path, options, 'readVectorFile');
  if (loaded.kind === 'npy') return withFile(path, () => npyToVector(loaded.array, 'path'));
  if (loaded.data.kind === 'vector') return loaded.data.vector;
  const { matrix } = loaded.data;
  if (matrix.cols === 1 || matrix.rows === 1) return matrix.data;
  throw new CoresetError(
    'SHAPE_MISMATCH',
    `readVectorFile: "${path}" holds a ${matrix.rows} × ${matrix.cols} matrix, expected one column or one row`,
    { argument: 'path', file: path },
  );
}

/** Adds the file to conversion errors, which only know the array. */
function withFile<T>(path: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (!(error instanceof CoresetError)) throw error;
    throw new CoresetError(error.code, `"${path}": ${error.message}`, {
      argument: 'path',
      file: path,
      cause: error,
    });
  }
}
