import { defineConfig } from 'tsup';

/**
 * tsup preset: ESM for Node 20 with declarations built against `tsconfig.build.json`, so that
 * sibling packages are referenced by name rather than inlined. Apps (`{ app: true }`) build
 * `src/main.ts` into an executable with a shebang and no declarations.
 * @param {{ entry?: Record<string, string> | string[], app?: boolean }} [options]
 */
export function definePackageBuild(options = {}) {
  const app = options.app === true;
  return defineConfig({
    entry: options.entry ?? (app ? ['src/main.ts'] : ['src/index.ts']),
    format: ['esm'],
    target: 'node20',
    dts: !app,
    sourcemap: true,
    clean: true,
    splitting: false,
    tsconfig: 'tsconfig.build.json',
    external: [/^@tensorflow\//, /^@coresets\//],
    ...(app ? { banner: { js: '#!/usr/bin/env node' } } : {}),
  });
}
