import { definePackageTestConfig } from '@coresets/tooling/vitest';

// End-to-end tests spawn the built binary, each a fresh Node process.
export default definePackageTestConfig('@coresets/cli', { testTimeout: 60_000 });
