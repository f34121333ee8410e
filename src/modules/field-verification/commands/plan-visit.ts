import type { VisitFields } from '../../../contracts/field-verification.js';
import type { Db } from '../../../db/connect.js';
import { t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { notifyUser } from '../../../platform/notify.js';
import { noticeParticipants } from '../notices.js';
import type { FieldCompetition } from '../queries.js';
import { checkVerifiers, checkWindow, finalistOrRefuse } from '../steps.js';

/**
 * Plans one visit to a finalist (the organizer's secretariat): checked (steps.ts), stored with its
 * verifiers, audited, the verifiers told in the app; an OPEN visit also tells the finalist's admin lokal and
 * UPP by mail and in the app, in the same transaction. A closed visit tells the participant nothing.
 */
export async function planVisit(
  db: Db,
  input: {
    competition: FieldCompetition;
    fields: VisitFields;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<number> {
  const { competition: c, fields: f } = input;
  checkWindow(c, f.startsAt, f.timeZone);
  return db.transaction().execute(async (tx) => {
    const finalist = await finalistOrRefuse(tx, c, f.proposalId);
    await checkVerifiers(tx, c, finalist, f.verifierIds);
    const now = input.now.toISOString();
    const startsAt = new Date(f.startsAt).toISOString();
    const row = await tx
      .insertInto('field_visits')
      .values({
        competition_id: c.id,
        stage_id: c.stage.id,
        proposal_id: finalist.proposalId,
        kind: f.kind,
        address: f.address,
        region_code: f.regionCode ?? null,
        starts_at: startsAt,
        time_zone: f.timeZone,
        created_by: input.actorUserId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const verifiers = [...new Set(f.verifierIds)];
    await tx
      .insertInto('field_visit_verifiers')
      .values(verifiers.map((user_id) => ({ visit_id: row.id, user_id })))
      .execute();
    let told = 0;
    if (f.kind === 'open')
      told = await noticeParticipants(tx, {
        notice: 'field_visit_planned',
        visit: {
          competitionId: c.id,
          organizerInstitutionId: c.organizerInstitutionId,
          program: c.name,
          proposalId: finalist.proposalId,
          code: finalist.code,
          title: finalist.title,
          institutionId: finalist.institutionId,
          unitId: finalist.unitId,
          address: f.address,
          startsAt,
          timeZone: f.timeZone,
        },
        baseUrl: input.baseUrl,
        now: input.now,
      });
    for (const userId of verifiers)
      await notifyUser(tx, {
        userId,
        kind: 'field_visit_assigned',
        title: t(`Tugas verifikasi lapangan ${finalist.code}`, `Field verification of ${finalist.code}`),
        body: t(
          `${formatInstant(startsAt, f.timeZone, 'id')}, ${f.address}`,
          `${formatInstant(startsAt, f.timeZone, 'en')}, ${f.address}`,
        ),
        link: `/verifikasi-lapangan/${row.id}`,
        now: input.now,
      });
    // Scoped to the organizer only: a closed visit's audit row must never reach the participant's side.
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'fieldVisit.planned',
      entityType: 'field_visit',
      entityId: row.id,
      summary: {
        proposal: { id: finalist.proposalId, code: finalist.code },
        kind: f.kind,
        startsAt,
        timeZone: f.timeZone,
        address: f.address,
        verifiers,
        participantsTold: told,
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizerInstitutionId },
      ip: input.ip,
      now: input.now,
    });
    return row.id;
  });
}
