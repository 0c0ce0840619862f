// Packed-tarball install test: what users get from npm, not what the workspace resolves.
//
// `pnpm pack`s every publishable package (packages/* and apps/cli; `workspace:^` becomes a real
// version range in the tarball), installs all tarballs together with the tfjs peers into an empty
// npm project, imports every export subpath and checks that each name the source entry file
// exports by name is present. Packages with a `bin` are then installed globally into a temp
// prefix, their @coresets/* dependencies served from the tarballs by a throwaway local registry
// for that scope only (a global install of a tarball resolves its dependencies from a registry,
// never from sibling tarballs), and `<bin> --help` must exit 0.
//
// Unbuilt packages (no dist/) are skipped with a visible line locally and fail when CI=true.
// Exit status is non-zero on any failure.
//
// Usage: node tooling/scripts/pack-install.mjs [--root <repo>] [--keep]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const TFJS_PEERS = [
  '@tensorflow/tfjs-core@4.22.0',
  '@tensorflow/tfjs-backend-cpu@4.22.0',
  '@tensorflow/tfjs-backend-wasm@4.22.0',
];
const SCOPE = '@coresets';
const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error', '--no-update-notifier'];

const { values: args } = parseArgs({
  options: { root: { type: 'string' }, keep: { type: 'boolean', default: false } },
});
const root = args.root ?? join(import.meta.dirname, '..', '..');
const ci = process.env.CI === 'true';
const started = Date.now();
const results = [];

function report(name, status, detail) {
  results.push({ name, status });
  console.log(`pack-install: ${name.padEnd(24)} ${status}${detail ? ` (${detail})` : ''}`);
}

/** Runs a command asynchronously (the local registry must keep serving meanwhile). */
function run(cmd, argv, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (error) => resolve({ code: -1, out: `${out}${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

function tail(text, lines = 15) {
  return text.trim().split('\n').slice(-lines).join('\n');
}

// --- discover publishable packages --------------------------------------------------------

function discover() {
  const dirs = [];
  for (const group of ['packages', 'apps']) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const dir = join(base, name);
      if (!existsSync(join(dir, 'package.json'))) continue;
      if (group === 'apps' && name !== 'cli') continue;
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (pkg.private === true) continue;
      dirs.push({ dir, pkg });
    }
  }
  return dirs;
}

/** The files a package's tarball must contain to work: its export targets and bins. */
function builtFiles(pkg) {
  const files = [];
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    if (key === './package.json') continue;
    const file = typeof target === 'string' ? target : (target.import ?? target.default);
    if (typeof file === 'string') files.push(file);
  }
  const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
  return [...files, ...bins];
}

function internalDeps(pkg) {
  return Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).filter(
    (d) => d.startsWith(`${SCOPE}/`) && d !== `${SCOPE}/tooling`,
  );
}

/**
 * Names a source entry file exports as values, parsed from its `export { a, b as c } from` and
 * `export const|function|class` statements (index files list exports by name; `export *` is
 * banned by lint). Type-only exports are not runtime names and are left out.
 */
function exportedNames(file) {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  const names = new Set();
  for (const m of text.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    if (m[1]) continue;
    for (const part of m[2].split(',')) {
      const spec = part.trim();
      if (spec === '' || spec.startsWith('type ')) continue;
      const alias = spec.split(/\s+as\s+/);
      names.add(alias[alias.length - 1].trim());
    }
  }
  for (const m of text.matchAll(
    /export\s+(?:async\s+)?(?:const|let|function\*?|class)\s+([A-Za-z_$][\w$]*)/g,
  )) {
    names.add(m[1]);
  }
  return [...names].sort();
}

/** [subpath specifier, expected names] for each export whose source entry we can read. */
function importChecks(pkg, dir) {
  const checks = [];
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    if (key === './package.json' || typeof target !== 'object') continue;
    const specifier = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
    const source = target['@coresets/source'];
    const expected =
      typeof source === 'string' && existsSync(join(dir, source))
        ? exportedNames(join(dir, source))
        : [];
    checks.push({ specifier, expected });
  }
  return checks;
}

/** Whether any source file changed after the package's first built file was written. */
function staleBuild(p) {
  const built = builtFiles(p.pkg).map((f) => join(p.dir, f));
  if (built.length === 0 || !existsSync(join(p.dir, 'src'))) return false;
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
  const newest = (dir) =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );
  return newest(join(p.dir, 'src')) > builtAt;
}

// --- the throwaway registry for the @coresets scope ---------------------------------------

function startScopedRegistry(tarballs) {
  const byName = new Map();
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
    const entry = byName.get(path);
    if (entry !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(entry.packument(`http://127.0.0.1:${server.address().port}`)));
      return;
    }
    for (const e of byName.values()) {
      if (path === e.tarballPath) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(e.bytes);
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"not found"}');
  });
  for (const { pkg, tarball } of tarballs) {
    const bytes = readFileSync(tarball);
    const tarballPath = `${pkg.name}/-/${basename(tarball)}`;
    const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
    const shasum = createHash('sha1').update(bytes).digest('hex');
    byName.set(pkg.name, {
      bytes,
      tarballPath,
      packument: (base) => ({
        name: pkg.name,
        'dist-tags': { latest: pkg.version },
        versions: {
          [pkg.version]: {
            ...pkg,
            _id: `${pkg.name}@${pkg.version}`,
            dist: { tarball: `${base}/${tarballPath}`, integrity, shasum },
          },
        },
      }),
    });
  }
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The package.json inside a tarball, with workspace ranges already rewritten by pnpm pack. */
async function packedManifest(tarball) {
  const { code, out } = await run('tar', ['-xzOf', tarball, 'package/package.json']);
  if (code !== 0) throw new Error(`cannot read package.json from ${tarball}: ${tail(out)}`);
  return JSON.parse(out);
}

// --- main ---------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'coresets-pack-install-'));
const tarDir = join(work, 'tarballs');
const project = join(work, 'project');
mkdirSync(tarDir);
mkdirSync(project);

try {
  const packages = discover();
  const byName = new Map(packages.map((p) => [p.pkg.name, p]));

  // 1. Decide what can be tested: built, and every internal dependency built too.
  const ready = new Map();
  for (const p of packages) {
    const missing = builtFiles(p.pkg).filter((f) => !existsSync(join(p.dir, f)));
    if (missing.length > 0) {
      const rel = relative(root, p.dir);
      const hasSource =
        existsSync(join(p.dir, 'src', 'index.ts')) || existsSync(join(p.dir, 'src', 'main.ts'));
      if (ci && hasSource)
        report(
          p.pkg.name,
          'FAIL',
          `not built: ${join(rel, missing[0])} missing; run turbo build first`,
        );
      else report(p.pkg.name, 'SKIP', `not built: ${join(rel, missing[0])} missing`);
      continue;
    }
    ready.set(p.pkg.name, p);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, p] of ready) {
      const unready = internalDeps(p.pkg).find((d) => !ready.has(d));
      if (unready === undefined) continue;
      ready.delete(name);
      changed = true;
      const known = byName.has(unready);
      report(
        name,
        ci ? 'FAIL' : 'SKIP',
        known
          ? `dependency ${unready} not built`
          : `dependency ${unready} is not a workspace package`,
      );
    }
  }

  // 2. Pack.
  const packed = [];
  for (const p of ready.values()) {
    const before = new Set(readdirSync(tarDir));
    const { code, out } = await run('pnpm', ['pack', '--pack-destination', tarDir], { cwd: p.dir });
    const created = readdirSync(tarDir).filter((f) => !before.has(f) && f.endsWith('.tgz'));
    if (code !== 0 || created.length !== 1) {
      report(p.pkg.name, 'FAIL', `pnpm pack failed:\n${tail(out)}`);
      continue;
    }
    const tarball = join(tarDir, created[0]);
    const manifest = await packedManifest(tarball);
    const leftover = Object.entries({
      ...manifest.dependencies,
      ...manifest.peerDependencies,
    }).find(([, v]) => String(v).startsWith('workspace:'));
    if (leftover !== undefined) {
      report(p.pkg.name, 'FAIL', `packed manifest still has ${leftover[0]}: ${leftover[1]}`);
      continue;
    }
    packed.push({ ...p, tarball, manifest });
  }

  if (packed.length > 0) {
    // 3. Install every tarball plus the tfjs peers into an empty project.
    await run('npm', ['init', '-y'], { cwd: project });
    const install = await run(
      'npm',
      ['install', ...NPM_QUIET, ...packed.map((p) => p.tarball), ...TFJS_PEERS],
      { cwd: project },
    );
    if (install.code !== 0) {
      for (const p of packed) report(p.pkg.name, 'FAIL', 'npm install of the tarballs failed');
      console.log(tail(install.out, 30));
    } else {
      // 4. Import every subpath in a fresh Node process and compare the export names.
      for (const p of packed) {
        const problems = [];
        const counts = [];
        for (const { specifier, expected } of importChecks(p.pkg, p.dir)) {
          const probe = await run(
            process.execPath,
            [
              '--input-type=module',
              '-e',
              'const m = await import(process.argv[1]); console.log(JSON.stringify(Object.keys(m)));',
              specifier,
            ],
            { cwd: project },
          );
          if (probe.code !== 0) {
            problems.push(`import('${specifier}') failed:\n${tail(probe.out)}`);
            continue;
          }
          const actual = new Set(JSON.parse(probe.out.trim().split('\n').pop()));
          const absent = expected.filter((n) => !actual.has(n));
          if (absent.length > 0) problems.push(`${specifier} lacks ${absent.join(', ')}`);
          counts.push(
            `${specifier === p.pkg.name ? '.' : specifier.slice(p.pkg.name.length + 1)}: ${actual.size} exports`,
          );
        }
        if (problems.length > 0 && staleBuild(p))
          problems.push('dist/ is older than src/: rebuild it');
        if (problems.length > 0) report(p.pkg.name, 'FAIL', problems.join('; '));
        else report(p.pkg.name, 'OK', counts.join(', ') || 'no module exports');
      }

      // 5. Global install of packages with a bin, resolved like a user's `npm i -g`.
      const withBin = packed.filter((p) => p.manifest.bin !== undefined);
      if (withBin.length === 0) {
        console.log(
          'pack-install: global bin check SKIP (no built package with a bin, e.g. apps/cli/dist/main.js)',
        );
      } else {
        const server = await startScopedRegistry(
          packed.map((p) => ({ pkg: p.manifest, tarball: p.tarball })),
        );
        try {
          const registry = `http://127.0.0.1:${server.address().port}/`;
          const prefix = join(work, 'global');
          for (const p of withBin) {
            const spec = `${p.manifest.name}@${p.manifest.version}`;
            const g = await run(
              'npm',
              [
                'install',
                '-g',
                '--prefix',
                prefix,
                `--${SCOPE}:registry=${registry}`,
                ...NPM_QUIET,
                spec,
              ],
              {
                cwd: work,
              },
            );
            if (g.code !== 0) {
              report(`${p.pkg.name} -g`, 'FAIL', `npm install -g failed:\n${tail(g.out)}`);
              continue;
            }
            const bins =
              typeof p.manifest.bin === 'string'
                ? [p.manifest.name.split('/').pop()]
                : Object.keys(p.manifest.bin);
            for (const bin of bins) {
              const h = await run(join(prefix, 'bin', bin), ['--help'], { cwd: work });
              if (h.code !== 0) report(`${bin} --help`, 'FAIL', `exit ${h.code}:\n${tail(h.out)}`);
              else report(`${bin} --help`, 'OK', `global install; ${h.out.trim().split('\n')[0]}`);
            }
          }
        } finally {
          server.close();
        }
      }
    }
  }
} catch (error) {
  report('pack-install', 'FAIL', error instanceof Error ? error.stack : String(error));
} finally {
  if (args.keep) console.log(`pack-install: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

const count = (s) => results.filter((r) => r.status === s).length;
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `pack-install: ${count('OK')} ok, ${count('FAIL')} failed, ${count('SKIP')} skipped (${seconds} s)`,
);
process.exit(count('FAIL') > 0 ? 1 : 0);
