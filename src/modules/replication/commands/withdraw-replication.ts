import type { Db } from '../../../db/connect.js';
import { t } from '../../../domain/errors.js';
import { answeredRefusal } from '../../../domain/replication.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { localAdminsOf, notifyUser } from '../../../platform/notify.js';
import { REPLICATION_PAGE } from '../paths.js';
import { findRequestView, moveOpenRequest, type RequestView } from '../queries.js';

/**
 * The requesting institution withdraws its open request (final; 409 once answered). The owner's admin
 * lokal are told by mail and in the app that nothing awaits their answer any more.
 */
export async function withdrawReplication(
  db: Db,
  input: { view: RequestView; actorUserId: number; ip: string | null; baseUrl: string; now: Date },
): Promise<RequestView> {
  const { view } = input;
  return db.transaction().execute(async (tx) => {
    const refusal = answeredRefusal(view.state);
    if (refusal) throw refusal;
    const moved = await moveOpenRequest(tx, view.id, {
      state: 'withdrawn',
      answered_by: input.actorUserId,
      answered_at: input.now.toISOString(),
    });
    if (!moved) throw answeredRefusal('withdrawn')!;
    const scope = { institutionId: view.owner_institution_id };
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'replication.withdrawn',
      entityType: 'replication_request',
      entityId: view.id,
      summary: {
        proposalId: view.proposal_id,
        ownerInstitutionId: view.owner_institution_id,
        requestingInstitutionId: view.requesting_institution_id,
      },
      scope,
      ip: input.ip,
      now: input.now,
    });
    const title = view.entry_title ?? view.proposal_title;
    for (const admin of await localAdminsOf(tx, [view.owner_institution_id])) {
      await enqueueMail(tx, {
        to: admin.email,
        toName: admin.name,
        template: 'replication_withdrawn',
        locale: admin.locale,
        vars: {
          name: admin.name,
          requester: view.requester_name,
          title,
          link: `${input.baseUrl}${REPLICATION_PAGE}`,
        },
        scope,
        now: input.now,
      });
      await notifyUser(tx, {
        userId: admin.id,
        kind: 'replication_withdrawn',
        title: t('Permohonan replikasi ditarik', 'Replication request withdrawn'),
        body: t(
          `${view.requester_name} menarik kembali permohonan replikasi "${title}".`,
          `${view.requester_name} withdrew its request to replicate "${title}".`,
        ),
        link: REPLICATION_PAGE,
        now: input.now,
      });
    }
    return (await findRequestView(tx, view.id))!;
  });
}
