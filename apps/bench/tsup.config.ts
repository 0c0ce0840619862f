import { definePackageBuild } from '@coresets/tooling/tsup';

export default definePackageBuild({ app: true });
