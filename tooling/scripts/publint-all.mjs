// Runs publint --strict on every publishable package (apps and tooling are private).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
let failed = 0;
for (const group of ['packages', 'apps']) {
  for (const dir of readdirSync(join(root, group))) {
    const cwd = join(root, group, dir);
    const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
    if (pkg.private === true) continue;
    try {
      execFileSync('pnpm', ['exec', 'publint', '--strict', '--pack', 'pnpm'], { cwd, stdio: 'inherit' });
    } catch {
      failed += 1;
      console.error(`publint failed for ${pkg.name}`);
    }
  }
}
process.exit(failed > 0 ? 1 : 0);
