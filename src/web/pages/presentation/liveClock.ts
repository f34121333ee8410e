import type { LiveSlot } from './types.js';

/*
 * Where a live session stands at an instant of the server's clock, from the slots' own instants (so the
 * countdown turns from presentation to interview, and on to the next finalist, between two refetches).
 */

export type LivePhase = 'upcoming' | 'presentation' | 'interview' | 'break' | 'ended';

export interface LiveState {
  /** The slot running now, else the next to come; -1 once the session is over. */
  index: number;
  phase: LivePhase;
  /** The instant the countdown runs to (the phase's end, or the slot's start); null once over. */
  until: string | null;
}

export function liveState(
  slots: Pick<LiveSlot, 'startsAt' | 'presentationEndsAt' | 'endsAt'>[],
  nowMs: number,
): LiveState {
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    if (nowMs >= Date.parse(s.endsAt)) continue;
    if (nowMs < Date.parse(s.startsAt))
      return { index: i, phase: i === 0 ? 'upcoming' : 'break', until: s.startsAt };
    if (nowMs < Date.parse(s.presentationEndsAt))
      return { index: i, phase: 'presentation', until: s.presentationEndsAt };
    return { index: i, phase: 'interview', until: s.endsAt };
  }
  return { index: -1, phase: 'ended', until: null };
}
