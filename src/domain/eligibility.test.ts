import { describe, expect, it } from 'vitest';
import {
  checkQuota,
  duplicateTitle,
  formatYears,
  implementationAge,
  khususEligible,
  monthsBefore,
  normalizeTitle,
  quotaUsage,
  replikasiEligible,
  sameInnovation,
  umumEligible,
  usageFor,
  type RegistryEntry,
} from './eligibility.js';

// KIPP 2021 closed on 11 May 2021 at 23:59 WIB.
const KIPP_2021 = { closesAt: '2021-05-11T16:59:00.000Z', timeZone: 'Asia/Jakarta' };
const rules = (failures: { rule: string }[]) => failures.map((f) => f.rule);

describe('implementationAge', () => {
  const umum = (startedOn: string) => implementationAge({ ...KIPP_2021, minMonths: 24, startedOn });
  const replikasi = (startedOn: string) => implementationAge({ ...KIPP_2021, minMonths: 12, startedOn });

  it('refuses an innovation started at the end of 2020 for KIPP 2021 (24 months), naming the minimum and the date', () => {
    expect(umum('2020-12-31')).toEqual([
      {
        rule: 'implementation_too_recent',
        message: {
          id: 'Inovasi harus sudah berjalan minimal 24 bulan (2 tahun) saat pendaftaran ditutup (11 Mei 2021 23.59 WIB): tanggal mulai paling lambat 11 Mei 2019, sedangkan inovasi ini mulai 31 Desember 2020.',
          en: 'The innovation must have run for at least 24 months (2 years) when registration closes (11 May 2021 23:59 WIB): it must have started on or before 11 May 2019, and this one started on 31 December 2020.',
        },
      },
    ]);
  });

  it('accepts a start in May 2019 up to the same day two years before the close, and refuses the day after', () => {
    expect(umum('2019-05-01')).toEqual([]);
    expect(umum('2019-05-11')).toEqual([]);
    expect(rules(umum('2019-05-12'))).toEqual(['implementation_too_recent']);
  });

  it('needs 12 months for replikasi: 11 May 2020 accepted, 12 May 2020 refused', () => {
    expect(replikasi('2020-05-11')).toEqual([]);
    expect(replikasi('2020-05-12')).toEqual([
      {
        rule: 'implementation_too_recent',
        message: {
          id: 'Inovasi harus sudah berjalan minimal 12 bulan (1 tahun) saat pendaftaran ditutup (11 Mei 2021 23.59 WIB): tanggal mulai paling lambat 11 Mei 2020, sedangkan inovasi ini mulai 12 Mei 2020.',
          en: 'The innovation must have run for at least 12 months (1 year) when registration closes (11 May 2021 23:59 WIB): it must have started on or before 11 May 2020, and this one started on 12 May 2020.',
        },
      },
    ]);
  });

  it('reads the closing date in the competition zone (00:30 WITA is still the previous day in UTC)', () => {
    // 1 June 2021 00:30 WITA = 31 May 2021 16:30 UTC: the closing date is 1 June in Makassar.
    const close = { closesAt: '2021-05-31T16:30:00.000Z', minMonths: 12 };
    expect(implementationAge({ ...close, timeZone: 'Asia/Makassar', startedOn: '2020-06-01' })).toEqual([]);
    expect(rules(implementationAge({ ...close, timeZone: 'Asia/Jakarta', startedOn: '2020-06-01' }))).toEqual(
      ['implementation_too_recent'],
    );
  });

  it('refuses a start date in the future', () => {
    expect(umum('2021-06-01')).toEqual([
      {
        rule: 'implementation_in_future',
        message: {
          id: 'Tanggal mulai inovasi (1 Juni 2021) belum terjadi; isi tanggal inovasi mulai diterapkan.',
          en: 'The innovation start date (1 June 2021) is in the future; give the date it started running.',
        },
      },
    ]);
    const now = new Date('2021-03-01T03:00:00Z');
    expect(rules(implementationAge({ ...KIPP_2021, minMonths: 24, startedOn: '2021-04-01', now }))).toEqual([
      'implementation_in_future',
    ]);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(rules(umum('2019-02-30'))).toEqual(['implementation_start_invalid']);
    expect(rules(umum('11-05-2019'))).toEqual(['implementation_start_invalid']);
  });

  it('counts calendar months back, a missing day becoming the end of the month', () => {
    expect(monthsBefore({ year: 2021, month: 8, day: 31 }, 6)).toEqual({ year: 2021, month: 2, day: 28 });
    expect(monthsBefore({ year: 2024, month: 8, day: 31 }, 6)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(monthsBefore({ year: 2021, month: 1, day: 15 }, 13)).toEqual({ year: 2019, month: 12, day: 15 });
  });
});

describe('normalizeTitle and matching', () => {
  it('ignores case, accents, spaces, punctuation and bracketed notes', () => {
    expect(normalizeTitle('  Si Perut-Laper ')).toBe('siperutlaper');
    expect(normalizeTitle('SI PERUT LAPER')).toBe('siperutlaper');
    expect(normalizeTitle('Library Café')).toBe('librarycafe');
    expect(normalizeTitle('Posko Paman [sic]')).toBe('poskopaman');
    expect(normalizeTitle('E-KTP: 24 jam!')).toBe('ektp24jam');
    expect(normalizeTitle('--')).toBe('');
  });

  const entry: RegistryEntry = {
    year: 2019,
    level: 'TOP99',
    innovationTitle: 'Gastrodiplomacy Cireundeu',
    institutionName: 'Kota Cimahi',
    institutionId: null,
  };

  it('matches the same title of the same institution by name ("Kota Cimahi" = "Pemerintah Kota Cimahi")', () => {
    expect(
      sameInnovation(
        { title: 'GASTRODIPLOMACY  cireundeu', institutionName: 'Pemerintah Kota Cimahi' },
        entry,
      ),
    ).toBe(true);
    expect(
      sameInnovation({ title: 'Gastrodiplomacy Cireundeu', institutionName: 'Kota Bandung' }, entry),
    ).toBe(false);
    expect(
      sameInnovation({ title: 'Gastrodiplomasi Cireundeu', institutionName: 'Kota Cimahi' }, entry),
    ).toBe(false);
  });

  it('compares institutions by id when both sides have one', () => {
    const linked = { ...entry, institutionId: 7 };
    expect(
      sameInnovation({ title: entry.innovationTitle, institutionId: 7, institutionName: 'X' }, linked),
    ).toBe(true);
    expect(
      sameInnovation(
        { title: entry.innovationTitle, institutionId: 8, institutionName: 'Kota Cimahi' },
        linked,
      ),
    ).toBe(false);
  });

  it('never matches a row whose institution is unknown', () => {
    const anonymous = { ...entry, institutionName: '' };
    expect(sameInnovation({ title: entry.innovationTitle, institutionName: 'Kota Cimahi' }, anonymous)).toBe(
      false,
    );
  });

  it('writes years as ranges', () => {
    expect(formatYears([2019, 2014, 2015, 2016, 2017, 2018])).toBe('2014–2019');
    expect(formatYears([2017, 2014, 2016])).toBe('2014, 2016–2017');
  });
});

const INST = 'Pemerintah Kabupaten Uji';
const award = (year: number, level: RegistryEntry['level'], title = 'Layanan Cepat'): RegistryEntry => ({
  year,
  level,
  innovationTitle: title,
  institutionName: INST,
});

describe('umumEligible', () => {
  const mine = { title: 'Layanan Cepat', institutionName: INST };

  it('accepts an innovation never awarded or in the Top 99 once', () => {
    expect(umumEligible(mine, [])).toEqual([]);
    expect(umumEligible(mine, [award(2019, 'TOP99'), award(2018, 'TOP99', 'Lain')])).toEqual([]);
  });

  it('refuses a former Top Terpuji, naming the award', () => {
    expect(umumEligible(mine, [award(2019, 'TOP45')])).toEqual([
      {
        rule: 'umum_already_top_terpuji',
        message: {
          id: 'Inovasi ini sudah pernah menjadi Top Inovasi Terpuji (Top 45 2019); kelompok umum hanya untuk inovasi yang belum pernah menjadi Top Terpuji.',
          en: 'This innovation has already been an outstanding (Top Terpuji) innovation (Top 45 2019); the general group is only for innovations that never were.',
        },
      },
    ]);
    for (const level of [
      'TOP9',
      'TOP25',
      'TOP35',
      'TOP40',
      'OPSI',
      'TOP5_REPLIKASI',
      'KHUSUS',
      'OAPSI',
    ] as const)
      expect(rules(umumEligible(mine, [award(2016, level)]))).toEqual(['umum_already_top_terpuji']);
  });

  it('refuses an innovation in the Top 99 twice', () => {
    expect(umumEligible(mine, [award(2017, 'TOP99'), award(2019, 'TOP99')])).toEqual([
      {
        rule: 'umum_top99_twice',
        message: {
          id: 'Inovasi ini sudah 2 kali masuk Top 99 (2017, 2019); kelompok umum hanya untuk inovasi yang masuk Top 99 kurang dari dua kali.',
          en: 'This innovation has been in the Top 99 2 times (2017, 2019); the general group is only for innovations in the Top 99 fewer than twice.',
        },
      },
    ]);
  });

  it('reports both rules when both apply', () => {
    expect(
      rules(umumEligible(mine, [award(2017, 'TOP99'), award(2018, 'TOP99'), award(2018, 'TOP40')])),
    ).toEqual(['umum_already_top_terpuji', 'umum_top99_twice']);
  });
});

describe('replikasiEligible', () => {
  const source = { title: 'Rantang Kasih', institutionName: 'Kabupaten Banyuwangi' };
  const registry: RegistryEntry[] = [
    { year: 2019, level: 'TOP99', innovationTitle: 'Rantang Kasih', institutionName: 'Kabupaten Banyuwangi' },
    { year: 2021, level: 'TOP45', innovationTitle: 'Getar Dilan', institutionName: 'Kabupaten Luwu Utara' },
  ];
  const proposer = { title: 'Rantang Kasih Tangerang', institutionName: 'Pemerintah Kabupaten Tangerang' };
  const years = [2014, 2015, 2016, 2017, 2018, 2019];

  it('accepts a replication of a Top 99 of the configured years by an institution never awarded', () => {
    expect(replikasiEligible(source, proposer, registry, years)).toEqual([]);
    expect(replikasiEligible(source, proposer, registry, null)).toEqual([]);
  });

  it('refuses a source that is not a Top 99 (or higher) of those years', () => {
    expect(
      replikasiEligible(
        { title: 'Getar Dilan', institutionName: 'Kabupaten Luwu Utara' },
        proposer,
        registry,
        years,
      ),
    ).toEqual([
      {
        rule: 'replikasi_source_not_top99',
        message: {
          id: 'Inovasi yang direplikasi ("Getar Dilan") harus inovasi Top 99 (atau lebih tinggi) KIPP tahun 2014–2019.',
          en: 'The replicated innovation ("Getar Dilan") must be a Top 99 (or higher) innovation of KIPP 2014–2019.',
        },
      },
    ]);
    expect(
      rules(replikasiEligible({ title: 'Tidak Ada', institutionName: 'X' }, proposer, registry, null)),
    ).toEqual(['replikasi_source_not_top99']);
  });

  it('refuses a proposer whose innovation was awarded, or that was awarded for the source itself', () => {
    const awarded = [
      ...registry,
      {
        year: 2020,
        level: 'TOP99' as const,
        innovationTitle: 'Rantang Kasih Tangerang',
        institutionName: 'Kabupaten Tangerang',
      },
    ];
    expect(replikasiEligible(source, proposer, awarded, years)).toEqual([
      {
        rule: 'replikasi_proposer_awarded',
        message: {
          id: 'Inovasi ini sudah pernah mendapat penghargaan KIPP (Top 99 2020); kelompok replikasi hanya untuk inovasi yang belum pernah mendapat penghargaan.',
          en: 'This innovation has already received a KIPP award (Top 99 2020); the replication group is only for innovations never awarded.',
        },
      },
    ]);
    const own = { title: 'Rantang Kasih Lagi', institutionName: 'Pemerintah Kabupaten Banyuwangi' };
    expect(rules(replikasiEligible(source, own, registry, years))).toEqual(['replikasi_proposer_awarded']);
  });
});

describe('khususEligible', () => {
  const mine = { title: 'Layanan Cepat', institutionName: INST };
  const invited = { invited: true, ...KIPP_2021 };

  it('accepts an invited Top Terpuji designated at least a year before the close', () => {
    expect(khususEligible(mine, [award(2019, 'TOP45')], invited)).toEqual([]);
    expect(khususEligible(mine, [award(2014, 'TOP9')], invited)).toEqual([]);
  });

  it('refuses without an invitation', () => {
    expect(khususEligible(mine, [award(2019, 'TOP45')], { ...invited, invited: false })).toEqual([
      {
        rule: 'khusus_not_invited',
        message: {
          id: 'Kelompok khusus hanya untuk inovasi yang diundang oleh Menteri PANRB.',
          en: 'The special group is by invitation of the Minister (PANRB) only.',
        },
      },
    ]);
  });

  it('refuses an innovation that was never a Top Terpuji (a Top 99 is not enough)', () => {
    expect(khususEligible(mine, [award(2019, 'TOP99')], invited)).toEqual([
      {
        rule: 'khusus_not_top_terpuji',
        message: {
          id: 'Kelompok khusus hanya untuk inovasi yang pernah menjadi Top Inovasi Pelayanan Publik Terpuji Kelompok Umum.',
          en: 'The special group is only for innovations that were an outstanding (Top Terpuji) innovation of the general group.',
        },
      },
    ]);
  });

  it('refuses a Top 5 Replikasi: the group description asks for a Top Terpuji of the umum group', () => {
    expect(rules(khususEligible(mine, [award(2019, 'TOP5_REPLIKASI')], invited))).toEqual([
      'khusus_not_top_terpuji',
    ]);
  });

  it('refuses a Top Terpuji designated less than a year before the close (Top 45 2020 for KIPP 2021)', () => {
    expect(khususEligible(mine, [award(2020, 'TOP45')], invited)).toEqual([
      {
        rule: 'khusus_too_recent',
        message: {
          id: 'Penetapan Top Terpuji (Top 45 2020) harus minimal satu tahun sebelum pendaftaran ditutup (11 Mei 2021 23.59 WIB); yang memenuhi adalah Top Terpuji tahun 2019 atau sebelumnya.',
          en: 'The Top Terpuji designation (Top 45 2020) must be at least one year before registration closes (11 May 2021 23:59 WIB); Top Terpuji of 2019 or earlier qualify.',
        },
      },
    ]);
  });

  it('refuses a former OAPSI winner', () => {
    expect(rules(khususEligible(mine, [award(2018, 'TOP40'), award(2020, 'OAPSI')], invited))).toEqual([
      'khusus_already_oapsi',
    ]);
  });

  it.each([
    ['no organizer given (the national KIPP)', undefined, 'Menteri PANRB', 'the Minister (PANRB)'],
    [
      'KemenPAN-RB by its full name',
      { name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi', shortName: null },
      'Menteri PANRB',
      'the Minister (PANRB)',
    ],
    [
      'KemenPAN-RB by its short name',
      { name: 'Kementerian PAN-RB', shortName: 'KemenPAN-RB' },
      'Menteri PANRB',
      'the Minister (PANRB)',
    ],
    [
      'a province',
      { name: 'Pemerintah Provinsi Banten', shortName: 'Banten' },
      'Pemerintah Provinsi Banten',
      'Pemerintah Provinsi Banten',
    ],
  ])('names who invites: %s', (_name, organizer, id, en) => {
    const [f] = khususEligible(mine, [award(2019, 'TOP45')], { ...invited, invited: false, organizer });
    expect(f).toEqual({
      rule: 'khusus_not_invited',
      message: {
        id: `Kelompok khusus hanya untuk inovasi yang diundang oleh ${id}.`,
        en: `The special group is by invitation of ${en} only.`,
      },
    });
  });

  it.each([
    ['never in the Top 15 khusus', [award(2019, 'TOP45')], []],
    ['once in the Top 15 khusus', [award(2017, 'TOP40'), award(2020, 'KHUSUS')], []],
    [
      'twice in the Top 15 khusus',
      [award(2017, 'TOP40'), award(2019, 'KHUSUS'), award(2020, 'KHUSUS')],
      ['khusus_top15_twice'],
    ],
    [
      'twice, one of them in another spelling of the title',
      [award(2017, 'TOP40'), award(2019, 'KHUSUS', 'LAYANAN-CEPAT'), award(2020, 'KHUSUS')],
      ['khusus_top15_twice'],
    ],
    [
      'twice, but one is another innovation',
      [award(2017, 'TOP40'), award(2019, 'KHUSUS', 'Layanan Lambat'), award(2020, 'KHUSUS')],
      [],
    ],
  ])('Top 15 khusus rule (2023): %s', (_name, registry, expected) => {
    expect(rules(khususEligible(mine, registry, invited))).toEqual(expected);
  });

  it('says the Top 15 khusus years in both languages', () => {
    const registry = [award(2017, 'TOP40'), award(2019, 'KHUSUS'), award(2020, 'KHUSUS')];
    expect(khususEligible(mine, registry, invited)).toEqual([
      {
        rule: 'khusus_top15_twice',
        message: {
          id: 'Inovasi ini sudah 2 kali masuk Top 15 Kelompok Khusus (2019, 2020); kelompok khusus hanya untuk inovasi yang belum pernah masuk Top 15 Kelompok Khusus sebanyak 2 kali.',
          en: 'This innovation has been in the Top 15 of the special group 2 times (2019, 2020); the special group is only for innovations not twice in its Top 15.',
        },
      },
    ]);
  });
});

describe('quota', () => {
  const groups = [
    { key: 'umum', quota: 10, name: { id: 'Umum', en: 'General' } },
    { key: 'replikasi', quota: 5, name: { id: 'Replikasi', en: 'Replication' } },
    { key: 'khusus', quota: null, name: { id: 'Khusus', en: 'Special' } },
  ];
  const forwarded = [
    ...Array.from({ length: 7 }, () => ({ institutionId: 1, groupKey: 'umum' })),
    ...Array.from({ length: 5 }, () => ({ institutionId: 1, groupKey: 'replikasi' })),
    ...Array.from({ length: 20 }, () => ({ institutionId: 1, groupKey: 'khusus' })),
    { institutionId: 2, groupKey: 'umum' },
  ];
  const usage = quotaUsage(forwarded, groups);

  it('counts per institution and group; khusus never counts', () => {
    expect(usage.byInstitution).toEqual({
      1: {
        umum: { used: 7, quota: 10 },
        replikasi: { used: 5, quota: 5 },
        khusus: { used: 0, quota: null },
      },
      2: {
        umum: { used: 1, quota: 10 },
        replikasi: { used: 0, quota: 5 },
        khusus: { used: 0, quota: null },
      },
    });
    expect(usageFor(usage, 3, 'umum')).toEqual({ used: 0, quota: 10 });
  });

  it('allows one more while the quota has room', () => {
    expect(checkQuota(usage, 1, 'umum')).toEqual([]);
    expect(checkQuota(usage, 3, 'replikasi')).toEqual([]);
    expect(checkQuota(usage, 1, 'khusus')).toEqual([]);
  });

  it('refuses when the quota is used up, with the numbers', () => {
    expect(checkQuota(usage, 1, 'replikasi')).toEqual([
      {
        rule: 'quota_full',
        message: {
          id: 'Kuota kelompok Replikasi untuk instansi ini sudah penuh (5/5).',
          en: "This institution's quota for the Replication group is full (5/5).",
        },
      },
    ]);
    const full = quotaUsage(
      Array.from({ length: 10 }, () => ({ institutionId: 1, groupKey: 'umum' })),
      groups,
    );
    expect(checkQuota(full, 1, 'umum')[0].message.id).toBe(
      'Kuota kelompok Umum untuk instansi ini sudah penuh (10/10).',
    );
  });
});

describe('duplicateTitle', () => {
  it('refuses a title another proposal of the competition uses, whatever its case, spaces and punctuation', () => {
    expect(duplicateTitle('Si Perut Laper', ['Rantang Kasih', 'SI PERUT-LAPER'])).toEqual([
      {
        rule: 'duplicate_title',
        message: {
          id: 'Judul ini sudah dipakai proposal lain di kompetisi ini ("SI PERUT-LAPER"); setiap proposal harus memakai judul yang berbeda.',
          en: 'Another proposal in this competition already uses this title ("SI PERUT-LAPER"); every proposal needs its own title.',
        },
      },
    ]);
  });

  it('accepts a title no other proposal uses', () => {
    expect(duplicateTitle('Si Perut Laper', ['Rantang Kasih'])).toEqual([]);
    expect(duplicateTitle('', [''])).toEqual([]);
  });
});
