import { enableProdMode } from '@tensorflow/tfjs-core';
import { runCli } from './run-cli.js';
import { cliVersion } from './version.js';

// tfjs's development-mode notices ("install the node backend…") would break the promise that
// stderr carries only this tool's progress and errors.
enableProdMode();

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version: cliVersion(),
});
