export { assertAllClose, closeTo, firstMismatch } from './close.js';
export type { Tolerance } from './close.js';
