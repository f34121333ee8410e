import type { Db } from '../../../db/connect.js';
import type { AdminRequestRow } from '../../../db/schema.js';
import { conflict, notFound, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { issuePasswordToken, passwordLink } from '../../../platform/password-tokens.js';
import { createAccount } from '../../users/commands/create-account.js';
import { findInstitutionName } from '../queries.js';

export const alreadyDecided = () =>
  conflict(
    'request_already_decided',
    t('Permohonan ini sudah diputuskan.', 'This request has already been decided.'),
  );

/**
 * Marks a pending request approved only if it is still pending (a double click or a second reviewer
 * gets 409 `request_already_decided`), and in the same transaction creates the local admin account
 * (profile to complete at first login), a set-password link valid 7 days, the approval mail and the
 * audit row. An e-mail registered in the meantime rolls it all back with 409 `email_taken`.
 */
export async function approveAdminRequest(
  db: Db,
  input: { id: number; actorUserId: number; ip: string | null; baseUrl: string; now: Date },
): Promise<AdminRequestRow> {
  const now = input.now.toISOString();
  return db.transaction().execute(async (tx) => {
    const decided = await tx
      .updateTable('admin_requests')
      .set({ status: 'approved', decided_by: input.actorUserId, decided_at: now })
      .where('id', '=', input.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!decided) {
      const exists = await tx
        .selectFrom('admin_requests')
        .select('id')
        .where('id', '=', input.id)
        .executeTakeFirst();
      throw exists ? alreadyDecided() : notFound();
    }
    const institution = (await findInstitutionName(tx, decided.institution_id)) ?? '';
    const user = await createAccount(tx, {
      email: decided.email,
      name: decided.name,
      role: 'local_admin',
      institutionId: decided.institution_id,
      position: decided.position,
      phone: decided.phone,
      locale: decided.locale,
      mustCompleteProfile: true,
      createdBy: input.actorUserId,
      now: input.now,
    });
    const request = await tx
      .updateTable('admin_requests')
      .set({ created_user_id: user.id })
      .where('id', '=', decided.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { token, expiresAt } = await issuePasswordToken(tx, {
      userId: user.id,
      purpose: 'set_password',
      now: input.now,
    });
    await enqueueMail(tx, {
      to: user.email,
      toName: user.name,
      template: 'admin_request_approved',
      locale: decided.locale,
      vars: {
        name: user.name,
        institution,
        email: user.email,
        expires: formatInstant(expiresAt, 'Asia/Jakarta', decided.locale),
      },
      secrets: { vars: { link: passwordLink(input.baseUrl, token) }, until: expiresAt },
      scope: { institutionId: decided.institution_id, referenceData: true },
      now: input.now,
    });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'admin_request.approved',
      entityType: 'admin_request',
      entityId: decided.id,
      summary: {
        before: { status: 'pending' },
        after: { status: 'approved' },
        createdUserId: user.id,
        institutionId: decided.institution_id,
        email: user.email,
        role: 'local_admin',
      },
      scope: { institutionId: decided.institution_id, referenceData: true },
      ip: input.ip,
      now: input.now,
    });
    return request;
  });
}
