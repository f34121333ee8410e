import type { AdminRequestFields } from '../../../contracts/admin-requests.js';
import type { Db } from '../../../db/connect.js';
import type { AdminRequestRow } from '../../../db/schema.js';
import { conflict, fieldError, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser } from '../../../platform/notify.js';
import type { StoredObject } from '../../../platform/storage.js';
import { emailTaken, normalizeEmail } from '../../users/commands/create-account.js';
import { findInstitutionName, findPendingByEmail, findUserIdByEmail, listSecretariat } from '../queries.js';

/** Where the secretariat reviews one request (the web app's route). */
export const reviewPath = (id: number) => `/sekretariat/permohonan-admin/${id}`;

export const requestPending = () => {
  const text = t(
    'Permohonan dengan alamat e-mail ini sedang diperiksa oleh Tim Sekretariat.',
    'A request with this e-mail address is already being reviewed by the secretariat.',
  );
  return conflict('request_pending', text, { email: { code: 'request_pending', message: text } });
};

/**
 * Records a local admin account request whose letter is already stored: the file row, the request
 * (pending), its audit row, the receipt to the applicant and a notice (mail + in-app) to every
 * secretariat member, in one transaction. Refuses an unknown institution (400), an e-mail that already
 * has an account (409 `email_taken`) or a pending request (409 `request_pending`).
 */
export async function submitAdminRequest(
  db: Db,
  input: {
    fields: AdminRequestFields;
    letter: StoredObject & { originalName: string };
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<AdminRequestRow> {
  const f = input.fields;
  const email = normalizeEmail(f.email);
  const now = input.now.toISOString();
  return db.transaction().execute(async (tx) => {
    const institution = await findInstitutionName(tx, f.institutionId);
    if (!institution)
      throw fieldError(
        'institutionId',
        'unknown_institution',
        t('Instansi tidak ditemukan. Pilih dari daftar.', 'Institution not found. Choose one from the list.'),
      );
    if (await findUserIdByEmail(tx, email)) throw emailTaken();
    if (await findPendingByEmail(tx, email)) throw requestPending();

    const file = await tx
      .insertInto('files')
      .values({
        sha256: input.letter.sha256,
        size: input.letter.size,
        mime: input.letter.mime,
        original_name: input.letter.originalName,
        storage_key: input.letter.storageKey,
        uploaded_by: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
      },
      scope: { institutionId: f.institutionId, referenceData: true },
      now: input.now,
    });
    for (const member of await listSecretariat(tx)) {
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
    return request;
  });
}
