import { describe, expect, it } from 'vitest';
import { kippTemplate, type CompetitionDefinition } from './competition-template.js';
import {
  currentStage,
  isValidTimeZone,
  normalizeDefinition,
  validateCompetitionDefinition,
} from './competition-rules.js';
import { diffDefinitions } from './definition-diff.js';

const fresh = (): CompetitionDefinition => kippTemplate({ year: 2026 });
const codes = (problems: Record<string, { code: string }>) =>
  Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, v.code]));

describe('validateCompetitionDefinition', () => {
  it('reports each problem of a broken definition at its field path', () => {
    const def = fresh();
    def.code = 'kipp 2026';
    def.name = '  ';
    def.theme = '';
    def.year = 1999;
    def.timeZone = 'Asia/Atlantis';
    def.settings.maxFileMb = 0;
    def.categories[1].key = def.categories[0].key;
    def.categories[2].nameEn = '';
    def.groups[1].key = 'umum';
    def.groups[0].sections[3].weight = 7.5;
    def.groups[0].sections[2].key = 'Kebaruan';
    def.groups[1].sections[1].weight = 5; // replikasi now adds up to 95
    def.groups[1].sections[2].wordLimit = 0;
    def.groups[1].quotaPerInstitution = 0;
    def.groups[1].minImplementationMonths = 121;
    def.groups[2].sections = [];
    def.stages[2].closesAt = def.stages[2].opensAt;
    def.stages[4].opensAt = '2026-01-01T00:00:00.000Z';
    def.stages[5].kind = 'evaluation_2';
    def.stages[6].kind = 'lottery';
    def.stages[7].opensAt = 'next week';

    expect(codes(validateCompetitionDefinition(def))).toEqual({
      code: 'invalid_code',
      name: 'required',
      theme: 'required',
      year: 'out_of_range',
      timeZone: 'invalid_time_zone',
      'settings.maxFileMb': 'out_of_range',
      'categories.1.key': 'duplicate',
      'categories.2.nameEn': 'required',
      'groups.0.sections.2.key': 'invalid_key',
      'groups.0.sections.3.weight': 'out_of_range',
      'groups.1.key': 'duplicate',
      'groups.1.quotaPerInstitution': 'out_of_range',
      'groups.1.minImplementationMonths': 'out_of_range',
      'groups.1.sections': 'weights_sum',
      'groups.1.sections.2.wordLimit': 'out_of_range',
      'groups.2.sections': 'required',
      'stages.2.closesAt': 'closes_before_opens',
      'stages.4.opensAt': 'out_of_order',
      'stages.5.kind': 'duplicate',
      'stages.6.kind': 'invalid_choice',
      'stages.7.opensAt': 'invalid_datetime',
    });
  });

  it('names the group and the actual sum when weights do not add up to 100', () => {
    const def = fresh();
    def.groups[0].sections[5].weight = 15;
    const problems = validateCompetitionDefinition(def);
    expect(Object.keys(problems)).toEqual(['groups.0.sections']);
    expect(problems['groups.0.sections'].message).toEqual({
      id: 'Jumlah bobot kelompok “Umum” harus tepat 100; sekarang 95.',
      en: 'The weights of group “General” must add up to exactly 100; they add up to 95.',
    });
  });

  it('requires a submission stage with a closing instant', () => {
    const without = fresh();
    without.stages = without.stages.filter((s) => s.kind !== 'submission');
    expect(codes(validateCompetitionDefinition(without))).toEqual({ stages: 'submission_required' });

    const open = fresh();
    open.stages[1].closesAt = null;
    expect(codes(validateCompetitionDefinition(open))).toEqual({ 'stages.1.closesAt': 'required' });
  });

  it('accepts a stage without a window and nullable quota and word limit', () => {
    const def = fresh();
    def.stages[9].opensAt = null;
    def.stages[9].closesAt = null;
    def.groups[0].quotaPerInstitution = null;
    def.groups[0].sections[1].wordLimit = null;
    expect(validateCompetitionDefinition(def)).toEqual({});
  });

  it('takes replikasi source years before the competition year; none means any year', () => {
    const def = fresh();
    def.groups[1].sourceYears = [2019, 2026];
    expect(validateCompetitionDefinition(def)).toEqual({
      'groups.1.sourceYears': {
        code: 'out_of_range',
        message: {
          id: 'Tahun sumber replikasi antara 2014 dan 2025 (sebelum tahun kompetisi); 2026 tidak termasuk.',
          en: "Replication source years are from 2014 to 2025 (before the competition's year); 2026 is not.",
        },
      },
    });
    def.groups[1].sourceYears = [2019, 2014, 2019];
    expect(normalizeDefinition(def).groups[1].sourceYears).toEqual([2014, 2019]);
    def.groups[1].sourceYears = [];
    expect(normalizeDefinition(def).groups[1].sourceYears).toBeNull();
  });

  it('requires at least one category and one group', () => {
    const def = fresh();
    def.categories = [];
    def.groups = [];
    expect(codes(validateCompetitionDefinition(def))).toEqual({ categories: 'required', groups: 'required' });
  });

  it('checks the help contact with the definition: each bad part at its settings path, id and en', () => {
    const def = fresh();
    expect(def.settings.helpdesk).toEqual({ phone: null, email: null, whatsapp: null, hours: null });
    def.settings.helpdesk = {
      phone: '12345',
      email: 'bantuan@',
      whatsapp: 'nomor WA',
      hours: 'x'.repeat(121),
    };
    const problems = validateCompetitionDefinition(normalizeDefinition(def));
    expect(codes(problems)).toEqual({
      'settings.helpdesk.phone': 'invalid_phone',
      'settings.helpdesk.email': 'invalid_email',
      'settings.helpdesk.whatsapp': 'invalid_phone',
      'settings.helpdesk.hours': 'too_long',
    });
    for (const p of Object.values(problems)) {
      expect(p.message.id).toBeTruthy();
      expect(p.message.en).toBeTruthy();
      expect(p.message.id).not.toBe(p.message.en);
    }
  });

  it('knows IANA time zones', () => {
    expect(isValidTimeZone('Asia/Jakarta')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('WIB')).toBe(false);
    expect(isValidTimeZone('Asia/Atlantis')).toBe(false);
  });
});

describe('normalizeDefinition', () => {
  it('trims texts, empties optional texts to null and writes instants in canonical form', () => {
    const def = fresh();
    def.name = '  KIPP 2026 ';
    def.description = '   ';
    def.groups[0].sections[0].guidanceEn = '';
    def.stages[0].opensAt = '2026-02-09T17:00Z';
    const n = normalizeDefinition(def);
    expect(n.name).toBe('KIPP 2026');
    expect(n.description).toBeNull();
    expect(n.groups[0].sections[0].guidanceEn).toBeNull();
    expect(n.stages[0].opensAt).toBe('2026-02-09T17:00:00.000Z');
  });

  it('stores the help contact normalized: phones as +62…, blanks as null', () => {
    const def = fresh();
    def.settings.helpdesk = {
      phone: '(021) 739 8381',
      email: ' Bantuan@Demo.Sinovik.id ',
      whatsapp: '0812-5555-0101',
      hours: '  ',
    };
    expect(normalizeDefinition(def).settings.helpdesk).toEqual({
      phone: '+62217398381',
      email: 'bantuan@demo.sinovik.id',
      whatsapp: '+6281255550101',
      hours: null,
    });
  });
});

describe('currentStage', () => {
  const stages = fresh().stages;
  it('is the stage whose window contains the instant', () => {
    expect(currentStage(stages, new Date('2026-04-01T00:00:00Z'))?.kind).toBe('submission');
    expect(currentStage(stages, new Date('2026-05-02T16:58:59Z'))?.kind).toBe('submission');
    expect(currentStage(stages, new Date('2026-05-02T16:59:00Z'))).toBeNull();
    expect(currentStage(stages, new Date('2026-05-02T17:00:00Z'))?.kind).toBe('administrative');
    expect(currentStage(stages, new Date('2027-01-01T00:00:00Z'))?.kind).toBe('announcement');
    expect(currentStage(stages, new Date('2025-12-31T00:00:00Z'))).toBeNull();
  });
});

describe('diffDefinitions', () => {
  it('summarises what an edit changes', () => {
    const before = fresh();
    const after = fresh();
    after.theme = 'Tema baru';
    after.categories.pop();
    after.categories.push({
      key: 'digital',
      nameId: 'Transformasi Digital',
      nameEn: 'Digital Transformation',
    });
    after.groups[0].sections[1].labelEn = 'Background';
    after.groups[0].quotaPerInstitution = 8;
    after.stages[1].closesAt = '2026-05-06T16:59:00.000Z';
    expect(diffDefinitions(before, after)).toEqual({
      before: { theme: before.theme },
      after: { theme: 'Tema baru' },
      categories: { added: ['digital'], removed: ['penegakan_hukum'], changed: {} },
      groups: { added: [], removed: [], changed: { umum: ['quotaPerInstitution'] } },
      sections: { umum: { added: [], removed: [], changed: { latar_belakang_tujuan: ['labelEn'] } } },
      stages: { added: [], removed: [], changed: { submission: ['closesAt'] } },
    });
  });
});

describe('stage overlaps', () => {
  it('refuses two stages that may not overlap, naming both at the later stage’s opening', () => {
    const def = fresh();
    const admin = def.stages.findIndex((s) => s.kind === 'administrative');
    def.stages[admin].opensAt = '2026-05-01T00:00:00.000Z'; // submission closes 2 May 23:59 WIB
    expect(validateCompetitionDefinition(def)).toEqual({
      [`stages.${admin}.opensAt`]: {
        code: 'stages_overlap',
        message: {
          id: 'Tahapan “Seleksi Administrasi” dimulai sebelum tahapan “Pengajuan Proposal” berakhir; hanya tahapan yang berjalan bersamaan (Publikasi) yang boleh tumpang tindih.',
          en: 'Stage “Administrative selection” starts before stage “Proposal submission” ends; only stages that run alongside the others (Publication) may overlap.',
        },
      },
    });
  });

  it('lets Publikasi run from the opening to the awarding across every stage', () => {
    const def = fresh();
    const pub = def.stages.find((s) => s.kind === 'publication')!;
    pub.closesAt = '2026-12-31T16:59:00.000Z';
    expect(validateCompetitionDefinition(def)).toEqual({});
  });
});
