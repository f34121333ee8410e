import type { Action, DenyReason, Subjects } from './policy.js';

/*
 * What every part of the policy's table shares (policy.test.ts): the institutions (A organizes competition
 * 10, B another competition, C takes part), the actors by name, and the shape of a row — an action, its
 * subject, and for each actor `ok` or the reason of the refusal. Test data only.
 */
export const A = 1;
export const B = 2;
export const C = 3;
export const ok = true as const;
export type Who =
  | 'anonymous'
  | 'upp of A'
  | 'admin lokal of A'
  | 'secretariat of A'
  | 'secretariat of B'
  | 'evaluator of 10'
  | 'panelist of 10'
  | 'system admin'
  | 'data steward';
export type Case = [Action, Subjects[Action], Record<Who, true | DenyReason>];
