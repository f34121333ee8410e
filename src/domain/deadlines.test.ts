import { describe, expect, it } from 'vitest';
import {
  extensionsOf,
  NOT_FORWARDED_STATES,
  parseSettings,
  programLabel,
  startedStages,
  submissionJobPlan,
  validateExtension,
} from './deadlines.js';

const CURRENT = '2026-05-02T16:59:00.000Z';
const NOW = new Date('2026-04-30T03:00:00.000Z');
const ctx = { currentClosesAt: CURRENT, now: NOW, timeZone: 'Asia/Jakarta' };

describe('validateExtension', () => {
  it('accepts a later closing in the future with a letter number', () => {
    expect(
      validateExtension({ closesAt: '2026-05-06T16:59:00.000Z', letterNumber: 'B/188/PP.00.05/2023' }, ctx),
    ).toEqual({});
  });

  it('refuses a closing that is not later than the current one, naming it with hour and zone', () => {
    const problems = validateExtension({ closesAt: CURRENT, letterNumber: 'B/1/2026' }, ctx);
    expect(problems).toEqual({
      closesAt: {
        code: 'not_later',
        message: {
          id: 'Batas pengajuan baru harus sesudah batas saat ini (2 Mei 2026 23.59 WIB).',
          en: 'The new closing time must be after the current one (2 May 2026 23:59 WIB).',
        },
      },
    });
  });

  it('refuses a closing later than the current one but already past by the server clock', () => {
    const problems = validateExtension(
      { closesAt: '2026-05-03T00:00:00.000Z', letterNumber: 'B/1/2026' },
      { ...ctx, currentClosesAt: '2026-05-02T16:59:00.000Z', now: new Date('2026-05-04T00:00:00.000Z') },
    );
    expect(problems.closesAt?.code).toBe('in_past');
  });

  it('refuses a malformed instant, a blank letter number and an overlong reason at once', () => {
    const problems = validateExtension(
      { closesAt: '6 Mei 2026', letterNumber: '   ', reasonEn: 'x'.repeat(2001) },
      ctx,
    );
    expect(Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, v.code]))).toEqual({
      closesAt: 'invalid_datetime',
      letterNumber: 'required',
      reasonEn: 'too_long',
    });
  });
});

describe('submissionJobPlan', () => {
  it('plans the closing and the 7/3/1-day reminders before it', () => {
    const plan = submissionJobPlan(4, CURRENT, new Date('2026-04-01T00:00:00.000Z'));
    expect(plan.map((j) => [j.uniqueKey, j.runAt.toISOString()])).toEqual([
      ['closing:4', CURRENT],
      ['reminder:4:7d', '2026-04-25T16:59:00.000Z'],
      ['reminder:4:3d', '2026-04-29T16:59:00.000Z'],
      ['reminder:4:1d', '2026-05-01T16:59:00.000Z'],
    ]);
    expect(plan[1].payload).toEqual({ competitionId: 4, closesAt: CURRENT, days: 7 });
  });

  it('skips reminders already in the past but keeps the closing', () => {
    const plan = submissionJobPlan(4, CURRENT, NOW);
    expect(plan.map((j) => j.uniqueKey)).toEqual(['closing:4', 'reminder:4:1d']);
    expect(submissionJobPlan(4, CURRENT, new Date('2026-06-01T00:00:00Z')).map((j) => j.uniqueKey)).toEqual([
      'closing:4',
    ]);
  });
});

describe('settings and labels', () => {
  it('reads the extension list and ignores malformed settings', () => {
    const ext = {
      previousClosesAt: CURRENT,
      closesAt: '2026-05-06T16:59:00.000Z',
      letterNumber: 'B/188',
      reasonId: null,
      reasonEn: null,
      at: NOW.toISOString(),
      by: 1,
    };
    expect(extensionsOf(parseSettings(JSON.stringify({ extensions: [ext, { junk: 1 }] })))).toEqual([ext]);
    expect(extensionsOf(parseSettings('not json'))).toEqual([]);
    expect(parseSettings('[1]')).toEqual({});
  });

  it('names the programme with the group in both languages', () => {
    const g = { name_id: 'Umum', name_en: 'General' };
    expect(programLabel('KIPP 2026', g, 'id')).toBe('KIPP 2026 — Kelompok Umum');
    expect(programLabel('KIPP 2026', g, 'en')).toBe('KIPP 2026 — General group');
  });

  it('counts every state short of forwarded as not forwarded', () => {
    expect([...NOT_FORWARDED_STATES].sort()).toEqual([
      'draft',
      'returned',
      'sent_to_local_admin',
      'withdrawn',
    ]);
  });
});

describe('startedStages', () => {
  const moved = (opensAt: string) => ({
    kind: 'administrative',
    nameId: 'Seleksi Administrasi',
    nameEn: 'Administrative selection',
    from: { opensAt, closesAt: '2026-05-12T16:59:00.000Z' },
    to: { opensAt, closesAt: '2026-05-12T16:59:00.000Z' },
  });
  it.each([
    ['not yet open', '2026-05-02T17:00:00.000Z', '2026-05-01T00:00:00.000Z', 0],
    [
      'opened after the closing that has not been processed',
      '2026-05-02T17:00:00.000Z',
      '2026-05-02T17:00:30.000Z',
      0,
    ],
    [
      'under way while submission is open (an overlap)',
      '2026-04-20T00:00:00.000Z',
      '2026-04-25T00:00:00.000Z',
      1,
    ],
  ])('%s', (_name, opensAt, now, count) => {
    expect(startedStages([moved(opensAt)], new Date(now), '2026-05-02T16:59:00.000Z')).toHaveLength(count);
  });
});
