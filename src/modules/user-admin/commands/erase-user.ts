import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../../db/connect.js';
import {
  confirmsEmail,
  ERASE_CONFIRM_MISMATCH,
  tombstoneEmail,
  tombstoneName,
} from '../../../domain/erasure.js';
import { conflict, fieldError, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { deleteAccountRows, eraseMailsTo, replaceInFreeText, tombstoneUser } from '../erasure-queries.js';
import { guardChange, lockUserAdmin, targetUser, type AdminActor } from '../steps.js';

export interface EraseUserInput {
  userId: number;
  /** The request's reference or reason, recorded in the audit row (no personal data). */
  reference: string;
  /** The person's e-mail typed again by the administrator. */
  confirmEmail: string;
  actor: AdminActor;
  ip: string | null;
  now: Date;
  /** DATA_DIR: the file transport's .eml copies of the person's mails (DATA_DIR/mail) are deleted after commit. */
  dataDir: string;
}

/**
 * Erases a person's personal data on request (UU PDP 27/2022), in one transaction: a short bilingual
 * notice is queued to the old address first; then the user row becomes the tombstone ("Pengguna terhapus
 * #id", `erased-id@invalid`, no phone, position or password, inactive for good), the account's sessions,
 * links, notifications, role grants and failed sign-ins are deleted, the mails to the person are cancelled
 * (pending) and emptied of address and bodies, and their name, address and phone are replaced in the
 * free-text contacts of other rows (erasure-queries.ts). Ids stay, so proposals, scores and decisions keep
 * their author as the tombstone; audit rows are never changed. Refuses oneself (409 `cannot_erase_self`),
 * the last active System Administrator (409 `last_system_admin`), an erased row (409 `user_erased`) and a
 * confirmation that is not the person's address (400 on `confirmEmail`). Audited (`user.erased`, ids and
 * the reference only).
 */
export async function eraseUser(db: Db, input: EraseUserInput): Promise<void> {
  const emlPaths = await db.transaction().execute(async (tx) => {
    await lockUserAdmin(tx);
    const user = await targetUser(tx, input.userId);
    if (user.erased_at !== null)
      throw conflict(
        'user_erased',
        t('Data pribadi akun ini sudah dihapus.', 'This account’s personal data was already erased.'),
      );
    await guardChange(tx, { kind: 'erase', actorUserId: input.actor.userId, targetUserId: user.id });
    if (!confirmsEmail(input.confirmEmail, user.email))
      throw fieldError('confirmEmail', 'confirmation_mismatch', ERASE_CONFIRM_MISMATCH);
    const now = input.now.toISOString();
    const person = { id: user.id, email: user.email, name: user.name, phone: user.phone };
    const tomb = { name: tombstoneName(user.id), email: tombstoneEmail(user.id) };
    const noticeId = await enqueueMail(tx, {
      to: user.email,
      template: 'user_erased',
      locale: user.locale,
      vars: { at: formatInstant(input.now, 'Asia/Jakarta', user.locale) },
      now: input.now,
    });
    const deleted = await deleteAccountRows(tx, person);
    const mails = await eraseMailsTo(tx, person, tomb, noticeId);
    await replaceInFreeText(tx, person, tomb);
    await tombstoneUser(tx, person, tomb, now);
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      action: 'user.erased',
      entityType: 'user',
      entityId: user.id,
      summary: {
        actor: { id: input.actor.userId },
        target: { id: user.id },
        reference: input.reference,
        deleted,
        mails: { cancelled: mails.cancelled, cleared: mails.cleared, noticeId },
      },
      ip: input.ip,
      now: input.now,
    });
    return mails.emlPaths;
  });
  await removeMailFiles(emlPaths, input.dataDir);
}

/** Deletes the .eml copies (only inside DATA_DIR/mail, whatever a row says); one already gone is fine. */
async function removeMailFiles(files: string[], dataDir: string): Promise<void> {
  const mailDir = path.resolve(dataDir, 'mail') + path.sep;
  for (const file of files.map((f) => path.resolve(f)).filter((f) => f.startsWith(mailDir)))
    await fs.rm(file, { force: true });
}
