import type { DecideObjectionBody } from '../../../contracts/objections.js';
import type { Db } from '../../../db/connect.js';
import { conflict, t } from '../../../domain/errors.js';
import { decisionRefusal, formatObjectionNumber } from '../../../domain/objections.js';
import { nextState } from '../../../domain/proposal-workflow.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { localAdminsOf, notifyUser } from '../../../platform/notify.js';
import { applyTransition } from '../../proposals/transition.js';
import { loadForChange } from '../../proposals/view.js';
import { proposalPath } from '../../proposals/mail-text.js';
import type { ObjectionView } from '../queries.js';
import { objectionStatusPath } from './file-objection.js';

const decidedMeanwhile = () =>
  conflict(
    'objection_changed',
    t(
      'Keberatan ini baru saja diputuskan oleh anggota panel lain; muat ulang.',
      'Another panelist just decided this objection; reload it.',
    ),
  );

/**
 * The panel's decision on a forwarded objection, recorded by one panelist on behalf of the panel; final.
 * Upheld: the finalist leaves the list (`unshortlist` through the one transition function: back to
 * passed_admin, its revision and audit row naming the objection and the reason), the admin lokal of its
 * institution is told (mail and in the app). Either way the filer is mailed the outcome and the reason
 * (bilingual). One transaction; a second decision at once is refused (409).
 */
export async function decideObjection(
  db: Db,
  input: {
    view: ObjectionView;
    body: DecideObjectionBody;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<void> {
  const { view, body } = input;
  const refusal = decisionRefusal(view.status);
  if (refusal) throw refusal;
  if (body.version !== view.version) throw decidedMeanwhile();
  const number = formatObjectionNumber(view.competition_year, view.id);
  const scope = { competitionId: view.competition_id, organizerInstitutionId: view.organizer_institution_id };
  await db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('objections')
      .set({
        status: body.outcome,
        decision_reason: body.reason,
        decided_by: input.actorUserId,
        decided_at: input.now.toISOString(),
        version: view.version + 1,
        updated_at: input.now.toISOString(),
      })
      .where('id', '=', view.id)
      .where('status', '=', 'forwarded')
      .where('version', '=', view.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw decidedMeanwhile();

    let removed = false;
    if (body.outcome === 'upheld') {
      const proposal = await loadForChange(tx, view.proposal_id);
      // Another upheld objection may have removed it already: the decision stands, the move is not repeated.
      if (proposal.proposal.state === 'finalist') {
        await applyTransition(tx, {
          view: proposal,
          action: 'unshortlist',
          to: nextState('finalist', 'unshortlist'),
          actorUserId: input.actorUserId,
          ip: input.ip,
          now: input.now,
          details: { objection: { id: view.id, number }, reason: body.reason },
        });
        removed = true;
      }
    }
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: `objection.${body.outcome}`,
      entityType: 'objection',
      entityId: view.id,
      summary: {
        number,
        proposal: { id: view.proposal_id, code: view.proposal_code },
        reason: body.reason,
        finalistRemoved: removed,
        onBehalfOf: 'panel',
      },
      scope,
      ip: input.ip,
      now: input.now,
    });
    await enqueueMail(tx, {
      to: view.email,
      toName: view.name,
      template: 'objection_outcome',
      locale: view.locale,
      vars: {
        name: view.name,
        number,
        code: view.proposal_code,
        title: view.proposal_title,
        program: view.competition_name,
        outcome: body.outcome,
        reason: body.reason,
        statusLink: `${input.baseUrl}${objectionStatusPath(number)}`,
      },
      scope,
      now: input.now,
    });
    if (!removed) return;
    for (const admin of await localAdminsOf(tx, [view.proposal_institution_id])) {
      await enqueueMail(tx, {
        to: admin.email,
        toName: admin.name,
        template: 'objection_upheld_finalist',
        locale: admin.locale,
        vars: {
          name: admin.name,
          number,
          code: view.proposal_code,
          title: view.proposal_title,
          program: view.competition_name,
          reason: body.reason,
          link: `${input.baseUrl}${proposalPath(view.proposal_id)}`,
        },
        scope: { ...scope, institutionId: view.proposal_institution_id },
        now: input.now,
      });
      await notifyUser(tx, {
        userId: admin.id,
        kind: 'objection_upheld',
        title: t(
          `Proposal ${view.proposal_code} dikeluarkan dari daftar finalis`,
          `Proposal ${view.proposal_code} removed from the finalists`,
        ),
        body: t(
          `Tim Panel menerima keberatan ${number} dalam uji publik: ${body.reason}`,
          `The panel upheld objection ${number} in the public review: ${body.reason}`,
        ),
        link: proposalPath(view.proposal_id),
        now: input.now,
      });
    }
  });
}
