import { cpus, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import type { BackendInfo } from '@coresets/core';

const require = createRequire(import.meta.url);

function versionOf(name: string): string | null {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return null;
  }
}

/** Where and with what a bench ran: recorded in every results.json and report. */
export function describeMachine(backend: BackendInfo | undefined): Record<string, unknown> {
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    backend: backend === undefined ? null : { name: backend.name, version: backend.version, simd: backend.simd, threads: backend.threads },
    versions: Object.fromEntries(
      ['core', 'submodular', 'gradients', 'ccs', 'simcore', 'autocoreset', 'colm', 'goracs', 'eval'].map((p) => [
        `@coresets/${p}`,
        versionOf(`@coresets/${p}`),
      ]),
    ),
    tfjs: versionOf('@tensorflow/tfjs-core'),
  };
}
