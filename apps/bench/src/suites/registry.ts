import type { Suite } from '../suite.js';
import { autoCoresetSuite } from './autocoreset/autocoreset-suite.js';
import { ccsSuite } from './ccs/ccs-suite.js';
import { colmSuite } from './colm/colm-suite.js';
import { goracsSuite } from './goracs/goracs-suite.js';
import { modelsSuite } from './models/models-suite.js';
import { perfSuite } from './perf/perf-suite.js';
import { simcoreSuite } from './simcore/simcore-suite.js';

/** Every suite, in the order `all` runs them. */
export const SUITES: readonly Suite[] = [perfSuite, ccsSuite, autoCoresetSuite, modelsSuite, colmSuite, simcoreSuite, goracsSuite];
