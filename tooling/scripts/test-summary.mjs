// Sums the vitest JSON reports of every workspace package into the one line CI ends with.
// A package that has test files but wrote no report counts as one failure (its run crashed),
// and each failed non-test CI step (passed as --failed-steps N) counts as one failure too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const dirs = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, group, d.name)),
);
dirs.push(join(root, 'tooling'));

function hasTests(dir) {
  const src = join(dir, dir.endsWith('tooling') ? 'scripts' : 'src');
  if (!existsSync(src)) return false;
  return readdirSync(src, { recursive: true }).some((f) => String(f).endsWith('.test.ts') || String(f).endsWith('.test.mjs'));
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of dirs) {
  const report = join(dir, '.reports', 'vitest.json');
  if (!existsSync(report)) {
    if (hasTests(dir)) {
      console.log(`no test report from ${dir} (counted as 1 failed)`);
      failed += 1;
    }
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  // A file that failed to load has no failed assertions of its own; count it once.
  for (const file of r.testResults ?? []) {
    const anyFailed = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !anyFailed) failed += 1;
  }
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
const i = process.argv.indexOf('--failed-steps');
const failedSteps = i >= 0 ? Number(process.argv[i + 1]) : 0;
failed += failedSteps;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
