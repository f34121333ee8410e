import type { Db } from '../../../../db/connect.js';
import type { GalleryStatusValue } from '../../../../db/schema.js';
import { conflict, invalidFields, t } from '../../../../domain/errors.js';
import { statusProblems, wibYear } from '../../../../domain/gallery-owner.js';
import { writeConfirmation } from '../queries.js';
import { auditOwner, loadProposal, type OwnerCommandInput } from '../steps.js';

/**
 * Confirms a public innovation as continuing or halted for the current year (WIB) (issue 14 point 4): a
 * halt needs its reason (400 field `reason`). A later confirmation the same year replaces the earlier one.
 * Only an innovation in the gallery (409 `gallery_not_public`). Audit row `gallery.status_confirmed` in the
 * same transaction.
 */
export async function confirmStatus(
  db: Db,
  input: OwnerCommandInput & { status: GalleryStatusValue; reason: string | null },
): Promise<{ year: number }> {
  const problems = statusProblems(input);
  if (Object.keys(problems).length) throw invalidFields(problems);
  const reason = input.status === 'halted' ? input.reason!.trim() : null;
  const year = wibYear(input.now);
  return db.transaction().execute(async (tx) => {
    const p = await loadProposal(tx, input.proposalId);
    if (p.entry_id === null)
      throw conflict(
        'gallery_not_public',
        t(
          'Status tahunan hanya dikonfirmasi untuk inovasi yang tampil di galeri.',
          'The yearly status is confirmed only for innovations in the gallery.',
        ),
      );
    await writeConfirmation(tx, {
      proposalId: p.id,
      year,
      status: input.status,
      reason,
      by: input.actor.userId,
      at: input.now.toISOString(),
    });
    await auditOwner(tx, p, input, 'gallery.status_confirmed', { year, status: input.status, reason });
    return { year };
  });
}
