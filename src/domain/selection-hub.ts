/*
 * The selection's hub (issue 12): the steps of a competition's selection in the order the secretariat
 * works them, and where each stands. Pure: the module reads the facts (windows, counts, decisions,
 * announcements) and this says the status, so the rule is one table-tested function.
 */

import type { StepStatus } from '../contracts/selection-hub.js';

/**
 * The steps and statuses are the contract's (contracts/selection-hub.ts). not_open: its window has not
 * begun, or there is nothing to work on yet; open: work can be done; closed: its window ended with the work
 * not decided; decided: the work is done (staged, or set); published: it is announced to the public.
 */
export type { SelectionStep, StepStatus } from '../contracts/selection-hub.js';

export interface StepFacts {
  /** The stage's window, when the step is a dated stage; null for the steps between stages. */
  window: { opensAt: string | null; closesAt: string | null } | null;
  /** A step without a window: whether there is anything to work on yet. */
  available: boolean;
  decided: boolean;
  published: boolean;
}

/**
 * Published beats decided beats the window. A dated stage: before its opening (or with no opening set) not
 * open, after its closing closed, else open. A step without a window is open once there is work.
 */
export function stepStatus(facts: StepFacts, now: Date): StepStatus {
  if (facts.published) return 'published';
  if (facts.decided) return 'decided';
  if (!facts.window) return facts.available ? 'open' : 'not_open';
  const { opensAt, closesAt } = facts.window;
  const at = now.getTime();
  if (!opensAt || at < Date.parse(opensAt)) return 'not_open';
  if (closesAt && at >= Date.parse(closesAt)) return 'closed';
  return 'open';
}
