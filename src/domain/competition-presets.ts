import type { CategoryDefinition, StageKind } from './competition-kinds.js';
import { TEMPLATE_PRESET_IDS, type TemplatePresetId } from '../contracts/competition-presets.js';

/*
 * The KIPP template per year (issue 11 point 1): each preset is the competition of one year as a source
 * records it, and says where it comes from and whether that source was checked. Only KIPP 2021 is taken
 * from a document of the competition itself (seed 003, the Kab. Tangerang socialization of 12 April 2021);
 * the later years come from the research notes (kipp-reference §3, §6), which read only the openings of
 * news pages and name a provincial clone for 2023's categories. The proposal forms are not in any of these
 * sources: every preset uses the forms of competition-template (2023 umum, 2021 replikasi and khusus).
 * Dates a source does not give are inferred and the preset's note says so; the organizer edits them.
 */

export { TEMPLATE_PRESET_IDS, type TemplatePresetId };

/** The preset a caller gets when it names none: the template as it was before presets existed. */
export const DEFAULT_TEMPLATE_PRESET: TemplatePresetId = 'kipp-2023';

export interface PresetCalendarRow {
  kind: StageKind;
  nameId: string;
  nameEn: string;
  /** [month, day] of the preset's calendar, moved to the competition's year; opens at 00:00. */
  opens: [number, number];
  /** Closes at 23:59 (or at `closesTime`); null = open-ended. */
  closes: [number, number] | null;
  closesTime?: [number, number];
}

export interface GroupText {
  descriptionId: string;
  descriptionEn: string;
}

export interface TemplatePreset {
  id: TemplatePresetId;
  /** The KIPP year the preset reproduces (its calendar is moved to the competition's year). */
  year: number;
  verified: boolean;
  source: { id: string; en: string };
  /** What the source does not give and was filled in. */
  note: { id: string; en: string };
  theme: string;
  categories: CategoryDefinition[];
  /** The groups of that year, in order (keys of competition-template's groups). */
  groups: ('umum' | 'replikasi' | 'khusus')[];
  /** Group descriptions of that year where they differ from the template's (2023) wording. */
  groupTexts: Partial<Record<'umum' | 'replikasi' | 'khusus', (year: number) => GroupText>>;
  calendar: PresetCalendarRow[];
}

const cat = (key: string, nameId: string, nameEn: string): CategoryDefinition => ({ key, nameId, nameEn });

const PUBLICATION = { nameId: 'Publikasi dan Sosialisasi', nameEn: 'Publication and socialization' };

/** Publikasi runs from the opening until the awarding (seed 003: "sejak KIPP dibuka sampai dengan penutupan (awarding)"). */
const publication = (opens: [number, number], awardEnds: [number, number]): PresetCalendarRow => ({
  kind: 'publication',
  ...PUBLICATION,
  opens,
  closes: awardEnds,
});

const KIPP_2021: TemplatePreset = {
  id: 'kipp-2021',
  year: 2021,
  verified: true,
  source: {
    id: 'Sosialisasi KIPP 2021, Bappeda Kabupaten Tangerang, 12 April 2021 (dokumen seed 003): tema, 10 kategori, 3 kelompok dan ketentuannya, kuota 10/5, usia implementasi 2 tahun/1 tahun, jadwal.',
    en: 'KIPP 2021 socialization, Bappeda of Kabupaten Tangerang, 12 April 2021 (seed document 003): theme, 10 categories, 3 groups and their rules, quotas 10/5, implementation age 2 years/1 year, calendar.',
  },
  note: {
    id: 'Dokumen hanya menyebut pengajuan 18 Maret – 11 Mei, penilaian selesai Juli, dan penghargaan September (tentatif); tanggal tiap tahap penilaian di antaranya adalah perkiraan. Formulir proposal tidak ada dalam dokumen.',
    en: 'The document gives only submission 18 March – 11 May, assessment finished in July and the award in September (tentative); the dates of each assessment stage in between are estimates. The proposal forms are not in the document.',
  },
  theme:
    'Percepatan Inovasi Pelayanan Publik untuk pencapaian Tujuan Pembangunan Berkelanjutan melalui Transfer Pengetahuan di Tatanan Normal Baru',
  categories: [
    cat('pengentasan_kemiskinan', 'Pengentasan Kemiskinan', 'Poverty Alleviation'),
    cat('pendidikan', 'Pendidikan', 'Education'),
    cat('kesehatan', 'Kesehatan', 'Health'),
    cat('ketahanan_pangan', 'Ketahanan Pangan', 'Food Security'),
    cat('pertumbuhan_ekonomi', 'Pertumbuhan Ekonomi dan Kesempatan Kerja', 'Economic Growth and Employment'),
    cat('pemberdayaan_masyarakat', 'Pemberdayaan Masyarakat', 'Community Empowerment'),
    cat(
      'pelayanan_publik_responsif_gender',
      'Pelayanan Publik Responsif Gender',
      'Gender-Responsive Public Service',
    ),
    cat(
      'perlindungan_lingkungan_hidup',
      'Perlindungan dan Pelestarian Lingkungan Hidup',
      'Environmental Protection and Conservation',
    ),
    cat('tata_kelola_pemerintahan', 'Tata Kelola Pemerintahan', 'Governance'),
    cat('penegakan_hukum', 'Penegakan Hukum', 'Law Enforcement'),
  ],
  groups: ['umum', 'replikasi', 'khusus'],
  groupTexts: {
    umum: () => ({
      descriptionId:
        'Inovasi yang belum pernah mengikuti atau belum pernah mendapat penghargaan pada KIPP periode sebelumnya; belum pernah menerima penghargaan sebagai Top 99 sebanyak 2 kali; dan bukan Top Inovasi Pelayanan Publik Terpuji. Inovasi telah diimplementasikan sekurang-kurangnya 2 tahun, dihitung mundur dari penutupan pendaftaran. Paling banyak 10 proposal per instansi.',
      descriptionEn:
        'Innovations that never entered KIPP or never received an award in an earlier KIPP; that were not awarded Top 99 twice; and that are not an Outstanding Top Public Service Innovation. The innovation has been implemented for at least 2 years, counted back from the registration close. At most 10 proposals per institution.',
    }),
    replikasi: (year) => ({
      descriptionId: `Adaptasi/modifikasi inovasi yang termasuk Top 99 KIPP 2014–${year - 2} dan belum pernah mendapat penghargaan pada KIPP periode sebelumnya. Inovasi telah diimplementasikan sekurang-kurangnya 1 tahun. Paling banyak 5 proposal per instansi.`,
      descriptionEn: `An adaptation/modification of a Top 99 innovation of KIPP 2014–${year - 2}, never awarded in an earlier KIPP. The innovation has been implemented for at least 1 year. At most 5 proposals per institution.`,
    }),
    khusus: (year) => ({
      descriptionId: `Hanya atas undangan penyelenggara (pada KIPP nasional: Menteri PANRB). Top Inovasi Pelayanan Publik Terpuji yang sekurang-kurangnya sudah berusia 1 tahun sejak ditetapkan (KIPP 2014–${year - 2}), dan tidak pernah mendapat penghargaan sebagai 5 pemenang OAPSI ${year - 1}. Inovasi telah diimplementasikan sekurang-kurangnya 2 tahun. Di luar kuota instansi.`,
      descriptionEn: `By the organizer's invitation only (in the national KIPP: the Minister of PANRB). Outstanding Top Public Service Innovations named at least 1 year ago (KIPP 2014–${year - 2}) that were never one of the 5 OAPSI ${year - 1} winners. The innovation has been implemented for at least 2 years. Outside the institution quota.`,
    }),
  },
  calendar: [
    publication([3, 17], [9, 30]),
    {
      kind: 'submission',
      nameId: 'Pengajuan/Pendaftaran Proposal Inovasi',
      nameEn: 'Proposal submission',
      opens: [3, 18],
      closes: [5, 11],
    },
    {
      kind: 'administrative',
      nameId: 'Seleksi Administrasi',
      nameEn: 'Administrative selection',
      opens: [5, 12],
      closes: [5, 21],
    },
    {
      kind: 'evaluation_1',
      nameId: 'Penilaian Proposal dan Dokumentasi Inovasi',
      nameEn: 'Evaluation of the proposal and its documentation',
      opens: [5, 22],
      closes: [6, 11],
    },
    {
      kind: 'finalists',
      nameId: 'Penentuan Finalis Top Inovasi',
      nameEn: 'Selection of the finalists (Top Innovations)',
      opens: [6, 12],
      closes: [6, 18],
    },
    {
      kind: 'presentation',
      nameId: 'Presentasi dan Wawancara',
      nameEn: 'Presentation and interview',
      opens: [6, 21],
      closes: [7, 9],
    },
    {
      kind: 'field_verification',
      nameId: 'Verifikasi dan Observasi Lapangan',
      nameEn: 'Field verification and observation',
      opens: [7, 12],
      closes: [7, 23],
    },
    {
      kind: 'final_panel',
      nameId: 'Penentuan Top Inovasi Terpuji',
      nameEn: 'Final panel: Outstanding Top Innovations',
      opens: [7, 26],
      closes: [7, 31],
    },
    { kind: 'announcement', nameId: 'Penghargaan', nameEn: 'Award', opens: [9, 1], closes: [9, 30] },
  ],
};

/** The KIPP 2023 calendar as the template has used it (kipp-reference §6), Publikasi until the awarding. */
const CALENDAR_2023: PresetCalendarRow[] = [
  publication([2, 10], [7, 31]),
  {
    kind: 'submission',
    nameId: 'Pengajuan Proposal',
    nameEn: 'Proposal submission',
    opens: [3, 15],
    closes: [5, 2],
  },
  {
    kind: 'administrative',
    nameId: 'Seleksi Administrasi',
    nameEn: 'Administrative selection',
    opens: [5, 3],
    closes: [5, 12],
  },
  {
    kind: 'evaluation_1',
    nameId: 'Penilaian Proposal oleh Tim Evaluasi',
    nameEn: 'Proposal evaluation by the evaluation team',
    opens: [5, 13],
    closes: [5, 31],
  },
  {
    kind: 'evaluation_2',
    nameId: 'Penilaian Kelengkapan dan Relevansi Data Dukung',
    nameEn: 'Review of the completeness and relevance of evidence',
    opens: [6, 1],
    closes: [6, 9],
  },
  {
    kind: 'finalists',
    nameId: 'Penetapan Finalis Top Inovasi',
    nameEn: 'Selection of the finalists (Top Innovations)',
    opens: [6, 10],
    closes: [6, 15],
  },
  {
    kind: 'public_objection',
    nameId: 'Uji Publik',
    nameEn: 'Public objection period',
    opens: [6, 16],
    closes: [6, 20],
  },
  {
    kind: 'presentation',
    nameId: 'Presentasi dan Wawancara',
    nameEn: 'Presentation and interview',
    opens: [6, 26],
    closes: [7, 12],
  },
  {
    kind: 'field_verification',
    nameId: 'Verifikasi dan Observasi Lapangan',
    nameEn: 'Field verification and observation',
    opens: [7, 13],
    closes: [7, 24],
  },
  {
    kind: 'final_panel',
    nameId: 'Penentuan Top Inovasi Pelayanan Publik Terpuji',
    nameEn: 'Final panel: Outstanding Top Innovations',
    opens: [7, 25],
    closes: [7, 28],
  },
  {
    kind: 'announcement',
    nameId: 'Pengumuman dan Penganugerahan',
    nameEn: 'Announcement and award',
    opens: [7, 31],
    closes: null,
  },
];

/** A calendar with some rows replaced (by kind) and the publication window set. */
function calendarFrom(
  base: PresetCalendarRow[],
  changes: Partial<Record<StageKind, Partial<PresetCalendarRow>>>,
  drop: StageKind[] = [],
): PresetCalendarRow[] {
  return base.filter((r) => !drop.includes(r.kind)).map((r) => ({ ...r, ...(changes[r.kind] ?? {}) }));
}

const KIPP_2022: TemplatePreset = {
  id: 'kipp-2022',
  year: 2022,
  verified: false,
  source: {
    id: 'Catatan riset kipp-reference §3 dan §6 (berita KemenPANRB 2022, hanya pembuka halaman yang terbaca; KepmenPANRB 50/2022 tidak terbaca): tema, 3 kategori, kelompok Umum dan Khusus, jadwal sebagian.',
    en: 'Research notes kipp-reference §3 and §6 (KemenPANRB news of 2022, only the page openings read; KepmenPANRB 50/2022 not read): theme, 3 categories, Umum and Khusus groups, part of the calendar.',
  },
  note: {
    id: 'Belum diverifikasi. Tema terpotong pada sumber. Kuota 2022 tidak terkonfirmasi (diisi 10 seperti 2021); usia 2 tahun (inovasi terkait pandemi 1 tahun: atur sendiri). Tahap tanpa tanggal di sumber memakai pola 2023.',
    en: 'Not verified. The theme is cut short in the source. The 2022 quota is not confirmed (set to 10 as in 2021); age 2 years (pandemic-related innovations 1 year: set it yourself). Stages without a date in the source follow the 2023 pattern.',
  },
  theme:
    'Percepatan Reformasi Birokrasi melalui Implementasi Transformasi Kelembagaan, Transformasi SDM Aparatur, dan Transformasi Digital menuju pencapaian Tujuan Pembangunan Berkelanjutan',
  categories: [
    cat(
      'inklusif_berkeadilan',
      'Pelayanan Publik yang Inklusif dan Berkeadilan',
      'Inclusive and Fair Public Service',
    ),
    cat(
      'efektivitas_institusi',
      'Efektivitas Institusi Publik untuk Mencapai TPB/SDGs',
      'Effective Public Institutions for the SDGs',
    ),
    cat(
      'ketahanan_institusi',
      'Ketahanan Institusi Publik di Masa Pandemi dan Antisipasi Pasca Pandemi COVID-19',
      'Resilient Public Institutions during and after the COVID-19 Pandemic',
    ),
  ],
  groups: ['umum', 'khusus'],
  groupTexts: {},
  calendar: calendarFrom(CALENDAR_2023, {
    publication: { opens: [2, 24], closes: [7, 31] },
    submission: { opens: [3, 16], closes: [4, 16], closesTime: [12, 0] },
    administrative: { opens: [4, 18], closes: [4, 27] },
    evaluation_1: { opens: [5, 10], closes: [5, 30] },
    evaluation_2: { opens: [5, 31], closes: [6, 9] },
    presentation: { opens: [6, 24], closes: [7, 12] },
  }),
};

/** The 11 sector categories a provincial (Jatim) clone seeds for 2023 (kipp-reference §3). */
const CATEGORIES_2023: CategoryDefinition[] = [
  cat('kesehatan', 'Kesehatan', 'Health'),
  cat('pertumbuhan_ekonomi', 'Pertumbuhan Ekonomi dan Kesempatan Kerja', 'Economic Growth and Employment'),
  cat('ketahanan_pangan', 'Ketahanan Pangan', 'Food Security'),
  cat('inklusi_sosial', 'Inklusi Sosial', 'Social Inclusion'),
  cat('tata_kelola_pemerintahan', 'Tata Kelola Pemerintahan', 'Governance'),
  cat('ketahanan_bencana', 'Ketahanan Bencana', 'Disaster Resilience'),
  cat('pendidikan', 'Pendidikan', 'Education'),
  cat('pengentasan_kemiskinan', 'Pengentasan Kemiskinan', 'Poverty Alleviation'),
  cat('pemberdayaan_masyarakat', 'Pemberdayaan Masyarakat', 'Community Empowerment'),
  cat('energi_lingkungan_hidup', 'Energi dan Lingkungan Hidup', 'Energy and Environment'),
  cat('penegakan_hukum', 'Penegakan Hukum', 'Law Enforcement'),
];

export const KIPP_THEME_2023 =
  'Peningkatan Kualitas Pelayanan Publik Melalui Inovasi Menuju Reformasi Birokrasi yang Berdampak';

const KIPP_2023: TemplatePreset = {
  id: 'kipp-2023',
  year: 2023,
  verified: false,
  source: {
    id: 'Catatan riset kipp-reference §3, §4 dan §6 (berita 2023; Pedoman Menteri PANRB 3/2023 tidak terbaca); 11 kategori dari salinan kompetisi provinsi (Jawa Timur), bukan dari KemenPANRB.',
    en: 'Research notes kipp-reference §3, §4 and §6 (news of 2023; PANRB Ministerial Guideline 3/2023 not read); the 11 categories come from a provincial (East Java) copy, not from KemenPANRB.',
  },
  note: {
    id: 'Belum diverifikasi. Sumber mencatat kelompok Umum dan Khusus untuk 2022–2023; kelompok Replikasi dipertahankan dari 2021 — hapus di pengaturan bila tidak dipakai. Penutupan pengajuan 2 Mei seperti diumumkan pertama kali.',
    en: 'Not verified. The source records the Umum and Khusus groups for 2022–2023; the Replikasi group is kept from 2021 — remove it in the settings if it does not apply. Submission closes on 2 May as first announced.',
  },
  theme: KIPP_THEME_2023,
  categories: CATEGORIES_2023,
  groups: ['umum', 'replikasi', 'khusus'],
  groupTexts: {},
  calendar: CALENDAR_2023,
};

const KIPP_2025: TemplatePreset = {
  id: 'kipp-2025',
  year: 2025,
  verified: false,
  source: {
    id: 'Catatan riset kipp-reference §3 dan §6 (berita daerah 2025; Pedoman Menteri PANRB 4/2025 tidak terbaca): tema, 9 kategori Asta Cita, jadwal sebagian.',
    en: 'Research notes kipp-reference §3 and §6 (regional news of 2025; PANRB Ministerial Guideline 4/2025 not read): theme, 9 Asta Cita categories, part of the calendar.',
  },
  note: {
    id: 'Belum diverifikasi. Nama kategori terakhir terpotong pada sumber. Ketentuan, kuota, dan usia kelompok 2025 tidak ditemukan (diisi seperti 2023); finalis hanya dilaporkan untuk Umum dan Replikasi. Tahap tanpa tanggal di sumber adalah perkiraan.',
    en: 'Not verified. The last category name is cut short in the source. The 2025 group rules, quotas and ages were not found (set as in 2023); finalists were reported only for Umum and Replikasi. Stages without a date in the source are estimates.',
  },
  theme: 'Mewujudkan Pelayanan Publik Berdampak untuk Kesejahteraan Masyarakat',
  categories: [
    cat(
      'kesetaraan_gender',
      'Kesetaraan Gender dan Perlindungan Hak Perempuan, Anak, dan Penyandang Disabilitas',
      'Gender Equality and the Rights of Women, Children and People with Disabilities',
    ),
    cat(
      'swasembada_pangan_air_energi',
      'Swasembada Pangan, Air, dan Energi',
      'Food, Water and Energy Self-Sufficiency',
    ),
    cat('lapangan_kerja', 'Lapangan Kerja dan Kualitas Tenaga Kerja', 'Jobs and Workforce Quality'),
    cat('pelayanan_kesehatan', 'Pelayanan Kesehatan', 'Health Services'),
    cat('makan_bergizi', 'Program Makan Bergizi', 'Nutritious Meals Programme'),
    cat('pemerataan_ekonomi_umkm', 'Pemerataan Ekonomi dan UMKM', 'Economic Equity and MSMEs'),
    cat('pemberantasan_kemiskinan', 'Pemberantasan Kemiskinan', 'Eradicating Poverty'),
    cat(
      'transformasi_digital',
      'Transformasi Digital Pelayanan Publik',
      'Digital Transformation of Public Service',
    ),
    cat('pelestarian_lingkungan', 'Pelestarian Lingkungan', 'Environmental Conservation'),
  ],
  groups: ['umum', 'replikasi'],
  groupTexts: {},
  calendar: calendarFrom(
    CALENDAR_2023,
    {
      publication: { opens: [4, 8], closes: [9, 30] },
      submission: { opens: [4, 8], closes: [6, 3] },
      administrative: { opens: [6, 4], closes: [6, 27] },
      evaluation_1: { opens: [6, 30], closes: [7, 14] },
      finalists: { opens: [8, 4], closes: [8, 8] },
      public_objection: { opens: [8, 11], closes: [8, 15] },
      presentation: { opens: [8, 18], closes: [8, 29] },
      field_verification: { opens: [9, 1], closes: [9, 12] },
      final_panel: { opens: [9, 15], closes: [9, 19] },
      announcement: { opens: [9, 30], closes: null },
    },
    ['evaluation_2'],
  ),
};

export const TEMPLATE_PRESETS: Record<TemplatePresetId, TemplatePreset> = {
  'kipp-2021': KIPP_2021,
  'kipp-2022': KIPP_2022,
  'kipp-2023': KIPP_2023,
  'kipp-2025': KIPP_2025,
};

/** What a picker shows of each preset, newest year first. */
export function presetChoices(): Pick<TemplatePreset, 'id' | 'year' | 'verified' | 'source' | 'note'>[] {
  return TEMPLATE_PRESET_IDS.map((id) => TEMPLATE_PRESETS[id])
    .sort((a, b) => b.year - a.year)
    .map(({ id, year, verified, source, note }) => ({ id, year, verified, source, note }));
}
