import { describe, expect, it } from 'vitest';
import { kippTemplate, type CompetitionDefinition } from './competition-template.js';
import { presetChoices, TEMPLATE_PRESETS, TEMPLATE_PRESET_IDS } from './competition-presets.js';
import { currentStage, runningStages, validateCompetitionDefinition } from './competition-rules.js';

const stage = (def: CompetitionDefinition, kind: string) => def.stages.find((s) => s.kind === kind)!;

describe('KIPP 2021 preset equals seed 003', () => {
  const def = kippTemplate({ year: 2021, preset: 'kipp-2021' });

  it('is verified and names the seed as its source', () => {
    expect(TEMPLATE_PRESETS['kipp-2021'].verified).toBe(true);
    expect(TEMPLATE_PRESETS['kipp-2021'].source.id).toContain('seed 003');
  });

  it('carries the 2021 theme and the 10 categories in the seed’s order', () => {
    expect(def.theme).toBe(
      'Percepatan Inovasi Pelayanan Publik untuk pencapaian Tujuan Pembangunan Berkelanjutan melalui Transfer Pengetahuan di Tatanan Normal Baru',
    );
    expect(def.categories.map((c) => c.nameId)).toEqual([
      'Pengentasan Kemiskinan',
      'Pendidikan',
      'Kesehatan',
      'Ketahanan Pangan',
      'Pertumbuhan Ekonomi dan Kesempatan Kerja',
      'Pemberdayaan Masyarakat',
      'Pelayanan Publik Responsif Gender',
      'Perlindungan dan Pelestarian Lingkungan Hidup',
      'Tata Kelola Pemerintahan',
      'Penegakan Hukum',
    ]);
  });

  it('has the three groups with quotas 10/5, ages 24/12/24 months and khusus by invitation only', () => {
    expect(
      def.groups.map((g) => [g.key, g.minImplementationMonths, g.quotaPerInstitution, g.invitationOnly]),
    ).toEqual([
      ['umum', 24, 10, false],
      ['replikasi', 12, 5, false],
      ['khusus', 24, null, true],
    ]);
    expect(def.groups[0].descriptionId).toContain('Top 99 sebanyak 2 kali');
    expect(def.groups[1].descriptionId).toContain('Top 99 KIPP 2014–2019');
    expect(def.groups[1].sourceYears).toEqual([2014, 2015, 2016, 2017, 2018, 2019]);
    expect(def.groups[2].descriptionId).toContain('5 pemenang OAPSI 2020');
    // The "Top 15 Kelompok Khusus 2 kali" rule is 2023's, not 2021's.
    expect(def.groups[2].descriptionId).not.toContain('Top 15');
  });

  it('runs submission 18 March 00:00 – 11 May 23:59 WIB, the assessment in the seed’s order until July, the award in September', () => {
    expect([stage(def, 'submission').opensAt, stage(def, 'submission').closesAt]).toEqual([
      '2021-03-17T17:00:00.000Z',
      '2021-05-11T16:59:00.000Z',
    ]);
    const assessment = def.stages.filter(
      (s) => !['publication', 'submission', 'announcement'].includes(s.kind),
    );
    expect(assessment.map((s) => s.nameId)).toEqual([
      'Seleksi Administrasi',
      'Penilaian Proposal dan Dokumentasi Inovasi',
      'Penentuan Finalis Top Inovasi',
      'Presentasi dan Wawancara',
      'Verifikasi dan Observasi Lapangan',
      'Penentuan Top Inovasi Terpuji',
    ]);
    for (const s of assessment) expect(s.closesAt! <= '2021-07-31T16:59:00.000Z').toBe(true);
    const award = stage(def, 'announcement');
    expect(award.opensAt!.slice(0, 7)).toBe('2021-08'); // 1 September 00:00 WIB = 31 August 17:00 UTC
    expect(award.closesAt!.slice(0, 7)).toBe('2021-09');
  });

  it('runs Publikasi from the opening until the awarding', () => {
    const pub = stage(def, 'publication');
    expect(Date.parse(pub.opensAt!)).toBeLessThanOrEqual(Date.parse(stage(def, 'submission').opensAt!));
    expect(pub.closesAt).toBe(stage(def, 'announcement').closesAt);
  });
});

describe('every preset', () => {
  it.each(TEMPLATE_PRESET_IDS)(
    '%s is a valid definition in every Indonesian zone and another year',
    (preset) => {
      for (const timeZone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])
        expect(validateCompetitionDefinition(kippTemplate({ year: 2027, timeZone, preset }))).toEqual({});
      expect(validateCompetitionDefinition(kippTemplate({ year: 2026, preset }))).toEqual({});
    },
  );

  it.each(TEMPLATE_PRESET_IDS)(
    '%s keeps Publikasi open until the last stage starts (the awarding)',
    (preset) => {
      const def = kippTemplate({ year: 2026, preset });
      const pub = stage(def, 'publication');
      const award = stage(def, 'announcement');
      expect(Date.parse(pub.closesAt!)).toBeGreaterThan(Date.parse(award.opensAt!));
    },
  );

  it('records the later years as the reference does, marked unverified', () => {
    expect(presetChoices().map((p) => [p.id, p.year, p.verified])).toEqual([
      ['kipp-2025', 2025, false],
      ['kipp-2023', 2023, false],
      ['kipp-2022', 2022, false],
      ['kipp-2021', 2021, true],
    ]);
    expect(kippTemplate({ year: 2022, preset: 'kipp-2022' }).categories).toHaveLength(3);
    expect(kippTemplate({ year: 2022, preset: 'kipp-2022' }).groups.map((g) => g.key)).toEqual([
      'umum',
      'khusus',
    ]);
    expect(stage(kippTemplate({ year: 2022, preset: 'kipp-2022' }), 'submission').closesAt).toBe(
      '2022-04-16T05:00:00.000Z', // 16 April 12:00 WIB
    );
    expect(kippTemplate({ year: 2023, preset: 'kipp-2023' }).categories).toHaveLength(11);
    expect(kippTemplate({ year: 2025, preset: 'kipp-2025' }).categories).toHaveLength(9);
    expect(kippTemplate({ year: 2025, preset: 'kipp-2025' }).theme).toBe(
      'Mewujudkan Pelayanan Publik Berdampak untuk Kesejahteraan Masyarakat',
    );
    for (const p of presetChoices().filter((c) => !c.verified)) {
      expect(p.note.id).toContain('Belum diverifikasi');
      expect(p.note.en).toContain('Not verified');
    }
  });

  it('defaults to the 2023 preset, as the template was before presets', () => {
    expect(kippTemplate({ year: 2026 })).toEqual(kippTemplate({ year: 2026, preset: 'kipp-2023' }));
  });
});

describe('stages running alongside', () => {
  const def = kippTemplate({ year: 2026, preset: 'kipp-2021' });
  it('shows Publikasi running together with submission, and submission as the stage under way', () => {
    const during = new Date('2026-04-01T00:00:00Z');
    expect(runningStages(def.stages, during).map((s) => s.kind)).toEqual(['publication', 'submission']);
    expect(currentStage(def.stages, during)?.kind).toBe('submission');
    const between = new Date('2026-09-01T00:00:00Z'); // awarding month: Publikasi still runs
    expect(runningStages(def.stages, between).map((s) => s.kind)).toContain('publication');
    expect(currentStage(def.stages, new Date('2026-03-17T01:00:00Z'))).toBeNull();
  });
});
