import type { Db } from '../../../db/connect.js';
import { notFound, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { awardInUse } from '../errors.js';
import { awardInUseByProposals, findAward } from '../queries.js';

/**
 * Deletes one award with an audit row keeping what it said. An award a replikasi proposal builds on is
 * kept (409 `award_in_use`).
 */
export async function deleteAward(
  db: Db,
  input: { id: number; actorUserId: number; ip: string | null; now: Date },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const current = await findAward(tx, input.id);
    if (!current) throw notFound(t('Penghargaan tidak ditemukan.', 'Award not found.'));
    if (await awardInUseByProposals(tx, current.id)) throw awardInUse();
    await tx.deleteFrom('awards').where('id', '=', current.id).execute();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'award.deleted',
      entityType: 'award',
      entityId: current.id,
      summary: {
        before: {
          year: current.year,
          level: current.level,
          innovationTitle: current.innovation_title,
          institutionName: current.institution_name,
          institutionId: current.institution_id,
          sourceUrl: current.source_url,
          notes: current.notes,
        },
      },
      scope: { referenceData: true },
      ip: input.ip,
      now: input.now,
    });
  });
}
