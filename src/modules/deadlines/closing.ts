import { sql } from 'kysely';
import { NOT_FORWARDED_STATES, parseSettings, programLabel } from '../../domain/deadlines.js';
import { formatInstant } from '../../domain/time.js';
import { recordAudit } from '../../platform/audit.js';
import type { JobHandler } from '../../platform/jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { applyTransitions } from '../proposals/transition.js';
import { payloadOf } from './job-payload.js';
import { localAdminsOf } from '../../platform/notify.js';
import { findCompetitionRow, findSubmissionStage } from '../competitions/queries.js';
import { forwardedProposals, proposalsInStates } from './queries.js';
import { ensureChecks } from '../admin-check/rows.js';

/**
 * Closing: once the submission stage's closing has passed by the server clock, in one transaction, freezes
 * the proposals not forwarded, receives the forwarded ones (received_at = forwarded_at), each through the
 * proposals' transition function with its transition revision (proposals/transition.ts `applyTransitions`), queues one receipt
 * per received proposal to each admin lokal of its institution, makes each received proposal's check row
 * (the administrative queue, admin-check/rows.ts), and audits `competition.closed`. Only
 * proposals still 'forwarded' are received, so running it again sends nothing new. A closing that was
 * extended after the job was scheduled does nothing (the moved job runs at the new instant).
 */
export const closing: JobHandler = async (job, { db, clock }) => {
  const payload = payloadOf(job);
  await db.transaction().execute(async (tx) => {
    const competition = await findCompetitionRow(tx, payload.competitionId);
    const stage = await findSubmissionStage(tx, payload.competitionId, true);
    if (!competition || competition.status !== 'published' || !stage?.closes_at) return;
    const now = clock.now();
    if (Date.parse(stage.closes_at) > now.getTime()) return;
    const nowIso = now.toISOString();

    // Every move through the proposals' one transition function: a new version and a transition
    // revision each (proposals/transition.ts), in bulk.
    const toFreeze = await proposalsInStates(tx, competition.id, NOT_FORWARDED_STATES);
    const frozenIds = new Set(
      (
        await applyTransitions(tx, {
          ids: toFreeze.map((p) => p.id),
          action: 'freeze',
          actorUserId: null,
          now,
        })
      ).map((v) => v.proposal.id),
    );
    const frozen = toFreeze.filter((p) => frozenIds.has(p.id)).map((p) => p.code);

    const forwarded = await forwardedProposals(tx, competition.id);
    const receivedIds = new Set(
      (
        await applyTransitions(tx, {
          ids: forwarded.map((p) => p.id),
          action: 'receive',
          // Received when it was forwarded (before the closing), as the organizer counts it.
          set: { received_at: sql<string>`coalesce(forwarded_at, ${nowIso})` },
          actorUserId: null,
          now,
        })
      ).map((v) => v.proposal.id),
    );
    // Every proposal received enters the administrative check's queue (issue 12), in this transaction.
    await ensureChecks(tx, competition.id, now);
    const admins = await localAdminsOf(tx, [...new Set(forwarded.map((p) => p.institution_id))]);
    const received: string[] = [];
    for (const p of forwarded) {
      if (!receivedIds.has(p.id)) continue;
      const receivedAt = p.forwarded_at ?? nowIso;
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
