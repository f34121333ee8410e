import { AWARD_LEVELS, type AwardLevel } from '../contracts/awards.js';
import { t, type Text } from './errors.js';

/*
 * The final session's rules (issue 13 point 4; kipp-reference §2): which awards the Tim Panel Independen
 * gives in each group, how many places each has, and which level of the award registry each writes when
 * the results are published. Data of the `final_panel` stage (under `finalPanel` in its settings), with the
 * 2021 shape as default: Top 45 umum, Top 5 replikasi, 5 khusus winners (OAPSI 2021). Every finalist is a
 * Top 99 (the registry's TOP99) whatever the panel decides. Also the ceremony's details, entered before the
 * results are published. Pure: read leniently (`finalPanelSettingsOf`), written strictly
 * (`checkFinalPanelSettings`), decisions checked by `checkDecision`, counted by `tallyAwards`.
 */

/** The level every finalist of a competition gets in the registry ("Top 99" = the finalists, §2). */
export const FINALIST_LEVEL: AwardLevel = 'TOP99';

export interface AwardSpec {
  /** Stable key a decision names, e.g. `top45`: lower-case letters, digits, underscores. */
  key: string;
  /** The competition group whose finalists it goes to. */
  groupKey: string;
  labelId: string;
  labelEn: string;
  /** The registry level written for a winner (contracts/awards.ts). */
  level: AwardLevel;
  /** How many the panel gives (data: 45, 5, 5 in 2021). */
  places: number;
}

export interface Ceremony {
  /** The ceremony's start, ISO-8601 UTC instant (shown in the competition's zone: WIB/WITA/WIT). */
  startsAt: string;
  place: string;
  /** Dress code, attendance (who comes, how many), registration: free text in both languages. */
  notesId: string;
  notesEn: string;
}

export interface FinalPanelSettings {
  awards: AwardSpec[];
  ceremony: Ceremony | null;
}

/** The 2021 shape (kipp-reference §2: "Top 45 + Top 5 Replikasi + 5 OAPSI 2021 (=55) from 129 finalists"). */
export const DEFAULT_AWARDS: readonly AwardSpec[] = [
  {
    key: 'top45',
    groupKey: 'umum',
    labelId: 'Top 45 Inovasi Pelayanan Publik Terpuji',
    labelEn: 'Top 45 Outstanding Public Service Innovations',
    level: 'TOP45',
    places: 45,
  },
  {
    key: 'top5_replikasi',
    groupKey: 'replikasi',
    labelId: 'Top 5 Inovasi Replikasi Terpuji',
    labelEn: 'Top 5 Outstanding Replicated Innovations',
    level: 'TOP5_REPLIKASI',
    places: 5,
  },
  {
    key: 'khusus',
    groupKey: 'khusus',
    labelId: 'Pemenang Kelompok Khusus',
    labelEn: 'Special Group Winners',
    level: 'KHUSUS',
    places: 5,
  },
];

export const MAX_AWARDS = 30;
export const MAX_PLACES = 1000;
export const REASON_MAX = 2000;
const KEY = /^[a-z][a-z0-9_]{0,63}$/;

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown, max: number) =>
  typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : null;
const isInstant = (v: unknown): v is string =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(v) &&
  !isNaN(Date.parse(v));

function awardOf(v: unknown, groupKeys: readonly string[]): AwardSpec | null {
  const r = record(v);
  const key = typeof r.key === 'string' && KEY.test(r.key) ? r.key : null;
  const groupKey = typeof r.groupKey === 'string' && groupKeys.includes(r.groupKey) ? r.groupKey : null;
  const level = (AWARD_LEVELS as readonly string[]).includes(r.level as string)
    ? (r.level as AwardLevel)
    : null;
  const places =
    typeof r.places === 'number' && Number.isInteger(r.places) && r.places >= 0 && r.places <= MAX_PLACES
      ? r.places
      : null;
  const labelId = str(r.labelId, 200);
  const labelEn = str(r.labelEn, 200);
  if (!key || !groupKey || !level || places === null || !labelId || !labelEn) return null;
  return { key, groupKey, labelId, labelEn, level, places };
}

function ceremonyOf(v: unknown): Ceremony | null {
  const r = record(v);
  const place = str(r.place, 500);
  if (!isInstant(r.startsAt) || !place) return null;
  return {
    startsAt: new Date(r.startsAt).toISOString(),
    place,
    notesId: typeof r.notesId === 'string' ? r.notesId.slice(0, 2000) : '',
    notesEn: typeof r.notesEn === 'string' ? r.notesEn.slice(0, 2000) : '',
  };
}

/**
 * The settings kept under `finalPanel` in the stage's parsed settings. Leniently: a malformed award is
 * dropped; no stored awards at all takes the default awards of the competition's groups.
 */
export function finalPanelSettingsOf(
  stageSettings: Record<string, unknown>,
  groupKeys: readonly string[],
): FinalPanelSettings {
  const raw = record(stageSettings.finalPanel);
  const awards = Array.isArray(raw.awards)
    ? raw.awards.map((a) => awardOf(a, groupKeys)).filter((a): a is AwardSpec => a !== null)
    : DEFAULT_AWARDS.filter((a) => groupKeys.includes(a.groupKey)).map((a) => ({ ...a }));
  const seen = new Set<string>();
  return {
    awards: awards.filter((a) => !seen.has(a.key) && seen.add(a.key)),
    ceremony: raw.ceremony ? ceremonyOf(raw.ceremony) : null,
  };
}

export type FieldProblems = Record<string, Text>;

/**
 * Checks settings a secretariat sends, one problem per field (key `awards.<i>.<field>`, `ceremony.<field>`):
 * an unknown group or level, a key not of the shape or repeated, places not a whole number 0–1000, a label
 * missing, more than 30 awards; a ceremony without a valid instant or a place.
 */
export function checkFinalPanelSettings(value: unknown, groupKeys: readonly string[]): FieldProblems {
  const problems: FieldProblems = {};
  const r = record(value);
  if (!Array.isArray(r.awards)) {
    problems.awards = t('Daftar penghargaan wajib diisi.', 'The list of awards is required.');
    return problems;
  }
  if (r.awards.length > MAX_AWARDS)
    problems.awards = t(`Paling banyak ${MAX_AWARDS} penghargaan.`, `At most ${MAX_AWARDS} awards.`);
  const keys = new Set<string>();
  r.awards.forEach((raw, i) => {
    const a = record(raw);
    const at = (f: string) => `awards.${i}.${f}`;
    if (typeof a.key !== 'string' || !KEY.test(a.key))
      problems[at('key')] = t(
        'Kode penghargaan: huruf kecil, angka, atau garis bawah, diawali huruf.',
        'Award key: lower-case letters, digits or underscores, starting with a letter.',
      );
    else if (keys.has(a.key))
      problems[at('key')] = t(`Kode "${a.key}" dipakai dua kali.`, `The key "${a.key}" is used twice.`);
    else keys.add(a.key);
    if (typeof a.groupKey !== 'string' || !groupKeys.includes(a.groupKey))
      problems[at('groupKey')] = t(
        'Kelompok tidak dikenal dalam kompetisi ini.',
        'Unknown group in this competition.',
      );
    if (!(AWARD_LEVELS as readonly string[]).includes(a.level as string))
      problems[at('level')] = t('Tingkat penghargaan tidak dikenal.', 'Unknown award level.');
    else if (a.level === FINALIST_LEVEL)
      problems[at('level')] = t(
        'Top 99 adalah tingkat setiap finalis, bukan penghargaan sidang.',
        'Top 99 is the level of every finalist, not an award of the final session.',
      );
    if (typeof a.places !== 'number' || !Number.isInteger(a.places) || a.places < 0 || a.places > MAX_PLACES)
      problems[at('places')] = t(
        `Jumlah penerima: bilangan bulat 0–${MAX_PLACES}.`,
        `Number of winners: a whole number 0–${MAX_PLACES}.`,
      );
    if (!str(a.labelId, 200))
      problems[at('labelId')] = t(
        'Nama penghargaan (Bahasa Indonesia) wajib diisi, paling panjang 200 karakter.',
        'The award name (Indonesian) is required, at most 200 characters.',
      );
    if (!str(a.labelEn, 200))
      problems[at('labelEn')] = t(
        'Nama penghargaan (Bahasa Inggris) wajib diisi, paling panjang 200 karakter.',
        'The award name (English) is required, at most 200 characters.',
      );
  });
  if (r.ceremony !== undefined && r.ceremony !== null) {
    const c = record(r.ceremony);
    if (!isInstant(c.startsAt))
      problems['ceremony.startsAt'] = t(
        'Tanggal dan jam upacara penghargaan tidak valid.',
        'The award ceremony date and time are not valid.',
      );
    if (!str(c.place, 500))
      problems['ceremony.place'] = t(
        'Tempat upacara penghargaan wajib diisi, paling panjang 500 karakter.',
        'The award ceremony place is required, at most 500 characters.',
      );
    for (const f of ['notesId', 'notesEn'] as const)
      if (c[f] !== undefined && (typeof c[f] !== 'string' || c[f].length > 2000))
        problems[`ceremony.${f}`] = t(
          'Catatan paling panjang 2.000 karakter.',
          'Notes are at most 2,000 characters.',
        );
  }
  return problems;
}

/**
 * A decision the panel records on one finalist: `awardKey` null = not awarded. Problems by field:
 * `reason` required (≤ 2,000 characters); `awardKey` an award of the settings for the finalist's group.
 */
export function checkDecision(
  settings: FinalPanelSettings,
  groupKey: string,
  decision: { awardKey: string | null; reason: string },
): FieldProblems {
  const problems: FieldProblems = {};
  const reason = decision.reason.trim();
  if (!reason)
    problems.reason = t('Alasan keputusan wajib diisi.', 'The reason for the decision is required.');
  else if (reason.length > REASON_MAX)
    problems.reason = t(
      `Alasan paling panjang ${REASON_MAX} karakter.`,
      `The reason is at most ${REASON_MAX} characters.`,
    );
  if (decision.awardKey !== null) {
    const award = settings.awards.find((a) => a.key === decision.awardKey);
    if (!award) problems.awardKey = t('Penghargaan tidak dikenal.', 'Unknown award.');
    else if (award.groupKey !== groupKey)
      problems.awardKey = t(
        `"${award.labelId}" tidak diberikan kepada finalis kelompok ini.`,
        `"${award.labelEn}" is not given to finalists of this group.`,
      );
  }
  return problems;
}

export type TallyStatus = 'under' | 'exact' | 'over';

export interface AwardTally {
  award: AwardSpec;
  awarded: number;
  status: TallyStatus;
  /** The warning the plenary shows (null when exactly the number). */
  warning: Text | null;
}

/** How many each award has against its places, with the warning when over or under. */
export function tallyAwards(
  settings: FinalPanelSettings,
  decisions: readonly { awardKey: string | null }[],
): AwardTally[] {
  return settings.awards.map((award) => {
    const awarded = decisions.filter((d) => d.awardKey === award.key).length;
    const status: TallyStatus =
      awarded === award.places ? 'exact' : awarded > award.places ? 'over' : 'under';
    const warning =
      status === 'over'
        ? t(
            `${award.labelId}: ${awarded} diberikan, melebihi ${award.places} tempat (${awarded - award.places} lebih).`,
            `${award.labelEn}: ${awarded} given, over the ${award.places} places (${awarded - award.places} too many).`,
          )
        : status === 'under'
          ? t(
              `${award.labelId}: ${awarded} dari ${award.places} tempat diberikan (${award.places - awarded} belum).`,
              `${award.labelEn}: ${awarded} of ${award.places} places given (${award.places - awarded} left).`,
            )
          : null;
    return { award, awarded, status, warning };
  });
}
