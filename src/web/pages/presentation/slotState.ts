import type { LiveSlot } from './types.js';
import type { LiveState } from './liveClock.js';

/** A slot's own phase at an instant (the live one's break and end come from liveState). */
export function phaseAt(s: Pick<LiveSlot, 'startsAt' | 'presentationEndsAt' | 'endsAt'>, nowMs: number) {
  if (nowMs < Date.parse(s.startsAt)) return 'upcoming' as const;
  if (nowMs < Date.parse(s.presentationEndsAt)) return 'presentation' as const;
  if (nowMs < Date.parse(s.endsAt)) return 'interview' as const;
  return 'done' as const;
}

/** The phase a slot shows: the live slot's (break included), else its own. */
export function shownPhase(slots: LiveSlot[], index: number, live: LiveState, nowMs: number) {
  return index === live.index ? live.phase : phaseAt(slots[index]!, nowMs);
}

/** What the panelist did with a finalist: abstains, submitted, a draft, not begun; null without an assignment. */
export function scoringState(s: LiveSlot): 'abstain' | 'submitted' | 'draft' | 'none' | null {
  if (s.finalist.abstain) return 'abstain';
  return s.finalist.scoring;
}

export const SCORING_COLOR = {
  abstain: 'violet.9',
  submitted: 'teal.9',
  draft: '#9a3412',
  none: 'gray.7',
} as const;
