import type { DeclineReplicationBody } from '../../../contracts/replication.js';
import type { Db } from '../../../db/connect.js';
import { t } from '../../../domain/errors.js';
import { answeredRefusal, declineReasonProblem } from '../../../domain/replication.js';
import { recordAudit } from '../../../platform/audit.js';
import { findRequestView, moveOpenRequest, type RequestView } from '../queries.js';
import { tellRequester } from './answer-mail.js';

/**
 * The owner's admin lokal declines an open request with its reason (400 on `reason` without one); final.
 * The requester is mailed the reason and told in the app; nothing of the owner's contact is shared.
 */
export async function declineReplication(
  db: Db,
  input: {
    view: RequestView;
    body: DeclineReplicationBody;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<RequestView> {
  const { view } = input;
  const reason = (input.body.reason ?? '').trim();
  return db.transaction().execute(async (tx) => {
    const refusal = answeredRefusal(view.state) ?? declineReasonProblem(reason);
    if (refusal) throw refusal;
    const moved = await moveOpenRequest(tx, view.id, {
      state: 'declined',
      answered_by: input.actorUserId,
      answered_at: input.now.toISOString(),
      answer_message: reason,
    });
    if (!moved) throw answeredRefusal('declined')!;
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'replication.declined',
      entityType: 'replication_request',
      entityId: view.id,
      summary: {
        proposalId: view.proposal_id,
        ownerInstitutionId: view.owner_institution_id,
        requestingInstitutionId: view.requesting_institution_id,
        reason,
      },
      scope: { institutionId: view.owner_institution_id },
      ip: input.ip,
      now: input.now,
    });
    const title = view.entry_title ?? view.proposal_title;
    await tellRequester(tx, view, {
      template: 'replication_declined',
      vars: { reason },
      notice: {
        title: t('Permohonan replikasi ditolak', 'Replication request declined'),
        body: t(
          `${view.owner_name} menolak permohonan replikasi "${title}": ${reason}`,
          `${view.owner_name} declined the request to replicate "${title}": ${reason}`,
        ),
      },
      baseUrl: input.baseUrl,
      now: input.now,
    });
    return (await findRequestView(tx, view.id))!;
  });
}
