import { CoresetError } from '../errors/coreset-error.js';
import { fileDetail } from './internal/file-detail.js';
import type { Matrix } from '../matrix/matrix.js';
import { parseNumberCell } from './internal/parse-number.js';
import { readFileText } from './internal/read-file.js';
import { splitLines } from './internal/split-lines.js';

export interface CsvOptions {
  /**
   * Whether the first line holds column names. `'auto'` takes it as a header when none of its
   * cells is a number; a first line mixing numbers and text is ambiguous and throws.
   */
  readonly header?: boolean | 'auto' | undefined;
  /** One character; `,` by default (`\t` for TSV). */
  readonly delimiter?: string | undefined;
  /** Named in error messages. */
  readonly file?: string | undefined;
}

export const DEFAULT_CSV_OPTIONS = { header: 'auto', delimiter: ',' } as const satisfies CsvOptions;

export interface CsvTable {
  /** Column names, when the file has a header line. */
  readonly header?: string[];
  readonly matrix: Matrix<Float64Array>;
}

/**
 * Parses numeric CSV text into a float64 matrix. Lines may end in LF, CRLF or CR; blank lines at
 * the end are ignored. Cells may be double-quoted. Ragged rows, empty or non-numeric cells and
 * blank lines between rows throw `PARSE_ERROR` with the 1-based line number.
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvTable {
  const header = options.header ?? DEFAULT_CSV_OPTIONS.header;
  const delimiter = options.delimiter ?? DEFAULT_CSV_OPTIONS.delimiter;
  const { file } = options;
  if (typeof text !== 'string') {
    throw new CoresetError('INVALID_ARGUMENT', 'parseCsv: text must be a string', {
      argument: 'text',
    });
  }
  if (header !== true && header !== false && header !== 'auto') {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      `parseCsv: header must be true, false or "auto", got ${String(header)}`,
      {
        argument: 'header',
      },
    );
  }
  if (
    typeof delimiter !== 'string' ||
    delimiter.length !== 1 ||
    delimiter === '"' ||
    /[\r\n]/.test(delimiter)
  ) {
    throw new CoresetError(
      'INVALID_ARGUMENT',
      'parseCsv: delimiter must be one character other than a quote or newline',
      {
        argument: 'delimiter',
      },
    );
  }
  const where = file ?? 'CSV';
  const fail = (line: number, reason: string): never => {
    throw new CoresetError('PARSE_ERROR', `${where}:${line}: ${reason}`, {
      argument: 'text',
      line,
      ...fileDetail(file),
    });
  };

  const lines = splitLines(text);
  if (lines.length === 0) fail(1, 'no rows (the file is empty)');

  let firstData = 0;
  let names: string[] | undefined;
  const first = splitCells(lines[0], delimiter, 1, fail);
  const numeric = first.map((c) => parseNumberCell(c.text) !== undefined);
  if (header === true || (header === 'auto' && !numeric.some(Boolean))) {
    names = first.map((c) => c.text);
    firstData = 1;
  } else if (header === 'auto' && !numeric.every(Boolean)) {
    const bad = numeric.indexOf(false);
    fail(
      1,
      `cannot tell whether line 1 is a header: cell ${bad + 1} ("${first[bad].text}") is not a number but others are; pass header: true or false`,
    );
  }

  const cols = first.length;
  const rows = lines.length - firstData;
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const lineNo = firstData + r + 1;
    const line = lines[firstData + r];
    if (line.trim() === '') fail(lineNo, 'blank line between rows');
    const cells = splitCells(line, delimiter, lineNo, fail);
    if (cells.length !== cols)
      fail(lineNo, `expected ${cols} cells (as on line 1), found ${cells.length}`);
    for (let c = 0; c < cols; c++) {
      const cell = cells[c].text;
      if (cell === '') fail(lineNo, `cell ${c + 1} is empty`);
      const value = parseNumberCell(cell);
      if (value === undefined) return fail(lineNo, `cell ${c + 1} ("${cell}") is not a number`);
      data[r * cols + c] = value;
    }
  }
  const matrix: Matrix<Float64Array> = { rows, cols, data };
  return names === undefined ? { matrix } : { header: names, matrix };
}

/** Reads and parses a numeric CSV file; see `parseCsv`. Missing files throw `FILE_NOT_FOUND`. */
export function readCsv(path: string, options: Omit<CsvOptions, 'file'> = {}): CsvTable {
  return parseCsv(readFileText(path), { ...options, file: path });
}

interface Cell {
  readonly text: string;
  readonly quoted: boolean;
}

/** Splits one line into trimmed cells, honouring double quotes (`""` is an escaped quote). */
function splitCells(
  line: string,
  delimiter: string,
  lineNo: number,
  fail: (line: number, reason: string) => never,
): Cell[] {
  const cells: Cell[] = [];
  let pos = 0;
  for (;;) {
    while (pos < line.length && line[pos] !== delimiter && /\s/.test(line[pos])) pos++;
    if (line[pos] === '"') {
      let text = '';
      pos++;
      for (;;) {
        const close = line.indexOf('"', pos);
        if (close < 0) fail(lineNo, 'unterminated quoted cell');
        text += line.slice(pos, close);
        pos = close + 1;
        if (line[pos] !== '"') break;
        text += '"';
        pos++;
      }
      while (pos < line.length && line[pos] !== delimiter && /\s/.test(line[pos])) pos++;
      if (pos < line.length && line[pos] !== delimiter)
        fail(lineNo, `unexpected text after a quoted cell: "${line.slice(pos)}"`);
      cells.push({ text: text.trim(), quoted: true });
    } else {
      const end = line.indexOf(delimiter, pos);
      const stop = end < 0 ? line.length : end;
      cells.push({ text: line.slice(pos, stop).trim(), quoted: false });
      pos = stop;
    }
    if (pos >= line.length) return cells;
    pos++; // the delimiter
  }
}
