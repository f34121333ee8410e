import { common } from './common.js';

/** Every Indonesian string, one module per area (merged here so areas never edit the same file). */
export const id = { common };
