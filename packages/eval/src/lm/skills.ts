import type { Rng } from '@coresets/core';

/** One prompt → answer pair of a skill. */
export interface SkillSample {
  readonly prompt: string;
  readonly answer: string;
}

/** Size knobs: in-distribution uses `digits`/`length`, the out-of-domain split larger ones. */
export interface SkillScale {
  readonly digits: number;
  readonly length: number;
}

export interface Skill {
  readonly name: string;
  sample(rng: Rng, scale: SkillScale): SkillSample;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function number(rng: Rng, digits: number): number {
  const d = 1 + rng.int(digits);
  return rng.int(10 ** d);
}

function letters(rng: Rng, min: number, max: number, alphabet = LETTERS): string {
  const n = min + rng.int(max - min + 1);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
}

const NAMES = ['tom', 'ana', 'li', 'sam', 'eva'];
const ITEMS = ['apples', 'pens', 'cards', 'coins'];

/**
 * Twelve distinct skills, each a string-to-string task scored by exact match. Their order is the
 * order of the mixture's sources.
 */
export const SKILLS: readonly Skill[] = [
  {
    name: 'add',
    sample: (rng, s) => {
      const a = number(rng, s.digits);
      const b = number(rng, s.digits);
      return { prompt: `${a}+${b}`, answer: String(a + b) };
    },
  },
  { name: 'copy', sample: (rng, s) => { const t = letters(rng, 2, s.length); return { prompt: `copy:${t}`, answer: t }; } },
  {
    name: 'reverse',
    sample: (rng, s) => {
      const t = letters(rng, 2, s.length);
      return { prompt: `rev:${t}`, answer: [...t].reverse().join('') };
    },
  },
  {
    name: 'sort',
    sample: (rng, s) => {
      const t = letters(rng, 2, s.length, '0123456789');
      return { prompt: `sort:${t}`, answer: [...t].sort().join('') };
    },
  },
  {
    name: 'sub',
    sample: (rng, s) => {
      const a = number(rng, s.digits);
      const b = number(rng, s.digits);
      const [hi, lo] = a >= b ? [a, b] : [b, a];
      return { prompt: `${hi}-${lo}`, answer: String(hi - lo) };
    },
  },
  {
    name: 'count',
    sample: (rng, s) => {
      const t = letters(rng, 3, s.length + 2, 'abc');
      const c = 'abc'[rng.int(3)];
      return { prompt: `count ${c}:${t}`, answer: String([...t].filter((x) => x === c).length) };
    },
  },
  {
    name: 'compare',
    sample: (rng, s) => {
      const a = number(rng, s.digits);
      const b = rng.int(4) === 0 ? a : number(rng, s.digits);
      return { prompt: `${a}?${b}`, answer: a < b ? '<' : a > b ? '>' : '=' };
    },
  },
  {
    name: 'mod',
    sample: (rng, s) => {
      const a = number(rng, s.digits);
      const m = 2 + rng.int(8);
      return { prompt: `${a}%${m}`, answer: String(a % m) };
    },
  },
  {
    name: 'max',
    sample: (rng, s) => {
      const xs = Array.from({ length: 2 + rng.int(3) }, () => number(rng, s.digits));
      return { prompt: `max:${xs.join(',')}`, answer: String(Math.max(...xs)) };
    },
  },
  {
    name: 'parity',
    sample: (rng, s) => {
      const t = letters(rng, 2, s.length + 2, '01');
      const ones = [...t].filter((x) => x === '1').length;
      return { prompt: `par:${t}`, answer: ones % 2 === 0 ? 'even' : 'odd' };
    },
  },
  {
    name: 'mul',
    sample: (rng, s) => {
      const a = number(rng, s.digits);
      const d = 2 + rng.int(8);
      return { prompt: `${a}*${d}`, answer: String(a * d) };
    },
  },
  {
    name: 'word',
    sample: (rng, s) => {
      const name = NAMES[rng.int(NAMES.length)];
      const item = ITEMS[rng.int(ITEMS.length)];
      const a = number(rng, Math.max(1, s.digits - 1));
      const b = number(rng, Math.max(1, s.digits - 1));
      return { prompt: `${name} has ${a} ${item} and gets ${b}.`, answer: String(a + b) };
    },
  },
];
