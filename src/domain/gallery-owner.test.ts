import { describe, expect, it } from 'vitest';
import {
  consentRefusal,
  contactProblems,
  DEFAULT_PROMPT_DATE,
  normalizeContact,
  parsePromptDate,
  promptInstant,
  shownStatus,
  statusProblems,
  wibYear,
} from './gallery-owner.js';

describe('which proposals may be consented into the gallery', () => {
  it('a proposal that reached the competition, once its results are published', () => {
    for (const state of ['forwarded', 'received', 'frozen', 'incomplete', 'passed_admin'] as const)
      expect(consentRefusal({ state, resultsPublished: true })).toBeNull();
  });
  it('never a draft, a withdrawn, a returned or a disqualified one; a finalist is public already', () => {
    for (const state of ['draft', 'sent_to_local_admin', 'returned', 'withdrawn', 'disqualified'] as const)
      expect(consentRefusal({ state, resultsPublished: true })).toBe('state');
    expect(consentRefusal({ state: 'finalist', resultsPublished: true })).toBe('finalist');
  });
  it('not before the results are published', () => {
    expect(consentRefusal({ state: 'received', resultsPublished: false })).toBe('results_not_published');
  });
});

describe('the contact for replication', () => {
  it('is normalized: trimmed, blank parts null, e-mail lower case, phone +62', () => {
    expect(
      normalizeContact({ name: ' Ani ', position: ' ', email: ' Ani@Kab.go.ID ', phone: '0812 3456 7890' }),
    ).toEqual({ name: 'Ani', position: null, email: 'ani@kab.go.id', phone: '+6281234567890' });
  });
  it('needs an e-mail or a phone when any part is set; empty is valid (cleared)', () => {
    expect(contactProblems(normalizeContact({}))).toEqual({});
    expect(contactProblems(normalizeContact({ name: 'Ani' })).email?.code).toBe('email_or_phone_required');
    expect(contactProblems(normalizeContact({ name: 'Ani', phone: '0812 3456 7890' }))).toEqual({});
  });
  it('names a bad e-mail and a bad phone in both languages', () => {
    const p = contactProblems(normalizeContact({ email: 'bukan-email', phone: '12' }));
    expect(p.email?.code).toBe('invalid_email');
    expect(p.phone?.code).toBe('invalid_phone');
    expect(p.phone?.message.id).toMatch(/nomor telepon Indonesia/);
    expect(p.phone?.message.en).toMatch(/Indonesian phone number/);
  });
});

describe('the yearly status', () => {
  const prompt = DEFAULT_PROMPT_DATE;
  const halted = { year: 2027, status: 'halted' as const, reason: 'Anggaran dihentikan' };
  it('the prompt is 15 January 08.00 WIB (01.00 UTC); the year is read in WIB', () => {
    expect(promptInstant(2027, prompt).toISOString()).toBe('2027-01-15T01:00:00.000Z');
    expect(wibYear(new Date('2026-12-31T17:30:00Z'))).toBe(2027);
    expect(parsePromptDate('02-01T09:30')).toEqual({ month: 2, day: 1, hour: 9, minute: 30 });
    expect(parsePromptDate('02-29T09:30')).toBeNull();
    expect(parsePromptDate('13-01T09:30')).toBeNull();
  });
  it('continuing as of its competition year before the first prompt', () => {
    expect(
      shownStatus({
        competitionYear: 2026,
        confirmations: [],
        now: new Date('2027-01-15T00:59:00Z'),
        prompt,
      }),
    ).toEqual({ status: 'continuing', year: 2026, confirmed: false, reason: null, due: false });
  });
  it('unconfirmed once the prompt date passed without this year’s confirmation', () => {
    expect(
      shownStatus({
        competitionYear: 2026,
        confirmations: [],
        now: new Date('2027-01-15T01:00:00Z'),
        prompt,
      }),
    ).toEqual({ status: 'unconfirmed', year: 2026, confirmed: false, reason: null, due: true });
  });
  it('an innovation of this year’s competition is not due', () => {
    expect(
      shownStatus({ competitionYear: 2027, confirmations: [], now: new Date('2027-06-01T00:00:00Z'), prompt })
        .status,
    ).toBe('continuing');
  });
  it('this year’s confirmation shows, halted with its reason', () => {
    expect(
      shownStatus({ competitionYear: 2026, confirmations: [halted], now: new Date('2027-03-01Z'), prompt }),
    ).toEqual({ status: 'halted', year: 2027, confirmed: true, reason: 'Anggaran dihentikan', due: false });
  });
  it('last year’s halt stays until the prompt date, then the year is unconfirmed', () => {
    expect(
      shownStatus({ competitionYear: 2026, confirmations: [halted], now: new Date('2028-01-10Z'), prompt })
        .status,
    ).toBe('halted');
    expect(
      shownStatus({ competitionYear: 2026, confirmations: [halted], now: new Date('2028-01-16Z'), prompt }),
    ).toMatchObject({ status: 'unconfirmed', year: 2027, confirmed: true });
  });
  it('a halt needs its reason', () => {
    expect(statusProblems({ status: 'halted', reason: ' ' }).reason?.code).toBe('reason_required');
    expect(statusProblems({ status: 'continuing', reason: null })).toEqual({});
  });
});
