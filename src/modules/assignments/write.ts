import type { Db } from '../../db/connect.js';
import type { AssignmentOrigin } from '../../db/schema.js';
import { t } from '../../domain/errors.js';
import { formatInstant } from '../../domain/time.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { notifyUser } from '../../platform/notify.js';
import type { StageContext } from './context.js';
import { scheduleReviewReminders } from './reminders.js';

/*
 * The writes every assignment change shares: the new rows, and telling each reviewer what was added.
 */

const CHUNK = 400;

/** Inserts active pairs (in chunks, to stay under the parameter limits of both dialects). */
export async function insertPairs(
  tx: Db,
  input: {
    stageId: number;
    pairs: readonly { proposalId: number; reviewerId: number }[];
    origin: AssignmentOrigin;
    actorUserId: number | null;
    now: Date;
  },
): Promise<number[]> {
  const ids: number[] = [];
  const at = input.now.toISOString();
  for (let i = 0; i < input.pairs.length; i += CHUNK) {
    const rows = await tx
      .insertInto('review_assignments')
      .values(
        input.pairs.slice(i, i + CHUNK).map((p) => ({
          stage_id: input.stageId,
          proposal_id: p.proposalId,
          reviewer_id: p.reviewerId,
          origin: input.origin,
          withdrawn_reason: null,
          withdrawn_at: null,
          withdrawn_by: null,
          created_by: input.actorUserId,
          created_at: at,
        })),
      )
      .returning('id')
      .execute();
    for (const r of rows) ids.push(r.id);
  }
  // The stage's reminders still ahead, for whoever was just given work (planning again is harmless).
  if (ids.length) {
    const stage = await tx
      .selectFrom('stages')
      .selectAll()
      .where('id', '=', input.stageId)
      .executeTakeFirst();
    if (stage) await scheduleReviewReminders(tx, stage, input.now);
  }
  return ids;
}

/**
 * Tells each reviewer given new proposals: one in-app notice and one mail per reviewer, with the count,
 * their total in the stage and the stage's closing (hour and zone). Returns how many were told.
 */
export async function tellReviewers(
  tx: Db,
  ctx: StageContext,
  added: ReadonlyMap<number, number>,
  input: { baseUrl: string; now: Date },
): Promise<number> {
  const { competition, stage } = ctx;
  const totals = new Map<number, number>();
  for (const a of ctx.assignments)
    if (a.status === 'active') totals.set(a.reviewer_id, (totals.get(a.reviewer_id) ?? 0) + 1);
  const link = '/penilaian';
  let told = 0;
  for (const m of ctx.team) {
    const count = added.get(m.id);
    if (!count) continue;
    const total = (totals.get(m.id) ?? 0) + count;
    const closes = (locale: 'id' | 'en') =>
      stage.closes_at ? formatInstant(stage.closes_at, competition.time_zone, locale) : '-';
    await notifyUser(tx, {
      userId: m.id,
      kind: 'reviews_assigned',
      title: t(
        `${count} proposal ditugaskan kepada Anda: ${stage.name_id}`,
        `${count} proposals assigned to you: ${stage.name_en}`,
      ),
      body: t(
        `${competition.name}: kini Anda menilai ${total} proposal; batas penilaian ${closes('id')}.`,
        `${competition.name}: you now score ${total} proposals; scoring closes ${closes('en')}.`,
      ),
      link,
      now: input.now,
    });
    await enqueueMail(tx, {
      to: m.email,
      toName: m.name,
      template: 'reviews_assigned',
      locale: m.locale,
      vars: {
        name: m.name,
        count,
        total,
        competition: competition.name,
        stage: m.locale === 'id' ? stage.name_id : stage.name_en,
        closesAt: closes(m.locale),
        link: `${input.baseUrl}${link}`,
      },
      scope: { competitionId: competition.id, organizerInstitutionId: competition.organizer_institution_id },
      now: input.now,
    });
    told++;
  }
  return told;
}
