import { t, type FieldProblem, type Text } from './errors.js';

/*
 * The settings of the `presentation` stage (issue 13 point 2): the slot's shape (2022: 7 minutes of
 * presentation and 13 of interview, plus a changeover buffer), the quorum of panelists without a conflict a
 * session needs to hear a finalist, the participants' upload deadline, the invitation letter's number
 * pattern and what to bring. Data of the stage (JSON under `presentation` in stages.settings); a missing or
 * malformed value takes its default, so an existing competition works unchanged.
 */

export interface PresentationSettings {
  presentationMinutes: number;
  interviewMinutes: number;
  /** Minutes between two slots (the next finalist connects or walks in). */
  bufferMinutes: number;
  /** Panelists WITHOUT a conflict with a finalist its session must have. */
  quorum: number;
  /** Until when participants upload their file and video link (ISO instant); null = not set yet. */
  uploadDeadline: string | null;
  /** e.g. `B/{n}/PP.00.05/{year}`: {n} the letter's sequence number, {year} the competition's year. */
  letterPattern: string;
  /** The {n} of the first letter of the publication. */
  letterStart: number;
  bringId: string;
  bringEn: string;
}

export const PRESENTATION_DEFAULTS: PresentationSettings = {
  presentationMinutes: 7,
  interviewMinutes: 13,
  bufferMinutes: 5,
  quorum: 3,
  uploadDeadline: null,
  letterPattern: 'B/{n}/PP.00.05/{year}',
  letterStart: 1,
  bringId: 'Bahan paparan (PDF/PPTX), video inovasi, dan kehadiran pimpinan instansi.',
  bringEn: 'Presentation slides (PDF/PPTX), the innovation video, and the head of the institution.',
};

export const slotMinutes = (s: Pick<PresentationSettings, 'presentationMinutes' | 'interviewMinutes'>) =>
  s.presentationMinutes + s.interviewMinutes;

const intIn = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
const textOf = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : undefined;
const instantOf = (v: unknown): string | undefined =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined;
const patternOf = (v: unknown): string | undefined => {
  const s = textOf(v, 90);
  return s && s.includes('{n}') ? s : undefined;
};

/** The settings kept under `presentation` in a stage's parsed settings. */
export function presentationSettingsOf(stageSettings: Record<string, unknown>): PresentationSettings {
  const raw = stageSettings.presentation;
  const r = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const d = PRESENTATION_DEFAULTS;
  return {
    presentationMinutes: intIn(r.presentationMinutes, 1, 180) ?? d.presentationMinutes,
    interviewMinutes: intIn(r.interviewMinutes, 0, 180) ?? d.interviewMinutes,
    bufferMinutes: intIn(r.bufferMinutes, 0, 120) ?? d.bufferMinutes,
    quorum: intIn(r.quorum, 1, 20) ?? d.quorum,
    uploadDeadline: instantOf(r.uploadDeadline) ?? d.uploadDeadline,
    letterPattern: patternOf(r.letterPattern) ?? d.letterPattern,
    letterStart: intIn(r.letterStart, 1, 999_999) ?? d.letterStart,
    bringId: textOf(r.bringId, 1000) ?? d.bringId,
    bringEn: textOf(r.bringEn, 1000) ?? d.bringEn,
  };
}

/**
 * The problems of a settings body, field by field (empty: valid). Every field is optional (absent keeps
 * the current value); a present one must be right.
 */
export function presentationSettingsProblems(
  body: Record<string, unknown>,
  stageWindow: { opensAt: string | null; closesAt: string | null },
): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  const bad = (field: string, code: string, message: Text) => (fields[field] = { code, message });
  const minutes = (field: string, min: number, max: number) => {
    if (body[field] !== undefined && intIn(body[field], min, max) === undefined)
      bad(
        field,
        'out_of_range',
        t(`Isi bilangan bulat ${min}–${max} menit.`, `Enter whole minutes ${min}–${max}.`),
      );
  };
  minutes('presentationMinutes', 1, 180);
  minutes('interviewMinutes', 0, 180);
  minutes('bufferMinutes', 0, 120);
  if (body.quorum !== undefined && intIn(body.quorum, 1, 20) === undefined)
    bad('quorum', 'out_of_range', t('Kuorum 1–20 panelis.', 'The quorum is 1–20 panelists.'));
  if (body.letterStart !== undefined && intIn(body.letterStart, 1, 999_999) === undefined)
    bad('letterStart', 'out_of_range', t('Nomor awal 1–999999.', 'The first number is 1–999999.'));
  if (body.letterPattern !== undefined && patternOf(body.letterPattern) === undefined)
    bad(
      'letterPattern',
      'invalid_pattern',
      t(
        'Pola nomor surat harus memuat {n} (nomor urut), misalnya B/{n}/PP.00.05/{year}; paling banyak 90 karakter.',
        'The letter number pattern must contain {n} (the sequence number), e.g. B/{n}/PP.00.05/{year}; at most 90 characters.',
      ),
    );
  for (const f of ['bringId', 'bringEn'])
    if (body[f] !== undefined && textOf(body[f], 1000) === undefined)
      bad(f, 'invalid_text', t('Isi 1–1000 karakter.', 'Enter 1–1000 characters.'));
  if (body.uploadDeadline !== undefined && body.uploadDeadline !== null) {
    const at = instantOf(body.uploadDeadline);
    if (!at) bad('uploadDeadline', 'invalid_instant', t('Waktu tidak valid.', 'Not a valid time.'));
    else if (stageWindow.closesAt && at > stageWindow.closesAt)
      bad(
        'uploadDeadline',
        'after_stage',
        t(
          'Batas unggah harus sebelum tahap presentasi ditutup.',
          'The upload deadline must be before the presentation stage closes.',
        ),
      );
  }
  return fields;
}

/** The letter number of sequence `n`: `B/{n}/PP.00.05/{year}` → `B/163/PP.00.05/2019`. */
export function letterNumber(pattern: string, n: number, year: number): string {
  return pattern.replaceAll('{n}', String(n)).replaceAll('{year}', String(year));
}

/**
 * Once the schedule is published every setting is what the letters already say: the slot's shape (every slot's
 * time follows from it), the upload deadline and what to bring (printed in the letter, which is rendered anew
 * on each download under the same number), the numbering, and the quorum the placement was checked against.
 * A change is refused field by field; sending the same values is not a change. (Extending the deadline after
 * the publication would need re-issued letters and a notice to every finalist: not built.)
 */
export const LOCKED_AFTER_PUBLICATION = [
  'presentationMinutes',
  'interviewMinutes',
  'bufferMinutes',
  'quorum',
  'uploadDeadline',
  'letterPattern',
  'letterStart',
  'bringId',
  'bringEn',
] as const satisfies readonly (keyof PresentationSettings)[];

const sameSetting = (current: PresentationSettings[keyof PresentationSettings], sent: unknown): boolean => {
  if (typeof current === 'number') return sent === current;
  if (current === null) return sent === null;
  if (typeof sent !== 'string') return false;
  const instant = Date.parse(current);
  if (!Number.isNaN(instant) && /^\d{4}-\d{2}-\d{2}T/.test(current)) return Date.parse(sent) === instant;
  return sent.trim() === current;
};

/** The fields of `body` that would change a setting of a published schedule (empty: none). */
export function publishedSettingsProblems(
  current: PresentationSettings,
  body: Record<string, unknown>,
): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const key of LOCKED_AFTER_PUBLICATION) {
    const v = body[key];
    if (v === undefined || sameSetting(current[key], v)) continue;
    fields[key] = {
      code: 'locked_after_publication',
      message: t(
        'Tidak dapat diubah setelah jadwal diumumkan: surat undangan sudah menyebutnya.',
        'Cannot change once the schedule is published: the invitation letters already state it.',
      ),
    };
  }
  return fields;
}
