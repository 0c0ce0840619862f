import { Writable } from 'node:stream';
import { runCli } from '../run-cli.js';
import type { CliRun } from './built-cli.js';

/**
 * Runs one command line in this process with captured streams: the same code as the binary,
 * without the ~0.5 s a spawn costs, for the many small cases (paths must be absolute).
 */
export async function runInProcess(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        append(chunk.toString());
        callback();
      },
    });
  const code = await runCli(args, {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env,
    version: '0.0.0-test',
  });
  return { code, stdout, stderr };
}
