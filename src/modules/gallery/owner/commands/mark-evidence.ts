import type { Db } from '../../../../db/connect.js';
import { notFound, t } from '../../../../domain/errors.js';
import { filesOf, setFilePublic } from '../queries.js';
import { auditOwner, loadProposal, requireManageable, type OwnerCommandInput } from '../steps.js';

/**
 * Marks one evidence file of an innovation public or private (issue 14 point 1). A public file of an
 * innovation in the gallery is listed on its public page and downloadable by anyone; every other file
 * stays private. 404 for a file that is not the proposal's. Audit row `gallery.evidence_public` /
 * `gallery.evidence_private` in the same transaction (only when it changes).
 */
export async function markEvidence(
  db: Db,
  input: OwnerCommandInput & { attachmentId: number; isPublic: boolean },
): Promise<{ changed: boolean }> {
  return db.transaction().execute(async (tx) => {
    const p = await loadProposal(tx, input.proposalId);
    requireManageable(p);
    const file = (await filesOf(tx, [p.id])).find((f) => f.id === input.attachmentId);
    if (!file) throw notFound(t('Berkas tidak ditemukan.', 'File not found.'));
    const changed = await setFilePublic(tx, {
      attachmentId: file.id,
      proposalId: p.id,
      isPublic: input.isPublic,
      by: input.actor.userId,
      at: input.now.toISOString(),
    });
    if (changed)
      await auditOwner(
        tx,
        p,
        input,
        input.isPublic ? 'gallery.evidence_public' : 'gallery.evidence_private',
        {
          attachmentId: file.id,
          name: file.original_name,
        },
      );
    return { changed };
  });
}
