import { sql } from 'kysely';
import { dialectOf, type Db } from '../../db/connect.js';
import type { CompetitionRow } from '../../db/schema.js';
import { parseSettings } from '../../domain/deadlines.js';
import { AppError, conflict, t } from '../../domain/errors.js';
import {
  planReminder,
  REMINDER_INTERVAL_MS,
  submissionOpenForReminders,
  type ReminderLevel,
} from '../../domain/participation-status.js';
import { formatInstant } from '../../domain/time.js';
import { recordAudit } from '../../platform/audit.js';
import type { Recipient } from '../../platform/notify.js';
import type { ReminderResult } from '../../contracts/participation.js';
import { findSubmissionStage } from '../competitions/queries.js';
import { lastReminders } from './queries.js';

/*
 * What both reminders share: the submission must be open, each person is reminded once per 24 hours per
 * competition and level (domain/participation.ts), and the reminder rows, the audit row, the mails and the
 * notifications are written in the caller's one transaction.
 */

/** The submission stage's closing, refusing (409 submission_not_open) when reminders make no sense. */
export async function openSubmission(tx: Db, c: CompetitionRow, now: Date): Promise<string> {
  const stage = await findSubmissionStage(tx, c.id);
  const settings = parseSettings(stage?.settings);
  const closedAt = typeof settings.closedAt === 'string' ? settings.closedAt : null;
  const open = submissionOpenForReminders({
    status: c.status,
    opensAt: stage?.opens_at ?? null,
    closesAt: stage?.closes_at ?? null,
    closedAt,
    now,
  });
  if (!open)
    throw conflict(
      'submission_not_open',
      t(
        'Pengingat hanya dapat dikirim selama masa pengajuan terbuka.',
        'Reminders can only be sent while submission is open.',
      ),
    );
  return stage!.closes_at!;
}

/** Two reminders of one competition at once wait for each other (PostgreSQL; SQLite has one writer). */
export async function lockCompetitionForReminders(tx: Db, competitionId: number): Promise<void> {
  if (dialectOf(tx) === 'postgres')
    await sql`select id from competitions where id = ${competitionId} for no key update`.execute(tx);
}

export function nothingToRemind(level: ReminderLevel): AppError {
  const text =
    level === 'institution'
      ? t(
          'Tidak ada instansi terpilih yang perlu diingatkan: semuanya sudah meneruskan proposal atau tidak mengikuti kompetisi ini.',
          'None of the chosen institutions needs a reminder: each has forwarded a proposal or does not take part in this competition.',
        )
      : t(
          'Tidak ada unit terpilih yang perlu diingatkan: setiap unit terpilih sudah memulai proposal.',
          'None of the chosen units needs a reminder: each has started a proposal.',
        );
  const field = level === 'institution' ? 'institutionIds' : 'unitIds';
  return new AppError(422, 'nothing_to_remind', text, {
    [field]: { code: 'nothing_to_remind', message: text },
  });
}

/** One person to remind about one or more subjects (institutions or units). */
export interface ReminderTarget extends Recipient {
  institutionId: number;
  unitId: number | null;
}

/**
 * Plans the reminder (who gets it, who was reminded within 24 hours), and unless it is a dry run sends it:
 * `deliver` writes the mail and the notification of one person, and a reminder row is stored per person
 * and subject. Refuses (409 reminded_recently) when everyone was reminded within the interval.
 */
export async function planAndRecord(
  tx: Db,
  input: {
    competition: CompetitionRow;
    level: ReminderLevel;
    subjects: number;
    targets: ReminderTarget[];
    dryRun: boolean;
    actorUserId: number;
    ip: string | null;
    now: Date;
    auditSummary: Record<string, unknown>;
    auditInstitutionId: number | null;
    deliver: (person: ReminderTarget, all: ReminderTarget[]) => Promise<void>;
  },
): Promise<ReminderResult> {
  const c = input.competition;
  const last = await lastReminders(
    tx,
    c.id,
    input.level,
    input.targets.map((r) => r.id),
  );
  const plan = planReminder(
    input.targets.map((r) => Object.assign({}, r, { userId: r.id, lastRemindedAt: last.get(r.id) ?? null })),
    input.now,
  );
  const nextAt = plan.skipped.length
    ? new Date(Math.min(...plan.skipped.map((s) => s.nextAt.getTime()))).toISOString()
    : null;
  const result = {
    subjects: input.subjects,
    recipients: plan.send.length,
    skipped: plan.skipped.length,
    nextAt,
  };
  if (input.dryRun) return { sent: false, ...result };
  if (!plan.send.length)
    throw conflict(
      'reminded_recently',
      plan.skipped.length
        ? t(
            `Semua penerima sudah diingatkan dalam 24 jam terakhir. Pengingat berikutnya dapat dikirim mulai ${formatInstant(nextAt!, c.time_zone, 'id')}.`,
            `Everyone was reminded within the last 24 hours. The next reminder can be sent from ${formatInstant(nextAt!, c.time_zone, 'en')}.`,
          )
        : t(
            'Tidak ada akun aktif yang dapat menerima pengingat ini.',
            'No active account can receive this reminder.',
          ),
    );
  const at = input.now.toISOString();
  for (const person of plan.send) {
    const all = input.targets.filter((r) => r.id === person.id);
    await tx
      .insertInto('participation_reminders')
      .values(
        all.map((r) => ({
          competition_id: c.id,
          level: input.level,
          institution_id: r.institutionId,
          unit_id: r.unitId,
          recipient_user_id: r.id,
          sent_by: input.actorUserId,
          created_at: at,
        })),
      )
      .execute();
    await input.deliver(person, all);
  }
  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    action: 'participation.reminded',
    entityType: 'competition',
    entityId: c.id,
    summary: {
      level: input.level,
      ...input.auditSummary,
      recipients: plan.send.length,
      skipped: plan.skipped.length,
      intervalHours: REMINDER_INTERVAL_MS / 3_600_000,
    },
    scope: {
      competitionId: c.id,
      organizerInstitutionId: c.organizer_institution_id,
      institutionId: input.auditInstitutionId,
    },
    ip: input.ip,
    now: input.now,
  });
  return { sent: true, ...result };
}
