import { packageConfig } from '@coresets/tooling/eslint';

export default packageConfig(import.meta.dirname);
