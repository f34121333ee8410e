import { describe, expect, it } from 'vitest';
import { stepStatus, type StepFacts } from './selection-hub.js';

const now = new Date('2027-03-10T05:00:00Z');
const window = (opensAt: string | null, closesAt: string | null) => ({ opensAt, closesAt });
const facts = (f: Partial<StepFacts>): StepFacts => ({
  window: null,
  available: false,
  decided: false,
  published: false,
  ...f,
});

describe('stepStatus: where a step of the selection stands', () => {
  it.each<[string, Partial<StepFacts>, string]>([
    [
      'published beats everything',
      { published: true, decided: true, window: window(null, null) },
      'published',
    ],
    ['decided beats the window', { decided: true, window: window('2027-03-01T00:00:00Z', null) }, 'decided'],
    ['a stage without an opening is not open', { window: window(null, '2027-04-01T00:00:00Z') }, 'not_open'],
    ['before the opening: not open', { window: window('2027-03-10T05:00:01Z', null) }, 'not_open'],
    ['at the opening: open', { window: window('2027-03-10T05:00:00Z', null) }, 'open'],
    ['open-ended after the opening: open', { window: window('2027-03-01T00:00:00Z', null) }, 'open'],
    [
      'just before the closing: open',
      { window: window('2027-03-01T00:00:00Z', '2027-03-10T05:00:01Z') },
      'open',
    ],
    [
      'at the closing: closed (as the scoring refuses)',
      { window: window('2027-03-01T00:00:00Z', '2027-03-10T05:00:00Z') },
      'closed',
    ],
    ['a step between stages with work: open', { available: true }, 'open'],
    ['a step between stages without work: not open', { available: false }, 'not_open'],
  ])('%s', (_name, f, expected) => {
    expect(stepStatus(facts(f), now)).toBe(expected);
  });
});
