import { CoresetError } from '../errors/coreset-error.js';
import { fileDetail } from './internal/file-detail.js';

/** The three keys of a `.npy` header dictionary. */
export interface NpyHeader {
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: readonly number[];
}

export interface NpyHeaderContext {
  readonly file?: string | undefined;
  /** Maps a character index in the header text to a byte offset in the file. */
  readonly byteAt: (charIndex: number) => number;
}

/**
 * numpy reserves room after the dict so the first axis can grow in place (`GROWTH_AXIS_MAX_DIGITS`
 * in numpy/lib/format.py); writing the same padding keeps our files byte-identical to `np.save`.
 */
const GROWTH_AXIS_MAX_DIGITS = 21;

/** The header dict exactly as numpy ≥ 1.23 writes it, before alignment padding. */
export function formatNpyHeader(header: NpyHeader): string {
  const { shape } = header;
  const shapeText =
    shape.length === 1 ? `(${shape[0]},)` : `(${shape.map((d) => String(d)).join(', ')})`;
  const dict = `{'descr': '${header.descr}', 'fortran_order': ${header.fortranOrder ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  if (shape.length === 0) return dict;
  const growthAxis = header.fortranOrder ? shape[shape.length - 1] : shape[0];
  return dict + ' '.repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - String(growthAxis).length));
}

type Value =
  | { kind: 'string'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'tuple'; value: number[] };

/**
 * Parses the Python-literal dict of a `.npy` header (`{'descr': '<f8', 'fortran_order': False,
 * 'shape': (3, 2), }`). Only the literal forms numpy writes are accepted; Python 2 long suffixes
 * (`3L`) are tolerated because old files contain them.
 */
export function parseNpyHeader(text: string, context: NpyHeaderContext): NpyHeader {
  let pos = 0;
  const fail = (
    reason: string,
    at = pos,
    code: 'PARSE_ERROR' | 'UNSUPPORTED_FORMAT' = 'PARSE_ERROR',
  ): never => {
    const byte = context.byteAt(at);
    throw new CoresetError(
      code,
      `${context.file ?? '.npy data'}: bad header at byte ${byte}: ${reason}`,
      {
        argument: 'bytes',
        ...fileDetail(context.file),
        byte,
      },
    );
  };
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
  };
  const expect = (ch: string): void => {
    skipSpace();
    if (text[pos] !== ch) fail(`expected "${ch}", found ${describeChar(text[pos])}`);
    pos++;
  };
  const parseString = (): string => {
    skipSpace();
    const quote = text[pos];
    if (quote !== "'" && quote !== '"')
      return fail(`expected a quoted string, found ${describeChar(quote)}`);
    const start = ++pos;
    while (pos < text.length && text[pos] !== quote) {
      if (text[pos] === '\\') fail('escape sequences are not supported in header strings');
      pos++;
    }
    if (pos >= text.length) fail('unterminated string', start - 1);
    return text.slice(start, pos++);
  };
  const parseDim = (): number => {
    skipSpace();
    const match = /^\d+[lL]?/.exec(text.slice(pos));
    if (match === null)
      return fail(`expected a non-negative integer, found ${describeChar(text[pos])}`);
    const value = Number(match[0].replace(/[lL]$/, ''));
    if (!Number.isSafeInteger(value)) fail(`dimension ${match[0]} is too large`);
    pos += match[0].length;
    return value;
  };
  const parseValue = (): Value => {
    skipSpace();
    const ch = text[pos];
    if (ch === "'" || ch === '"') return { kind: 'string', value: parseString() };
    if (text.startsWith('True', pos)) {
      pos += 4;
      return { kind: 'bool', value: true };
    }
    if (text.startsWith('False', pos)) {
      pos += 5;
      return { kind: 'bool', value: false };
    }
    if (ch === '[')
      return fail('structured dtypes (a list descr) are not supported', pos, 'UNSUPPORTED_FORMAT');
    if (ch === '(') {
      pos++;
      const dims: number[] = [];
      skipSpace();
      while (text[pos] !== ')') {
        dims.push(parseDim());
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          skipSpace();
        } else if (text[pos] !== ')') {
          fail(`expected "," or ")" in shape, found ${describeChar(text[pos])}`);
        }
      }
      pos++;
      // `(3)` is the int 3 in Python, not a tuple; numpy always writes the trailing comma.
      return { kind: 'tuple', value: dims };
    }
    return fail(`expected a value, found ${describeChar(ch)}`);
  };

  const entries = new Map<string, { value: Value; at: number }>();
  expect('{');
  skipSpace();
  while (text[pos] !== '}') {
    skipSpace();
    const keyAt = pos;
    const key = parseString();
    if (entries.has(key)) fail(`duplicate key '${key}'`, keyAt);
    expect(':');
    skipSpace();
    const at = pos;
    entries.set(key, { value: parseValue(), at });
    skipSpace();
    if (text[pos] === ',') {
      pos++;
      skipSpace();
    } else if (text[pos] !== '}') {
      fail(`expected "," or "}", found ${describeChar(text[pos])}`);
    }
  }
  pos++;
  skipSpace();
  if (pos < text.length) fail(`unexpected ${describeChar(text[pos])} after the header dict`);

  for (const key of entries.keys()) {
    if (!['descr', 'fortran_order', 'shape'].includes(key)) {
      fail(
        `unexpected key '${key}' (a .npy header has exactly descr, fortran_order and shape)`,
        entries.get(key)?.at,
      );
    }
  }
  const get = (key: string, kind: Value['kind']): Value => {
    const entry = entries.get(key);
    if (entry === undefined) return fail(`missing key '${key}'`, 0);
    if (entry.value.kind !== kind) return fail(`'${key}' must be a ${kind}`, entry.at);
    return entry.value;
  };
  const descr = get('descr', 'string') as Extract<Value, { kind: 'string' }>;
  const fortranOrder = get('fortran_order', 'bool') as Extract<Value, { kind: 'bool' }>;
  const shape = get('shape', 'tuple') as Extract<Value, { kind: 'tuple' }>;
  return { descr: descr.value, fortranOrder: fortranOrder.value, shape: shape.value };
}

function describeChar(ch: string | undefined): string {
  return ch === undefined ? 'end of header' : JSON.stringify(ch);
}
