import type { AcceptReplicationBody } from '../../../contracts/replication.js';
import type { Db } from '../../../db/connect.js';
import { t } from '../../../domain/errors.js';
import { answeredRefusal } from '../../../domain/replication.js';
import { recordAudit } from '../../../platform/audit.js';
import { findRequestView, moveOpenRequest, type RequestView } from '../queries.js';
import { tellRequester } from './answer-mail.js';

/**
 * The owner's admin lokal accepts an open request (final): its contact for replication is stored with the
 * request and shared with the requester (mail and notice); the replication then counts in the public graph.
 * 409 `replication_answered` when it was answered or withdrawn, even a moment earlier.
 */
export async function acceptReplication(
  db: Db,
  input: {
    view: RequestView;
    body: AcceptReplicationBody;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<RequestView> {
  const { view, body } = input;
  return db.transaction().execute(async (tx) => {
    const refusal = answeredRefusal(view.state);
    if (refusal) throw refusal;
    const moved = await moveOpenRequest(tx, view.id, {
      state: 'accepted',
      answered_by: input.actorUserId,
      answered_at: input.now.toISOString(),
      answer_message: body.message || null,
      owner_contact_name: body.contactName,
      owner_contact_email: body.contactEmail,
      owner_contact_phone: body.contactPhone ?? null,
    });
    if (!moved) throw answeredRefusal('accepted')!;
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'replication.accepted',
      entityType: 'replication_request',
      entityId: view.id,
      summary: {
        proposalId: view.proposal_id,
        ownerInstitutionId: view.owner_institution_id,
        requestingInstitutionId: view.requesting_institution_id,
      },
      scope: { institutionId: view.owner_institution_id },
      ip: input.ip,
      now: input.now,
    });
    const title = view.entry_title ?? view.proposal_title;
    await tellRequester(tx, view, {
      template: 'replication_accepted',
      vars: {
        ownerName: body.contactName,
        ownerEmail: body.contactEmail,
        ownerPhone: body.contactPhone ?? null,
        note: body.message || null,
      },
      notice: {
        title: t('Permohonan replikasi diterima', 'Replication request accepted'),
        body: t(
          `${view.owner_name} menerima permohonan replikasi "${title}". Kontak replikasinya kini dapat Anda lihat.`,
          `${view.owner_name} accepted the request to replicate "${title}". Its replication contact is now shown to you.`,
        ),
      },
      baseUrl: input.baseUrl,
      now: input.now,
    });
    return (await findRequestView(tx, view.id))!;
  });
}
