import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type PeerOutcome =
  | { readonly available: true; readonly times_ms: number[]; readonly peer: string; readonly [key: string]: unknown }
  | { readonly available: false; readonly reason: string };

/** Debian's interpreter has the python3-sklearn/-pot/-torch packages; override with CORESETS_BENCH_PYTHON. */
export function peerPython(): string {
  return process.env.CORESETS_BENCH_PYTHON ?? '/usr/bin/python3';
}

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'python', 'peer.py');

/** A scratch directory for one peer call (inputs and outputs as .npy), removed by `done()`. */
export function peerWorkdir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'coresets-peer-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the shipped peer script for `task` on the inputs already written to `dir`. */
export function runPeer(task: string, dir: string, repeats: number): PeerOutcome {
  const result = spawnSync(peerPython(), [SCRIPT, task, dir, String(repeats)], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.error !== undefined) return { available: false, reason: `cannot run ${peerPython()}: ${result.error.message}` };
  if (result.status !== 0) {
    const last = result.stderr.trim().split('\n').slice(-1)[0] ?? '';
    return { available: false, reason: `peer script failed (${result.status}): ${last}` };
  }
  const line = result.stdout.trim().split('\n').slice(-1)[0] ?? '';
  return JSON.parse(line) as PeerOutcome;
}
