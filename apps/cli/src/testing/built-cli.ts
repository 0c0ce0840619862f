import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeNpy } from '@coresets/core';

/** The built binary the end-to-end tests spawn (turbo builds it before the cli's tests in CI). */
export const BUILT_CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Throws a clear message when the binary has not been built. */
export function assertBuilt(): void {
  if (!existsSync(BUILT_CLI)) {
    throw new Error(
      `${BUILT_CLI} is missing: run "pnpm exec tsup" in apps/cli (CI builds it before the tests)`,
    );
  }
}

/** Runs `node dist/main.js …args` in `cwd`; resolves with the exit code and both streams. */
export function runBuiltCli(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliRun> {
  const env = { ...process.env, ...options.env };
  // The tests' own runner must not leak its colour or backend settings into the child.
  delete env.FORCE_COLOR;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BUILT_CLI, ...args],
      { cwd: options.cwd, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A scratch folder with helpers to write inputs: plain CSV text, or .npy through core's encoder. */
export interface Scratch {
  readonly dir: string;
  path(name: string): string;
  csv(name: string, rows: readonly (readonly number[])[] | readonly number[]): string;
  text(name: string, content: string): string;
  npy(name: string, data: Float64Array | Int32Array, shape: readonly number[]): string;
  remove(): void;
}

export function createScratch(prefix = 'coresets-cli-'): Scratch {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = (name: string) => join(dir, name);
  return {
    dir,
    path,
    csv(name, rows) {
      const lines = rows.map((r) => (typeof r === 'number' ? String(r) : r.join(',')));
      writeFileSync(path(name), `${lines.join('\n')}\n`);
      return path(name);
    },
    text(name, content) {
      writeFileSync(path(name), content);
      return path(name);
    },
    npy(name, data, shape) {
      writeFileSync(path(name), encodeNpy({ data, shape: [...shape] }));
      return path(name);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Parses the one JSON document a `--out -` run prints. */
export function parseJsonOutput(run: CliRun): Record<string, unknown> {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}
