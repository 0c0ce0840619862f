import { CoresetError } from '../errors/coreset-error.js';
import { fileDetail } from './internal/file-detail.js';
import type { Matrix } from '../matrix/matrix.js';
import { matrixFromRows } from '../matrix/matrix.js';
import type { NumericJson } from './internal/parse-numeric-json.js';
import { parseNumericJson } from './internal/parse-numeric-json.js';
import { readFileText } from './internal/read-file.js';
import { splitLines } from './internal/split-lines.js';

/** Numeric data read from JSON: an array of rows is a matrix, a flat array a vector. */
export type NumericData =
  | { readonly kind: 'matrix'; readonly matrix: Matrix<Float64Array> }
  | { readonly kind: 'vector'; readonly vector: Float64Array };

export interface ParseJsonOptions {
  /** Named in error messages. */
  readonly file?: string | undefined;
}

/**
 * Parses a JSON document holding `number[][]` (→ matrix, rows of equal length) or `number[]`
 * (→ vector). Anything else throws `PARSE_ERROR` with the line.
 */
export function parseJson(text: string, options: ParseJsonOptions = {}): NumericData {
  const value = parseNumericJson(text, { file: options.file });
  if (!Array.isArray(value)) {
    throw new CoresetError(
      'PARSE_ERROR',
      `${options.file ?? 'JSON'}:1: expected an array of numbers or of rows, found a single number`,
      {
        argument: 'text',
        ...fileDetail(options.file),
        line: 1,
      },
    );
  }
  return toNumericData(value);
}

/**
 * Parses JSON Lines: each non-blank line is either one JSON array of numbers (a matrix row) or one
 * number (a vector element); all lines must be of the same kind and rows of the same length.
 * Trailing blank lines are ignored, blank lines between records throw.
 */
export function parseJsonl(text: string, options: ParseJsonOptions = {}): NumericData {
  const { file } = options;
  const where = file ?? 'JSONL';
  const fail = (line: number, reason: string): never => {
    throw new CoresetError('PARSE_ERROR', `${where}:${line}: ${reason}`, {
      argument: 'text',
      line,
      ...fileDetail(file),
    });
  };
  const lines = splitLines(text);
  if (lines.length === 0) fail(1, 'no records (the file is empty)');
  const values: (number | number[])[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i].trim() === '') fail(line, 'blank line between records');
    const value = parseNumericJson(lines[i], { file, firstLine: line });
    if (Array.isArray(value) && value.length > 0 && Array.isArray(value[0])) {
      fail(
        line,
        'each line must be one row (an array of numbers) or one number, found an array of arrays',
      );
    }
    const item = value as number | number[];
    if (values.length > 0) {
      if (Array.isArray(item) !== Array.isArray(values[0])) {
        fail(
          line,
          `line 1 is ${Array.isArray(values[0]) ? 'an array' : 'a number'} but this line is ${Array.isArray(item) ? 'an array' : 'a number'}`,
        );
      }
      if (Array.isArray(item) && item.length !== (values[0] as number[]).length) {
        fail(line, `row has ${item.length} values, line 1 has ${(values[0] as number[]).length}`);
      }
    }
    values.push(item);
  }
  return toNumericData(values as number[] | number[][]);
}

/** Reads a JSON file; see `parseJson`. Missing files throw `FILE_NOT_FOUND`. */
export function readJson(path: string): NumericData {
  return parseJson(readFileText(path), { file: path });
}

/** Reads a JSON Lines file; see `parseJsonl`. Missing files throw `FILE_NOT_FOUND`. */
export function readJsonl(path: string): NumericData {
  return parseJsonl(readFileText(path), { file: path });
}

function toNumericData(value: Exclude<NumericJson, number>): NumericData {
  if (value.length > 0 && Array.isArray(value[0])) {
    return { kind: 'matrix', matrix: matrixFromRows(value as number[][]) };
  }
  return { kind: 'vector', vector: Float64Array.from(value as number[]) };
}
