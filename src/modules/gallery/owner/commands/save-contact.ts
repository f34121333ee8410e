import type { Db } from '../../../../db/connect.js';
import { invalidFields } from '../../../../domain/errors.js';
import {
  contactEmpty,
  contactProblems,
  normalizeContact,
  type ReplicationContact,
} from '../../../../domain/gallery-owner.js';
import { writeContact } from '../queries.js';
import { auditOwner, loadProposal, requireManageable, type OwnerCommandInput } from '../steps.js';

/**
 * Saves the contact for replication of an innovation (issue 14 point 1): name, position/unit, e-mail,
 * phone — all optional, at least an e-mail or a phone when any is set; all blank clears it. Shown on the
 * innovation's public page while it is in the gallery. Field-level 400 `validation_failed`; audit row
 * `gallery.contact_saved` in the same transaction (no mail: nothing is published by it alone).
 */
export async function saveContact(
  db: Db,
  input: OwnerCommandInput & { contact: Partial<ReplicationContact> },
): Promise<ReplicationContact> {
  const contact = normalizeContact(input.contact);
  const problems = contactProblems(contact);
  if (Object.keys(problems).length) throw invalidFields(problems);
  return db.transaction().execute(async (tx) => {
    const p = await loadProposal(tx, input.proposalId);
    requireManageable(p);
    await writeContact(tx, p.id, contact, input.actor.userId, input.now.toISOString());
    await auditOwner(tx, p, input, 'gallery.contact_saved', {
      cleared: contactEmpty(contact),
      email: contact.email,
      phone: contact.phone,
    });
    return contact;
  });
}
