import { describe, expect, it } from 'vitest';
import { kippIdentity, kippTemplate, KIPP_THEME_2023, STAGE_KINDS } from './competition-template.js';
import { submissionClosesAt, validateCompetitionDefinition } from './competition-rules.js';

describe('KIPP template', () => {
  const def = kippTemplate({ year: 2026 });

  it('is a valid definition for 2026', () => {
    expect(validateCompetitionDefinition(def)).toEqual({});
  });

  it('is valid in every Indonesian zone and for other years', () => {
    for (const timeZone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])
      expect(validateCompetitionDefinition(kippTemplate({ year: 2027, timeZone }))).toEqual({});
    expect(validateCompetitionDefinition(kippTemplate({ year: 2028 }))).toEqual({});
  });

  it('carries the 2023 theme and the 11 sector categories', () => {
    expect(def.code).toBe('KIPP');
    expect(def.name).toBe('Kompetisi Inovasi Pelayanan Publik 2026');
    expect(def.theme).toBe(KIPP_THEME_2023);
    expect(def.categories.map((c) => c.nameId)).toEqual([
      'Kesehatan',
      'Pertumbuhan Ekonomi dan Kesempatan Kerja',
      'Ketahanan Pangan',
      'Inklusi Sosial',
      'Tata Kelola Pemerintahan',
      'Ketahanan Bencana',
      'Pendidikan',
      'Pengentasan Kemiskinan',
      'Pemberdayaan Masyarakat',
      'Energi dan Lingkungan Hidup',
      'Penegakan Hukum',
    ]);
    expect(def.settings).toEqual({
      allowedFileTypes: ['application/pdf', 'image/jpeg', 'image/png'],
      maxFileMb: 10,
      maxProposalMb: 50,
      maxOpenDraftsPerUnit: 15,
      maxInstitutionStorageMb: 2048,
      // No preset knows the organizer's help contact (issue 11): its secretariat fills it in.
      helpdesk: { phone: null, email: null, whatsapp: null, hours: null },
    });
  });

  it('has the umum, replikasi and khusus groups with their age, quota and invitation rules', () => {
    expect(
      def.groups.map((g) => [g.key, g.minImplementationMonths, g.quotaPerInstitution, g.invitationOnly]),
    ).toEqual([
      ['umum', 24, 10, false],
      ['replikasi', 12, 5, false],
      ['khusus', 24, null, true],
    ]);
    expect(def.groups[2].descriptionId).toContain('KIPP 2014–2024');
  });

  it('takes replikasi sources from KIPP 2014 up to two years before (2021: Top 99 of 2014–2019)', () => {
    expect(def.groups.map((g) => g.sourceYears)).toEqual([
      null,
      [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
      null,
    ]);
    expect(kippTemplate({ year: 2021 }).groups[1].sourceYears).toEqual([2014, 2015, 2016, 2017, 2018, 2019]);
    expect(kippTemplate({ year: 2015 }).groups[1].sourceYears).toBeNull();
  });

  it('gives umum the 8 sections of 2023 with weights 0/10/15/5/30/20/5/15', () => {
    const umum = def.groups[0];
    expect(umum.sections.map((s) => s.labelId)).toEqual([
      'Ringkasan',
      'Latar Belakang dan Tujuan',
      'Kebaruan/Nilai Tambah',
      'Implementasi Inovasi',
      'Signifikansi',
      'Adaptabilitas',
      'Sumber Daya',
      'Strategi Keberlanjutan',
    ]);
    expect(umum.sections.map((s) => s.weight)).toEqual([0, 10, 15, 5, 30, 20, 5, 15]);
    expect(umum.sections.reduce((a, s) => a + s.weight, 0)).toBe(100);
    expect(umum.sections[0].wordLimit).toBe(200);
    expect(umum.sections.slice(1).every((s) => s.wordLimit === 600)).toBe(true);
    expect(umum.sections.every((s) => s.guidanceId && s.guidanceEn && s.required)).toBe(true);
  });

  it('gives every group its own form whose weights add up to 100', () => {
    for (const g of def.groups) {
      expect(g.sections.length).toBeGreaterThan(0);
      expect(g.sections[0]).toMatchObject({ key: 'ringkasan', weight: 0, wordLimit: 200 });
      expect(g.sections.reduce((a, s) => a + s.weight, 0)).toBe(100);
    }
    expect(def.groups[1].sections.map((s) => [s.key, s.wordLimit, s.weight])).toEqual([
      ['ringkasan', 200, 0],
      ['inspirasi', 100, 10],
      ['proses_replikasi', 200, 15],
      ['faktor_pembeda', 100, 15],
      ['signifikansi', 600, 30],
      ['adaptabilitas', 600, 10],
      ['sumber_daya', 600, 5],
      ['strategi_keberlanjutan', 600, 15],
    ]);
    expect(def.groups[2].sections.map((s) => [s.key, s.wordLimit, s.weight])).toEqual([
      ['ringkasan', 200, 0],
      ['pembaruan', 200, 30],
      ['adaptabilitas', 200, 20],
      ['penguatan_keberlanjutan', 300, 25],
      ['evaluasi', 300, 25],
    ]);
  });

  it('lists every stage kind once, in lifecycle order', () => {
    expect(def.stages.map((s) => s.kind)).toEqual([...STAGE_KINDS]);
  });

  it('closes submission at 23:59 WIB (16:59 UTC) on 2 May of the year', () => {
    const submission = def.stages.find((s) => s.kind === 'submission')!;
    expect(submission.opensAt).toBe('2026-03-14T17:00:00.000Z');
    expect(submission.closesAt).toBe('2026-05-02T16:59:00.000Z');
    expect(submissionClosesAt(def.stages)).toBe('2026-05-02T16:59:00.000Z');
  });

  it('closes submission at 23:59 local time in the competition zone', () => {
    const wita = kippTemplate({ year: 2026, timeZone: 'Asia/Makassar' });
    expect(submissionClosesAt(wita.stages)).toBe('2026-05-02T15:59:00.000Z');
  });
});

describe('KIPP identity of an organizer', () => {
  it('names a ministry’s competition KIPP', () => {
    expect(
      kippIdentity(
        { id: 1, type: 'kementerian', name: 'Kementerian PANRB', shortName: null, regionCode: null },
        2026,
      ),
    ).toEqual({ code: 'KIPP', name: 'Kompetisi Inovasi Pelayanan Publik 2026' });
  });

  it('names a province’s competition after the province, with its short name in the code', () => {
    expect(
      kippIdentity(
        {
          id: 7,
          type: 'pemerintah_provinsi',
          name: 'Pemerintah Provinsi Kalimantan Timur',
          shortName: 'Kaltim',
          regionCode: '64',
        },
        2026,
      ),
    ).toEqual({
      code: 'KIPP-KALTIM',
      name: 'Kompetisi Inovasi Pelayanan Publik Pemerintah Provinsi Kalimantan Timur 2026',
    });
  });

  it('falls back to the region code, then the id, for the code', () => {
    const base = { type: 'pemerintah_kabupaten', name: 'Pemerintah Kabupaten Tangerang', shortName: null };
    expect(kippIdentity({ ...base, id: 9, regionCode: '36.03' }, 2026).code).toBe('KIPP-3603');
    expect(kippIdentity({ ...base, id: 9, regionCode: null }, 2026).code).toBe('KIPP-I9');
  });
});
