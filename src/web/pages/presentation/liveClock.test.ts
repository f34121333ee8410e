import { describe, expect, it } from 'vitest';
import { liveState } from './liveClock.js';

const at = (hhmm: string) => `2026-07-06T${hhmm}:00.000Z`;
const slots = [
  { startsAt: at('01:00'), presentationEndsAt: at('01:07'), endsAt: at('01:20') },
  { startsAt: at('01:25'), presentationEndsAt: at('01:32'), endsAt: at('01:45') },
];

describe('liveState', () => {
  it('before the first slot: upcoming, counting down to its start', () => {
    expect(liveState(slots, Date.parse(at('00:50')))).toEqual({
      index: 0,
      phase: 'upcoming',
      until: at('01:00'),
    });
  });
  it('in a slot: presentation, then interview at the presentation’s end', () => {
    expect(liveState(slots, Date.parse(at('01:03')))).toEqual({
      index: 0,
      phase: 'presentation',
      until: at('01:07'),
    });
    expect(liveState(slots, Date.parse(at('01:07')))).toEqual({
      index: 0,
      phase: 'interview',
      until: at('01:20'),
    });
  });
  it('between two slots: a break before the next finalist', () => {
    expect(liveState(slots, Date.parse(at('01:22')))).toEqual({
      index: 1,
      phase: 'break',
      until: at('01:25'),
    });
  });
  it('after the last slot: ended', () => {
    expect(liveState(slots, Date.parse(at('01:45')))).toEqual({ index: -1, phase: 'ended', until: null });
    expect(liveState([], 0)).toEqual({ index: -1, phase: 'ended', until: null });
  });
});
