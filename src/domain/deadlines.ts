import type { FieldProblem, Text } from './errors.js';
import { t } from './errors.js';
import { PROPOSAL_TRANSITIONS, type ProposalState } from './proposal-workflow.js';
import type { MovedStage } from './competition-changes.js';
import { formatInstant } from './time.js';
import { runsAlongside } from './competition-template.js';

/*
 * Pure rules of the submission deadline: what an extension must satisfy, what is recorded of it, and which
 * timed events (closing, reminders) a closing instant implies.
 */

export const LETTER_NUMBER_MAX = 128;
export const REASON_MAX = 2000;

/** One extension as kept in the submission stage's settings (`extensions`), oldest first. */
export interface DeadlineExtension {
  previousClosesAt: string;
  closesAt: string;
  letterNumber: string;
  reasonId: string | null;
  reasonEn: string | null;
  /** Server instant of the extension. */
  at: string;
  /** User id of the secretariat member who extended. */
  by: number;
  /** The later stages moved with it (domain/competition-changes `shiftStagesAfterExtension`). */
  movedStages?: MovedStage[];
}

export interface ExtensionInput {
  closesAt: string;
  letterNumber: string;
  reasonId?: string | null;
  reasonEn?: string | null;
  /** `move` (default): the later stages move; `keep`: refused when a later stage would be overlapped. */
  calendar?: 'move' | 'keep';
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/**
 * Every problem of an extension request, by field: the new closing must be a valid instant later than the
 * current closing AND later than the server's now; the letter number is required.
 */
export function validateExtension(
  input: ExtensionInput,
  ctx: { currentClosesAt: string; now: Date; timeZone: string },
): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  const add = (field: string, code: string, message: Text) => (problems[field] = { code, message });
  const at = ISO_UTC.test(input.closesAt) ? Date.parse(input.closesAt) : NaN;
  if (Number.isNaN(at))
    add(
      'closesAt',
      'invalid_datetime',
      t('Waktu tidak valid (ISO-8601 UTC).', 'Not a valid instant (ISO-8601 UTC).'),
    );
  else if (at <= Date.parse(ctx.currentClosesAt)) {
    const id = formatInstant(ctx.currentClosesAt, ctx.timeZone, 'id');
    const en = formatInstant(ctx.currentClosesAt, ctx.timeZone, 'en');
    add(
      'closesAt',
      'not_later',
      t(
        `Batas pengajuan baru harus sesudah batas saat ini (${id}).`,
        `The new closing time must be after the current one (${en}).`,
      ),
    );
  } else if (at <= ctx.now.getTime())
    add(
      'closesAt',
      'in_past',
      t('Batas pengajuan baru harus di masa depan.', 'The new closing time must be in the future.'),
    );
  const letter = input.letterNumber.trim();
  if (!letter)
    add(
      'letterNumber',
      'required',
      t('Nomor surat perpanjangan wajib diisi.', 'The letter number of the extension is required.'),
    );
  else if (letter.length > LETTER_NUMBER_MAX)
    add(
      'letterNumber',
      'too_long',
      t(
        `Nomor surat paling banyak ${LETTER_NUMBER_MAX} karakter.`,
        `The letter number has at most ${LETTER_NUMBER_MAX} characters.`,
      ),
    );
  for (const field of ['reasonId', 'reasonEn'] as const)
    if ((input[field] ?? '').length > REASON_MAX)
      add(
        field,
        'too_long',
        t(`Alasan paling banyak ${REASON_MAX} karakter.`, `The reason has at most ${REASON_MAX} characters.`),
      );
  return problems;
}

/** The stage settings' extension list; anything malformed is left out rather than trusted. */
export function extensionsOf(settings: Record<string, unknown>): DeadlineExtension[] {
  const list = settings.extensions;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is DeadlineExtension =>
      !!e &&
      typeof e === 'object' &&
      typeof (e as DeadlineExtension).closesAt === 'string' &&
      typeof (e as DeadlineExtension).previousClosesAt === 'string' &&
      typeof (e as DeadlineExtension).letterNumber === 'string',
  );
}

/** Parses a stage's settings JSON text; a broken value counts as empty settings. */
export function parseSettings(json: string | null | undefined): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The reminders before a closing, as days before it; their job keys end in `:<days>d`. */
export const REMINDER_DAYS = [7, 3, 1] as const;

export interface PlannedJob {
  kind: 'closing' | 'reminder';
  uniqueKey: string;
  runAt: Date;
  payload: { competitionId: number; closesAt: string; days?: number };
}

/**
 * The timed events a closing instant implies: the closing itself (even if already past: it then runs at
 * once) and the reminders 7, 3 and 1 days before it that are still in the future.
 */
export function submissionJobPlan(competitionId: number, closesAt: string, now: Date): PlannedJob[] {
  const closing = new Date(closesAt);
  const jobs: PlannedJob[] = [
    {
      kind: 'closing',
      uniqueKey: `closing:${competitionId}`,
      runAt: closing,
      payload: { competitionId, closesAt: closing.toISOString() },
    },
  ];
  for (const days of REMINDER_DAYS) {
    const runAt = new Date(closing.getTime() - days * 86_400_000);
    if (runAt.getTime() <= now.getTime()) continue;
    jobs.push({
      kind: 'reminder',
      uniqueKey: `reminder:${competitionId}:${days}d`,
      runAt,
      payload: { competitionId, closesAt: closing.toISOString(), days },
    });
  }
  return jobs;
}

/** States a proposal may still be in while not forwarded: they are reminded of and frozen at closing. */
export const NOT_FORWARDED_STATES: readonly ProposalState[] = PROPOSAL_TRANSITIONS.freeze.from;

/**
 * "Kompetisi Inovasi Pelayanan Publik 2026 — Kelompok Umum": how every mail about a proposal names the
 * programme (the proposal flow's and the closing's).
 */
export function programLabel(
  competitionName: string,
  group: { name_id: string; name_en: string },
  locale: 'id' | 'en',
): string {
  return locale === 'id'
    ? `${competitionName} — Kelompok ${group.name_id}`
    : `${competitionName} — ${group.name_en} group`;
}

/**
 * The moved stages that are under way: begun by the server clock while submission was still open (an overlap
 * the organizer set). A stage that opened only after the current closing has not begun in substance (the
 * closing has not been processed, or the extension would be refused as `submission_closed`), so it may move.
 * A stage running alongside the others is never counted: only its end moves.
 */
export function startedStages(moved: MovedStage[], now: Date, currentClosesAt: string): MovedStage[] {
  return moved.filter((m) => {
    // A stage running alongside (Publikasi) only has its end moved: it may have begun.
    if (runsAlongside(m.kind)) return false;
    const start = m.from.opensAt ?? m.from.closesAt;
    return (
      start !== null && Date.parse(start) <= now.getTime() && Date.parse(start) < Date.parse(currentClosesAt)
    );
  });
}

/** Same instant, compared whatever the ISO spelling. */
export const sameInstant = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && Date.parse(a) === Date.parse(b);
