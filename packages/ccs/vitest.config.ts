import { definePackageTestConfig } from '@coresets/tooling/vitest';

export default definePackageTestConfig('@coresets/ccs');
