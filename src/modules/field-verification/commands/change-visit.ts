import type { z } from 'zod';
import type { cancelVisitBody, changeVisitBody } from '../../../contracts/field-verification.js';
import type { Db } from '../../../db/connect.js';
import { recordAudit } from '../../../platform/audit.js';
import { noticeParticipants, type NoticeVisit } from '../notices.js';
import type { FieldCompetition, VisitRow } from '../queries.js';
import { checkVerifiers, checkWindow, finalistOrRefuse, visitChanged, visitNotPlanned } from '../steps.js';

/*
 * The secretariat changes or cancels a planned visit (optimistic `version`: two people at once, one hears
 * 409). What the participant hears follows what it was told before:
 * - open → open with another time or place: "changed", with the former time;
 * - open → closed, or an open visit cancelled: "cancelled" (the announced visit does not take place; that
 *   a closed one replaces it is never said);
 * - closed → open: "planned", as if new;
 * - closed → closed, or a closed visit cancelled: nothing.
 */

const noticeVisit = (
  c: FieldCompetition,
  v: VisitRow,
  at: { address: string; startsAt: string; timeZone: string },
): NoticeVisit => ({
  competitionId: c.id,
  organizerInstitutionId: c.organizerInstitutionId,
  program: c.name,
  proposalId: v.proposalId,
  code: v.proposalCode,
  title: v.proposalTitle,
  institutionId: v.institutionId,
  unitId: v.unitId,
  ...at,
});

async function bump(tx: Db, v: VisitRow, version: number, set: Record<string, unknown>, now: Date) {
  if (v.status !== 'planned') throw visitNotPlanned(v.status);
  const res = await tx
    .updateTable('field_visits')
    .set({ ...set, version: v.version + 1, updated_at: now.toISOString() })
    .where('id', '=', v.id)
    .where('version', '=', version)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw visitChanged();
}

export async function changeVisit(
  db: Db,
  input: {
    competition: FieldCompetition;
    visit: VisitRow;
    body: z.infer<typeof changeVisitBody>;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<void> {
  const { competition: c, visit: v, body: b } = input;
  checkWindow(c, b.startsAt, b.timeZone);
  if (v.version !== b.version) throw visitChanged();
  await db.transaction().execute(async (tx) => {
    const finalist = await finalistOrRefuse(tx, c, v.proposalId);
    await checkVerifiers(tx, c, finalist, b.verifierIds);
    const startsAt = new Date(b.startsAt).toISOString();
    await bump(
      tx,
      v,
      b.version,
      {
        kind: b.kind,
        address: b.address,
        region_code: b.regionCode ?? null,
        starts_at: startsAt,
        time_zone: b.timeZone,
      },
      input.now,
    );
    await tx.deleteFrom('field_visit_verifiers').where('visit_id', '=', v.id).execute();
    const verifiers = [...new Set(b.verifierIds)];
    await tx
      .insertInto('field_visit_verifiers')
      .values(verifiers.map((user_id) => ({ visit_id: v.id, user_id })))
      .execute();
    const before = { address: v.address, startsAt: v.startsAt, timeZone: v.timeZone };
    const after: { address: string; startsAt: string; timeZone: string } = {
      address: b.address,
      startsAt,
      timeZone: b.timeZone,
    };
    const moved =
      before.address !== after.address ||
      before.startsAt !== after.startsAt ||
      before.timeZone !== after.timeZone;
    let told = 0;
    const tell = (
      notice: 'field_visit_planned' | 'field_visit_changed' | 'field_visit_cancelled',
      at: typeof after,
    ) =>
      noticeParticipants(tx, {
        notice,
        visit: noticeVisit(c, v, at),
        previous: notice === 'field_visit_changed' ? before : undefined,
        baseUrl: input.baseUrl,
        now: input.now,
      });
    if (v.kind === 'open' && b.kind === 'open' && moved) told = await tell('field_visit_changed', after);
    else if (v.kind === 'open' && b.kind === 'closed') told = await tell('field_visit_cancelled', before);
    else if (v.kind === 'closed' && b.kind === 'open') told = await tell('field_visit_planned', after);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'fieldVisit.changed',
      entityType: 'field_visit',
      entityId: v.id,
      summary: {
        before: { ...before, kind: v.kind },
        after: { ...after, kind: b.kind },
        verifiers,
        participantsTold: told,
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizerInstitutionId },
      ip: input.ip,
      now: input.now,
    });
  });
}

export async function cancelVisit(
  db: Db,
  input: {
    competition: FieldCompetition;
    visit: VisitRow;
    body: z.infer<typeof cancelVisitBody>;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<void> {
  const { competition: c, visit: v, body: b } = input;
  if (v.version !== b.version) throw visitChanged();
  await db.transaction().execute(async (tx) => {
    await bump(tx, v, b.version, { status: 'cancelled', cancelled_reason: b.reason }, input.now);
    const told =
      v.kind === 'open'
        ? await noticeParticipants(tx, {
            notice: 'field_visit_cancelled',
            visit: noticeVisit(c, v, { address: v.address, startsAt: v.startsAt, timeZone: v.timeZone }),
            baseUrl: input.baseUrl,
            now: input.now,
          })
        : 0;
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'fieldVisit.cancelled',
      entityType: 'field_visit',
      entityId: v.id,
      summary: { kind: v.kind, startsAt: v.startsAt, reason: b.reason, participantsTold: told },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizerInstitutionId },
      ip: input.ip,
      now: input.now,
    });
  });
}
