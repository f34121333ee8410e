import { common } from './common.js';

/** Every English string; keys mirror ../id. */
export const en = { common };
