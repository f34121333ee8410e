import { describe, expect, it } from 'vitest';
import {
  claimsOf,
  countFindings,
  submitProblems,
  visitWindowProblem,
  type ClaimSection,
} from './field-verification.js';

const section = (key: string, answer = `Jawaban ${key}`, over: Partial<ClaimSection> = {}): ClaimSection => ({
  key,
  labelId: `Label ${key}`,
  labelEn: `Label ${key} en`,
  weight: 10,
  evidenceRequired: false,
  answer,
  ...over,
});

describe('field verification checklist', () => {
  it('draws the claims a visit can check from the KIPP umum form, then each evidence file', () => {
    const claims = claimsOf(
      [
        'ringkasan',
        'latar_belakang_tujuan',
        'kebaruan',
        'implementasi',
        'signifikansi',
        'adaptabilitas',
        'sumber_daya',
        'strategi_keberlanjutan',
      ].map((k) => section(k)),
      [
        {
          attachmentId: 7,
          name: 'laporan-evaluasi.pdf',
          sectionLabelId: 'Signifikansi',
          sectionLabelEn: 'Significance',
        },
      ],
    );
    expect(claims.map((c) => c.key)).toEqual([
      'section:implementasi',
      'section:signifikansi',
      'section:adaptabilitas',
      'section:sumber_daya',
      'section:strategi_keberlanjutan',
      'evidence:7',
    ]);
    expect(claims[5].label.id).toBe('Dokumen pendukung: Signifikansi');
  });

  it('keeps a section that needs its own document, skips empty answers, and falls back to weighted sections', () => {
    expect(
      claimsOf([section('kebaruan', 'x', { evidenceRequired: true }), section('implementasi', '  ')], []).map(
        (c) => c.key,
      ),
    ).toEqual(['section:kebaruan']);
    expect(
      claimsOf([section('lain_a'), section('lain_b', 'y', { weight: 0 })], []).map((c) => c.key),
    ).toEqual(['section:lain_a']);
  });

  it('refuses a submit with unchecked claims, no recommendation or no summary, and counts findings', () => {
    const claims = claimsOf([section('implementasi'), section('signifikansi')], []);
    const problems = submitProblems({
      claims,
      findings: [{ claimKey: 'section:implementasi', status: 'confirmed' }],
      recommendation: null,
      summary: ' ',
    });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['findings', 'claims_unchecked'],
      ['recommendation', 'required'],
      ['summary', 'required'],
    ]);
    expect(
      submitProblems({
        claims,
        findings: claims.map((c) => ({ claimKey: c.key, status: 'partly' as const })),
        recommendation: 'recommended',
        summary: 'Baik',
      }),
    ).toEqual([]);
    expect(
      countFindings(
        ['a', 'b', 'c', 'd'],
        [
          { claimKey: 'a', status: 'confirmed' },
          { claimKey: 'b', status: 'not_found' },
          { claimKey: 'c', status: 'partly' },
          { claimKey: 'zzz', status: 'confirmed' },
        ],
      ),
    ).toEqual({ confirmed: 1, partly: 1, notFound: 1, unchecked: 1 });
  });
});

describe('a visit inside the field verification window', () => {
  const window = { opensAt: '2026-07-12T17:00:00.000Z', closesAt: '2026-07-24T16:59:00.000Z' };
  it('takes the first and the last minute of the window, refuses a minute before or after', () => {
    expect(visitWindowProblem(window.opensAt, window, 'Asia/Jakarta')).toBeNull();
    expect(visitWindowProblem(window.closesAt, window, 'Asia/Jakarta')).toBeNull();
    expect(visitWindowProblem('2026-07-12T16:59:00.000Z', window, 'Asia/Jakarta')?.code).toBe(
      'outside_field_window',
    );
    const late = visitWindowProblem('2026-07-24T17:00:00.000Z', window, 'Asia/Jayapura');
    expect(late).toEqual({
      field: 'startsAt',
      code: 'outside_field_window',
      message: {
        id: 'Waktu kunjungan harus di dalam tahap verifikasi lapangan: 13 Juli 2026 02.00 WIT – 25 Juli 2026 01.59 WIT.',
        en: 'The visit must take place within the field verification stage: 13 July 2026 02:00 WIT – 25 July 2026 01:59 WIT.',
      },
    });
  });
  it('does not bound an end left open', () => {
    expect(
      visitWindowProblem('2030-01-01T00:00:00.000Z', { ...window, closesAt: null }, 'Asia/Jakarta'),
    ).toBeNull();
    expect(
      visitWindowProblem('2020-01-01T00:00:00.000Z', { ...window, opensAt: null }, 'Asia/Jakarta'),
    ).toBeNull();
    expect(visitWindowProblem('2020-01-01T00:00:00.000Z', window, 'Asia/Jakarta')?.message.id).toContain(
      '13 Juli 2026 00.00 WIB',
    );
  });
});
