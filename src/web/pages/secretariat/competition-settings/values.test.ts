import { describe, expect, it } from 'vitest';
import type { CompetitionDetail } from '../../../../contracts/competitions.js';
import {
  describePath,
  formPath,
  keepUids,
  missingNumbers,
  tabOf,
  toBody,
  toValues,
  weightTotal,
} from './values.js';

/** A competition as GET /competitions/:id answers it, in WITA (UTC+8), with one group of two sections. */
const detail = (): CompetitionDetail => ({
  id: 7,
  code: 'KIPP-KALTIM-2027',
  name: 'Kompetisi Inovasi Kalimantan Timur 2027',
  year: 2027,
  theme: 'Inovasi untuk Nusantara',
  description: null,
  timeZone: 'Asia/Makassar',
  status: 'draft',
  settings: {
    allowedFileTypes: ['pdf', 'jpg'],
    maxFileMb: 10,
    maxProposalMb: 50,
    maxOpenDraftsPerUnit: 15,
    maxInstitutionStorageMb: 2048,
    helpdesk: {
      phone: '+625417364520',
      email: 'bantuan.kipp@kaltimprov.go.id',
      whatsapp: null,
      hours: 'Senin–Jumat 08.00–16.00 WITA',
    },
  },
  participants: {
    types: ['pemerintah_provinsi', 'pemerintah_kabupaten', 'pemerintah_kota'],
    regions: ['64'],
    text: {
      id: 'Peserta: Pemerintah Provinsi Kalimantan Timur dan kabupaten/kota di Kalimantan Timur',
      en: 'Participants: the Provincial Government of Kalimantan Timur and the regencies/cities in Kalimantan Timur',
    },
  },
  organizer: { id: 3, name: 'Pemerintah Provinsi Kalimantan Timur' },
  categories: [{ id: 1, key: 'tata-kelola', nameId: 'Tata Kelola', nameEn: 'Governance' }],
  groups: [
    {
      id: 11,
      key: 'umum',
      nameId: 'Umum',
      nameEn: 'General',
      minImplementationMonths: 24,
      quotaPerInstitution: 10,
      invitationOnly: false,
      sourceYears: [2022, 2019],
      evidenceMin: 2,
      descriptionId: 'Terbuka bagi semua',
      descriptionEn: null,
      sections: [
        {
          id: 21,
          key: 'ringkasan',
          labelId: 'Ringkasan',
          labelEn: 'Summary',
          guidanceId: null,
          guidanceEn: null,
          wordLimit: 300,
          weight: 40,
          required: true,
          evidenceRequired: false,
        },
        {
          id: 22,
          key: 'dampak',
          labelId: 'Dampak',
          labelEn: 'Impact',
          guidanceId: 'Dengan data',
          guidanceEn: null,
          wordLimit: 500,
          weight: 60,
          required: false,
          evidenceRequired: true,
        },
      ],
    },
  ],
  stages: [
    // 18 March 00:00 WITA and 11 May 23:59 WITA.
    {
      id: 31,
      kind: 'submission',
      nameId: 'Pengajuan',
      nameEn: 'Submission',
      opensAt: '2027-03-17T16:00:00.000Z',
      closesAt: '2027-05-11T15:59:00.000Z',
    },
    {
      id: 32,
      kind: 'announcement',
      nameId: 'Pengumuman',
      nameEn: 'Announcement',
      opensAt: null,
      closesAt: null,
    },
  ],
  currentStage: null,
  submissionClosesAt: '2027-05-11T15:59:00.000Z',
  amendments: [],
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  abilities: { manage: true, publish: true, unpublish: false },
});

describe('competition settings form values', () => {
  it('gives back, unchanged, the definition it was filled from (the body PUT /competitions/:id takes)', () => {
    const d = detail();
    expect(toBody(toValues(d), d)).toEqual({
      code: d.code,
      name: d.name,
      year: 2027,
      theme: d.theme,
      description: null,
      timeZone: 'Asia/Makassar',
      // The help phone comes back as people read it; the server stores it as "+62…" again.
      settings: { ...d.settings, helpdesk: { ...d.settings.helpdesk, phone: '0541 736 4520' } },
      categories: [{ key: 'tata-kelola', nameId: 'Tata Kelola', nameEn: 'Governance' }],
      groups: [
        {
          key: 'umum',
          nameId: 'Umum',
          nameEn: 'General',
          descriptionId: 'Terbuka bagi semua',
          descriptionEn: null,
          minImplementationMonths: 24,
          quotaPerInstitution: 10,
          invitationOnly: false,
          sourceYears: [2019, 2022],
          evidenceMin: 2,
          sections: d.groups[0].sections.map(({ id: _id, ...s }) => s),
        },
      ],
      stages: d.stages.map(({ id: _id, ...s }) => s),
    });
  });

  it('shows stage instants on the wall clock of the competition’s zone', () => {
    const v = toValues(detail());
    expect(v.stages[0]).toMatchObject({
      opensDate: '2027-03-18',
      opensTime: '00:00',
      closesDate: '2027-05-11',
      closesTime: '23:59',
    });
    expect(v.stages[1]).toMatchObject({ opensDate: '', opensTime: '', closesDate: '', closesTime: '' });
  });

  it('reads a typed date without an hour as the start of the day for an opening and 23:59 for a closing, in the zone', () => {
    const v = toValues(detail());
    v.stages[1] = {
      ...v.stages[1],
      opensDate: '2027-09-01',
      opensTime: '',
      closesDate: '2027-09-30',
      closesTime: '',
    };
    v.timeZone = 'Asia/Jayapura'; // WIT, UTC+9
    const body = toBody(v, detail());
    expect(body.stages[1]).toMatchObject({
      opensAt: '2027-08-31T15:00:00.000Z',
      closesAt: '2027-09-30T14:59:00.000Z',
    });
  });

  it('trims texts, turns empty optional texts and numbers into null, and keeps settings it does not edit', () => {
    const d = detail();
    const base = { ...d, settings: { ...d.settings, futureSetting: true } as CompetitionDetail['settings'] };
    const v = toValues(base);
    v.name = '  Kompetisi Inovasi  ';
    v.description = '   ';
    v.maxFileMb = '';
    v.allowedFileTypes = [' PDF ', '', 'Docx'];
    v.groups[0].descriptionId = '  ';
    v.groups[0].quotaPerInstitution = '';
    v.groups[0].sourceYears = [];
    v.groups[0].sections[0].guidanceId = '  Tulis singkat ';
    const body = toBody(v, base);
    expect(body.name).toBe('Kompetisi Inovasi');
    expect(body.description).toBeNull();
    expect(body.settings).toEqual({
      ...base.settings,
      maxFileMb: null,
      allowedFileTypes: ['pdf', 'docx'],
      helpdesk: { ...base.settings.helpdesk, phone: '0541 736 4520' },
    });
    expect(body.groups[0]).toMatchObject({
      descriptionId: null,
      quotaPerInstitution: null,
      sourceYears: null,
    });
    expect(body.groups[0].sections[0].guidanceId).toBe('Tulis singkat');
  });

  it('holds the help contact in four inputs and sends it trimmed, each empty part as null', () => {
    const d = detail();
    const v = toValues(d);
    expect(v).toMatchObject({
      helpdeskPhone: '0541 736 4520',
      helpdeskEmail: 'bantuan.kipp@kaltimprov.go.id',
      helpdeskWhatsapp: '',
      helpdeskHours: 'Senin–Jumat 08.00–16.00 WITA',
    });
    v.helpdeskPhone = '  ';
    v.helpdeskWhatsapp = ' 0812 5555 0101 ';
    v.helpdeskHours = ' Senin–Kamis 08.00–15.00 WITA ';
    expect(toBody(v, d).settings.helpdesk).toEqual({
      phone: null,
      email: 'bantuan.kipp@kaltimprov.go.id',
      whatsapp: '0812 5555 0101',
      hours: 'Senin–Kamis 08.00–15.00 WITA',
    });
  });

  it('names each empty required number by its input', () => {
    const v = toValues(detail());
    v.year = '';
    v.maxProposalMb = '';
    v.groups[0].minImplementationMonths = '';
    v.groups[0].sections[1].weight = '';
    expect(missingNumbers(v, 'Wajib diisi')).toEqual({
      year: 'Wajib diisi',
      maxProposalMb: 'Wajib diisi',
      'groups.0.minImplementationMonths': 'Wajib diisi',
      'groups.0.sections.1.weight': 'Wajib diisi',
    });
    expect(missingNumbers(toValues(detail()), 'Wajib diisi')).toEqual({});
  });

  it('puts a server field path on its input and tab, and says where it is in words', () => {
    expect(formPath('settings.maxFileMb')).toBe('maxFileMb');
    expect(formPath('settings.allowedFileTypes.2')).toBe('allowedFileTypes');
    expect(formPath('stages.1.closesAt')).toBe('stages.1.closesDate');
    expect(formPath('groups.0.sections.1.weight')).toBe('groups.0.sections.1.weight');
    expect(formPath('settings.helpdesk.phone')).toBe('helpdeskPhone');
    expect(formPath('settings.helpdesk.whatsapp')).toBe('helpdeskWhatsapp');
    expect(tabOf(formPath('settings.helpdesk.email'))).toBe('general');
    expect(tabOf('groups.0.sections.1.weight')).toBe('groups');
    expect(tabOf('stages.1.closesDate')).toBe('stages');
    expect(tabOf('maxFileMb')).toBe('general');
    const t = (k: string, o?: Record<string, unknown>) => `${k}${o ? JSON.stringify(o) : ''}`;
    expect(describePath('groups.0.sections.1.weight', toValues(detail()), t)).toBe(
      'secretariat.settings.path.groups{"n":1,"name":"“Umum”"} › secretariat.settings.path.sections{"n":2,"name":"“Dampak”"} › secretariat.settings.fields.weight{"defaultValue":"weight"}',
    );
  });

  it('keeps each row’s identity across a reload by its key, and sums a group’s weights', () => {
    const before = toValues(detail());
    const after = keepUids(toValues(detail()), before);
    expect(after.groups[0].sections.map((s) => s.uid)).toEqual(before.groups[0].sections.map((s) => s.uid));
    expect(after.stages.map((s) => s.uid)).toEqual(before.stages.map((s) => s.uid));
    expect(weightTotal(before.groups[0])).toBe(100);
  });
});
