import { definePackageBuild } from '@coresets/tooling/tsup';

export default definePackageBuild({ entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' } });
