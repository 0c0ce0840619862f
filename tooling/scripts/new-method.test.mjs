// Runs the new-method generator into a temporary tree (never the workspace) and checks what it
// writes: the file set, a package.json shaped like the existing method packages, tokens replaced
// everywhere, and the name validation.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, 'new-method.mjs');
const repo = join(import.meta.dirname, '..', '..');
let root;

function generate(...args) {
  return spawnSync(process.execPath, [script, ...args, '--root', root], { encoding: 'utf8' });
}

function files(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    )
    .sort();
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'coresets-new-method-'));
  mkdirSync(join(root, 'packages'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('new-method', () => {
  it('scaffolds a complete package with every token replaced', () => {
    const result = generate('k-center-greedy');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("'@coresets/k-center-greedy': ['@coresets/core'],");
    const dir = join(root, 'packages', 'k-center-greedy');
    expect(files(dir)).toEqual([
      'README.md',
      'eslint.config.js',
      'package.json',
      'src/index.ts',
      'src/select-k-center-greedy.test.ts',
      'src/select-k-center-greedy.ts',
      'tsconfig.build.json',
      'tsconfig.json',
      'tsup.config.ts',
      'vitest.config.ts',
    ]);
    for (const file of files(dir))
      expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(/__(kebab|Pascal|camel|UPPER)__/);
    const source = readFileSync(join(dir, 'src/select-k-center-greedy.ts'), 'utf8');
    expect(source).toContain('export function selectKCenterGreedy(');
    expect(source).toContain('export function registerKCenterGreedy(registry: MethodRegistry)');
    expect(source).toContain('export const DEFAULT_K_CENTER_GREEDY_OPTIONS');
    expect(source).toContain('export const kCenterGreedyMethod');
    expect(source).toContain("name: 'k-center-greedy'");
  });

  it('writes a package.json with the same shape as the existing method packages', () => {
    const pkg = JSON.parse(
      readFileSync(join(root, 'packages', 'k-center-greedy', 'package.json'), 'utf8'),
    );
    const simcore = JSON.parse(
      readFileSync(join(repo, 'packages', 'simcore', 'package.json'), 'utf8'),
    );
    expect(Object.keys(pkg)).toEqual(Object.keys(simcore));
    expect(pkg.name).toBe('@coresets/k-center-greedy');
    for (const key of [
      'type',
      'sideEffects',
      'exports',
      'files',
      'engines',
      'publishConfig',
      'scripts',
      'dependencies',
    ]) {
      expect(pkg[key], key).toEqual(simcore[key]);
    }
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(
      Object.keys(simcore.devDependencies).sort(),
    );
    expect(Object.keys(pkg.peerDependencies)).toEqual(['@tensorflow/tfjs-core']);
  });

  it('rejects names that are not kebab-case, reserved or taken', () => {
    for (const bad of ['KCenter', 'k_center', '-k', 'k--center', '1k', 'core']) {
      const result = generate(bad);
      expect(result.status, bad).toBe(1);
      expect(result.stderr).toMatch(/new-method: /);
    }
    const again = generate('k-center-greedy');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(
      spawnSync(process.execPath, [script, 'x', '--root', join(root, 'nope')], { encoding: 'utf8' })
        .status,
    ).toBe(1);
  });

  it('prints usage without a name', () => {
    const out = execFileSync(process.execPath, [script, '--help'], { encoding: 'utf8' });
    expect(out).toContain('usage: pnpm new-method <name>');
  });
});
