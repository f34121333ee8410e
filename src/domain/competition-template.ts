import { zonedToUtc } from './time.js';
import {
  DEFAULT_MAX_INSTITUTION_STORAGE_MB,
  DEFAULT_MAX_OPEN_DRAFTS_PER_UNIT,
} from '../contracts/storage-defaults.js';
import type { CompetitionDefinitionBody } from '../contracts/competitions.js';
import { EMPTY_HELPDESK, type HelpdeskContact } from './helpdesk-contact.js';
import {
  DEFAULT_TEMPLATE_PRESET,
  KIPP_THEME_2023,
  TEMPLATE_PRESETS,
  type TemplatePresetId,
} from './competition-presets.js';

export { KIPP_THEME_2023 };

/*
 * A competition is data: its categories, groups (each with its own proposal form and weights) and its
 * stages with their windows. The KIPP template below fills that data from the national rules
 * (kipp-reference §3, §4, §6); every value stays editable by the organizer.
 */

export {
  ALONGSIDE_STAGE_KINDS,
  runsAlongside,
  STAGE_KINDS,
  type CategoryDefinition,
  type StageKind,
} from './competition-kinds.js';
import type { CategoryDefinition } from './competition-kinds.js';

export const DEFAULT_ALLOWED_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

export interface CompetitionSettings {
  /** MIME types accepted for proposal attachments (read from the content, not the name). */
  allowedFileTypes: string[];
  maxFileMb: number;
  /** All attachments of one proposal together. */
  maxProposalMb: number;
  /** Proposals a unit may have open (draft or returned) at once (domain/storage-limits). */
  maxOpenDraftsPerUnit: number;
  /** All attachments of one institution's proposals together (domain/storage-limits). */
  maxInstitutionStorageMb: number;
  /** How participants reach the organizer (domain/helpdesk-contact), shown in the competition's footer. */
  helpdesk: HelpdeskContact;
}

export interface SectionDefinition {
  key: string;
  labelId: string;
  labelEn: string;
  guidanceId: string | null;
  guidanceEn: string | null;
  wordLimit: number | null;
  /** Percentage of the evaluation score; the sections of one group add up to 100. */
  weight: number;
  required: boolean;
  /** The section needs its own supporting file; absent = false. */
  evidenceRequired?: boolean;
}

export interface GroupDefinition {
  key: string;
  nameId: string;
  nameEn: string;
  descriptionId: string | null;
  descriptionEn: string | null;
  /** Minimum age of the innovation, counted back from the submission close. */
  minImplementationMonths: number;
  /** Maximum forwarded proposals per participant institution; null = outside any quota. */
  quotaPerInstitution: number | null;
  invitationOnly: boolean;
  /**
   * The award years a replikasi source may come from (a Top 99 or higher of one of them); null = any year.
   * Read by the replikasi rule only (domain/proposal-eligibility).
   */
  sourceYears: number[] | null;
  /** Supporting files a proposal must carry in all; absent = DEFAULT_EVIDENCE_MIN_FILES (1). */
  evidenceMin?: number;
  sections: SectionDefinition[];
}

export interface StageDefinition {
  kind: string;
  nameId: string;
  nameEn: string;
  /** ISO-8601 UTC instants. */
  opensAt: string | null;
  closesAt: string | null;
}

export interface CompetitionDefinition {
  code: string;
  name: string;
  year: number;
  theme: string;
  description: string | null;
  timeZone: string;
  settings: CompetitionSettings;
  categories: CategoryDefinition[];
  groups: GroupDefinition[];
  stages: StageDefinition[];
}

/**
 * Compile-time check: what the wire schema (contracts/competitions.ts `competitionDefinitionSchema`)
 * yields is a definition. It lives here because the domain depends on the contracts, not the reverse.
 */
type Assert<T extends true> = T;
export type _BodyIsDefinition = Assert<
  CompetitionDefinitionBody extends CompetitionDefinition ? true : false
>;

const EVIDENCE_ID = 'Lengkapi dengan data pendukung yang relevan.';
const EVIDENCE_EN = 'Support it with relevant evidence.';

/** A section; guidance of scored sections ends with the call for evidence every KIPP answer carries. */
function section(
  key: string,
  labelId: string,
  labelEn: string,
  wordLimit: number,
  weight: number,
  guidanceId: string,
  guidanceEn: string,
): SectionDefinition {
  const withEvidence = weight > 0;
  return {
    key,
    labelId,
    labelEn,
    guidanceId: withEvidence ? `${guidanceId} ${EVIDENCE_ID}` : guidanceId,
    guidanceEn: withEvidence ? `${guidanceEn} ${EVIDENCE_EN}` : guidanceEn,
    wordLimit,
    weight,
    required: true,
  };
}

/**
 * Word limit of the scored umum sections: the 2023 limits are not known; 600 is the limit KIPP 2021 gave
 * its long answers (Ide Inovatif, Signifikansi, Keberlanjutan).
 */
export const KIPP_UMUM_WORD_LIMIT = 600;

const ringkasan = (scope: { id: string; en: string }) =>
  section(
    'ringkasan',
    'Ringkasan',
    'Summary',
    200,
    0,
    `Uraikan ringkasan inovasi yang mencakup seluruh aspek ${scope.id}. Maksimal 200 kata; tidak perlu lampiran. Ringkasan tidak dinilai.`,
    `Summarise the innovation covering every aspect ${scope.en}. At most 200 words; no attachment needed. The summary is not scored.`,
  );

const signifikansi = section(
  'signifikansi',
  'Signifikansi',
  'Significance',
  KIPP_UMUM_WORD_LIMIT,
  30,
  'Jelaskan dampak inovasi dengan membandingkan kondisi sebelum dan sesudah inovasi, metode yang dipakai untuk mengukur dampak tersebut, serta laporan evaluasi internal/eksternal yang memuat data kuantitatif dan kualitatif.',
  'Explain the impact of the innovation by comparing the situation before and after it, the method used to measure that impact, and the internal/external evaluation report with quantitative and qualitative data.',
);

const sumberDaya = section(
  'sumber_daya',
  'Sumber Daya',
  'Resources',
  KIPP_UMUM_WORD_LIMIT,
  5,
  'Jelaskan sumber daya yang digunakan untuk menjalankan inovasi: keuangan, sumber daya manusia, metode, dan peralatan.',
  'Describe the resources used to run the innovation: finance, people, methods and equipment.',
);

const keberlanjutan = section(
  'strategi_keberlanjutan',
  'Strategi Keberlanjutan',
  'Sustainability Strategy',
  KIPP_UMUM_WORD_LIMIT,
  15,
  'Jelaskan strategi agar inovasi tetap berjalan: secara kelembagaan/regulasi, manajerial, dan sosial.',
  'Explain how the innovation is kept going: institutionally/by regulation, managerially and socially.',
);

const adaptabilitas = (weight: number) =>
  section(
    'adaptabilitas',
    'Adaptabilitas',
    'Adaptability',
    KIPP_UMUM_WORD_LIMIT,
    weight,
    'Jelaskan apakah inovasi sudah direplikasi, oleh UPP/instansi mana, dan potensi replikasinya berdasarkan kesamaan populasi dan permasalahan.',
    'State whether the innovation has been replicated and by which service unit/institution, and its potential for replication given similar populations and problems.',
  );

/** KIPP 2023 umum: 8 sections, weights 0/10/15/5/30/20/5/15 (kipp-reference §4). */
const UMUM_SECTIONS: SectionDefinition[] = [
  ringkasan({
    id: '(latar belakang dan tujuan, kebaruan, implementasi, signifikansi, adaptabilitas, sumber daya, dan strategi keberlanjutan)',
    en: '(background and goals, novelty, implementation, significance, adaptability, resources and sustainability strategy)',
  }),
  section(
    'latar_belakang_tujuan',
    'Latar Belakang dan Tujuan',
    'Background and Goals',
    KIPP_UMUM_WORD_LIMIT,
    10,
    'Jelaskan permasalahan atau kondisi awal sebelum inovasi, kelompok sasaran yang terdampak, dan tujuan inovasi dengan target yang terukur.',
    'Describe the problem or the situation before the innovation, the target group affected, and the goal of the innovation with a measurable target.',
  ),
  section(
    'kebaruan',
    'Kebaruan/Nilai Tambah',
    'Novelty/Added Value',
    KIPP_UMUM_WORD_LIMIT,
    15,
    'Jelaskan apa yang baru dari inovasi ini dan nilai tambahnya dibandingkan cara pelayanan sebelumnya atau pelayanan sejenis di wilayah/instansi Anda.',
    'Explain what is new in this innovation and the value it adds compared with the earlier way of serving or similar services in your region/institution.',
  ),
  section(
    'implementasi',
    'Implementasi Inovasi',
    'Implementation',
    KIPP_UMUM_WORD_LIMIT,
    5,
    'Jelaskan bagaimana inovasi dijalankan: tahapan dan waktu pelaksanaan, pihak yang terlibat, serta kendala yang dihadapi dan cara mengatasinya.',
    'Explain how the innovation is carried out: its steps and timeline, who takes part, and the obstacles met and how they were overcome.',
  ),
  signifikansi,
  adaptabilitas(20),
  sumberDaya,
  keberlanjutan,
];

/**
 * Replikasi: the three KIPP 2021 replication questions (Inspirasi, Proses Replikasi, Faktor Pembeda) take
 * the place of umum's background, novelty and implementation (10+15+5 = 30 → 10+15+15 = 40); the impact
 * aspects stay as in umum (significance 30, resources 5, sustainability 15) and adaptability drops from
 * 20 to 10 because a replication has already shown it can be transferred. Sum: 100.
 */
const REPLIKASI_SECTIONS: SectionDefinition[] = [
  ringkasan({
    id: '(inovasi yang direplikasi, proses replikasi, faktor pembeda, dan dampaknya)',
    en: '(the innovation replicated, the replication process, what differs, and the impact)',
  }),
  section(
    'inspirasi',
    'Inspirasi',
    'Inspiration',
    100,
    10,
    'Sebutkan sekurang-kurangnya satu inovasi Top 99 KIPP tahun sebelumnya yang direplikasi dan alasan memilihnya. Wajib melampirkan surat pernyataan replikasi yang ditandatangani (PDF).',
    'Name at least one Top 99 innovation of an earlier KIPP that was replicated and why it was chosen. The signed replication statement (PDF) must be attached.',
  ),
  section(
    'proses_replikasi',
    'Proses Replikasi',
    'Replication Process',
    200,
    15,
    'Jelaskan bagaimana replikasi dilakukan: pembelajaran dari inovasi asal, penyesuaian dengan kondisi setempat, dan tahapan pelaksanaannya.',
    'Explain how the replication was done: learning from the original innovation, adjusting it to local conditions, and the steps taken.',
  ),
  section(
    'faktor_pembeda',
    'Faktor Pembeda',
    'Distinguishing Factors',
    100,
    15,
    'Jelaskan perbedaan dan penyempurnaan inovasi replikasi dibandingkan inovasi asalnya.',
    'Explain how the replication differs from and improves on the original innovation.',
  ),
  signifikansi,
  adaptabilitas(10),
  sumberDaya,
  keberlanjutan,
];

/**
 * Khusus (2021 form): improvement since the award carries the most weight (30), wider adoption 20,
 * strengthened sustainability 25 and the latest formal evaluation 25. Sum: 100.
 */
const KHUSUS_SECTIONS: SectionDefinition[] = [
  ringkasan({
    id: '(pembaruan/peningkatan, adaptabilitas, penguatan keberlanjutan, dan evaluasi)',
    en: '(updates/improvements, adaptability, strengthened sustainability and evaluation)',
  }),
  section(
    'pembaruan',
    'Pembaruan/Peningkatan',
    'Updates/Improvements',
    200,
    30,
    'Jelaskan pembaruan dan peningkatan inovasi dibandingkan saat inovasi ditetapkan sebagai Top Inovasi Pelayanan Publik Terpuji.',
    'Explain how the innovation has been updated and improved since it was named an Outstanding Top Public Service Innovation.',
  ),
  section(
    'adaptabilitas',
    'Adaptabilitas',
    'Adaptability',
    200,
    20,
    'Jelaskan replikasi inovasi yang bertambah sejak ditetapkan sebagai Top Inovasi Pelayanan Publik Terpuji: oleh siapa dan di mana.',
    'Describe the further replications of the innovation since the award: by whom and where.',
  ),
  section(
    'penguatan_keberlanjutan',
    'Penguatan Keberlanjutan',
    'Strengthened Sustainability',
    300,
    25,
    'Jelaskan penguatan keberlanjutan inovasi secara kelembagaan, sosial, dan manajerial.',
    'Explain how the sustainability of the innovation has been strengthened institutionally, socially and managerially.',
  ),
  section(
    'evaluasi',
    'Evaluasi',
    'Evaluation',
    300,
    25,
    'Jelaskan penilaian formal terakhir atas inovasi oleh pihak internal/eksternal (misalnya Inspektorat atau perguruan tinggi) beserta hasilnya.',
    'Describe the latest formal internal/external assessment of the innovation (for instance by the Inspectorate or a university) and its findings.',
  ),
];

/**
 * The years a replikasi source comes from: KIPP 2014 up to two years before the competition (KIPP 2021
 * admitted Top 99 of KIPP 2014–2019; kipp-reference §3), so the source has run at least a year since.
 */
export function replikasiSourceYears(year: number): number[] | null {
  const last = year - 2;
  if (last < 2014) return null;
  return Array.from({ length: last - 2014 + 1 }, (_, i) => 2014 + i);
}

function groups(year: number): GroupDefinition[] {
  return [
    {
      key: 'umum',
      nameId: 'Umum',
      nameEn: 'General',
      descriptionId:
        'Inovasi yang belum pernah mengikuti KIPP, atau sudah pernah mengikuti namun belum pernah mendapat penghargaan; belum pernah masuk Top 99 sebanyak 2 kali (berturut-turut atau tidak); dan bukan Top Inovasi Pelayanan Publik Terpuji tahun-tahun sebelumnya. Inovasi telah dilaksanakan sekurang-kurangnya 2 tahun, dihitung mundur dari penutupan pengajuan proposal. Paling banyak 10 proposal per instansi.',
      descriptionEn:
        'Innovations that never entered KIPP, or entered without receiving an award; that were not in the Top 99 twice (consecutively or not); and that are not an Outstanding Top Public Service Innovation of an earlier year. The innovation has run for at least 2 years, counted back from the submission close. At most 10 proposals per institution.',
      minImplementationMonths: 24,
      quotaPerInstitution: 10,
      invitationOnly: false,
      sourceYears: null,
      sections: UMUM_SECTIONS,
    },
    {
      key: 'replikasi',
      nameId: 'Replikasi',
      nameEn: 'Replication',
      descriptionId:
        'Adaptasi atau modifikasi (sebagian atau seluruhnya) dari sekurang-kurangnya satu inovasi Top 99 KIPP tahun-tahun sebelumnya, yang belum pernah mendapat penghargaan dalam KIPP. Wajib melampirkan surat pernyataan replikasi yang ditandatangani. Inovasi telah dilaksanakan sekurang-kurangnya 1 tahun. Paling banyak 5 proposal per instansi.',
      descriptionEn:
        'An adaptation or modification (in part or in whole) of at least one Top 99 innovation of an earlier KIPP, never awarded in KIPP before. A signed replication statement must be attached. The innovation has run for at least 1 year. At most 5 proposals per institution.',
      minImplementationMonths: 12,
      quotaPerInstitution: 5,
      invitationOnly: false,
      sourceYears: replikasiSourceYears(year),
      sections: REPLIKASI_SECTIONS,
    },
    {
      key: 'khusus',
      nameId: 'Khusus',
      nameEn: 'Special',
      descriptionId: `Hanya atas undangan penyelenggara (pada KIPP nasional: Menteri PANRB). Top Inovasi Pelayanan Publik Terpuji KIPP 2014–${year - 2} Kelompok Umum yang telah ditetapkan sekurang-kurangnya 1 tahun, belum pernah masuk Top 15 Kelompok Khusus sebanyak 2 kali, dan bukan pemenang OAPSI. Di luar kuota instansi.`,
      descriptionEn: `By the organizer's invitation only (in the national KIPP: the Minister of PANRB). Outstanding Top Public Service Innovations of KIPP 2014–${year - 2} in the General group, named at least 1 year ago, not twice in the Top 15 of the Special group, and not an OAPSI winner. Outside the institution quota.`,
      minImplementationMonths: 24,
      quotaPerInstitution: null,
      invitationOnly: true,
      sourceYears: null,
      sections: KHUSUS_SECTIONS,
    },
  ];
}

/**
 * The full KIPP definition for a year from a preset (domain/competition-presets; by default the 2023 one):
 * the preset's theme, categories and groups, and its calendar (month, day) moved to the competition's year,
 * windows opening at 00:00 and closing at 23:59 local time unless the preset says otherwise. The
 * organizer edits what differs.
 */
export function kippTemplate(input: {
  year: number;
  timeZone?: string;
  preset?: TemplatePresetId;
}): CompetitionDefinition {
  const { year } = input;
  const timeZone = input.timeZone ?? 'Asia/Jakarta';
  const preset = TEMPLATE_PRESETS[input.preset ?? DEFAULT_TEMPLATE_PRESET];
  const at = (md: [number, number], hour: number, minute: number) =>
    zonedToUtc({ year, month: md[0], day: md[1], hour, minute }, timeZone).toISOString();
  const all = groups(year);
  return {
    code: 'KIPP',
    name: `Kompetisi Inovasi Pelayanan Publik ${year}`,
    year,
    theme: preset.theme,
    description:
      'Kompetisi Inovasi Pelayanan Publik (KIPP) menjaring, menilai, dan memberi penghargaan kepada inovasi pelayanan publik instansi pemerintah (kementerian, lembaga, pemerintah daerah, BUMN, dan BUMD).',
    timeZone,
    settings: {
      allowedFileTypes: [...DEFAULT_ALLOWED_FILE_TYPES],
      maxFileMb: 10,
      maxProposalMb: 50,
      maxOpenDraftsPerUnit: DEFAULT_MAX_OPEN_DRAFTS_PER_UNIT,
      maxInstitutionStorageMb: DEFAULT_MAX_INSTITUTION_STORAGE_MB,
      // The organizer's own contact: no preset knows it, the secretariat fills it in.
      helpdesk: { ...EMPTY_HELPDESK },
    },
    categories: preset.categories.map((c) => ({ ...c })),
    groups: preset.groups.map((key) => {
      const g = all.find((x) => x.key === key)!;
      return {
        ...g,
        ...(preset.groupTexts[key]?.(year) ?? {}),
        sourceYears: g.sourceYears ? [...g.sourceYears] : null,
        sections: g.sections.map((s) => ({ ...s })),
      };
    }),
    stages: preset.calendar.map((s) => ({
      kind: s.kind,
      nameId: s.nameId,
      nameEn: s.nameEn,
      opensAt: at(s.opens, 0, 0),
      closesAt: s.closes ? at(s.closes, ...(s.closesTime ?? [23, 59])) : null,
    })),
  };
}

/** What the template needs to know about the organizer to name the competition. */
export interface OrganizerIdentity {
  type: string;
  name: string;
  shortName: string | null;
  regionCode: string | null;
}

const NATIONAL_TYPES = new Set(['kementerian', 'lembaga']);

/**
 * Default code and name of a KIPP-style competition. A ministry or agency runs the national "KIPP"
 * ("Kompetisi Inovasi Pelayanan Publik 2026"); any other organizer runs its own competition named after
 * it ("Kompetisi Inovasi Pelayanan Publik Pemerintah Provinsi Kalimantan Timur 2026") with the code
 * "KIPP-" + its short name in capitals ("KIPP-KALTIM"), else its region code without dots ("KIPP-64"),
 * else its id; codes fit 16 characters.
 */
export function kippIdentity(
  organizer: OrganizerIdentity & { id: number },
  year: number,
): { code: string; name: string } {
  if (NATIONAL_TYPES.has(organizer.type))
    return { code: 'KIPP', name: `Kompetisi Inovasi Pelayanan Publik ${year}` };
  const fromShort = (organizer.shortName ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  const fromRegion = (organizer.regionCode ?? '').replace(/[^0-9]/g, '');
  const suffix = (fromShort || fromRegion || `I${organizer.id}`).slice(0, 11);
  return {
    code: `KIPP-${suffix}`,
    name: `Kompetisi Inovasi Pelayanan Publik ${organizer.name} ${year}`,
  };
}
