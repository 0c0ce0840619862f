// Scaffolds a new method package: `pnpm new-method <name> [--description "<one line>"]`.
//
// Writes packages/<name>/ from tooling/templates/method/ (every `*.tmpl` file, tokens replaced)
// plus a package.json of the same shape as the other method packages, whose devDependency ranges
// are copied from packages/core so they stay consistent (sherif checks that). The result builds,
// lints and passes its tests as is: a uniform random selector, registered through
// `register<Name>(registry)`, to be replaced by the method's logic.
//
// `--root <dir>` generates into another tree (a folder holding `packages/`), for testing this
// script without touching the workspace.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const repo = join(import.meta.dirname, '..', '..');
const templateDir = join(repo, 'tooling', 'templates', 'method');

function fail(message) {
  console.error(`new-method: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      description: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(error.message);
}
const { values, positionals } = parsed;
if (values.help || positionals.length === 0) {
  console.log('usage: pnpm new-method <name> [--description "<one line>"] [--root <dir>]');
  console.log(
    '  <name>: kebab-case, e.g. "herding" or "k-center"; creates packages/<name> as @coresets/<name>',
  );
  process.exit(values.help ? 0 : 1);
}
if (positionals.length > 1)
  fail(`expected one name, got ${positionals.length}: ${positionals.join(' ')}`);

const name = positionals[0];
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
  fail(
    `"${name}" is not a kebab-case name (lower-case letters and digits, words joined by single hyphens, starting with a letter)`,
  );
}
const reserved = new Set(['core', 'tooling', 'cli', 'bench', 'source', 'testing']);
if (reserved.has(name)) fail(`"${name}" is reserved`);

const root = values.root ?? repo;
const packagesDir = join(root, 'packages');
if (!existsSync(packagesDir))
  fail(`${packagesDir} does not exist (--root must hold a packages/ folder)`);
const target = join(packagesDir, name);
if (existsSync(target)) fail(`${relative(process.cwd(), target) || target} already exists`);
for (const group of ['packages', 'apps']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const entry of readdirSync(dir)) {
    const manifest = join(dir, entry, 'package.json');
    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).name === `@coresets/${name}`
    ) {
      fail(`@coresets/${name} already exists in ${group}/${entry}`);
    }
  }
}

const words = name.split('-');
const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const tokens = {
  __kebab__: name,
  __Pascal__: pascal,
  __camel__: pascal[0].toLowerCase() + pascal.slice(1),
  __UPPER__: words.map((w) => w.toUpperCase()).join('_'),
};
const fill = (text) => text.replace(/__(kebab|Pascal|camel|UPPER)__/g, (token) => tokens[token]);

function templates(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...templates(join(dir, entry.name), rel));
    else if (entry.name.endsWith('.tmpl')) out.push(rel);
  }
  return out.sort();
}

// The package.json has the shape of every method package (see packages/simcore/package.json);
// ranges come from core's devDependencies so one bump there is enough.
const core = JSON.parse(readFileSync(join(repo, 'packages', 'core', 'package.json'), 'utf8'));
const range = (dep, fallback) => core.devDependencies?.[dep] ?? fallback;
const manifest = {
  name: `@coresets/${name}`,
  version: '0.1.0',
  description:
    values.description ??
    `Coreset selection method ${name} (template starting point: uniform random selection).`,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  exports: {
    '.': {
      '@coresets/source': './src/index.ts',
      types: './dist/index.d.ts',
      import: './dist/index.js',
    },
    './package.json': './package.json',
  },
  files: ['dist', 'src', '!src/**/*.test.ts', '!src/**/__fixtures__'],
  engines: { node: '>=20' },
  publishConfig: { access: 'public' },
  scripts: { build: 'tsup', typecheck: 'tsc --noEmit', lint: 'eslint .', test: 'vitest run' },
  dependencies: { '@coresets/core': 'workspace:^' },
  peerDependencies: { '@tensorflow/tfjs-core': range('@tensorflow/tfjs-core', '^4.22.0') },
  devDependencies: {
    '@coresets/tooling': 'workspace:*',
    '@tensorflow/tfjs-backend-cpu': range('@tensorflow/tfjs-backend-cpu', '^4.22.0'),
    '@tensorflow/tfjs-backend-wasm': range('@tensorflow/tfjs-backend-wasm', '^4.22.0'),
    '@tensorflow/tfjs-core': range('@tensorflow/tfjs-core', '^4.22.0'),
    '@types/node': range('@types/node', '^20.19.0'),
    'fast-check': range('fast-check', '^4.3.0'),
    typescript: range('typescript', '~5.9.3'),
  },
};

const written = [];
mkdirSync(target, { recursive: true });
writeFileSync(join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
written.push('package.json');
for (const rel of templates(templateDir)) {
  const out = fill(rel.slice(0, -'.tmpl'.length));
  mkdirSync(dirname(join(target, out)), { recursive: true });
  writeFileSync(join(target, out), fill(readFileSync(join(templateDir, rel), 'utf8')));
  written.push(out);
}

// Token lengths change line lengths, so the repository's Prettier settles the final layout.
const prettier = join(repo, 'node_modules', '.bin', 'prettier');
if (existsSync(prettier)) {
  const config = join(repo, 'tooling', 'prettier.config.js');
  execFileSync(
    prettier,
    ['--config', config, '--log-level', 'warn', '--write', ...written.map((f) => join(target, f))],
    {
      stdio: 'inherit',
    },
  );
} else {
  console.log('new-method: prettier is not installed (run pnpm install), files left unformatted');
}

const shown = relative(process.cwd(), target) || target;
console.log(`new-method: created ${shown} (@coresets/${name})`);
for (const file of written) console.log(`  ${file}`);
console.log(`
Next steps (CONTRIBUTING.md has the details):
  1. pnpm install
  2. allow its dependencies in tooling/scripts/check-deps.mjs, inside \`allowed\`:
       '@coresets/${name}': ['@coresets/core'],
  3. cd packages/${name} && pnpm exec vitest run && pnpm exec tsc --noEmit && pnpm exec eslint .
  4. replace the uniform-random body of select${pascal} in src/select-${name}.ts with the method,
     write its spec in the README, add a changeset (pnpm changeset), a CLI command in apps/cli
     and a bench suite in apps/bench.`);
