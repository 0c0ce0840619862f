import { defineConfig } from 'vitest/config';

const SOURCE_CONDITION = '@coresets/source';

/**
 * Vitest preset for every package: tests live beside the sources, siblings resolve to their
 * `src/` through the source condition (so tests never need a build), and a JSON report is
 * written for the CI summary line.
 * @param {string} name the package name shown in test output
 * @param {{ testTimeout?: number }} [options]
 */
export function definePackageTestConfig(name, options = {}) {
  return defineConfig({
    resolve: { conditions: [SOURCE_CONDITION, 'module', 'node', 'import', 'default'] },
    ssr: { resolve: { conditions: [SOURCE_CONDITION, 'node', 'import', 'default'] } },
    test: {
      name,
      include: ['src/**/*.test.ts'],
      testTimeout: options.testTimeout ?? 10_000,
      pool: 'forks',
      reporters: ['default', 'json'],
      outputFile: { json: '.reports/vitest.json' },
    },
  });
}
