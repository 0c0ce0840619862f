import { definePackageTestConfig } from '@coresets/tooling/vitest';

export default definePackageTestConfig('@coresets/core', { testTimeout: 30_000 });
