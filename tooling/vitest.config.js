import { defineConfig } from 'vitest/config';

// The repository scripts' own tests (plain .mjs, next to the scripts they test).
export default defineConfig({
  test: {
    name: '@coresets/tooling',
    include: ['scripts/**/*.test.mjs'],
    testTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.reports/vitest.json' },
  },
});
