import type { AdminRequestFields } from '../../../contracts/admin-requests.js';
import type { Db } from '../../../db/connect.js';
import type { AdminRequestRow } from '../../../db/schema.js';
import { fieldError, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser, recipientsWithRole } from '../../../platform/notify.js';
import type { BlobStore, StagedObject } from '../../../platform/storage.js';
import { insertFileRow, withOptionalStagedFile } from '../../../platform/blobs.js';
import { normalizeEmail } from '../../../domain/email.js';
import { installationRoles } from '../../../domain/policy-scopes.js';
import { findAccountByEmail, findInstitutionName, findPendingByEmail } from '../queries.js';

/** Where a reviewer reads one request (the web app's route). */
export const reviewPath = (id: number) => `/sekretariat/permohonan-admin/${id}`;
/** Where the requester checks a request by its number and their e-mail (the web app's public route). */
export const statusPath = (id: number) => `/permohonan-admin-lokal/status?nomor=${id}`;

/** What a submission did; the route answers the same for each, so the answer reveals nothing. */
export type SubmitOutcome =
  { kind: 'recorded'; request: AdminRequestRow } | { kind: 'account_exists' } | { kind: 'already_pending' };

/**
 * Records a local admin account request from its checked fields and its staged letter: the file row,
 * the request (pending), its audit row, the receipt to the applicant and a notice (mail + in-app) to every
 * reviewer (system administrators and data stewards), in one transaction, the letter moved into storage before the commit. Refuses an
 * unknown institution (400). An address that already has an account, or a request under review, is not
 * refused (that would tell anyone which addresses have accounts): nothing is stored, the letter is
 * dropped, and the address's owner is told by mail (how to sign in or reset the password, or that the
 * earlier request is still under review). On any refusal the staged letter is removed.
 */
export async function submitAdminRequest(
  db: Db,
  storage: BlobStore,
  input: {
    fields: AdminRequestFields;
    letter: StagedObject & { originalName: string };
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<SubmitOutcome> {
  const f = input.fields;
  const email = normalizeEmail(f.email);
  const now = input.now.toISOString();
  return withOptionalStagedFile<SubmitOutcome>(db, storage, input.letter, async (tx) => {
    const institution = await findInstitutionName(tx, f.institutionId);
    if (!institution)
      throw fieldError(
        'institutionId',
        'unknown_institution',
        t('Instansi tidak ditemukan. Pilih dari daftar.', 'Institution not found. Choose one from the list.'),
      );
    const account = await findAccountByEmail(tx, email);
    if (account) {
      await tellAccountOwner(tx, {
        account,
        institution,
        ip: input.ip,
        baseUrl: input.baseUrl,
        now: input.now,
      });
      return { value: { kind: 'account_exists' }, store: false };
    }
    const pending = await findPendingByEmail(tx, email);
    if (pending) {
      await enqueueMail(tx, {
        to: email,
        toName: f.name,
        template: 'admin_request_duplicate',
        locale: f.locale,
        vars: {
          name: f.name,
          institution,
          requestId: pending.id,
          statusLink: `${input.baseUrl}${statusPath(pending.id)}`,
        },
        scope: { institutionId: f.institutionId, referenceData: true },
        now: input.now,
      });
      return { value: { kind: 'already_pending' }, store: false };
    }

    const fileId = await insertFileRow(tx, {
      staged: input.letter,
      name: input.letter.originalName,
      uploadedBy: null,
      now: input.now,
    });
    const file = { id: fileId };
    const request = await tx
      .insertInto('admin_requests')
      .values({
        institution_id: f.institutionId,
        name: f.name,
        position: f.position,
        email,
        phone: f.phone,
        letter_number: f.letterNumber,
        letter_file_id: file.id,
        locale: f.locale,
        status: 'pending',
        reason: null,
        decided_by: null,
        decided_at: null,
        created_user_id: null,
        ip: input.ip,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    await recordAudit(tx, {
      actorUserId: null,
      action: 'admin_request.submitted',
      entityType: 'admin_request',
      entityId: request.id,
      summary: {
        institutionId: f.institutionId,
        email,
        name: f.name,
        letter: { fileId: file.id, sha256: input.letter.sha256, size: input.letter.size },
      },
      scope: { institutionId: f.institutionId, referenceData: true },
      ip: input.ip,
      now: input.now,
    });
    await enqueueMail(tx, {
      to: email,
      toName: f.name,
      template: 'admin_request_received',
      locale: f.locale,
      vars: {
        name: f.name,
        institution,
        requestId: request.id,
        receivedAt: formatInstant(input.now, 'Asia/Jakarta', f.locale),
        statusLink: `${input.baseUrl}${statusPath(request.id)}`,
      },
      scope: { institutionId: f.institutionId, referenceData: true },
      now: input.now,
    });
    for (const member of await recipientsWithRole(tx, {
      role: installationRoles('adminRequest.review'),
      institutionId: null,
      unitId: null,
      competitionId: null,
    })) {
      await enqueueMail(tx, {
        to: member.email,
        toName: member.name,
        template: 'admin_request_new',
        locale: member.locale,
        vars: {
          institution,
          name: f.name,
          position: f.position,
          email,
          link: `${input.baseUrl}${reviewPath(request.id)}`,
        },
        scope: { institutionId: f.institutionId, referenceData: true },
        now: input.now,
      });
      await notifyUser(tx, {
        userId: member.id,
        kind: 'admin_request_new',
        title: t('Permohonan akun Admin Lokal baru', 'New local admin account request'),
        body: t(
          `${institution}: ${f.name} (${f.position}) memohon akun Admin Lokal.`,
          `${institution}: ${f.name} (${f.position}) asks for a local admin account.`,
        ),
        link: reviewPath(request.id),
        now: input.now,
      });
    }
    return { value: { kind: 'recorded', request }, store: true };
  });
}

/**
 * Someone asked for an account with an address that has one: its owner hears of it, with the ways in
 * (sign in, or reset the password), and the audit log keeps the attempt.
 */
async function tellAccountOwner(
  tx: Db,
  input: {
    account: { id: number; email: string; name: string; locale: 'id' | 'en' };
    institution: string;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<void> {
  await recordAudit(tx, {
    actorUserId: null,
    action: 'admin_request.account_exists',
    entityType: 'user',
    entityId: input.account.id,
    summary: { institution: input.institution },
    ip: input.ip,
    now: input.now,
  });
  await enqueueMail(tx, {
    to: input.account.email,
    toName: input.account.name,
    template: 'admin_request_account_exists',
    locale: input.account.locale,
    vars: {
      name: input.account.name,
      institution: input.institution,
      loginLink: `${input.baseUrl}/masuk`,
      resetLink: `${input.baseUrl}/lupa-sandi`,
    },
    now: input.now,
  });
}
