// Enforces the dependency rules of the monorepo (see the style guide):
// method packages depend only on core/gradients/submodular as listed, never on each other or on
// eval; eval depends only on core; nothing but apps depends on apps; every package that uses
// tfjs-core declares it as a peer (never a second copy); no cycles.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const allowed = {
  '@coresets/core': [],
  '@coresets/gradients': ['@coresets/core'],
  '@coresets/submodular': ['@coresets/core'],
  '@coresets/colm': ['@coresets/core', '@coresets/gradients', '@coresets/submodular'],
  '@coresets/goracs': ['@coresets/core', '@coresets/gradients', '@coresets/submodular'],
  '@coresets/simcore': ['@coresets/core'],
  '@coresets/ccs': ['@coresets/core'],
  '@coresets/autocoreset': ['@coresets/core'],
  '@coresets/eval': ['@coresets/core'],
};
const errors = [];
const graph = new Map();
for (const group of ['packages', 'apps']) {
  for (const dir of readdirSync(join(root, group))) {
    const pkg = JSON.parse(readFileSync(join(root, group, dir, 'package.json'), 'utf8'));
    const internal = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).filter(
      (d) => d.startsWith('@coresets/') && d !== '@coresets/tooling',
    );
    graph.set(pkg.name, internal);
    if (group === 'packages') {
      const ok = allowed[pkg.name];
      if (ok === undefined) {
        errors.push(`${pkg.name}: not listed in tooling/scripts/check-deps.mjs; add its allowed dependencies`);
        continue;
      }
      for (const d of internal) if (!ok.includes(d)) errors.push(`${pkg.name} must not depend on ${d}`);
      if (pkg.dependencies?.['@tensorflow/tfjs-core'] !== undefined) {
        errors.push(`${pkg.name}: @tensorflow/tfjs-core must be a peer dependency, not a dependency`);
      }
      if (pkg.peerDependencies?.['@tensorflow/tfjs-core'] === undefined) {
        errors.push(`${pkg.name}: declare @tensorflow/tfjs-core as a peer dependency`);
      }
    }
  }
}
const visiting = new Set();
const done = new Set();
function visit(name, path) {
  if (done.has(name)) return;
  if (visiting.has(name)) {
    errors.push(`dependency cycle: ${[...path, name].join(' → ')}`);
    return;
  }
  visiting.add(name);
  for (const d of graph.get(name) ?? []) visit(d, [...path, name]);
  visiting.delete(name);
  done.add(name);
}
for (const name of graph.keys()) visit(name, []);
if (errors.length > 0) {
  for (const e of errors) console.error(`dependency rule: ${e}`);
  process.exit(1);
}
console.log(`dependency rules: ${graph.size} packages checked, no violations`);
