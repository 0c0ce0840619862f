import { CoresetError } from '../../errors/coreset-error.js';
import { fileDetail } from './file-detail.js';

export type NumericJson = number | number[] | number[][];

export interface NumericJsonContext {
  readonly file?: string | undefined;
  /** 1-based line of the text's first character in the file (JSONL parses one line at a time). */
  readonly firstLine?: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SPECIAL = /-?Infinity|NaN/y;

/**
 * Parses JSON that must be a number, an array of numbers or an array of arrays of numbers. A
 * dedicated parser rather than `JSON.parse` so every error names its line (V8's messages often give
 * no position) and nothing but numbers gets through. Python's `json` module writes `NaN` and
 * `±Infinity` for non-finite floats; they are accepted so such files can be read and checked later.
 */
export function parseNumericJson(text: string, context: NumericJsonContext = {}): NumericJson {
  let pos = 0;
  const fail = (reason: string, at = pos): never => {
    const line = (context.firstLine ?? 1) + countLineBreaks(text, at);
    throw new CoresetError('PARSE_ERROR', `${context.file ?? 'JSON'}:${line}: ${reason}`, {
      argument: 'text',
      ...fileDetail(context.file),
      line,
    });
  };
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
  };
  const found = (): string =>
    pos >= text.length ? 'end of input' : JSON.stringify(text.slice(pos, pos + 12));
  const parseNumber = (): number => {
    for (const re of [NUMBER, SPECIAL]) {
      re.lastIndex = pos;
      const match = re.exec(text);
      if (match !== null) {
        pos += match[0].length;
        return Number(match[0]);
      }
    }
    return fail(`expected a number, found ${found()}`);
  };
  const parseValue = (depth: number): NumericJson => {
    skipSpace();
    if (text[pos] !== '[') return parseNumber();
    if (depth === 2) fail('arrays nested more than two levels deep are not supported');
    pos++;
    const items: (number | number[])[] = [];
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return [];
    }
    for (;;) {
      skipSpace();
      const itemAt = pos;
      const item = parseValue(depth + 1) as number | number[];
      if (items.length > 0 && Array.isArray(item) !== Array.isArray(items[0])) {
        fail(`array mixes numbers and arrays (element ${items.length})`, itemAt);
      }
      if (Array.isArray(item) && Array.isArray(items[0]) && item.length !== items[0].length) {
        fail(`row ${items.length} has ${item.length} values, row 0 has ${items[0].length}`, itemAt);
      }
      items.push(item);
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return items as number[] | number[][];
      }
      fail(`expected "," or "]", found ${found()}`);
    }
  };
  const value = parseValue(0);
  skipSpace();
  if (pos < text.length) fail(`unexpected ${found()} after the value`);
  return value;
}

function countLineBreaks(text: string, end: number): number {
  let count = 0;
  for (let i = 0; i < end && i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) count++;
  }
  return count;
}
