import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  createScratch,
  runBuiltCli,
  type CliRun,
  type Scratch,
} from '../../testing/built-cli.js';
import { runInProcess } from '../../testing/in-process-cli.js';

// Every class of bad input: exit code 2, exactly one line on stderr naming the flag (or file) and
// the problem, nothing on stdout, and no output file.

let scratch: Scratch;
const N = 24;

beforeAll(() => {
  assertBuilt();
  scratch = createScratch();
  scratch.csv(
    'features.csv',
    Array.from({ length: N }, (_, i) => [i, (i * 7) % 5, i % 3]),
  );
  scratch.csv(
    'features2.csv',
    Array.from({ length: N }, (_, i) => [i, i % 4]),
  );
  scratch.csv(
    'labels.csv',
    Array.from({ length: N }, (_, i) => i % 3),
  );
  scratch.csv(
    'labels23.csv',
    Array.from({ length: N - 1 }, (_, i) => i % 3),
  );
  scratch.csv('fractions.csv', [0.5, 1, 2]);
  scratch.npy(
    'scores.npy',
    Float64Array.from({ length: N }, (_, i) => Math.sin(i)),
    [N],
  );
  scratch.text('scores.txt', '1\n2\n');
  scratch.text('bad.csv', '1,2,3\n4,abc,6\n');
  scratch.text('broken.npy', 'not an npy file at all');
  scratch.text('nan.csv', '0.1\n0.2\nNaN\n0.4\n');
  scratch.npy('inf.npy', Float64Array.from([1, 2, 3, Infinity, 5, 6]), [2, 3]);
  scratch.csv(
    'table.csv',
    Array.from({ length: 10 }, (_, i) => [i, i % 2]),
  );
});

afterAll(() => scratch.remove());

interface Case {
  readonly args: readonly string[];
  readonly line: RegExp;
  /** One case per class of error runs through the built binary; the rest in process. */
  readonly spawn?: boolean;
}

const TOPK = ['select', 'topk', '--scores', 'scores.npy', '--keep', 'high'];
const METHODS = 'random, topk, ccs, moderate, facility-location, simcore, autocoreset, colm, goracs';

const CASES: readonly Case[] = [
  // files
  {
    spawn: true,
    args: ['select', 'topk', '--scores', 'missing.npy', '--keep', 'high', '--budget', '2'],
    line: /^--scores: .*missing\.npy.*no such file/,
  },
  {
    spawn: true,
    args: ['select', 'topk', '--scores', 'scores.txt', '--keep', 'high', '--budget', '2'],
    line: /^--scores: .*scores\.txt.*unsupported extension "\.txt"/,
  },
  {
    spawn: true,
    args: [
      'select',
      'moderate',
      '--features',
      'bad.csv',
      '--labels',
      'labels.csv',
      '--budget',
      '2',
    ],
    line: /^--features: .*bad\.csv:2: cell 2 \("abc"\) is not a number$/,
  },
  {
    args: ['select', 'facility-location', '--features', 'broken.npy', '--budget', '2'],
    line: /^--features: .*broken\.npy/,
  },
  // non-finite values
  {
    spawn: true,
    args: ['select', 'ccs', '--scores', 'nan.csv', '--hard', 'low', '--budget', '2'],
    line: /^--scores: .*nan\.csv: entry 2 is NaN$/,
  },
  {
    args: ['select', 'facility-location', '--features', 'inf.npy', '--budget', '1'],
    line: /^--features: .*inf\.npy: row 1, column 0 is Infinity$/,
  },
  // shapes
  {
    spawn: true,
    args: [
      'select',
      'moderate',
      '--features',
      'features.csv',
      '--labels',
      'labels23.csv',
      '--rate',
      '0.5',
    ],
    line: /^--labels: has 23 rows but --features has 24$/,
  },
  {
    args: [
      'select',
      'simcore',
      '--target',
      'features2.csv',
      '--open',
      'features.csv',
      '--budget',
      '2',
    ],
    line: /^--open: has 3 columns but --target has 2$/,
  },
  {
    args: [
      'select',
      'goracs',
      '--train',
      'features.csv',
      '--valid',
      'features2.csv',
      '--budget',
      '2',
    ],
    line: /^--valid: has 2 columns but --train has 3$/,
  },
  {
    args: ['select', 'random', '--labels', 'fractions.csv', '--budget', '1'],
    line: /^--labels: .*fractions\.csv: entry 0 is 0\.5, expected a non-negative integer label$/,
  },
  // budget and rate
  {
    spawn: true,
    args: [...TOPK, '--budget', '25'],
    line: /^--budget: 25 exceeds the 24 rows of --scores$/,
  },
  {
    args: ['select', 'facility-location', '--features', 'features.csv', '--budget', '30'],
    line: /^--budget: 30 exceeds the 24 candidates of --features$/,
  },
  {
    args: ['select', 'autocoreset', '--data', 'table.csv', '--problem', 'logistic', '--size', '11'],
    line: /^--size: 11 exceeds the 10 rows of --data$/,
  },
  {
    spawn: true,
    args: [...TOPK, '--rate', '1'],
    line: /^--rate: expected a number in \(0, 1\), got "1"$/,
  },
  { args: [...TOPK, '--rate', '0'], line: /^--rate: expected a number in \(0, 1\), got "0"$/ },
  { args: [...TOPK, '--budget', '2.5'], line: /^--budget: expected an integer ≥ 1, got "2\.5"$/ },
  { args: TOPK, line: /^--budget: give --rate \(fraction removed\) or --budget \(number kept\)$/ },
  {
    args: [...TOPK, '--rate', '0.5', '--budget', '3'],
    line: /^--rate: give --rate or --budget, not both$/,
  },
  // methods' own validation, in flag names
  {
    spawn: true,
    args: [
      'select',
      'ccs',
      '--scores',
      'scores.npy',
      '--hard',
      'low',
      '--rate',
      '0.5',
      '--beta',
      '0.9',
    ],
    line: /^--beta: β = 0\.9 cuts 21 of 24 examples, leaving 3 < 12 to keep/,
  },
  {
    args: [
      'select',
      'facility-location',
      '--features',
      'features.csv',
      '--budget',
      '2',
      '--transform',
      'rbf',
    ],
    line: /^--sigma: /,
  },
  {
    args: [
      'select',
      'autocoreset',
      '--data',
      'table.csv',
      '--problem',
      'logistic',
      '--size',
      '4',
      '--label-column',
      '7',
    ],
    line: /^--label-column: expected last, none or a column in \[0, 1\], got "7"$/,
  },
  // usage
  {
    spawn: true,
    args: ['select', 'nope', '--out', 'x.json'],
    line: new RegExp(`^select: unknown method "nope" \\(known: ${METHODS}\\)$`),
  },
  { args: ['select'], line: new RegExp(`^select: name a method \\(known: ${METHODS}\\)$`) },
  {
    args: ['score', 'gradients', '--out', 'x.json'],
    line: /^score: unknown kind "gradients" \(known: dynamics\)$/,
  },
  { args: ['nope'], line: /^unknown command 'nope'$/ },
  { spawn: true, args: [...TOPK, '--budget', '2', '--bogus'], line: /^unknown option '--bogus'$/ },
  {
    args: ['select', 'topk', '--scores', 'scores.npy', '--budget', '2'],
    line: /^required option '--keep <end>' not specified$/,
  },
  {
    args: ['select', 'topk', '--scores', 'scores.npy', '--keep', 'middle', '--budget', '2'],
    line: /^--keep: expected one of high, low, got "middle"$/,
  },
];

/** Makes file arguments absolute for in-process runs (whose cwd is not the scratch folder). */
function absolute(args: readonly string[]): string[] {
  return args.map((a) => (/\.(csv|npy|txt|json)$/.test(a) ? scratch.path(a) : a));
}

describe('bad input (built binary)', () => {
  it('each case exits 2 with one "coresets: error:" line and writes nothing', async () => {
    const before = new Set(readdirSync(scratch.dir));
    const outFor = (c: Case, i: number) =>
      c.args.length > 2 && c.args[1] !== 'nope' ? ['--out', `out-${i}.json`] : [];
    const spawned = await Promise.all(
      CASES.map((c, i) =>
        c.spawn === true
          ? runBuiltCli([...c.args, ...outFor(c, i)], { cwd: scratch.dir })
          : Promise.resolve(undefined),
      ),
    );
    const runs: CliRun[] = [];
    for (const [i, c] of CASES.entries())
      runs.push(spawned[i] ?? (await runInProcess(absolute([...c.args, ...outFor(c, i)]))));
    runs.forEach((run, i) => {
      const lines = run.stderr.split('\n').filter((l) => l !== '');
      expect({
        args: CASES[i].args.join(' '),
        code: run.code,
        stdout: run.stdout,
        lines: lines.length,
      }).toEqual({
        args: CASES[i].args.join(' '),
        code: 2,
        stdout: '',
        lines: 1,
      });
      expect(lines[0]).toMatch(/^coresets: error: /);
      expect(lines[0].replace(/^coresets: error: /, '').replace(`${scratch.dir}/`, '')).toMatch(
        CASES[i].line,
      );
    });
    expect(readdirSync(scratch.dir).filter((f) => !before.has(f))).toEqual([]);
  });

  it('an --out it cannot write is refused and leaves no file behind', async () => {
    const [txt, dir] = await Promise.all([
      runBuiltCli([...TOPK, '--budget', '2', '--out', 'selection.txt'], { cwd: scratch.dir }),
      runBuiltCli([...TOPK, '--budget', '2', '--out', 'no-such-dir/selection.json'], {
        cwd: scratch.dir,
      }),
    ]);
    expect(txt).toMatchObject({ code: 2, stdout: '' });
    expect(txt.stderr).toMatch(
      /^coresets: error: --out: "selection\.txt" must end in \.json or \.npy \(or be - for stdout\)\n$/,
    );
    expect(existsSync(scratch.path('selection.txt'))).toBe(false);
    expect(dir.code).not.toBe(0);
    expect(dir.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(scratch.path('no-such-dir'))).toBe(false);
  });
});
