import type { ReplicationRequestBody } from '../../../contracts/replication.js';
import type { Db } from '../../../db/connect.js';
import { t } from '../../../domain/errors.js';
import { duplicateOpenRefusal, toSelfRefusal } from '../../../domain/replication.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { localAdminsOf, notifyUser } from '../../../platform/notify.js';
import { REPLICATION_PAGE } from '../paths.js';
import {
  insertRequest,
  institutionChain,
  institutionNames,
  openRequestOf,
  type Innovation,
} from '../queries.js';

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown } | null;
  return !!e && (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE');
}

/**
 * An institution asks the owner of a gallery innovation to replicate it: refused when the owner is the
 * requester itself, its parent or under it (422 `replication_to_self`), or when its institution already has an
 * open request for it (409 `replication_already_requested`, also when two arrive at once: the unique index).
 * The owner's admin lokal are mailed (with the requester's contact) and told in the app.
 */
export async function requestReplication(
  db: Db,
  input: {
    innovation: Innovation;
    requestingInstitutionId: number;
    body: ReplicationRequestBody;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<number> {
  const { innovation: inn, body } = input;
  const ownerId = inn.owner_institution_id;
  try {
    return await db.transaction().execute(async (tx) => {
      const refusal = toSelfRefusal(
        await institutionChain(tx, ownerId),
        await institutionChain(tx, input.requestingInstitutionId),
      );
      if (refusal) throw refusal;
      if (await openRequestOf(tx, inn.proposal_id, input.requestingInstitutionId))
        throw duplicateOpenRefusal();
      const at = input.now.toISOString();
      const id = await insertRequest(tx, {
        proposal_id: inn.proposal_id,
        owner_institution_id: ownerId,
        requesting_institution_id: input.requestingInstitutionId,
        requested_by: input.actorUserId,
        contact_name: body.contactName,
        contact_email: body.contactEmail,
        contact_phone: body.contactPhone ?? null,
        message: body.message,
        state: 'requested',
        answered_by: null,
        answer_message: null,
        owner_contact_name: null,
        owner_contact_email: null,
        owner_contact_phone: null,
        created_at: at,
        answered_at: null,
      });
      const names = await institutionNames(tx, [ownerId, input.requestingInstitutionId]);
      const requester = names.get(input.requestingInstitutionId) ?? '';
      const scope = { institutionId: ownerId };
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'replication.requested',
        entityType: 'replication_request',
        entityId: id,
        summary: {
          innovation: { proposalId: inn.proposal_id, slug: inn.slug },
          ownerInstitutionId: ownerId,
          requestingInstitutionId: input.requestingInstitutionId,
        },
        scope,
        ip: input.ip,
        now: input.now,
      });
      for (const admin of await localAdminsOf(tx, [ownerId])) {
        await enqueueMail(tx, {
          to: admin.email,
          toName: admin.name,
          template: 'replication_requested',
          locale: admin.locale,
          vars: {
            name: admin.name,
            requester,
            title: inn.title,
            program: inn.competition_name,
            message: body.message,
            contactName: body.contactName,
            contactEmail: body.contactEmail,
            contactPhone: body.contactPhone ?? null,
            link: `${input.baseUrl}${REPLICATION_PAGE}`,
          },
          scope,
          now: input.now,
        });
        await notifyUser(tx, {
          userId: admin.id,
          kind: 'replication_requested',
          title: t(`Permohonan replikasi dari ${requester}`, `Replication request from ${requester}`),
          body: t(
            `${requester} ingin mereplikasi "${inn.title}". Terima atau tolak permohonannya.`,
            `${requester} wants to replicate "${inn.title}". Accept or decline the request.`,
          ),
          link: REPLICATION_PAGE,
          now: input.now,
        });
      }
      return id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateOpenRefusal();
    throw err;
  }
}
