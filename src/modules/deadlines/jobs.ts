import type { JobRow } from '../../db/schema.js';
import { NOT_FORWARDED_STATES, parseSettings, programLabel, sameInstant } from '../../domain/deadlines.js';
import { formatInstant } from '../../domain/time.js';
import { recordAudit } from '../../platform/audit.js';
import type { JobHandler } from '../../platform/jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { localAdminsOf, type Recipient } from '../../platform/notify.js';
import { activeUsersByIds, forwardedProposals, proposalsInStates } from './queries.js';
import { findCompetitionRow, findSubmissionStage } from '../competitions/queries.js';

const payloadOf = (job: JobRow) => {
  const p = parseSettings(job.payload);
  return {
    competitionId: Number(p.competitionId),
    closesAt: typeof p.closesAt === 'string' ? p.closesAt : null,
  };
};

/**
 * Reminder: e-mails each admin lokal of an institution that still has proposals not forwarded, and each
 * UPP who created one, once per person, with the days left and how many are not forwarded. A reminder for
 * a closing instant that has since moved, or of a competition no longer published, does nothing.
 */
const reminder: JobHandler = async (job, { db, clock }) => {
  const payload = payloadOf(job);
  await db.transaction().execute(async (tx) => {
    const competition = await findCompetitionRow(tx, payload.competitionId);
    const stage = await findSubmissionStage(tx, payload.competitionId);
    if (!competition || competition.status !== 'published' || !stage?.closes_at) return;
    if (!sameInstant(stage.closes_at, payload.closesAt)) return;
    const now = clock.now();
    if (Date.parse(stage.closes_at) <= now.getTime()) return;
    const open = await proposalsInStates(tx, competition.id, NOT_FORWARDED_STATES);
    if (!open.length) return;
    const byInstitution = new Map<number, number>();
    const byCreator = new Map<number, number>();
    for (const p of open) {
      byInstitution.set(p.institution_id, (byInstitution.get(p.institution_id) ?? 0) + 1);
      byCreator.set(p.created_by, (byCreator.get(p.created_by) ?? 0) + 1);
    }
    // One mail per person: an admin lokal counts the institution's proposals, a UPP their own.
    const send = new Map<number, { who: Recipient; count: number }>();
    for (const a of await localAdminsOf(tx, [...byInstitution.keys()])) {
      const count = byInstitution.get(a.institutionId) ?? 0;
      const prior = send.get(a.id);
      send.set(a.id, { who: a, count: (prior?.count ?? 0) + count });
    }
    for (const u of await activeUsersByIds(tx, [...byCreator.keys()]))
      if (!send.has(u.id)) send.set(u.id, { who: u, count: byCreator.get(u.id) ?? 0 });
    // Counted from the server's now, so a reminder that runs late (worker down) still tells the truth.
    const days = Math.ceil((Date.parse(stage.closes_at) - now.getTime()) / 86_400_000);
    for (const { who, count } of send.values())
      await enqueueMail(tx, {
        to: who.email,
        toName: who.name,
        template: 'submission_reminder',
        locale: who.locale,
        vars: {
          name: who.name,
          competition: competition.name,
          days,
          closesAt: formatInstant(stage.closes_at, competition.time_zone, who.locale),
          count,
        },
        scope: {
          competitionId: competition.id,
          organizerInstitutionId: competition.organizer_institution_id,
          institutionId: 'institutionId' in who ? (who.institutionId as number) : null,
        },
        now,
      });
  });
};

/**
 * Closing: once the submission stage's closing has passed by the server clock, in one transaction, freezes
 * the proposals not forwarded, receives the forwarded ones (received_at = forwarded_at), queues one receipt
 * per received proposal to each admin lokal of its institution, and audits `competition.closed`. Only
 * proposals still 'forwarded' are received, so running it again sends nothing new. A closing that was
 * extended after the job was scheduled does nothing (the moved job runs at the new instant).
 */
const closing: JobHandler = async (job, { db, clock }) => {
  const payload = payloadOf(job);
  await db.transaction().execute(async (tx) => {
    const competition = await findCompetitionRow(tx, payload.competitionId);
    const stage = await findSubmissionStage(tx, payload.competitionId, true);
    if (!competition || competition.status !== 'published' || !stage?.closes_at) return;
    const now = clock.now();
    if (Date.parse(stage.closes_at) > now.getTime()) return;
    const nowIso = now.toISOString();

    const toFreeze = await proposalsInStates(tx, competition.id, NOT_FORWARDED_STATES);
    const frozen: string[] = [];
    for (const p of toFreeze) {
      const res = await tx
        .updateTable('proposals')
        .set((eb) => ({ state: 'frozen', version: eb('version', '+', 1), updated_at: nowIso }))
        .where('id', '=', p.id)
        .where('state', '=', p.state)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) frozen.push(p.code);
    }

    const forwarded = await forwardedProposals(tx, competition.id);
    const admins = await localAdminsOf(tx, [...new Set(forwarded.map((p) => p.institution_id))]);
    const received: string[] = [];
    for (const p of forwarded) {
      const receivedAt = p.forwarded_at ?? nowIso;
      const res = await tx
        .updateTable('proposals')
        .set({ state: 'received', received_at: receivedAt, version: p.version + 1, updated_at: nowIso })
        .where('id', '=', p.id)
        .where('state', '=', 'forwarded')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) continue;
      received.push(p.code);
      for (const admin of admins.filter((a) => a.institutionId === p.institution_id))
        await enqueueMail(tx, {
          to: admin.email,
          toName: admin.name,
          template: 'proposal_receipt',
          locale: admin.locale,
          vars: {
            name: admin.name,
            title: p.title,
            acronym: p.acronym ?? '-',
            code: p.code,
            program: programLabel(
              competition.name,
              { name_id: p.group_name_id, name_en: p.group_name_en },
              admin.locale,
            ),
            receivedAt: formatInstant(receivedAt, competition.time_zone, admin.locale),
          },
          scope: {
            competitionId: competition.id,
            organizerInstitutionId: competition.organizer_institution_id,
            institutionId: p.institution_id,
          },
          now,
        });
    }

    const settings = parseSettings(stage.settings);
    const firstClose = settings.closedAt === undefined;
    if (!firstClose && !frozen.length && !received.length) return;
    if (firstClose)
      await tx
        .updateTable('stages')
        .set({ settings: JSON.stringify({ ...settings, closedAt: nowIso }) })
        .where('id', '=', stage.id)
        .execute();
    await recordAudit(tx, {
      actorUserId: null,
      action: 'competition.closed',
      entityType: 'competition',
      entityId: competition.id,
      summary: { closesAt: stage.closes_at, frozen, received },
      scope: { competitionId: competition.id, organizerInstitutionId: competition.organizer_institution_id },
      ip: null,
      now,
    });
  });
};

/** The timed events of the submission stage, by job kind, for the worker. */
export const submissionJobHandlers: Record<string, JobHandler> = { closing, reminder };
